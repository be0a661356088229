// The test object every spec imports: fails a test on any console error or uncaught page error,
// and offers login as a demo account and screenshots at the two widths.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

export const DEMO_PASSWORD = 'Sanxiang@2026';

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 1024, height: 768 },
} as const;

export const test = base.extend<{ consoleErrors: string[]; expectedConsoleErrors: RegExp[] }>({
  // A test that provokes a failure on purpose (a dropped connection) names what it expects.
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        // Chromium logs every refused API request as a failed resource load; the refusal itself
        // (its Chinese message on screen) is what the tests assert. Anything else counts.
        // The browser's own favicon request on pages that declare none (the portal) is not the
        // application's error either.
        const path = new URL(message.location().url || 'about:blank', 'http://x').pathname;
        const isApiRefusal =
          /Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
          (path.startsWith('/api/') || path === '/favicon.ico');
        const isExpected = expectedConsoleErrors.some((pattern) => pattern.test(text));
        if (!isApiRefusal && !isExpected) errors.push(`${text} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/app/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

/** Saves a full-page screenshot under e2e/test-results/screenshots/<name>-<viewport>.png. */
export async function screenshot(page: Page, name: string, viewport: keyof typeof VIEWPORTS) {
  await page.setViewportSize(VIEWPORTS[viewport]);
  await page.waitForLoadState('networkidle');
  await page.screenshot({
    // A full-page capture with CJK fonts can take long on a loaded machine; it asserts nothing.
    timeout: 60_000,
    path: path.join(SCREENSHOTS, `${name}-${viewport}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}
