// Case actions per second with 50 concurrent clients, on PGlite and on PostgreSQL, side by side
// with a baseline route in the same server, in one run, with ratios.
//
//   - action     POST /api/cases/:caseId/actions/record_transcript (制作笔录): lock the case, state,
//                role and scope checks, the profile's rules, the guards (officers named with their
//                credential numbers, the party's signature), the new details, the action record,
//                the deadline rows of the case and the ledger entry, in one transaction;
//   - baseline   POST /api/bench/cases/:caseId/baseline-actions/record_transcript: the same case
//                row update and action record in one transaction, without guards, deadlines and
//                ledger. It exists only when BENCH_BASELINE_ROUTES is set (refused in production).
//
// Both go through the same Fastify app (app.inject: routing, cookie session, schema validation),
// each client on its own case, so the ratio is what the rules and the ledger cost per action.
//
// Usage: node bench/cases.mjs [--runs N] [--run-ms MS] [--clients N] [--databases pglite,postgres]
//        BENCH_DATABASE_URL=postgres://… (default postgres://postgres@127.0.0.1:5432/postgres)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SERVER_SRC = path.resolve(BENCH_DIR, '..', 'server', 'src');
register();
const serverModule = (file) => import(path.join(SERVER_SRC, file));

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '3' },
    'run-ms': { type: 'string', default: process.env.BENCH_CASES_RUN_MS ?? '5000' },
    clients: { type: 'string', default: process.env.BENCH_CASES_CLIENTS ?? '50' },
    databases: { type: 'string', default: process.env.BENCH_CASES_DATABASES ?? 'pglite,postgres' },
  },
});
const RUNS = Number(args.runs);
const RUN_MS = Number(args['run-ms']);
const CLIENTS = Number(args.clients);
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { openPglite, wrapPglite, connectPostgres } = await serverModule('db/database.ts');
const { migrateToLatest } = await serverModule('db/migrate.ts');
const { seedDemo, DEMO_PASSWORD } = await serverModule('demo/demo.seed.ts');
const { buildApp } = await serverModule('app.ts');
const { loadConfig } = await serverModule('config.ts');
const { loadOrCreateSigningKey } = await serverModule('modules/ledger/crypto/keys.ts');
const { createLocalBlobStore } = await serverModule('modules/blobs/local-blob-store.ts');
const { demoRecordId } = await serverModule('modules/powers/powers.demo.ts');
const pg = (await import(path.join(BENCH_DIR, '..', 'node_modules', 'pg', 'lib', 'index.js')))
  .default;

async function openTarget(kind, dir) {
  if (kind === 'pglite') return { handle: wrapPglite(await openPglite(path.join(dir, 'db'))) };
  const name = `sanxiang_bench_cases_${process.pid}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    handle: connectPostgres(url.toString(), CLIENTS + 5),
    async drop() {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function setUp(kind) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sanxiang-bench-cases-${kind}-`));
  const target = await openTarget(kind, dir);
  const { handle } = target;
  await migrateToLatest(handle.db);
  const ids = await seedDemo(handle.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    BENCH_BASELINE_ROUTES: 'true',
  });
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    config,
    version: 'bench',
    signingKey: await loadOrCreateSigningKey({ dataDir: dir, isProduction: false }),
    blobs: createLocalBlobStore(config.BLOB_DIR),
    clock: () => new Date(),
  });
  const login = async (username) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: DEMO_PASSWORD },
    });
    return String(r.headers['set-cookie']).split(';')[0];
  };
  const cookies = {
    officer1: await login('officer1'),
    officer2: await login('officer2'),
    head1: await login('head1'),
  };
  const call = async (method, url, cookie, payload) => {
    const r = await app.inject({ method, url, headers: { cookie }, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  // One case per client, filed and under investigation, where 制作笔录 can be repeated.
  const caseIds = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const c = await call('POST', `/api/agencies/${ids.agencies.market}/cases`, cookies.officer1, {
      kind: 'penalty',
      procedure: 'ordinary',
      source: 'inspection',
      sourceDetail: null,
      powerId: demoRecordId('power', ids.agencies.market, 'XC-SCJG-CF-001'),
      handlingUnitId: null,
      title: `基准测试案件 ${i + 1}`,
      facts: null,
      parties: [
        {
          kind: 'organisation',
          name: '枣庄市薛城区某食品有限公司',
          creditCode: '91350100M000100Y43',
          legalRepresentative: null,
          address: null,
          phone: null,
        },
      ],
      officers: [
        { personId: ids.people.officer1, role: 'lead' },
        { personId: ids.people.officer2, role: 'assist' },
      ],
    });
    await call('POST', `/api/cases/${c.id}/recusal`, cookies.officer1);
    await call('POST', `/api/cases/${c.id}/recusal`, cookies.officer2);
    await call('POST', `/api/cases/${c.id}/actions/request_filing`, cookies.officer1, {});
    await call('POST', `/api/cases/${c.id}/actions/approve_filing`, cookies.head1, {});
    caseIds.push(c.id);
  }
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const input = {
    transcriptKind: 'inquiry',
    madeOn: today,
    place: '执法机关询问室',
    officers: [
      { personId: ids.people.officer1, credentialNo: '37040320001' },
      { personId: ids.people.officer2, credentialNo: '37040320002' },
    ],
    content: '询问当事人进货来源及销售情况，当事人如实陈述。',
    partySigned: true,
  };
  const urls = {
    action: (id) => `/api/cases/${id}/actions/record_transcript`,
    baseline: (id) => `/api/bench/cases/${id}/baseline-actions/record_transcript`,
  };
  return {
    async measure(which) {
      let done = 0;
      const started = performance.now();
      await Promise.all(
        caseIds.map(async (id) => {
          while (performance.now() - started < RUN_MS) {
            await call('POST', urls[which](id), cookies.officer1, { input });
            done += 1;
          }
        }),
      );
      return done / ((performance.now() - started) / 1000);
    },
    async close() {
      await app.close();
      await handle.close();
      await target.drop?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => n.toFixed(1).padStart(8);

console.log(
  `case actions/s, ${CLIENTS} concurrent clients, ${RUNS} runs × ${RUN_MS} ms, interleaved\n`,
);
console.log('database     baseline/s   action/s   action ÷ baseline');
for (const kind of args.databases.split(',').map((s) => s.trim())) {
  let target;
  try {
    target = await setUp(kind === 'postgres' ? 'postgresql' : kind);
  } catch (error) {
    console.log(`${kind.padEnd(12)} skipped: ${error.message.split('\n')[0]}`);
    continue;
  }
  const results = { baseline: [], action: [] };
  for (let run = 0; run < RUNS; run += 1) {
    results.baseline.push(await target.measure('baseline'));
    results.action.push(await target.measure('action'));
  }
  const b = median(results.baseline);
  const a = median(results.action);
  console.log(`${kind.padEnd(12)} ${fmt(b)}   ${fmt(a)}   ${(a / b).toFixed(2).padStart(8)}`);
  await target.close();
}
