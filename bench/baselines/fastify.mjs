// Baseline: a bare Fastify hello-world answering /healthz. The gap between this and Sanxiang is
// the application (tsx, PGlite, migrations check, route and schema compilation), not the framework.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// Fastify is a dependency of the server workspace; resolve it from there so the bench needs no
// dependency of its own and does not rely on how npm hoisted node_modules.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
const { default: Fastify } = await import(pathToFileURL(requireFromServer.resolve('fastify')).href);

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));

process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
