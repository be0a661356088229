// Example requests of the access-audit routes for the authorisation matrix (see
// test/route-examples.ts). Ids that do not exist are fine: the scope check comes first.
import type { DemoIds } from '../../demo/demo.org.ts';
import type { ExampleRequest, RouteExample } from '../../test/route-examples.ts';

const MISSING_ID = '00000000-0000-4000-8000-00000000ac01';
const MISSING_TOKEN = 'A'.repeat(43);

function partyRequest(caseId: string): ExampleRequest {
  return {
    url: `/api/cases/${caseId}/party-access-requests`,
    payload: {
      partyId: MISSING_ID,
      purpose: 'copy',
      evidenceIds: [MISSING_ID],
      statedNeed: '申请行政复议需要复制现场检查录像',
    },
  };
}

function decision(caseId: string): ExampleRequest {
  return {
    url: `/api/cases/${caseId}/party-access-requests/${MISSING_ID}/decision`,
    payload: { approve: true, note: '同意查阅', validForDays: 7 },
  };
}

const onCase =
  (build: (caseId: string) => ExampleRequest, agency: 'market' | 'urban') => (ids: DemoIds) =>
    build(ids.cases[agency]);

export const ACCESS_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'POST /api/cases/:caseId/party-access-requests': {
    own: onCase(partyRequest, 'market'),
    other: onCase(partyRequest, 'urban'),
  },
  'GET /api/cases/:caseId/party-access-requests': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/party-access-requests` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/party-access-requests` }),
  },
  'POST /api/cases/:caseId/party-access-requests/:requestId/decision': {
    own: onCase(decision, 'market'),
    other: onCase(decision, 'urban'),
  },
  'GET /api/party-access/:token': {
    own: () => ({ url: `/api/party-access/${MISSING_TOKEN}` }),
  },
  'GET /api/party-access/:token/evidence/:evidenceId/content': {
    own: () => ({ url: `/api/party-access/${MISSING_TOKEN}/evidence/${MISSING_ID}/content` }),
  },
  'GET /api/access-log': {
    own: (ids) => ({ url: `/api/access-log?agencyId=${ids.agencies.market}` }),
    other: (ids) => ({ url: `/api/access-log?agencyId=${ids.agencies.urban}` }),
  },
};
