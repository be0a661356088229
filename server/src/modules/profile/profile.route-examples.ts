// Example requests of the profile routes for the authorisation matrix (see test/route-examples.ts).
import type { DemoIds } from '../../demo/demo.org.ts';
import type { RouteExample } from '../../test/route-examples.ts';

const rules = (agencyId: string) => ({ url: `/api/agencies/${agencyId}/rules` });
const overrides = (agencyId: string) => ({ url: `/api/agencies/${agencyId}/rule-overrides` });

// A tightening (5 working days against the profile's 7), which heads and administrators may make.
const tighten = (agencyId: string) => ({
  ...overrides(agencyId),
  payload: {
    rule: 'disclosure.penaltyDecision',
    value: { mode: 'within', amount: 5, unit: 'working_days' },
    reason: '授权矩阵测试：从严调整处罚决定公示时限',
  },
});

export const PROFILE_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/profiles': { own: () => ({ url: '/api/profiles' }) },
  'GET /api/profiles/:profileId': { own: () => ({ url: '/api/profiles/xuecheng' }) },
  'GET /api/agencies/:agencyId/rules': {
    own: (ids: DemoIds) => rules(ids.agencies.market),
    other: (ids: DemoIds) => rules(ids.agencies.urban),
  },
  'GET /api/agencies/:agencyId/rule-overrides': {
    own: (ids: DemoIds) => overrides(ids.agencies.market),
    other: (ids: DemoIds) => overrides(ids.agencies.urban),
  },
  'POST /api/agencies/:agencyId/rule-overrides': {
    own: (ids: DemoIds) => tighten(ids.agencies.market),
    other: (ids: DemoIds) => tighten(ids.agencies.urban),
  },
};
