// The signed-in frame: a left menu built from the feature registry (filtered by the user's
// roles), a header with the user and their roles, and the page. Signed-out users go to login.
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, useSession, useSignOut } from '../features/auth/session.ts';
import { ErrorAlert } from '../shared/QueryState.tsx';
import { PageFallback } from './Fallbacks.tsx';
import { FEATURE_ROUTES } from './features.ts';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const menuItems = useMemo(
    () =>
      FEATURE_ROUTES.filter(
        (route) => route.menu && (!route.roles || hasRole(session.data, ...route.roles)),
      )
        .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0))
        .map((route) => ({
          key: `/${route.path}`,
          icon: route.menu?.icon,
          label: route.menu?.label,
        })),
    [session.data],
  );

  if (session.isPending) return <PageFallback />;
  if (session.error) {
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }

  const selected = menuItems
    .map((item) => item.key)
    .filter((key) => (key === '/' ? location.pathname === '/' : location.pathname.startsWith(key)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const roleLabels = [...new Set(session.data.roles.map((grant) => grant.roleLabel))];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        width={200}
        aria-label="主菜单"
      >
        <div
          style={{
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            padding: '16px 12px',
            textAlign: 'center',
            whiteSpace: 'nowrap',
          }}
        >
          {collapsed ? '三项' : '三项制度工作台'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected}
          items={menuItems}
          onClick={({ key }) => void navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
            />
            <strong
              style={{
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                lineHeight: 1.5,
              }}
            >
              {session.data.agency?.name ?? '三项制度信息系统'}
            </strong>
          </div>
          <Space size="small" wrap={false}>
            <span data-testid="current-user">{session.data.user.displayName}</span>
            {roleLabels.map((label) => (
              <Tag key={label} color="blue" style={{ marginInlineEnd: 0 }}>
                {label}
              </Tag>
            ))}
            <Button
              icon={<LogoutOutlined />}
              onClick={() => void signOut().then(() => navigate('/login'))}
            >
              退出
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <main>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
