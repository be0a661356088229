// Example requests of the archive routes for the authorisation matrix (see test/route-examples.ts).
import type { DemoIds } from '../../demo/demo.org.ts';
import type { ExampleRequest, RouteExample } from '../../test/route-examples.ts';

const MISSING_ID = '00000000-0000-4000-8000-00000000a7c1';
type Agency = 'market' | 'urban';
const on = (build: (caseId: string) => ExampleRequest, agency: Agency) => (ids: DemoIds) =>
  build(ids.cases[agency]);
const both = (build: (caseId: string) => ExampleRequest): RouteExample => ({
  own: on(build, 'market'),
  other: on(build, 'urban'),
});

export const ARCHIVE_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/cases/:caseId/legal-holds': both((c) => ({ url: `/api/cases/${c}/legal-holds` })),
  'POST /api/cases/:caseId/legal-holds': both((c) => ({
    url: `/api/cases/${c}/legal-holds`,
    payload: { reason: '当事人已申请行政复议' },
  })),
  'POST /api/cases/:caseId/legal-holds/:holdId/release': both((c) => ({
    url: `/api/cases/${c}/legal-holds/${MISSING_ID}/release`,
    payload: { reason: '复议已终结' },
  })),
  'GET /api/cases/:caseId/disposals': both((c) => ({ url: `/api/cases/${c}/disposals` })),
  'POST /api/cases/:caseId/disposals': both((c) => ({
    url: `/api/cases/${c}/disposals`,
    payload: { evidenceIds: [MISSING_ID], reason: '保管期限已满' },
  })),
  'POST /api/cases/:caseId/disposals/:proposalId/approvals': both((c) => ({
    url: `/api/cases/${c}/disposals/${MISSING_ID}/approvals`,
  })),
  'GET /api/destruction-register': {
    own: (ids) => ({ url: `/api/destruction-register?agencyId=${ids.agencies.market}` }),
    other: (ids) => ({ url: `/api/destruction-register?agencyId=${ids.agencies.urban}` }),
  },
};
