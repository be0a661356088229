import {
  ApartmentOutlined,
  CalendarOutlined,
  FileTextOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { FeatureRoute } from '../../app/feature.ts';

// Administration: administrators manage, heads of an agency read their own agency's pages
// (the server scopes every list to what the user may see). Users and roles are admin-only.
const ADMIN_OR_HEAD = ['admin', 'head'] as const;

export const adminRoutes: FeatureRoute[] = [
  {
    path: 'admin',
    page: lazy(() => import('./AdminHomePage.tsx')),
    roles: ['admin'],
    menu: { label: '系统管理', icon: <SettingOutlined />, order: 90 },
  },
  {
    path: 'admin/org',
    page: lazy(() => import('./OrgPage.tsx')),
    roles: ADMIN_OR_HEAD,
    menu: { label: '组织机构', icon: <ApartmentOutlined />, order: 91 },
  },
  {
    path: 'admin/users',
    page: lazy(() => import('./UsersPage.tsx')),
    roles: ['admin'],
    menu: { label: '用户与角色', icon: <TeamOutlined />, order: 92 },
  },
  {
    path: 'admin/people',
    page: lazy(() => import('./PeoplePage.tsx')),
    roles: ADMIN_OR_HEAD,
    menu: { label: '执法人员与证件', icon: <IdcardOutlined />, order: 93 },
  },
  {
    path: 'admin/powers',
    page: lazy(() => import('./PowersPage.tsx')),
    roles: ADMIN_OR_HEAD,
    menu: { label: '权责清单', icon: <SafetyCertificateOutlined />, order: 94 },
  },
  {
    path: 'admin/profiles',
    page: lazy(() => import('./ProfilesPage.tsx')),
    roles: ADMIN_OR_HEAD,
    menu: { label: '制度配置', icon: <ProfileOutlined />, order: 95 },
  },
  {
    path: 'admin/calendar',
    page: lazy(() => import('./CalendarPage.tsx')),
    roles: ADMIN_OR_HEAD,
    menu: { label: '工作日历', icon: <CalendarOutlined />, order: 96 },
  },
  {
    path: 'admin/instruments',
    page: lazy(() => import('./InstrumentTemplatesPage.tsx')),
    roles: ADMIN_OR_HEAD,
    menu: { label: '文书模板', icon: <FileTextOutlined />, order: 97 },
  },
];
