// The application on a fresh database for one test file, with helpers to log in as anyone.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, inject } from 'vitest';
import { buildApp, type AppContext } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { DEMO_PASSWORD } from '../demo/demo.seed.ts';
import type { DemoIds } from '../demo/demo.org.ts';
import { loadOrCreateSigningKey } from '../modules/ledger/crypto/keys.ts';
import { openBlobStore } from '../modules/blobs/open-blob-store.ts';
import type { App } from '../shared/http.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: App;
  handle: DatabaseHandle;
  ctx: AppContext;
  /** Logs in and returns the Cookie header value for later requests. */
  login(username: string, password?: string): Promise<string>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', ...overrides });
}

// Signing keys are slow-ish to create and irrelevant to most tests: one per worker process.
let sharedKeyDir: Promise<string> | undefined;
async function testSigningKey() {
  sharedKeyDir ??= fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-keys-'));
  const dataDir = await sharedKeyDir;
  return loadOrCreateSigningKey({ dataDir, isProduction: false });
}

/** Builds the app on a fresh database; closed automatically after the file's tests. */
export async function createTestApp(
  options: { env?: Record<string, string>; clock?: () => Date; withDemo?: boolean } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase({ withDemo: options.withDemo });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-data-'));
  const config = testConfig({ DATA_DIR: dataDir, ...options.env });
  const ctx: AppContext = {
    db: handle.db,
    dbKind: handle.kind,
    config,
    version: 'test',
    signingKey: await testSigningKey(),
    blobs: await openBlobStore(config),
    clock: options.clock ?? (() => new Date()),
  };
  const app = await buildApp(ctx);
  afterAll(async () => {
    await app.close();
    await handle.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  return {
    app,
    handle,
    ctx,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password },
      });
      if (response.statusCode !== 200) {
        throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      }
      return cookieOf(response);
    },
  };
}

/**
 * The app with the demo district loaded, which most integration tests start from: its database is
 * cloned from the run's demo template, seeded once by seedDemo in the global setup.
 */
export async function createDemoApp(
  options: { env?: Record<string, string>; clock?: () => Date } = {},
): Promise<TestApp & { ids: DemoIds }> {
  const test = await createTestApp({ ...options, withDemo: true });
  // A copy: a file may add to its ids (ids.cases), and files share a worker's injected values.
  return { ...test, ids: structuredClone(inject('demoIds')) };
}

export function cookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error('no session cookie in response');
  return first.split(';')[0] ?? '';
}
