// The OpenAPI document exactly as `GET /api/openapi.json` serves it, produced without a database:
// building the app registers routes and schemas only, so a pool that never connects is enough.
// The workbench generates its API types from this document (web/scripts/gen-api.mjs).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import { loadOrCreateSigningKey } from '../ledger/crypto/keys.ts';

export async function buildOpenApiDocument(): Promise<unknown> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-openapi-'));
  // Port 1 on loopback: any accidental query fails at once instead of reaching a real database.
  const pool = new pg.Pool({ connectionString: 'postgres://unused@127.0.0.1:1/unused' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const app = await buildApp({
      db,
      dbKind: 'postgresql',
      config,
      version: 'openapi',
      signingKey: await loadOrCreateSigningKey({ dataDir, isProduction: false }),
      blobs: createLocalBlobStore(config.BLOB_DIR),
      clock: () => new Date(),
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`openapi.json: ${response.statusCode}`);
      return response.json();
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
