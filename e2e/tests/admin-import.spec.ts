// Administration: the powers catalogue import refuses a workbook with a bad row, naming its row,
// column and reason in Chinese, and accepts it once fixed; the administration pages render at
// desktop and tablet widths (screenshots under test-results/screenshots/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, login, test } from '../support/fixtures.ts';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const WIDTHS = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 820, height: 1180 },
} as const;

/** Full-page screenshots of the current page at both widths, then back to desktop. */
async function shoot(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForLoadState('networkidle');
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${name}-${label}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** A powers workbook as an administrator fills the template: header row, then one row a power. */
// Codes unique to the run, so the import creates its powers again against a reused server.
const RUN = Date.now().toString(36).toUpperCase();

async function workbook(category: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('权力事项');
  sheet.addRow(['事项编码', '事项名称', '类别', '法律依据']);
  sheet.addRow([
    `E2E-${RUN}-CF-001`,
    '对生产经营超过保质期食品的行政处罚（端到端测试）',
    '处罚',
    '《中华人民共和国食品安全法》第三十四条、第一百二十四条第一款',
  ]);
  sheet.addRow([
    `E2E-${RUN}-JC-002`,
    '食品经营场所的日常监督检查（端到端测试）',
    category,
    '《中华人民共和国食品安全法》第一百一十条',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('an XLSX import with a bad row is refused with row, column and reason; fixed, it imports', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.goto('/app/admin/powers');
  await expect(page.getByRole('heading', { name: '权责清单' })).toBeVisible();
  // The chooser is a Chinese button over the hidden native input.
  const choose = async (buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择 XLSX 或 CSV 文件' }).click();
    await (await chooser).setFiles({ name: '权力清单.xlsx', mimeType: XLSX, buffer });
    await expect(page.getByText('权力清单.xlsx')).toBeVisible();
  };

  await choose(await workbook('巡查'));
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '文件未导入' })).toContainText(
    '未导入任何数据',
  );
  const issues = page.getByTestId('import-issues');
  const row = issues.getByRole('row').filter({ hasText: '巡查' });
  await expect(row).toContainText('权力事项');
  await expect(row.getByRole('cell').nth(1)).toHaveText('3');
  await expect(row.getByRole('cell').nth(2)).toHaveText('类别');
  await expect(row).toContainText('无法识别');
  await shoot(page, 'admin-powers-import-refused');

  await choose(await workbook('检查'));
  await page.getByRole('button', { name: '开始导入' }).click();
  const status = page.getByRole('status').filter({ hasText: '导入成功' });
  await expect(status).toContainText('新增 2 项');
  await expect(page.getByTestId('import-issues')).toHaveCount(0);
  await page.getByLabel('编码或名称').fill(`E2E-${RUN}`);
  await page.getByLabel('编码或名称').press('Enter');
  await expect(page.getByRole('cell', { name: `E2E-${RUN}-JC-002` })).toBeVisible();
  await shoot(page, 'admin-powers-imported');
});

test('the administration pages render for an administrator', async ({ page }) => {
  await login(page, 'admin');
  const pages: [string, string, string][] = [
    ['/app/admin', '系统管理', 'admin-home'],
    ['/app/admin/org', '组织机构', 'admin-org'],
    ['/app/admin/users', '用户与角色', 'admin-users'],
    ['/app/admin/people', '执法人员与证件', 'admin-people'],
    ['/app/admin/profiles', '制度配置', 'admin-profiles'],
    ['/app/admin/calendar', '工作日历', 'admin-calendar'],
  ];
  for (const [url, heading, name] of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: heading, level: 3 })).toBeVisible();
    await expect(page.getByLabel('正在加载')).toHaveCount(0);
    await shoot(page, name);
  }

  // A credential's QR code (亮证执法) is an SVG drawn by the server.
  await page.goto('/app/admin/people');
  await page.getByLabel('执法主体').focus();
  await page.keyboard.type('市场监督');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/agency=/);
  await expect(page.getByRole('cell', { name: '王建国', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '二维码' }).first().click();
  const qr = page.getByTestId('credential-qr');
  await expect(qr).toBeVisible();
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await shoot(page, 'admin-credential-qr');
});
