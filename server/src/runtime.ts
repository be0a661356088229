// Opens the configured database, migrates it and loads what every installation needs (and, on
// an empty embedded installation outside production, the demo data). Used by `serve` and the CLI.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo, isDatabaseEmpty } from './demo/demo.seed.ts';
import type { AppContext } from './app.ts';
import { loadShippedData } from './modules/bootstrap.ts';
import { openBlobStore } from './modules/blobs/open-blob-store.ts';
import { loadOrCreateSigningKey } from './modules/ledger/crypto/keys.ts';
import { sealPendingLedgerEntries } from './modules/ledger/ledger.repository.ts';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export async function openRuntime(
  config: Config,
  options: { seed: boolean },
): Promise<{ handle: DatabaseHandle; ctx: AppContext; seeded: boolean }> {
  // First: an unreachable bucket stops the start before the database is touched.
  const blobs = await openBlobStore(config);
  const handle = await openDatabase({ dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL });
  await migrateToLatest(handle.db);
  await sealPendingLedgerEntries(handle.db);
  await loadShippedData(handle.db);
  let seeded = false;
  if (options.seed && config.SEED_DEMO && (await isDatabaseEmpty(handle.db))) {
    await seedDemo(handle.db);
    seeded = true;
  }
  const signingKey = await loadSigningKey(config);
  return {
    handle,
    ctx: {
      db: handle.db,
      dbKind: handle.kind,
      config,
      version: VERSION,
      signingKey,
      blobs,
      clock: () => new Date(),
    },
    seeded,
  };
}

/** The configured key in production; otherwise the one generated into DATA_DIR/keys. */
export async function loadSigningKey(config: Config) {
  return loadOrCreateSigningKey({
    dataDir: config.DATA_DIR,
    configuredPrivateKeyPem: config.LEDGER_SIGNING_KEY_FILE
      ? await readFile(config.LEDGER_SIGNING_KEY_FILE, 'utf8')
      : undefined,
    isProduction: config.NODE_ENV === 'production',
  });
}
