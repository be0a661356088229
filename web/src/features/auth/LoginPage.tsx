// Sign-in: username and password; a refusal (wrong password, throttled, disabled account) shows
// the server's message above the form.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { SESSION_KEY, fetchSession, useSession } from './session.ts';

interface LoginForm {
  username: string;
  password: string;
}

function safeNext(next: string | null): string {
  // Only paths inside the workbench: never an absolute URL handed in by a link.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const login = useMutation({
    mutationFn: async (form: LoginForm) => {
      await call(api.POST('/api/session', { body: form }));
      return fetchSession();
    },
    onSuccess: (data) => {
      queryClient.setQueryData(SESSION_KEY, data);
      void navigate(next, { replace: true });
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #eef3fb 0%, #dbe6f6 100%)',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          三项制度执法工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          行政执法公示 · 执法全过程记录 · 重大执法决定法制审核
        </Typography.Paragraph>
        {login.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={login.error} title="登录未成功" />
          </div>
        ) : null}
        <Form<LoginForm>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values)}
          disabled={login.isPending}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
