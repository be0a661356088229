import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { FeatureRoute } from '../../app/feature.ts';

// Legal review (法制审核): reviewers work here; heads approve extensions; supervisors and
// administrators read.
const REVIEW_ROLES = ['reviewer', 'head', 'supervisor', 'admin'] as const;

export const reviewRoutes: FeatureRoute[] = [
  {
    path: 'review',
    page: lazy(() => import('./ReviewQueuePage.tsx')),
    roles: REVIEW_ROLES,
    menu: { label: '法制审核', icon: <AuditOutlined />, order: 20 },
  },
  {
    path: 'review/:caseId',
    page: lazy(() => import('./ReviewWorkspacePage.tsx')),
    roles: [...REVIEW_ROLES, 'officer', 'archivist'],
  },
];
