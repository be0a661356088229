// A fresh database for one test file, of the kind the running project tests (PGlite or
// PostgreSQL), cloned from one of the run's templates (global-setup.ts): migrated with the shipped
// data, or that and the demo district.
import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, openPglite, wrapPglite, type DatabaseHandle } from '../db/database.ts';
import { withDatabase } from './global-setup.ts';

/**
 * poolSize: connections to PostgreSQL (PGlite has one), for tests of concurrent writers.
 * withDemo: with the demo district seeded (its ids: inject('demoIds')).
 */
export async function createTestDatabase(
  options: { poolSize?: number; withDemo?: boolean } = {},
): Promise<DatabaseHandle> {
  if (inject('dbKind') === 'postgresql') {
    const template = inject(options.withDemo ? 'postgresDemoTemplate' : 'postgresTemplate');
    const url = inject('postgresUrl');
    const name = `${inject('postgresPrefix')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    const handle = connectPostgres(withDatabase(url, name), options.poolSize ?? 4);
    return {
      ...handle,
      async close() {
        await handle.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const tar = await fs.readFile(inject(options.withDemo ? 'pgliteDemoTemplate' : 'pgliteTemplate'));
  const pglite = await openPglite(undefined, { loadDataDir: new Blob([tar]) });
  return wrapPglite(pglite);
}
