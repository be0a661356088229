// One example request per route, for the authorisation matrix test. The matrix test fails when a
// route has no example here, so every new route must say how to call it for the demo district.
// `own` aims at a record of officer1's agency (市场监管局); `other`, where the route is scoped to an
// agency, aims the same request at officer3's agency (综合执法局), which agency-bound roles of
// 市场监管局 must not reach.
import type { DemoIds } from '../demo/demo.org.ts';
import { ACCESS_ROUTE_EXAMPLES } from '../modules/access/access.route-examples.ts';
import { ARCHIVE_ROUTE_EXAMPLES } from '../modules/archive/archive.route-examples.ts';
import { DEADLINES_ROUTE_EXAMPLES } from '../modules/deadlines/deadlines.route-examples.ts';
import { DISCLOSURE_ROUTE_EXAMPLES } from '../modules/disclosure/disclosure.route-examples.ts';
import { PORTAL_ROUTE_EXAMPLES } from '../modules/portal/portal.route-examples.ts';
import { EVIDENCE_ROUTE_EXAMPLES } from '../modules/evidence/evidence.route-examples.ts';
import { POWERS_ROUTE_EXAMPLES } from '../modules/powers/powers.route-examples.ts';
import { PROFILE_ROUTE_EXAMPLES } from '../modules/profile/profile.route-examples.ts';
import { INSTRUMENTS_ROUTE_EXAMPLES } from '../modules/instruments/instruments.route-examples.ts';
import { REVIEW_ROUTE_EXAMPLES } from '../modules/review/review.route-examples.ts';
import { STATS_ROUTE_EXAMPLES } from '../modules/stats/stats.route-examples.ts';
import { WEBAPP_ROUTE_EXAMPLES } from '../modules/webapp/webapp.route-examples.ts';

export interface ExampleRequest {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface RouteExample {
  own: (ids: DemoIds) => ExampleRequest;
  other?: (ids: DemoIds) => ExampleRequest;
  /** The request ends the caller's session (logout), so the matrix logs in again afterwards. */
  endsSession?: true;
}

const ENTRUSTMENT_EXAMPLE = {
  entrustedName: '枣庄市薛城区临城街道综合执法中队',
  entrustedCreditCode: '12370403MB28519203',
  matters: '对违反市容管理规定行为的检查',
  legalBasis: '《中华人民共和国行政处罚法》第二十条',
  terms: '以委托机关名义实施',
  startsOn: '2026-07-01',
  endsOn: '2027-06-30',
};

const PERSON_EXAMPLE = {
  unitId: null,
  name: '钱进',
  idCardNo: null,
  phone: '13906329999',
  position: '执法人员',
};

const CREDENTIAL_EXAMPLE = {
  kind: 'enforcement',
  issuingAuthority: '山东省人民政府',
  issuedOn: '2026-01-01',
  expiresOn: '2030-12-31',
};

// The smallest valid PNG signature plus padding: the service checks the type from the bytes.
const PHOTO_EXAMPLE = {
  payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  headers: { 'content-type': 'image/png' },
};

function caseExample(ids: DemoIds, agency: 'market' | 'urban') {
  const [lead, assist] = agency === 'market' ? ['officer1', 'officer2'] : ['officer3', 'officer5'];
  return {
    kind: 'penalty',
    procedure: 'ordinary',
    source: 'complaint',
    sourceDetail: null,
    powerId: null,
    handlingUnitId: null,
    title: '举报线索核查',
    facts: null,
    parties: [],
    officers: [
      { personId: ids.people[lead ?? ''], role: 'lead' },
      { personId: ids.people[assist ?? ''], role: 'assist' },
    ],
  };
}

/** Keyed by 'METHOD /url/pattern' exactly as Fastify registers the route. */
export const ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /healthz': { own: () => ({ url: '/healthz' }) },
  'GET /api/openapi.json': { own: () => ({ url: '/api/openapi.json' }) },
  'GET /api/session': { own: () => ({ url: '/api/session' }) },
  'POST /api/session': {
    own: () => ({ url: '/api/session', payload: { username: 'nobody', password: 'x' } }),
  },
  'DELETE /api/session': { own: () => ({ url: '/api/session' }), endsSession: true },

  // Working-day calendar (public reads; imports by administrators)
  'GET /api/calendar/add-working-days': {
    own: () => ({ url: '/api/calendar/add-working-days?from=2026-09-30&days=1' }),
  },
  'GET /api/calendar/count-working-days': {
    own: () => ({ url: '/api/calendar/count-working-days?from=2026-09-30&to=2026-10-12' }),
  },
  'GET /api/calendar/years': { own: () => ({ url: '/api/calendar/years' }) },
  'GET /api/calendar/years/:year': { own: () => ({ url: '/api/calendar/years/2026' }) },
  'PUT /api/calendar/years/:year': {
    own: () => ({
      url: '/api/calendar/years/2099',
      payload: {
        year: 2099,
        source: '授权矩阵测试数据（不是真实安排）',
        holidays: [{ name: '元旦', from: '2099-01-01', to: '2099-01-01' }],
        workdays: [],
      },
    }),
  },

