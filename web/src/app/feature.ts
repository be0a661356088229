// What a feature contributes to the workbench: its pages (each loaded on demand, so a page's
// code is fetched only when someone opens it) and, optionally, a menu entry shown to some roles.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Role } from '../features/auth/session.ts';

export interface FeatureRoute {
  /** Path under /app/, without a leading slash: 'cases', 'cases/:caseId'. '' is the home page. */
  path: string;
  /** The page, as React.lazy(() => import('./SomePage.tsx')). */
  page: LazyExoticComponent<ComponentType>;
  /** Roles that may open the page; omitted means every signed-in user. */
  roles?: readonly Role[];
  /** A left-menu entry pointing at this path, ordered by `order`. */
  menu?: { label: string; icon: ReactNode; order: number };
}
