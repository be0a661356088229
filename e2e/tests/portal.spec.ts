// The public portal in Chromium over the demo district: home, search results, a decision, an
// agency, a credential's verification (with its QR code), an inspection's page (扫码入企) and
// the annual statistics, each at phone (390×844) and desktop (1440×900) width, saved under
// test-results/screenshots/portal-*.png; no console errors (the fixture), every form control
// labelled, keyboard focus visible, nothing wider than the phone's screen.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const WIDTHS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;
const INSPECTION_CODE = 'XJ26MKTQ8A';

// In-page checks run in the browser; written as source text because the e2e project has no DOM
// types (Node only).
const UNLABELLED = `[...document.querySelectorAll('input, select, textarea')]
  .filter((el) => !['hidden', 'submit', 'button', 'reset'].includes(el.type))
  .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')
    && !el.getAttribute('aria-labelledby'))
  .map((el) => el.outerHTML.slice(0, 120))`;
const FOCUS_VISIBLE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const style = getComputedStyle(el);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
})()`;
const OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

/** Form controls without a label (by <label for>, wrapping label, aria-label or labelledby). */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(UNLABELLED);
}

/** Tabs to the first focusable element and reports whether its focus outline shows. */
async function focusIsVisible(page: Page): Promise<boolean> {
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  return page.evaluate<boolean>(FOCUS_VISIBLE);
}

async function check(page: Page, name: string, url: string, heading: RegExp) {
  for (const [width, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.waitForLoadState('networkidle');
    await page.screenshot({
      path: path.join(SCREENSHOTS, `portal-${name}-${width}.png`),
      fullPage: true,
    });
    expect(await unlabelledControls(page), `${url}: unlabelled controls`).toEqual([]);
    expect(await focusIsVisible(page), `${url}: focus outline`).toBe(true);
    // Nothing may force a phone to scroll sideways (wide tables scroll inside their region).
    const overflow = await page.evaluate<number>(OVERFLOW);
    expect(overflow, `${url} at ${width}: horizontal overflow`).toBeLessThanOrEqual(0);
  }
}

test('the portal at phone and desktop width', async ({ page }) => {
  await check(page, 'home', '/', /行政执法公示/);

  await check(page, 'search', '/decisions?q=食品', /执法决定/);
  await page.setViewportSize(WIDTHS.desktop);
  await page.goto('/decisions?q=食品');
  const first = page.locator('article.item h3 a').first();
  await expect(first).toBeVisible();
  const decisionUrl = new URL((await first.getAttribute('href')) ?? '', 'http://x').pathname;
  await check(page, 'decision', decisionUrl, /./);

  const agencies = (await (await page.request.get('/api/public/agencies')).json()) as {
    items: { id: string; name: string }[];
  };
  const market = agencies.items.find((a) => a.name.includes('市场监督管理局'));
  expect(market).toBeDefined();
  await check(page, 'agency', `/agencies/${market?.id ?? ''}`, /市场监督管理局/);

  await check(page, 'verify', '/verify/37040320001', /执法证件核验/);
  await expect(page.getByRole('img', { name: /核验二维码/ })).toBeVisible();
  const qr = await page.request.get('/verify/37040320001/qr.png');
  expect(qr.headers()['content-type']).toBe('image/png');

  await check(page, 'inspection', `/inspections/${INSPECTION_CODE}`, /行政检查信息/);
  await check(page, 'annual-report', '/reports/annual', /年度行政执法统计数据/);
});
