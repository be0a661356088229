// Prepares two templates per test run, so that each test file gets a fresh database in a fraction
// of a second instead of re-running every migration — migrated with the shipped data, and the same
// with the demo district seeded on top (createDemoApp; seeding it in every file cost 3–7 s of the
// file's start, most of the suite's time on a 2-core machine): PGlite data-directory dumps, and on
// PostgreSQL template databases cloned with CREATE DATABASE … TEMPLATE.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectPostgres, openPglite, wrapPglite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { DemoIds } from '../demo/demo.org.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { loadShippedData } from '../modules/bootstrap.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgresql';
    pgliteTemplate: string;
    pgliteDemoTemplate: string;
    postgresTemplate: string;
    postgresDemoTemplate: string;
    /** The ids seedDemo returned when it seeded the demo template. */
    demoIds: DemoIds;
    postgresUrl: string;
    /** Prefix of every database this run creates, so a teardown never touches another run's. */
    postgresPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.provide.dbKind;
  if (kind === 'postgresql') return setupPostgres(project);
  return setupPglite(project);
}

async function setupPglite(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-tpl-'));
  const pglite = await openPglite(undefined);
  const handle = wrapPglite(pglite);
  await migrateToLatest(handle.db);
  await loadShippedData(handle.db);
  const dump = async (name: string) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    return file;
  };
  project.provide('pgliteTemplate', await dump('template.tar'));
  project.provide('demoIds', await seedDemo(handle.db));
  project.provide('pgliteDemoTemplate', await dump('demo.tar'));
  await handle.close();
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}

async function setupPostgres(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is required for the postgresql project');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const prefix = `sanxiang_t${randomBytes(4).toString('hex')}`;
  const template = `${prefix}_template`;
  await admin.query(`create database ${template} encoding 'UTF8' template template0`);
  const handle = connectPostgres(withDatabase(url, template), 1);
  await migrateToLatest(handle.db);
  await loadShippedData(handle.db);
  await handle.close();
  project.provide('postgresTemplate', template);
  const demoTemplate = `${prefix}_demo_template`;
  await admin.query(`create database ${demoTemplate} template ${template}`);
  const demo = connectPostgres(withDatabase(url, demoTemplate), 1);
  project.provide('demoIds', await seedDemo(demo.db));
  await demo.close();
  project.provide('postgresDemoTemplate', demoTemplate);
  project.provide('postgresUrl', url);
  project.provide('postgresPrefix', prefix);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database');
    for (const { datname } of rows.filter((r) => r.datname.startsWith(`${prefix}_`))) {
      await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
