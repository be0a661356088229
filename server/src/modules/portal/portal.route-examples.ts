// Example requests of the portal pages for the authorisation matrix (test/route-examples.ts).
import type { RouteExample } from '../../test/route-examples.ts';
import { DEMO_INSPECTIONS, DEMO_PUBLICATIONS } from '../disclosure/disclosure.demo.ts';

export const PORTAL_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /': { own: () => ({ url: '/' }) },
  'GET /decisions': { own: () => ({ url: '/decisions?q=食品&agency=&category=penalty' }) },
  'GET /decisions/:id': { own: () => ({ url: `/decisions/${DEMO_PUBLICATIONS.marketCompany}` }) },
  'GET /agencies/:id': { own: (ids) => ({ url: `/agencies/${ids.agencies.market}` }) },
  'GET /verify': { own: () => ({ url: '/verify' }) },
  'GET /verify/:credentialNo': { own: () => ({ url: '/verify/37040320001' }) },
  'GET /feed.atom': { own: () => ({ url: '/feed.atom' }) },
  'GET /reports/annual': { own: () => ({ url: '/reports/annual?year=2025' }) },
  'GET /verify/:param/qr.svg': { own: () => ({ url: '/verify/37040320001/qr.svg' }) },
  'GET /verify/:param/qr.png': { own: () => ({ url: '/verify/37040320001/qr.png' }) },
  'GET /inspections/:code': {
    own: () => ({ url: `/inspections/${DEMO_INSPECTIONS.marketCode}` }),
  },
  'GET /inspections/:param/qr.svg': {
    own: () => ({ url: `/inspections/${DEMO_INSPECTIONS.marketCode}/qr.svg` }),
  },
  'GET /inspections/:param/qr.png': {
    own: () => ({ url: `/inspections/${DEMO_INSPECTIONS.marketCode}/qr.png` }),
  },
};
