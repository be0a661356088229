// Example requests of the legal-review routes for the authorisation matrix (see
// test/route-examples.ts). `own` aims at the demo case (or agency) of 市场监管局, `other` at 综合执法局.
// Bodies are valid, so a refusal of another agency's case can only come from the scope check.
import type { DemoIds } from '../../demo/demo.org.ts';
import type { ExampleRequest, RouteExample } from '../../test/route-examples.ts';

const MISSING_ID = '00000000-0000-4000-8000-00000000a5e1';

type CaseKey = keyof DemoIds['cases'];
type AgencyKey = 'market' | 'urban';

function onCase(path: string, payload?: unknown): RouteExample {
  const request =
    (key: CaseKey) =>
    (ids: DemoIds): ExampleRequest => ({
      url: `/api/cases/${ids.cases[key]}/review${path}`,
      ...(payload === undefined ? {} : { payload }),
    });
  return { own: request('market'), other: request('urban') };
}

function onAgency(path: string, payload?: unknown): RouteExample {
  const request =
    (key: AgencyKey) =>
    (ids: DemoIds): ExampleRequest => ({
      url: `/api/agencies/${ids.agencies[key]}${path}`,
      ...(payload === undefined ? {} : { payload }),
    });
  return { own: request('market'), other: request('urban') };
}

export const REVIEW_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/cases/:caseId/review': onCase(''),
  'POST /api/cases/:caseId/review/classification': onCase('/classification'),
  'PUT /api/cases/:caseId/review/facts': onCase('/facts', {
    facts: { major_public_interest: false },
    note: '授权矩阵测试',
  }),
  'POST /api/cases/:caseId/review/submissions': onCase('/submissions', {
    situation: '拟对当事人作出行政处罚，现报送法制审核。',
  }),
  'POST /api/cases/:caseId/review/opinion': onCase('/opinion', {
    outcome: 'agree',
    checklist: [],
  }),
  'POST /api/cases/:caseId/review/extension': onCase('/extension', { reason: '案情复杂' }),
  'POST /api/cases/:caseId/review/objection': onCase('/objection', {
    reasons: '对审核意见认定的事实有异议',
  }),
  'POST /api/cases/:caseId/review/resolution': onCase('/resolution', {
    heldOn: '2026-11-20',
    participants: ['负责人甲', '负责人乙', '负责人丙'],
    minutes: '经集体讨论，采纳审核意见。',
    resolution: 'adopt_review_opinion',
  }),
  'GET /api/cases/:caseId/review/opinions/:opinionId/document': onCase(
    `/opinions/${MISSING_ID}/document`,
  ),
  'GET /api/agencies/:agencyId/review-queue': onAgency('/review-queue'),
  'GET /api/agencies/:agencyId/reviewer-staffing': onAgency('/reviewer-staffing'),
  'GET /api/agencies/:agencyId/major-catalog': onAgency('/major-catalog'),
  'POST /api/agencies/:agencyId/major-catalog/extensions': onAgency('/major-catalog/extensions', {
    code: 'matrix-extension',
    label: '授权矩阵测试条目',
    decisionKind: 'penalty',
    when: [{ type: 'fact', fact: 'other_major_impact' }],
    reason: '授权矩阵测试',
    filing: {
      authority: '薛城区人民政府法制办公室',
      filingNo: '薛法备〔2026〕1号',
      filedOn: '2026-11-01',
    },
  }),
};
