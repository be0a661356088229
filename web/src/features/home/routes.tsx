import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { FeatureRoute } from '../../app/feature.ts';

export const homeRoutes: FeatureRoute[] = [
  {
    path: '',
    page: lazy(() => import('./HomePage.tsx')),
    menu: { label: '工作台首页', icon: <HomeOutlined />, order: 0 },
  },
];
