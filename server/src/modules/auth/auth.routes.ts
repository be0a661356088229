import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { principalOf, type App } from '../../shared/http.ts';
import { ROLE_LABELS } from '../../shared/policy.ts';
import { ErrorResponse, OkResponse } from '../../shared/schemas.ts';
import { authPolicies } from './auth.policy.ts';
import { describeGrants } from './auth.repository.ts';
import { LoginBody, SessionView } from './auth.schemas.ts';
import { SESSION_COOKIE, type AuthService } from './auth.service.ts';

export function registerAuthRoutes(
  app: App,
  deps: { auth: AuthService; db: Kysely<Database>; config: Config },
) {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.COOKIE_SECURE,
    path: '/',
  } as const;

  app.post(
    '/api/session',
    {
      config: { policy: authPolicies.login },
      schema: {
        tags: ['会话'],
        summary: '登录',
        body: LoginBody,
        response: { 200: OkResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await deps.auth.login({
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { policy: authPolicies.logout },
      schema: { tags: ['会话'], summary: '退出登录', response: { 200: OkResponse } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deps.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/session',
    {
      config: { policy: authPolicies.whoami },
      schema: {
        tags: ['会话'],
        summary: '当前用户、角色与所属执法主体',
        response: { 200: SessionView, 401: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const grants = await describeGrants(deps.db, principal.userId);
      const withAgency = grants.find((g) => g.agencyId !== null);
      return {
        user: {
          id: principal.userId,
          username: principal.username,
          displayName: principal.displayName,
        },
        roles: grants.map((g) => ({ ...g, roleLabel: ROLE_LABELS[g.role] })),
        agency:
          withAgency?.agencyId && withAgency.agencyName
            ? { id: withAgency.agencyId, name: withAgency.agencyName }
            : null,
      };
    },
  );
}
