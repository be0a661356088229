import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp();
const admin = await t.login('admin');

function createUser(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload });
}

describe('users and roles', () => {
  it('refuses an officer account for a person without an enforcement credential', async () => {
    const response = await createUser({
      username: 'reviewer9',
      displayName: '陈静',
      password: 'Strong#Pass2026',
      personId: t.ids.people.reviewer1,
      roles: [{ role: 'officer', agencyId: t.ids.agencies.market, regionId: null }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('CREDENTIAL_REQUIRED');
  });

  it('refuses a supervisor bound to an agency, and an agency role for another agency’s person', async () => {
    const supervisor = await createUser({
      username: 'supervisor9',
      displayName: '某监督员',
      password: 'Strong#Pass2026',
      personId: null,
      roles: [{ role: 'supervisor', agencyId: t.ids.agencies.market, regionId: null }],
    });
    expect(supervisor.json().code).toBe('ROLE_SCOPE_INVALID');
    const wrongAgency = await createUser({
      username: 'officer9',
      displayName: '张伟',
      password: 'Strong#Pass2026',
      personId: t.ids.people.officer3,
      roles: [{ role: 'officer', agencyId: t.ids.agencies.market, regionId: null }],
    });
    expect(wrongAgency.json().code).toBe('PERSON_REQUIRED');
  });

  it('refuses a weak password', async () => {
    const response = await createUser({
      username: 'officer4',
      displayName: '赵明',
      password: 'password12',
      personId: t.ids.people.officer4,
      roles: [{ role: 'officer', agencyId: t.ids.agencies.market, regionId: null }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('WEAK_PASSWORD');
  });

  it('creates an officer who can then log in and see the role', async () => {
    const created = await createUser({
      username: 'officer4',
      displayName: '赵明',
      password: 'Strong#Pass2026',
      personId: t.ids.people.officer4,
      roles: [{ role: 'officer', agencyId: t.ids.agencies.market, regionId: null }],
    });
    expect(created.statusCode).toBe(201);
    const cookie = await t.login('officer4', 'Strong#Pass2026');
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(me.json().roles).toEqual([
      expect.objectContaining({ role: 'officer', agencyName: '枣庄市薛城区市场监督管理局' }),
    ]);
  });

  it('ends a user’s sessions when the account is disabled or the password reset', async () => {
    const cookie = await t.login('officer2');
    const reset = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${t.ids.users.officer2}/password`,
      headers: { cookie: admin },
      payload: { password: 'Reset#Pass2026' },
    });
    expect(reset.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(stale.statusCode).toBe(401);

    const fresh = await t.login('officer2', 'Reset#Pass2026');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.ids.users.officer2}`,
      headers: { cookie: admin },
      payload: { isActive: false },
    });
    const disabled = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: fresh },
    });
    expect(disabled.statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'officer2', password: 'Reset#Pass2026' },
    });
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('is for administrators only', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: await t.login('head1') },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'FORBIDDEN', message: '无权执行此操作' });
  });
});
