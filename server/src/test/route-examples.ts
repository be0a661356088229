// One example request per route, for the authorisation matrix test. The matrix test fails when a
// route has no example here, so every new route must say how to call it for the demo district.
// `own` aims at a record of officer1's agency (市场监管局); `other`, where the route is scoped to an
// agency, aims the same request at officer3's agency (综合执法局), which agency-bound roles of
// 市场监管局 must not reach.
import type { DemoIds } from '../demo/demo.org.ts';

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

/** Keyed by 'METHOD /url/pattern' exactly as Fastify registers the route. */
export const ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /healthz': { own: () => ({ url: '/healthz' }) },
  'GET /api/openapi.json': { own: () => ({ url: '/api/openapi.json' }) },
  'GET /api/session': { own: () => ({ url: '/api/session' }) },
  'POST /api/session': {
    own: () => ({ url: '/api/session', payload: { username: 'nobody', password: 'x' } }),
  },
  'DELETE /api/session': { own: () => ({ url: '/api/session' }), endsSession: true },
};
