// Helpers for antd controls, located the way a user (or a screen reader) finds them: by label.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the select labelled `label` (within `scope`, if given) and picks the option `option`. */
export async function choose(
  page: Page,
  label: string | RegExp,
  option: string,
  scope: Page | Locator = page,
) {
  await scope.getByLabel(label, { exact: typeof label === 'string' }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  // A multiple select stays open: a click on a neutral title closes it (Escape would also close a
  // surrounding drawer, Tab would toggle the active option).
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  if (await open.count()) {
    const drawerTitle = page.locator('.ant-drawer-open .ant-drawer-title');
    await ((await drawerTitle.count()) ? drawerTitle : page.locator('h3').first()).click();
  }
}

/** Clicks a button and confirms its Popconfirm. */
export async function confirmAction(page: Page, button: string, ok = '确认') {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: ok }).click();
}

/** Opens the action form of the case page's "可办理事项" by its label. */
export async function openAction(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.locator('.ant-drawer-title', { hasText: label })).toBeVisible();
}

export async function submitAction(page: Page, label: string) {
  await page.getByRole('button', { name: `提交：${label}` }).click();
}

export async function expectCaseState(page: Page, state: string) {
  await expect(page.locator('h3 .ant-tag').first()).toHaveText(state);
}
