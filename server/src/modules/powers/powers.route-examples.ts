// Example requests of the powers routes for the authorisation matrix (see test/route-examples.ts).
// Demo powers have ids derived from agency and code, so the examples can name them directly.
import type { DemoIds } from '../../demo/demo.org.ts';
import type { RouteExample } from '../../test/route-examples.ts';
import { demoRecordId } from './powers.demo.ts';

const powerId = (agencyId: string, code: string) => demoRecordId('power', agencyId, code);
const checkId = (agencyId: string, code: string) => demoRecordId('randomCheckItem', agencyId, code);

const POWER_BODY = {
  name: '授权矩阵测试事项',
  category: 'other',
  legalBasis: [{ law: '中华人民共和国行政处罚法', article: '第二十条' }],
  procedureSteps: [{ name: '受理' }, { name: '决定' }],
  timeLimit: { statutory: { amount: 20, unit: 'working_days' } },
  discretionBenchmarks: [],
};

const CHECK_BODY = {
  name: '授权矩阵测试抽查事项',
  basis: '《中华人民共和国食品安全法》第一百一十条',
  subject: '测试',
  content: '测试',
  method: '现场检查',
  ratioText: '5%',
  frequency: '每年1次',
};

// Header row and one good row: enough to exercise the import as a whole.
const IMPORT_CSV =
  '事项编码,事项名称,类别,法律依据\nMATRIX-001,授权矩阵测试事项,其他,《中华人民共和国行政处罚法》第二十条\n';

function importRequest(agencyId: string) {
  return {
    url: `/api/agencies/${agencyId}/powers/import`,
    payload: IMPORT_CSV,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  };
}

export const POWERS_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/agencies/:agencyId/powers': {
    own: (ids: DemoIds) => ({ url: `/api/agencies/${ids.agencies.market}/powers` }),
    other: (ids: DemoIds) => ({ url: `/api/agencies/${ids.agencies.urban}/powers` }),
  },
  'GET /api/powers/import-template': { own: () => ({ url: '/api/powers/import-template' }) },
  'GET /api/powers/:id': {
    own: (ids) => ({ url: `/api/powers/${powerId(ids.agencies.market, 'XC-SCJG-CF-001')}` }),
    other: (ids) => ({ url: `/api/powers/${powerId(ids.agencies.urban, 'XC-ZHZF-CF-001')}` }),
  },
  'POST /api/agencies/:agencyId/powers': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/powers`,
      payload: { code: 'MATRIX-POST', ...POWER_BODY },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/powers`,
      payload: { code: 'MATRIX-POST', ...POWER_BODY },
    }),
  },
  'PUT /api/powers/:id': {
    own: (ids) => ({
      url: `/api/powers/${powerId(ids.agencies.market, 'XC-SCJG-CF-004')}`,
      payload: POWER_BODY,
    }),
    other: (ids) => ({
      url: `/api/powers/${powerId(ids.agencies.urban, 'XC-ZHZF-CF-002')}`,
      payload: POWER_BODY,
    }),
  },
  'POST /api/powers/:id/repeal': {
    own: (ids) => ({
      url: `/api/powers/${powerId(ids.agencies.market, 'XC-SCJG-JC-002')}/repeal`,
      payload: { reason: '授权矩阵测试' },
    }),
    other: (ids) => ({
      url: `/api/powers/${powerId(ids.agencies.urban, 'XC-ZHZF-JC-001')}/repeal`,
      payload: { reason: '授权矩阵测试' },
    }),
  },
  'POST /api/agencies/:agencyId/powers/import': {
    own: (ids) => importRequest(ids.agencies.market),
    other: (ids) => importRequest(ids.agencies.urban),
  },
  'GET /api/agencies/:agencyId/random-check-items': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/random-check-items` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/random-check-items` }),
  },
  'GET /api/random-check-items/:id': {
    own: (ids) => ({
      url: `/api/random-check-items/${checkId(ids.agencies.market, 'XC-SCJG-SJ-001')}`,
    }),
    other: (ids) => ({
      url: `/api/random-check-items/${checkId(ids.agencies.urban, 'XC-ZHZF-SJ-001')}`,
    }),
  },
  'POST /api/agencies/:agencyId/random-check-items': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/random-check-items`,
      payload: { code: 'MATRIX-POST', ...CHECK_BODY },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/random-check-items`,
      payload: { code: 'MATRIX-POST', ...CHECK_BODY },
    }),
  },
  'PUT /api/random-check-items/:id': {
    own: (ids) => ({
      url: `/api/random-check-items/${checkId(ids.agencies.market, 'XC-SCJG-SJ-004')}`,
      payload: CHECK_BODY,
    }),
    other: (ids) => ({
      url: `/api/random-check-items/${checkId(ids.agencies.urban, 'XC-ZHZF-SJ-001')}`,
      payload: CHECK_BODY,
    }),
  },
  'POST /api/random-check-items/:id/repeal': {
    own: (ids) => ({
      url: `/api/random-check-items/${checkId(ids.agencies.market, 'XC-SCJG-SJ-003')}/repeal`,
      payload: { reason: '授权矩阵测试' },
    }),
    other: (ids) => ({
      url: `/api/random-check-items/${checkId(ids.agencies.urban, 'XC-ZHZF-SJ-002')}/repeal`,
      payload: { reason: '授权矩阵测试' },
    }),
  },
};
