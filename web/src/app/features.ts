// The registry of features: one line per feature. A new feature folder exports its routes from
// `features/<domain>/routes.tsx` and is added here; the router and the menu are built from this.
import { adminRoutes } from '../features/admin/routes.tsx';
import { casesRoutes } from '../features/cases/routes.tsx';
import { homeRoutes } from '../features/home/routes.tsx';
import { reviewRoutes } from '../features/review/routes.tsx';
import { statsRoutes } from '../features/stats/routes.tsx';
import type { FeatureRoute } from './feature.ts';

export const FEATURE_ROUTES: readonly FeatureRoute[] = [
  ...homeRoutes,
  ...casesRoutes,
  ...reviewRoutes,
  ...statsRoutes,
  ...adminRoutes,
];
