import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { FeatureRoute } from '../../app/feature.ts';

export const statsRoutes: FeatureRoute[] = [
  {
    path: 'stats',
    page: lazy(() => import('./StatsPage.tsx')),
    roles: ['supervisor', 'head', 'admin'],
    menu: { label: '统计分析', icon: <BarChartOutlined />, order: 80 },
  },
];
