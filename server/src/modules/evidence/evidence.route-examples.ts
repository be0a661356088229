// Example requests of the evidence routes for the authorisation matrix (see
// test/route-examples.ts). `own` aims at the demo case of 市场监管局, `other` at the one of
// 综合执法局. Upload and evidence ids that do not exist are fine: the scope check comes first, so
// agency-bound roles are refused another agency's case before anything is looked up.
import type { DemoIds } from '../../demo/demo.org.ts';
import type { ExampleRequest, RouteExample } from '../../test/route-examples.ts';

const MISSING_ID = '00000000-0000-4000-8000-00000000e1d0';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const TUS = { 'tus-resumable': '1.0.0' };

function createUpload(caseId: string): ExampleRequest {
  return {
    url: `/api/cases/${caseId}/uploads`,
    headers: {
      ...TUS,
      'upload-length': '12',
      'upload-metadata': `filename ${b64('现场照片.jpg')},step ${b64('investigate')}`,
    },
  };
}

function appendToUpload(caseId: string): ExampleRequest {
  return {
    url: `/api/cases/${caseId}/uploads/${MISSING_ID}`,
    payload: Buffer.from('hello world!'),
    headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
  };
}

function exemption(ids: DemoIds, caseId: string): ExampleRequest {
  return {
    url: `/api/cases/${caseId}/evidence/exemptions`,
    payload: {
      step: 'investigate',
      kind: 'video',
      reason: 'emergency',
      explanation: '现场突发火情，先行处置，未能同步录像',
      occurredAt: '2026-11-20T09:30:00+08:00',
      place: '薛城区临城街道某市场',
      officerIds: [ids.people.officer1],
    },
  };
}

const onCase =
  (build: (caseId: string) => ExampleRequest, agency: 'market' | 'urban') => (ids: DemoIds) =>
    build(ids.cases[agency]);

export const EVIDENCE_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'OPTIONS /api/cases/:caseId/uploads': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/uploads` }),
  },
  'POST /api/cases/:caseId/uploads': {
    own: onCase(createUpload, 'market'),
    other: onCase(createUpload, 'urban'),
  },
  'PATCH /api/cases/:caseId/uploads/:uploadId': {
    own: onCase(appendToUpload, 'market'),
    other: onCase(appendToUpload, 'urban'),
  },
  'DELETE /api/cases/:caseId/uploads/:uploadId': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/uploads/${MISSING_ID}`, headers: TUS }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/uploads/${MISSING_ID}`, headers: TUS }),
  },
  'GET /api/cases/:caseId/evidence': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/evidence` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/evidence` }),
  },
  'GET /api/cases/:caseId/evidence/:evidenceId': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/evidence/${MISSING_ID}` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/evidence/${MISSING_ID}` }),
  },
  'GET /api/cases/:caseId/evidence/:evidenceId/content': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/evidence/${MISSING_ID}/content` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/evidence/${MISSING_ID}/content` }),
  },
  'POST /api/cases/:caseId/evidence/exemptions': {
    own: (ids) => exemption(ids, ids.cases.market),
    other: (ids) => exemption(ids, ids.cases.urban),
  },
};
