// Legal review in the workbench: a major penalty proposal reaches the reviewer's queue; the
// opinion form refuses what the server refuses (no reasons for a non-agreement, no problem named,
// a problem without its note) before the opinion is given; after the officer resubmits, the
// history shows what changed. Also the statistics page for a supervisor. Screenshots at desktop
// and tablet widths under test-results/screenshots/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, login, logout, test } from '../support/fixtures.ts';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const WIDTHS = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 820, height: 1180 },
} as const;

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

type Api = <T = unknown>(method: 'GET' | 'POST', url: string, body?: unknown) => Promise<T>;

async function apiAs(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  username: string,
): Promise<Api> {
  const context = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const session = await context.post('/api/session', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(session.ok()).toBe(true);
  return async <T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> => {
    const response = await context.fetch(url, { method, ...(body ? { data: body } : {}) });
    const json: unknown = await response.json();
    expect(response.ok(), `${method} ${url}: ${JSON.stringify(json)}`).toBe(true);
    return json as T;
  };
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A penalty case of the market regulator, noticed with an 80 000 yuan fine (major), submitted. */
async function submittedMajorCase(
  officer: Api,
  assistant: Api,
  head: Api,
): Promise<{ id: string; caseNo: string }> {
  const session = await officer<{ roles: { agencyId: string }[] }>('GET', '/api/session');
  const market = session.roles[0]?.agencyId ?? '';
  const people: { id: string; name: string }[] = await officer(
    'GET',
    `/api/agencies/${market}/people`,
  );
  const personId = (name: string) => people.find((p) => p.name === name)?.id;
  const powers = await officer<{ items: { id: string }[] }>(
    'GET',
    `/api/agencies/${market}/powers?q=XC-SCJG-CF-001`,
  );
  const created = await officer<{ id: string; caseNo: string }>(
    'POST',
    `/api/agencies/${market}/cases`,
    {
      kind: 'penalty',
      procedure: 'ordinary',
      source: 'inspection',
      sourceDetail: null,
      powerId: powers.items[0]?.id,
      handlingUnitId: null,
      title: '某食品公司经营超过保质期食品原料案',
      facts: '当事人经营超过保质期的食品原料。',
      parties: [
        {
          kind: 'organisation',
          name: '枣庄市薛城区某食品有限公司',
          creditCode: '91350100M000100Y43',
          legalRepresentative: '周某',
          address: null,
          phone: null,
        },
      ],
      officers: [
        { personId: personId('王建国'), role: 'lead' },
        { personId: personId('李秀英'), role: 'assist' },
      ],
    },
  );
  const id = created.id;
  await officer('POST', `/api/cases/${id}/recusal`);
  await assistant('POST', `/api/cases/${id}/recusal`);
  const act = (who: Api, action: string, input: unknown = {}) =>
    who('POST', `/api/cases/${id}/actions/${action}`, { input });
  await act(officer, 'request_filing');
  await act(head, 'approve_filing');
  await act(officer, 'record_transcript', {
    transcriptKind: 'inquiry',
    madeOn: chinaToday(),
    place: '当事人经营场所',
    officers: [
      { personId: personId('王建国'), credentialNo: '37040320001' },
      { personId: personId('李秀英'), credentialNo: '37040320002' },
    ],
    content: '问：库房内的食品原料是否超过保质期？答：是，共 12 包。',
    partySigned: true,
  });
  await act(officer, 'notify_intent', {
    servedOn: chinaToday(),
    proposed: {
      types: ['fine'],
      fineYuan: 80000,
      isMitigated: false,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
    },
    isLargeAmount: true,
  });
  await officer('POST', `/api/cases/${id}/review/submissions`, {
    situation: '当事人违法事实清楚，拟作出行政处罚，现报送法制审核。',
    factsAndEvidence: '现场检查笔录一份，照片 3 张。',
  });
  return { id, caseNo: created.caseNo };
}

test('a reviewer gives an opinion validated like the server, sees the resubmission diff; the head extends', async ({
  page,
  playwright,
}) => {
  const officer = await apiAs(playwright, 'officer1');
  // officer2 assists: both officers declare no conflict of interest before filing.
  const assistant = await apiAs(playwright, 'officer2');
  const head = await apiAs(playwright, 'head1');
  const { id, caseNo } = await submittedMajorCase(officer, assistant, head);

  await login(page, 'reviewer1');
  await page.goto('/app/review');
  await page.getByRole('link', { name: caseNo }).click();
  await expect(page.getByRole('heading', { name: `法制审核：${caseNo}` })).toBeVisible();
  await expect(page.getByText('符合的目录情形')).toBeVisible();
  await expect(page.getByText('薛政办发〔2017〕74号 附件3 第五条').first()).toBeVisible();
  await shoot(page, 'review-workspace');

  const give = page.getByRole('button', { name: '出具审核意见' });
  await page.getByLabel('审核意见').click();
  await page.getByTitle('退回补充（须写明理由）').click();
  await give.click();
  await expect(page.getByText('此审核意见须写明理由')).toBeVisible();

  await page.getByLabel('理由（必填）').fill('违法所得数额的证据不足，请补充进货单据。');
  await give.click();
  await expect(
    page.getByRole('alert').filter({ hasText: '须指明存在问题的审核要点' }),
  ).toBeVisible();

  const facts = page.getByRole('radiogroup', { name: /案件事实是否清楚/ });
  await facts.getByText('存在问题').click();
  await give.click();
  await expect(page.getByText('请写明具体问题')).toBeVisible();
  await page
    .getByLabel('案件事实是否清楚，证据是否合法、确凿、充分：存在的问题')
    .fill('证据不足以证明违法所得数额');
  await give.click();
  await expect(page.getByText('已出具法制审核意见').first()).toBeVisible();
  await expect(page.getByText('已出具意见').first()).toBeVisible();

  await officer('POST', `/api/cases/${id}/review/submissions`, {
    situation: '当事人违法事实清楚，拟作出行政处罚，现补充材料后再次报送法制审核。',
    factsAndEvidence: '现场检查笔录一份，照片 3 张，进货单据 2 份。',
    fixNote: '已补充进货单据，证明违法所得数额。',
  });
  await page.reload();
  await expect(page.getByText('2 处变化')).toBeVisible();
  const diff = page.getByRole('table', { name: '与上一版本的差异' });
  await expect(diff.getByLabel('新增：，进货单据 2 份')).toBeVisible();
  await shoot(page, 'review-history-diff');
  await logout(page);

  // The head approves a longer review period, with the reason the server requires.
  await login(page, 'head1');
  await page.goto(`/app/review/${id}`);
  const extend = page.getByRole('button', { name: '批准延长' });
  await extend.click();
  await expect(page.getByText('请写明延长理由')).toBeVisible();
  await page.getByLabel('延长理由').fill('案情复杂，需要补充调查违法所得数额');
  await extend.click();
  await expect(page.getByText('已批准延长审核期限').first()).toBeVisible();
  await expect(page.getByText(/理由：案情复杂，需要补充调查违法所得数额/)).toBeVisible();
  await expect(extend).toHaveCount(0);
});

test('the statistics page draws its charts for a supervisor', async ({ page }) => {
  await login(page, 'supervisor1');
  await page.goto('/app/stats');
  await expect(page.getByRole('heading', { name: '统计分析' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^案件按状态和类别：/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^行政执法决定公示及时性：/ })).toBeVisible();
  await expect(page.getByLabel('正在加载')).toHaveCount(0);
  await shoot(page, 'stats');
});
