// Routes under /app/: the login page outside the frame, every registered feature inside it.
import { Result } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Link, type RouteObject } from 'react-router';
import { hasRole, useSession } from '../features/auth/session.ts';
import type { FeatureRoute } from './feature.ts';
import { FEATURE_ROUTES } from './features.ts';
import { PageFallback } from './Fallbacks.tsx';

// The frame (menu, header) is its own chunk: the login page does not need it.
const Shell = lazy(() => import('./Shell.tsx').then((m) => ({ default: m.Shell })));

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移动。"
      extra={<Link to="/">返回工作台首页</Link>}
    />
  );
}

function Guarded(props: { route: FeatureRoute; page: LazyExoticComponent<ComponentType> }) {
  const session = useSession();
  if (props.route.roles && !hasRole(session.data, ...props.route.roles)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的角色不能使用此页面。"
        extra={<Link to="/">返回工作台首页</Link>}
      />
    );
  }
  const Page = props.page;
  return <Page />;
}

function toRouteObject(route: FeatureRoute): RouteObject {
  const element = <Guarded route={route} page={route.page} />;
  return route.path === '' ? { index: true, element } : { path: route.path, element };
}

export const router = createBrowserRouter(
  [
    {
      path: '/login',
      element: (
        <Suspense fallback={<PageFallback />}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: (
        <Suspense fallback={<PageFallback />}>
          <Shell />
        </Suspense>
      ),
      children: [...FEATURE_ROUTES.map(toRouteObject), { path: '*', element: <NotFound /> }],
    },
  ],
  { basename: '/app' },
);
