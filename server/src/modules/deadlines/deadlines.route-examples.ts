// Example requests of the deadline routes for the authorisation matrix (see test/route-examples.ts).
import type { DemoIds } from '../../demo/demo.org.ts';
import type { RouteExample } from '../../test/route-examples.ts';

const list = (agencyId: string) => ({ url: `/api/agencies/${agencyId}/deadlines?status=overdue` });

export const DEADLINES_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/agencies/:agencyId/deadlines': {
    own: (ids: DemoIds) => list(ids.agencies.market),
    other: (ids: DemoIds) => list(ids.agencies.urban),
  },
};
