// A penalty case from registration to publication, played by the officers, the head and the
// reviewer through the workbench: the inspection record is refused until its video is uploaded
// (薛城区 records on-site inspections on video), the party's waiver of its statement and defence is
// recorded after the prior notice, the decision is refused without legal review (the server's
// messages on screen), then made after an agreeing opinion, and the decision is published.
import type { Page } from '@playwright/test';
import { expect, login, logout, screenshot, test } from '../support/fixtures.ts';
import { choose, confirmAction, expectCaseState, openAction, submitAction } from '../support/ui.ts';

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

async function fillInspectionRecord(page: Page) {
  await openAction(page, '制作笔录');
  await choose(page, '笔录种类', '检查笔录');
  await page.getByLabel('地点').fill('当事人经营场所');
  await page.getByLabel('内容').fill('现场检查发现超过保质期的食品原料 12 包。');
  await page.getByLabel('当事人已签名').click();
}

/** A video is typed from its bytes: an MP4 box header, then anything. */
const VIDEO = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom\0\0\0\0isommp41'),
  Buffer.alloc(4096, 7),
]);

const TITLE = `端到端测试：经营过期食品案 ${Date.now()}`;

test('penalty case: officers, head and reviewer from registration to publication', async ({
  page,
}) => {
  // Officer registers the case.
  await login(page, 'officer1');
  await screenshot(page, 'home-officer', 'desktop');
  await page.getByRole('menuitem', { name: /案件/ }).click();
  await page.getByRole('button', { name: '登记案件' }).click();
  await page.getByLabel('案由').fill(TITLE);
  await choose(page, '执法职权（权责清单事项）', '超过保质期');
  await page.getByLabel('基本案情').fill('当事人经营超过保质期的食品原料。');
  await page.getByLabel('当事人 1 名称').fill('枣庄市薛城区某食品有限公司');
  await page.getByLabel('当事人 1 统一社会信用代码').fill('91350100M000100Y43');
  await page.getByRole('button', { name: '添加执法人员' }).click();
  await choose(page, '执法人员 2', '李秀英');
  await screenshot(page, 'case-new', 'desktop');
  await page.getByRole('button', { name: '登记案件' }).click();
  await expectCaseState(page, '案源登记');
  const caseUrl = page.url();

  // Each officer declares there is no ground for recusal, then the case is put up for filing.
  await confirmAction(page, '作出回避声明', '确认声明');
  await logout(page);
  await login(page, 'officer2');
  await page.goto(caseUrl);
  await confirmAction(page, '作出回避声明', '确认声明');
  await expect(page.getByText('已声明')).toHaveCount(2);
  await logout(page);
  await login(page, 'officer1');
  await page.goto(caseUrl);
  await confirmAction(page, '提请立案');
  await expectCaseState(page, '待批准立案');
  await logout(page);

  // The head approves the filing.
  await login(page, 'head1');
  await screenshot(page, 'home-head', 'desktop');
  await page.goto(caseUrl);
  await confirmAction(page, '批准立案');
  await expectCaseState(page, '调查取证');
  await logout(page);

  // The officer records the inspection and serves the prior notice.
  await login(page, 'officer1');
  await page.goto(caseUrl);
  await fillInspectionRecord(page);
  await screenshot(page, 'case-action-form', 'desktop');
  await submitAction(page, '制作笔录');
  // 薛城区 附件2 第十三条: an on-site inspection is recorded on video at the same time.
  await expect(page.locator('.ant-drawer').getByRole('alert')).toContainText(
    '现场检查应当全程音像记录',
  );
  await page.getByRole('button', { name: '取消' }).click();

  // The officer uploads the inspection's video, naming the act it records.
  await page.goto(`${caseUrl}?tab=evidence`);
  await page.locator('input[type=file]').setInputFiles({
    name: '现场检查录像.mp4',
    mimeType: 'video/mp4',
    buffer: VIDEO,
  });
  await page.getByLabel('音像记录', { exact: true }).click();
  await choose(page, '记录的执法行为', '现场检查');
  await page.getByLabel('记录设备编号').fill('执法记录仪 XC-0031');
  await choose(page, '在场执法人员', '王建国', page.getByRole('group', { name: '音像记录信息' }));
  await page.getByLabel('记录地点').fill('当事人经营场所');
  await fillRange(page, '记录起止时间', chinaTime(90), chinaTime(60));
  await page.getByRole('button', { name: '开始上传' }).click();
  await expect(page.getByTestId('evidence-sm3')).toBeVisible({ timeout: 60_000 });

  await page.goto(caseUrl);
  await fillInspectionRecord(page);
  await submitAction(page, '制作笔录');
  await expect(page.locator('.ant-drawer-title')).toHaveCount(0);

  await openAction(page, '送达行政处罚事先告知书');
  await choose(page, '处罚种类', '罚款');
  await page.getByLabel('罚款金额（元）').fill('3000');
  await page.getByLabel('法律依据').fill('《中华人民共和国食品安全法》第一百二十四条第一款');
  await page
    .getByLabel('理由', { exact: true })
    .fill('当事人经营超过保质期的食品原料，事实清楚，证据确凿。');
  await submitAction(page, '送达行政处罚事先告知书');
  await expectCaseState(page, '已事先告知');

  // The party waives its statement and defence in writing (放弃陈述申辩), so the decision need not
  // wait for the statement period to end (《行政处罚法》第四十四条、第四十五条、第六十二条).
  await openAction(page, '记录当事人放弃陈述申辩');
  await choose(page, '放弃方式', '当事人签署书面声明');
  await page
    .getByLabel('书面声明或笔录', { exact: true })
    .fill('放弃陈述申辩声明书（当事人法定代表人签名）');
  await submitAction(page, '记录当事人放弃陈述申辩');
  await expect(page.locator('.ant-drawer-title')).toHaveCount(0);
  await expectCaseState(page, '已事先告知');

  // The officer declares the decision concerns a major public interest: it becomes major.
  await page.getByRole('tab', { name: '法制审核' }).click();
  await page.getByLabel('涉及重大公共利益').check();
  await page.getByRole('button', { name: '保存情形声明' }).click();
  await expect(page.getByText('属于重大执法决定，尚未报送法制审核')).toBeVisible();
  await logout(page);

  // The head tries to decide: refused, and the server's message is on screen.
  await login(page, 'head1');
  await page.goto(caseUrl);
  await openAction(page, '作出行政处罚决定');
  await submitAction(page, '作出行政处罚决定');
  await expect(page.locator('.ant-drawer').getByRole('alert')).toContainText(
    '须经法制审核后方可作出',
  );
  await screenshot(page, 'case-decision-refused', 'desktop');
  await page.getByRole('button', { name: '取消' }).click();
  await expectCaseState(page, '已事先告知');
  await logout(page);

  // The officer submits the case for legal review.
  await login(page, 'officer1');
  await page.goto(`${caseUrl}?tab=review`);
  await page
    .getByLabel('案件情况及拟作出的决定')
    .fill('当事人经营过期食品原料，拟罚款三千元，报送法制审核。');
  await page.getByRole('button', { name: '报送法制审核' }).click();
  await expect(page.getByText('待审核')).toBeVisible();
  await logout(page);

  // The reviewer finds it in the queue and agrees.
  await login(page, 'reviewer1');
  await expect(page.getByRole('link', { name: new RegExp(TITLE) })).toBeVisible();
  await screenshot(page, 'home-reviewer', 'desktop');
  await screenshot(page, 'home-reviewer', 'tablet');
  await page.getByRole('link', { name: new RegExp(TITLE) }).click();
  // The case was sent to the reviewer's body: reading it is their part of the case, logged
  // without asking for a reason (调阅监督 asks only readers outside the case).
  await choose(page, '审核意见', '同意');
  await expect(page.getByLabel('调阅事由')).toHaveCount(0);
  await screenshot(page, 'case-review', 'desktop');
  await page.getByRole('button', { name: '出具审核意见' }).click();
  await expect(page.getByText('已出具意见')).toBeVisible();
  await logout(page);

  // The head decides; the decision is published (signed off when the agency requires it).
  await login(page, 'head1');
  await page.goto(caseUrl);
  await openAction(page, '作出行政处罚决定');
  await submitAction(page, '作出行政处罚决定');
  await expectCaseState(page, '已作出决定');
  const signOff = page.getByRole('button', { name: '签发公示' });
  if (await signOff.isVisible()) await confirmAction(page, '签发公示', '签发');
  await expect(page.getByText('已公示')).toBeVisible();
  await screenshot(page, 'case-decided', 'desktop');
  await screenshot(page, 'case-decided', 'tablet');

  // The timeline verifies in the browser against the signed tree head.
  await page.getByRole('tab', { name: '全过程记录' }).click();
  await expect(page.getByText('记录当事人放弃陈述申辩').first()).toBeVisible();
  await page
    .getByRole('button', { name: /核验第 \d+ 号记录/ })
    .first()
    .click();
  await expect(page.getByText('已在浏览器中用 SM3 核验')).toBeVisible();
  await screenshot(page, 'case-timeline-verified', 'desktop');
  await page.keyboard.press('Escape');

  // The public portal shows the published decision under the case number.
  const caseNo = (await page.locator('h3').first().innerText()).split(/\s/)[0] ?? '';
  const href = await page.getByRole('link', { name: '查看公示页面' }).getAttribute('href');
  expect(href).toMatch(/^\/decisions\//);
  await page.goto(href ?? '/');
  await expect(page.locator('body')).toContainText(caseNo);
});
