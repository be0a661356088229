import { expect, login, test } from '../support/fixtures.ts';

test('a wrong password shows the server refusal; a demo account signs in', async ({ page }) => {
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/app\/login/);
  await page.getByLabel('用户名').fill('officer1');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码');
  await login(page, 'officer1');
  await expect(page.getByRole('menuitem', { name: /案件/ })).toBeVisible();
});
