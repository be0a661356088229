// Opens the one SQL dialect we speak (PostgreSQL) either embedded (PGlite under DATA_DIR) or on a
// server (DATABASE_URL). Everything above this file sees the same Kysely<Database>.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// Dates travel as 'YYYY-MM-DD' strings and bigints as numbers on both drivers, so that no module
// has to care which one it runs on.
const PG_TYPE_DATE = 1082;
const PG_TYPE_INT8 = 20;
const PG_TYPE_NUMERIC = 1700;

export const pgliteParsers = {
  [PG_TYPE_DATE]: (value: string) => value,
  [PG_TYPE_INT8]: (value: string) => Number(value),
  [PG_TYPE_NUMERIC]: (value: string) => value,
};

pg.types.setTypeParser(PG_TYPE_DATE, (value) => value);
pg.types.setTypeParser(PG_TYPE_INT8, (value) => Number(value));

export function pgliteOptions(extra: Partial<PGliteOptions> = {}): PGliteOptions {
  return { extensions: { btree_gin, pg_trgm }, parsers: pgliteParsers, ...extra };
}

export async function openPglite(dataDir: string | undefined, extra: Partial<PGliteOptions> = {}) {
  if (dataDir) await fs.mkdir(dataDir, { recursive: true });
  return PGlite.create(dataDir, pgliteOptions(extra));
}

// How many connections a Kysely instance may hold at once, for readers that send queries side by
// side (db/snapshot.ts): PGlite has one, a PostgreSQL pool its maximum.
const connectionsByDatabase = new WeakMap<Kysely<Database>, number>();

/** The connections `db` may hold at once (1 when it was not opened here). */
export const databaseConnectionsOf = (db: Kysely<Database>) => connectionsByDatabase.get(db) ?? 1;

export function wrapPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  connectionsByDatabase.set(db, 1);
  // Kysely destroys a driver only once a query has initialised it; a command that fails before
  // its first query would leave PGlite open and the process waiting forever.
  const close = async () => {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  };
  return { db, kind: 'pglite', close };
}

export function connectPostgres(connectionString: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max });
  // An idle pooled connection that the server ends (a restart, an administrator's termination)
  // emits 'error' on the pool; unhandled, that would take the whole process down. The pool drops
  // the connection and opens a new one on the next query, so a warning is all it deserves.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01')
      process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  connectionsByDatabase.set(db, max);
  return { db, kind: 'postgresql', close: () => db.destroy() };
}

export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl);
  // Before PGlite touches a file: a second process on the same directory is refused, not let in.
  await fs.mkdir(options.dataDir, { recursive: true });
  const release = await lockDataDir(path.join(options.dataDir, 'db.lock'));
  try {
    const handle = wrapPglite(await openPglite(path.join(options.dataDir, 'db')));
    return { ...handle, close: () => handle.close().finally(release) };
  } catch (error) {
    await release();
    throw error;
  }
}
