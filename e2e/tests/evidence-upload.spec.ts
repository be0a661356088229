// Evidence upload over tus: the connection drops in the middle (one PATCH aborted), the client
// retries from the server's offset, the officer pauses and resumes, and the recorded evidence
// shows the SM3 the server computed — equal to the file's. The AV record includes an interruption.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, login, screenshot, test } from '../support/fixtures.ts';
import { choose } from '../support/ui.ts';

const SIZE = 5 * 1024 * 1024 + 12345;

function fileBytes(): Buffer {
  // Deterministic, incompressible bytes.
  const out = Buffer.alloc(SIZE);
  let x = 0x12345678;
  for (let i = 0; i < SIZE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** "YYYY-MM-DD HH:mm" in China time, `minutesAgo` before now. */
function chinaTime(minutesAgo: number): string {
  const at = new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

async function fillRange(page: Page, label: string, from: string, to: string) {
  const start = page.getByLabel(label, { exact: true });
  await start.click();
  await start.fill(from);
  await start.press('Enter');
  const end = page.locator('.ant-picker-input-active input');
  await end.fill(to);
  await end.press('Enter');
}

test.use({ expectedConsoleErrors: [/net::ERR_CONNECTION_RESET/] });

test('an evidence upload interrupted, retried, paused and resumed', async ({ page }) => {
  const bytes = fileBytes();
  const sm3 = createHash('sm3').update(bytes).digest('hex');

  await login(page, 'officer1');
  const list = await page.request.get('/api/cases?state=investigating&pageSize=50');
  const target = (
    (await list.json()) as { items: { id: string; agencyName: string }[] }
  ).items.find((c) => c.agencyName.includes('市场监督管理局'));
  expect(target, 'a demo case under investigation').toBeTruthy();
  await page.goto(`/app/cases/${target?.id}?tab=evidence`);

  await page.locator('input[type=file]').setInputFiles({
    name: '现场检查录像.mp4',
    mimeType: 'video/mp4',
    buffer: bytes,
  });
  await page.getByLabel('音像记录', { exact: true }).click();
  await choose(page, '记录的执法行为', '现场检查');
  await page.getByLabel('记录设备编号').fill('执法记录仪 XC-0031');
  await choose(page, '在场执法人员', '王建国', page.getByRole('group', { name: '音像记录信息' }));
  await page.getByLabel('记录地点').fill('当事人经营场所');
  await fillRange(page, '记录起止时间', chinaTime(120), chinaTime(60));
  await page.getByLabel('记录连续无中断').click();
  await page.getByRole('button', { name: '登记中断' }).click();
  await fillRange(page, '中断 1 起止时间', chinaTime(100), chinaTime(95));
  await page.getByLabel('中断 1 原因', { exact: true }).fill('执法记录仪电量不足，更换电池');
  await screenshot(page, 'evidence-upload-form', 'desktop');

  // Every PATCH is slowed down so that the test can act in between; the second one is cut off.
  let patches = 0;
  await page.route('**/api/cases/*/uploads/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    patches += 1;
    if (patches === 2) return route.abort('connectionreset');
    await new Promise((resolve) => setTimeout(resolve, 700));
    return route.continue().catch(() => undefined);
  });

  await page.getByRole('button', { name: '开始上传' }).click();
  await expect(page.getByText(/已上传 2\.0 MB/)).toBeVisible();
  await page.getByRole('button', { name: '暂停' }).click();
  await expect(page.getByText('（已暂停）')).toBeVisible();
  await screenshot(page, 'evidence-upload-paused', 'tablet');
  await page.getByRole('button', { name: '继续上传' }).click();

  await expect(page.getByTestId('evidence-sm3')).toHaveText(sm3, { timeout: 60_000 });
  expect(patches, 'the dropped PATCH was retried').toBeGreaterThanOrEqual(4);
  await expect(page.getByText('现场检查录像.mp4').first()).toBeVisible();
  await screenshot(page, 'evidence-uploaded', 'desktop');

  // The recorded evidence carries the interruption.
  await page.getByRole('button', { name: '查看' }).last().click();
  await expect(page.getByText('中断 1 次')).toBeVisible();
});
