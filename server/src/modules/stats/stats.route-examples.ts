// Example requests of the statistics routes for the authorisation matrix (see test/route-examples.ts).
import type { DemoIds } from '../../demo/demo.org.ts';
import type { RouteExample } from '../../test/route-examples.ts';

const of = (path: string) => (agencyId: string) => ({ url: `${path}?agencyId=${agencyId}` });

function example(path: string): RouteExample {
  return {
    own: (ids: DemoIds) => of(path)(ids.agencies.market),
    other: (ids: DemoIds) => of(path)(ids.agencies.urban),
  };
}

export const STATS_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/stats/cases': example('/api/stats/cases'),
  'GET /api/stats/deadlines': example('/api/stats/deadlines'),
  'GET /api/stats/publication': example('/api/stats/publication'),
};
