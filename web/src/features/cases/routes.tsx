import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { FeatureRoute } from '../../app/feature.ts';

export const casesRoutes: FeatureRoute[] = [
  {
    path: 'cases',
    page: lazy(() => import('./CaseListPage.tsx')),
    menu: { label: '案件', icon: <FileSearchOutlined />, order: 10 },
  },
  { path: 'cases/new', page: lazy(() => import('./NewCasePage.tsx')), roles: ['officer'] },
  { path: 'cases/:caseId', page: lazy(() => import('./CasePage.tsx')) },
];
