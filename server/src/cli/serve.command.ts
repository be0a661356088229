import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { assertNoDemoPasswords } from '../demo/demo.seed.ts';
import { jobDefinitions } from '../jobs/registry.ts';
import { createJobRunner } from '../jobs/runner.ts';
import { openRuntime } from '../runtime.ts';

export async function runServe(): Promise<number> {
  const config = loadConfig();
  const { handle, ctx, seeded } = await openRuntime(config, { seed: true });
  if (config.NODE_ENV === 'production') await assertNoDemoPasswords(handle.db);
  const app = await buildApp(ctx);
  if (seeded) app.log.info('demo data loaded into an empty database');

  // Scheduled work (fixity checks, …): every process polls; the database hands each job to one.
  const runner = createJobRunner({
    db: handle.db,
    definitions: jobDefinitions(ctx),
    log: app.log,
  });

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await runner.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  await runner.start();
  return new Promise<number>(() => {
    // Runs until a signal arrives.
  });
}
