// Builds the Fastify application. The server, the tests and the command line all use this one
// function, so what the tests exercise is what runs.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DatabaseKind } from './db/database.ts';
import type { Database } from './db/schema.ts';
import type { SigningKey } from './modules/ledger/crypto/keys.ts';
import type { BlobStore } from './modules/blobs/blob-store.ts';
import { registerAuthHook } from './modules/auth/auth.hook.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerModules } from './modules/index.ts';
import { ERROR_CODES } from './shared/errors.ts';
import { addSanxiangFormats } from './shared/formats.ts';
import { useStrictJsonBodies } from './shared/json-body.ts';
import { handleError, type App } from './shared/http.ts';
import { publicPolicy, type RoutePolicy } from './shared/policy.ts';
import { ErrorResponse } from './shared/schemas.ts';

export interface AppContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  version: string;
  /** Signs ledger tree heads (SM2). */
  signingKey: SigningKey;
  /** The clock deadlines and guards read; tests move it. */
  clock: () => Date;
  /** Evidence bytes, content-addressed (BLOB_DIR). */
  blobs: BlobStore;
}

export interface RouteCatalogEntry {
  method: string;
  url: string;
  policy: RoutePolicy;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteCatalogEntry[];
  }
}

/** A hop count means: believe that many proxies nearest to us (Fastify's types take no number). */
function trustProxyOption(setting: Config['TRUST_PROXY']): FastifyServerOptions['trustProxy'] {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

export async function buildApp(ctx: AppContext): Promise<App> {
  const options: FastifyServerOptions = {
    logger: {
      level: ctx.config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(ctx.config.TRUST_PROXY),
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' },
      // Fastify's compiler already carries ajv-formats; ours add Chinese identifiers.
      plugins: [addSanxiangFormats],
    },
  };
  const app: App = Fastify(options).withTypeProvider<TypeBoxTypeProvider>();

  // A route without a declared policy is a programming error: refuse to start. The catalogue of
  // routes and policies is what the authorisation matrix test walks.
  const routeCatalog: RouteCatalogEntry[] = [];
  app.decorate('routeCatalog', routeCatalog);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (!policy) throw new Error(`route ${String(route.method)} ${route.url} declares no policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeCatalog.push({ method, url: route.url, policy });
    }
  });

  app.setErrorHandler(handleError);
  useStrictJsonBodies(app);
  app.setNotFoundHandler((_request, reply) => {
    const entry = ERROR_CODES.NOT_FOUND;
    return reply.status(entry.status).send({ code: 'NOT_FOUND', message: entry.message });
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sanxiang 三项制度信息系统 API',
        version: ctx.version,
        description:
          '行政执法公示、执法全过程记录、重大执法决定法制审核。所有拒绝均返回 {code, message, details?}；错误码见 components.schemas.ErrorResponse 与 x-error-codes。',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sx_session' } },
      },
    },
    // Only /api routes are the documented surface.
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/') ? schema : { ...schema, hide: true },
      url,
    }),
  });
  app.addSchema(ErrorResponse);

  const auth = createAuthService(createAuthRepository(ctx.db), ctx.config);
  registerAuthHook(app, auth);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, { auth, db: ctx.db, config: ctx.config });
  registerModules(app, ctx);

  app.get(
    '/api/openapi.json',
    { config: { policy: publicPolicy('openapi.read') }, schema: { hide: true } },
    async () => {
      const document = app.swagger() as Record<string, unknown>;
      return {
        ...document,
        'x-error-codes': Object.fromEntries(
          Object.entries(ERROR_CODES).map(([code, e]) => [code, e]),
        ),
      };
    },
  );

  await app.ready();
  return app;
}
