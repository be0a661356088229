// Example requests of the instrument routes for the authorisation matrix (see
// test/route-examples.ts). `own` aims at 市场监管局's demo case or agency, `other` at 综合执法局's.
// Instrument ids of the examples do not exist (the demo issues none): those requests reach the
// lookup (404) after the role check; scope on existing instruments is tested in
// instruments.db.test.ts.
import type { DemoIds } from '../../demo/demo.org.ts';
import type { RouteExample } from '../../test/route-examples.ts';

const MISSING = '00000000-0000-4000-8000-0000000001a5';
const PDF = {
  payload: Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'),
  headers: { 'content-type': 'application/pdf' },
};
const onInstrument = (path: string, extra: object = {}): RouteExample => ({
  own: () => ({ url: `/api/instruments/${MISSING}${path}`, ...extra }),
});
const onCase = (payload?: unknown): RouteExample => ({
  own: (ids: DemoIds) => ({
    url: `/api/cases/${ids.cases.market}/instruments`,
    ...(payload === undefined ? {} : { payload }),
  }),
  other: (ids: DemoIds) => ({
    url: `/api/cases/${ids.cases.urban}/instruments`,
    ...(payload === undefined ? {} : { payload }),
  }),
});
const onAgency = (payload?: unknown): RouteExample => ({
  own: (ids: DemoIds) => ({
    url: `/api/agencies/${ids.agencies.market}/instrument-numbering`,
    ...(payload === undefined ? {} : { payload }),
  }),
  other: (ids: DemoIds) => ({
    url: `/api/agencies/${ids.agencies.urban}/instrument-numbering`,
    ...(payload === undefined ? {} : { payload }),
  }),
});

export const INSTRUMENTS_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/instrument-templates': { own: () => ({ url: '/api/instrument-templates' }) },
  'GET /api/cases/:caseId/instruments': onCase(),
  'POST /api/cases/:caseId/instruments': onCase({
    kind: 'filing_approval',
    data: { legalBasis: '《中华人民共和国食品安全法》第一百二十四条' },
  }),
  'POST /api/instruments/:instrumentId/versions': onInstrument('/versions', {
    payload: { reason: '更正笔误' },
  }),
  'GET /api/instruments/:instrumentId': onInstrument(''),
  'GET /api/instruments/:instrumentId/versions/:version': onInstrument('/versions/1'),
  'GET /api/instruments/:instrumentId/pdf': onInstrument('/pdf'),
  'GET /api/instruments/:instrumentId/docx': onInstrument('/docx'),
  'GET /api/instruments/:instrumentId/verification': onInstrument('/verification'),
  'POST /api/instruments/:instrumentId/verification': onInstrument('/verification', PDF),
  'GET /instruments/verify/:instrumentId': {
    own: () => ({ url: `/instruments/verify/${MISSING}` }),
  },
  'GET /api/agencies/:agencyId/instrument-numbering': onAgency(),
  'PUT /api/agencies/:agencyId/instrument-numbering': onAgency({
    abbreviation: '薛市监',
    pattern: '{abbr}{code}〔{year}〕{seq}号',
  }),
};
