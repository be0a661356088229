// Administration: the powers catalogue import refuses a workbook with a bad row, naming its row,
// column and reason in Chinese, and accepts it once fixed; an administrator creates an agency with
// an entrustment, sets its 文号 pattern and meets the server's refusal of a rule override looser
// than the local document; the administration pages render at desktop and tablet widths
// (screenshots under test-results/screenshots/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, login, test } from '../support/fixtures.ts';
import { choose } from '../support/ui.ts';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const WIDTHS = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 820, height: 1180 },
} as const;

/** Screenshots of the current page (whole page, or the window when a drawer is open) at both
 * widths, then back to desktop. */
async function shoot(page: Page, name: string, fullPage = true) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForLoadState('networkidle');
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${name}-${label}.png`),
      fullPage,
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
    ['/app/admin/instruments', '文书模板', 'admin-instruments'],
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

/** A valid 统一社会信用代码 (GB 32100 check character) unique to the run. */
function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const digits = String(Date.now()).slice(-9);
  const body = `11370403${digits}`;
  const sum = [...body].reduce((acc, c, i) => acc + alphabet.indexOf(c) * (weights[i] ?? 0), 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test('an administrator creates an agency with an entrustment, numbers its instruments and is refused a looser rule', async ({
  page,
}) => {
  const name = `枣庄市薛城区端到端测试局${RUN}`;
  await login(page, 'admin');
  await page.goto('/app/admin/org');
  await page.getByRole('button', { name: '新增执法主体' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '新增执法主体' });
  await drawer.getByLabel('名称').fill(name);
  await drawer.getByLabel('简称').fill(`端测${RUN}`);
  // The form checks the code's check character as the server does.
  await drawer.getByLabel('统一社会信用代码').fill('11370403MB2851901X');
  await drawer.getByLabel('统一社会信用代码').blur();
  await expect(drawer.getByText('统一社会信用代码不正确')).toBeVisible();
  await drawer.getByLabel('统一社会信用代码').fill(creditCode());
  await choose(page, '主体类型', '政府工作部门', drawer);
  await choose(page, '所属行政区划', '薛城区（370403）', drawer);
  await drawer.getByLabel('管辖范围').fill('薛城区行政区域内的端到端测试事项');
  await drawer.getByLabel(/执法领域/).fill('市场监管');
  await drawer.getByLabel(/执法领域/).press('Enter');
  await drawer.getByLabel('联系电话').fill('0632-4412315');
  await drawer.getByRole('button', { name: '新增执法主体' }).click();
  await expect(page.getByText(`已新增执法主体“${name}”`)).toBeVisible();
  await expect(page).toHaveURL(/agency=/);
  const agencyId = new URL(page.url()).searchParams.get('agency');
  await expect(page.locator('.ant-card-head-title', { hasText: name })).toBeVisible();
  // Changed afterwards: only what changed is sent (PATCH).
  await page.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog').filter({ hasText: '修改执法主体' });
  await edit.getByLabel('监督电话').fill('12345');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText(`已保存“${name}”的修改`)).toBeVisible();
  await expect(page.locator('.ant-descriptions-item-content', { hasText: '12345' })).toBeVisible();

  // 委托执法 with its period; then ended with a reason.
  await page.getByRole('button', { name: '新增委托执法' }).click();
  const entrust = page.getByRole('dialog').filter({ hasText: '新增委托执法' });
  await entrust.getByLabel('受委托组织', { exact: true }).fill(`端到端测试执法中队${RUN}`);
  await entrust.getByLabel('受委托组织统一社会信用代码').fill(creditCode());
  await entrust.getByLabel('委托事项').fill('对占道经营行为的检查');
  await entrust.getByLabel('委托依据').fill('《中华人民共和国行政处罚法》第二十条');
  await entrust.getByLabel('委托权限与责任').fill('以委托机关名义实施；不得再委托');
  await entrust.getByLabel('委托起始日期').fill(isoDate(0));
  await entrust.getByLabel('委托起始日期').press('Enter');
  await entrust.getByLabel('委托终止日期').fill(isoDate(-1));
  await entrust.getByLabel('委托终止日期').press('Enter');
  await entrust.getByRole('button', { name: '确认委托' }).click();
  await expect(entrust.getByText('终止日期不能早于起始日期')).toBeVisible();
  await entrust.getByLabel('委托终止日期').fill(isoDate(365));
  await entrust.getByLabel('委托终止日期').press('Enter');
  await entrust.getByRole('button', { name: '确认委托' }).click();
  const row = page.getByRole('row').filter({ hasText: `端到端测试执法中队${RUN}` });
  await expect(row).toContainText(isoDate(365));
  await expect(row.getByText('有效', { exact: true })).toBeVisible();
  await shoot(page, 'admin-org-agency-created');
  await row.getByRole('button', { name: /变更或终止/ }).click();
  const change = page.getByRole('dialog').filter({ hasText: '变更或终止委托' });
  await change.getByText('已终止', { exact: true }).click();
  // The basis written wrongly at entrustment is corrected in the same change.
  await change.getByLabel('委托依据').fill('《中华人民共和国行政处罚法》第二十条、第二十一条');
  await change.getByLabel('变更理由').fill('受委托组织撤并；更正委托依据');
  await change.getByRole('button', { name: '确认变更' }).click();
  await expect(row).toContainText('已终止');

  // 文号: the preview follows the pattern; a pattern without {year} is refused with the server's
  // own words.
  await page.goto(`/app/admin/instruments?agency=${agencyId}`);
  await expect(page.getByRole('heading', { name: '文书模板', level: 3 })).toBeVisible();
  await page.getByLabel('机关简称').fill('薛端测');
  await page.getByLabel('文号格式').fill('{abbr}{code}{seq}号');
  await expect(page.getByTestId('numbering-preview')).toContainText('须包含 {year} 和 {seq}');
  await page.getByLabel('文号格式').fill('{abbr}{code}字〔{year}〕第{seq}号');
  const year = isoDate(0).slice(0, 4);
  await expect(page.getByTestId('numbering-preview')).toContainText(`薛端测罚决字〔${year}〕第1号`);
  await page.getByRole('button', { name: '保存文号格式' }).click();
  await expect(page.getByText(`已保存文号格式，例如 薛端测罚决字〔${year}〕第1号`)).toBeVisible();
  await expect(page.getByRole('cell', { name: `薛端测立审字〔${year}〕第1号` })).toBeVisible();
  await shoot(page, 'admin-instruments-numbering');

  // A rule override looser than the local document is refused with the server's message; a
  // stricter one is recorded.
  await page.goto(`/app/admin/profiles?agency=${agencyId}`);
  await page.getByRole('button', { name: '调整本机关规则' }).click();
  const adjust = page.getByRole('dialog').filter({ hasText: '调整本机关规则' });
  // The list of rules is long and virtual: type to narrow it before picking.
  await adjust.getByLabel('规则', { exact: true }).fill('信息公示时限');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '行政处罚决定信息公示时限' })
    .first()
    .click();
  const context = adjust.getByTestId('override-rule-context');
  await expect(context).toContainText('7个工作日内');
  await expect(context).toContainText('20个工作日内');
  await adjust.getByLabel('期限数值').fill('30');
  await adjust.getByLabel('调整理由').fill('案件量大，延长公示时限');
  await adjust.getByRole('button', { name: '保存调整' }).click();
  const refusal = adjust.getByRole('alert').filter({ hasText: '未能调整规则' });
  await expect(refusal).toContainText('只能放宽至本地规范性文件规定的原值');
  await expect(adjust).toContainText('本地规定的原值：20个工作日内');
  await shoot(page, 'admin-override-refused', false);
  await adjust.getByLabel('期限数值').fill('5');
  await adjust.getByLabel('调整理由').fill('本机关从严公示');
  await adjust.getByRole('button', { name: '保存调整' }).click();
  await expect(page.getByText('已调整“行政处罚决定信息公示时限”')).toBeVisible();
  await expect(page.getByText('理由：本机关从严公示', { exact: true })).toBeVisible();
});
