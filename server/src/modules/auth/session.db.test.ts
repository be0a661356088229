import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp({ env: { LOGIN_MAX_FAILURES: '3' } });

describe('sessions', () => {
  it('logs in with an HttpOnly cookie and answers who the user is', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'officer1', password: 'Sanxiang@2026' },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/sx_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const cookie = setCookie.split(';')[0] ?? '';
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const body = me.json<{
      user: { username: string };
      roles: { role: string }[];
      agency: { name: string };
    }>();
    expect(body.user.username).toBe('officer1');
    expect(body.roles.map((r) => r.role)).toEqual(['officer']);
    expect(body.agency.name).toBe('枣庄市薛城区市场监督管理局');
  });

  it('refuses a wrong password with INVALID_CREDENTIALS and a Chinese message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'officer2', password: 'wrong' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('answers 401 UNAUTHENTICATED without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const cookie = await t.login('head1');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('throttles a username after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'reviewer1', password: `bad-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'reviewer1', password: 'Sanxiang@2026' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('LOGIN_THROTTLED');
    // Another user is not affected.
    await expect(t.login('supervisor1')).resolves.toMatch(/^sx_session=/);
  });

  it('refuses unknown fields in the login body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: 'Sanxiang@2026', remember: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().details).toEqual([{ field: 'remember', reason: '不允许的字段' }]);
  });
});