  // Ledger (public: hashes and signatures only)
  'GET /api/ledger/head': { own: () => ({ url: '/api/ledger/head' }) },
  'GET /api/ledger/heads/:treeSize': { own: () => ({ url: '/api/ledger/heads/0' }) },
  'GET /api/ledger/proof/inclusion': {
    own: () => ({ url: '/api/ledger/proof/inclusion?index=0&treeSize=1' }),
  },
  'GET /api/ledger/proof/consistency': {
    own: () => ({ url: '/api/ledger/proof/consistency?first=1&second=2' }),
  },

  // Cases
  'POST /api/agencies/:agencyId/cases': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/cases`,
      payload: caseExample(ids, 'market'),
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/cases`,
      payload: caseExample(ids, 'urban'),
    }),
  },
  'GET /api/cases': { own: () => ({ url: '/api/cases' }) },
  'GET /api/cases/:caseId': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}` }),
  },
  'GET /api/cases/:caseId/access-log': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/access-log` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/access-log` }),
  },
  'GET /api/cases/:caseId/timeline': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/timeline` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/timeline` }),
  },
  'POST /api/cases/:caseId/actions/:action': {
    own: (ids) => ({
      url: `/api/cases/${ids.cases.market}/actions/suspend`,
      payload: { input: { from: '2026-04-01', reason: '等待检验结果' } },
    }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/actions/request_filing`, payload: {} }),
  },
  'POST /api/cases/:caseId/recusal': {
    own: (ids) => ({ url: `/api/cases/${ids.cases.market}/recusal` }),
    other: (ids) => ({ url: `/api/cases/${ids.cases.urban}/recusal` }),
  },
  'GET /api/party-records': {
    own: () => ({ url: '/api/party-records?creditCode=91350100M000100Y43' }),
  },

  // Organisation tree
  'GET /api/regions': { own: () => ({ url: '/api/regions' }) },
  'POST /api/regions': {
    own: (ids) => ({
      url: '/api/regions',
      payload: {
        code: '370403002',
        name: '临城街道',
        level: 'street',
        parentId: ids.regions.district,
      },
    }),
  },
  'GET /api/agencies': { own: () => ({ url: '/api/agencies' }) },
  'POST /api/agencies': {
    own: (ids) => ({
      url: '/api/agencies',
      payload: {
        regionId: ids.regions.district,
        name: '枣庄市薛城区应急管理局',
        shortName: null,
        creditCode: '11370403MB2851863X',
        kind: 'department',
        lawAreas: ['安全生产'],
        jurisdictionArea: '薛城区全域',
        jurisdictionRegionIds: [ids.regions.district],
        address: null,
        postcode: null,
        phone: null,
        email: null,
        supervisionPhone: null,
      },
    }),
  },
  'GET /api/agencies/:agencyId': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}` }),
  },
  'PATCH /api/agencies/:agencyId': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}`,
      payload: { phone: '0632-4412316' },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}`,
      payload: { phone: '0632-4418111' },
    }),
  },
  'GET /api/agencies/:agencyId/units': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/units` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/units` }),
  },
  'POST /api/agencies/:agencyId/units': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/units`,
      payload: { parentUnitId: null, name: '价格监督检查科', kind: 'internal', phone: null },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/units`,
      payload: { parentUnitId: null, name: '执法二中队', kind: 'internal', phone: null },
    }),
  },
  'PATCH /api/units/:id': {
    own: (ids) => ({
      url: `/api/units/${ids.units.marketLegal}`,
      payload: { phone: '0632-4412317' },
    }),
  },
  'GET /api/agencies/:agencyId/entrustments': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/entrustments` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/entrustments` }),
  },
  'POST /api/agencies/:agencyId/entrustments': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/entrustments`,
      payload: ENTRUSTMENT_EXAMPLE,
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/entrustments`,
      payload: ENTRUSTMENT_EXAMPLE,
    }),
  },
  'PATCH /api/entrustments/:id': {
    own: (ids) => ({
      url: `/api/entrustments/${ids.entrustments.market}`,
      payload: { endsOn: '2027-06-30', reason: '委托期限延长' },
    }),
    other: (ids) => ({
      url: `/api/entrustments/${ids.entrustments.urban}`,
      payload: { endsOn: '2027-06-30', reason: '委托期限延长' },
    }),
  },

  // People, credentials and qualifications
  'GET /api/agencies/:agencyId/people': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/people` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/people` }),
  },
  'POST /api/agencies/:agencyId/people': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/people`, payload: PERSON_EXAMPLE }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/people`,
      payload: PERSON_EXAMPLE,
    }),
  },
  'GET /api/people/:id': {
    own: (ids) => ({ url: `/api/people/${ids.people.officer2}` }),
    other: (ids) => ({ url: `/api/people/${ids.people.officer3}` }),
  },
  'PATCH /api/people/:id': {
    own: (ids) => ({
      url: `/api/people/${ids.people.officer2}`,
      payload: { position: '执法人员' },
    }),
    other: (ids) => ({
      url: `/api/people/${ids.people.officer3}`,
      payload: { position: '执法中队长' },
    }),
  },
  'PUT /api/people/:id/photo': {
    own: (ids) => ({ url: `/api/people/${ids.people.officer2}/photo`, ...PHOTO_EXAMPLE }),
    other: (ids) => ({ url: `/api/people/${ids.people.officer3}/photo`, ...PHOTO_EXAMPLE }),
  },
  'GET /api/people/:id/photo': {
    own: (ids) => ({ url: `/api/people/${ids.people.officer1}/photo` }),
    other: (ids) => ({ url: `/api/people/${ids.people.officer3}/photo` }),
  },
  'POST /api/people/:id/credentials': {
    own: (ids) => ({
      url: `/api/people/${ids.people.reviewer1}/credentials`,
      payload: { ...CREDENTIAL_EXAMPLE, credentialNo: '37040329001', lawAreas: ['市场监管'] },
    }),
    other: (ids) => ({
      url: `/api/people/${ids.people.officer5}/credentials`,
      payload: { ...CREDENTIAL_EXAMPLE, credentialNo: '37040339001', lawAreas: ['城市管理'] },
    }),
  },
  'PATCH /api/credentials/:id': {
    own: (ids) => ({
      url: `/api/credentials/${ids.credentials.officer2}`,
      payload: { expiresOn: '2029-03-31', reason: '换证延续' },
    }),
    other: (ids) => ({
      url: `/api/credentials/${ids.credentials.officer3}`,
      payload: { expiresOn: '2029-03-31', reason: '换证延续' },
    }),
  },
  'POST /api/people/:id/qualifications': {
    own: (ids) => ({
      url: `/api/people/${ids.people.head1}/qualifications`,
      payload: {
        kind: 'legal_professional',
        certificateNo: 'A20103704030999',
        obtainedOn: '2010-12-20',
      },
    }),
    other: (ids) => ({
      url: `/api/people/${ids.people.officer3}/qualifications`,
      payload: {
        kind: 'legal_professional',
        certificateNo: 'A20113704030888',
        obtainedOn: '2011-12-20',
      },
    }),
  },

  // Users and roles
  'GET /api/users': { own: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    own: (ids) => ({
      url: '/api/users',
      payload: {
        username: 'officer4',
        displayName: '赵明',
        password: 'Another#Pass2026',
        personId: ids.people.officer4,
        roles: [{ role: 'officer', agencyId: ids.agencies.market, regionId: null }],
      },
    }),
  },
  'PATCH /api/users/:id': {
    own: (ids) => ({ url: `/api/users/${ids.users.officer2}`, payload: { displayName: '李秀英' } }),
  },
  'PUT /api/users/:id/roles': {
    own: (ids) => ({
      url: `/api/users/${ids.users.officer2}/roles`,
      payload: { roles: [{ role: 'officer', agencyId: ids.agencies.market, regionId: null }] },
    }),
  },
  'PUT /api/users/:id/password': {
    own: (ids) => ({
      url: `/api/users/${ids.users.officer2}/password`,
      payload: { password: 'Changed#Pass2026' },
    }),
  },

  // Powers catalogue and random-check list
  ...POWERS_ROUTE_EXAMPLES,

  // Jurisdiction profiles and agencies' rule overrides
  ...PROFILE_ROUTE_EXAMPLES,

  // Evidence and resumable uploads of a case
  ...EVIDENCE_ROUTE_EXAMPLES,

  // Access audit: parties' requests to read or copy, the agency's access log
  ...ACCESS_ROUTE_EXAMPLES,

  // Retention, legal holds, disposal and the destruction register
  ...ARCHIVE_ROUTE_EXAMPLES,

  // Deadlines running in an agency (home pages)
  ...DEADLINES_ROUTE_EXAMPLES,

  // Disclosure: public data and the agency's publication commands
  ...DISCLOSURE_ROUTE_EXAMPLES,

  // Portal pages (server-rendered HTML)
  ...PORTAL_ROUTE_EXAMPLES,

  // Legal review of major decisions
  ...REVIEW_ROUTE_EXAMPLES,

  // Legal documents (文书): templates, issuing, files, the public seal check, 文号 patterns
  ...INSTRUMENTS_ROUTE_EXAMPLES,

  // Oversight statistics (cases, deadlines, publication timeliness)
  ...STATS_ROUTE_EXAMPLES,

  // The staff workbench's static files (/app/)
  ...WEBAPP_ROUTE_EXAMPLES,
};
