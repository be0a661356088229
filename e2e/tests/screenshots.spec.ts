// Screenshots of the main pages at desktop (1440×900) and tablet (1024×768) widths, saved under
// e2e/test-results/screenshots/ for review; each page must load without a console error.
import { expect, login, logout, screenshot, test } from '../support/fixtures.ts';

const BOTH = ['desktop', 'tablet'] as const;

test('main pages at desktop and tablet widths', async ({ page }) => {
  await page.goto('/app/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  for (const width of BOTH) await screenshot(page, 'login', width);

  await login(page, 'officer1');
  await expect(page.getByText('我的案件')).toBeVisible();
  for (const width of BOTH) await screenshot(page, 'home-officer', width);

  await page.goto('/app/cases');
  await expect(page.getByRole('table')).toBeVisible();
  for (const width of BOTH) await screenshot(page, 'cases', width);

  const list = await page.request.get('/api/cases?state=investigating&pageSize=50');
  const [first] = ((await list.json()) as { items: { id: string }[] }).items;
  for (const [tab, name] of [
    ['summary', '概况'],
    ['evidence', '证据'],
    ['review', '法制审核'],
    ['timeline', '全过程记录'],
  ] as const) {
    await page.goto(`/app/cases/${first?.id}?tab=${tab}`);
    await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
    await expect(page.locator('.ant-skeleton')).toHaveCount(0);
    for (const width of BOTH) await screenshot(page, `case-${tab}`, width);
  }
  await page.goto('/app/cases/new');
  for (const width of BOTH) await screenshot(page, 'case-new', width);
  await logout(page);

  for (const user of ['head1', 'supervisor1', 'archivist1', 'admin']) {
    await login(page, user);
    await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
    await expect(page.locator('.ant-skeleton')).toHaveCount(0);
    for (const width of BOTH) await screenshot(page, `home-${user.replace(/\d+$/, '')}`, width);
    if (user === 'head1') {
      // A head sets the own agency's 文号 pattern beside the templates.
      await page.goto('/app/admin/instruments');
      await expect(page.getByRole('heading', { name: '文书模板', level: 3 })).toBeVisible();
      await expect(page.getByTestId('numbering-preview')).toContainText('罚决');
      await expect(page.locator('.ant-skeleton')).toHaveCount(0);
      for (const width of BOTH) await screenshot(page, 'admin-instruments-head', width);
    }
    await logout(page);
  }
});
