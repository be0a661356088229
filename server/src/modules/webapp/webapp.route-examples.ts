// Example requests of the workbench's static routes (public: the page itself holds no data; the
// API it calls applies each route's policy).
import type { RouteExample } from '../../test/route-examples.ts';

export const WEBAPP_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /app': { own: () => ({ url: '/app' }) },
  'GET /app/': { own: () => ({ url: '/app/' }) },
  'GET /app/*': { own: () => ({ url: '/app/cases' }) },
};
