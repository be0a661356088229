import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import type { App } from '../../shared/http.ts';
import { publicPolicy } from '../../shared/policy.ts';

const HealthView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  profile: Type.String(),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
});

export function registerHealthRoutes(app: App, ctx: AppContext) {
  app.get(
    '/healthz',
    {
      config: { policy: publicPolicy('health.read') },
      schema: { hide: true, response: { 200: HealthView, 503: HealthView } },
    },
    async (_request, reply) => {
      const isDatabaseUp = await sql`select 1`
        .execute(ctx.db)
        .then(() => true)
        .catch(() => false);
      return reply.status(isDatabaseUp ? 200 : 503).send({
        status: isDatabaseUp ? 'ok' : 'degraded',
        database: ctx.dbKind,
        profile: ctx.config.PROFILE,
        version: ctx.version,
        uptimeSeconds: Math.round(process.uptime()),
      });
    },
  );
}
