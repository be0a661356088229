// Ledger append and full-verification throughput, side by side with baselines, in one run.
//
// Append (issue 3: "ledger append throughput vs the same rows inserted without chaining ≥ 0.5"):
//   - ours      appendLedgerEntry(trx, actor, entry), the server's own function: canonicalises
//               the payload (RFC 8785), hashes it and the leaf with SM3, and in one call draws
//               the position and, when the head is free, writes entry, nodes and head; under
//               contention the entry commits pending and a sealer (started for ours' runs, as
//               in a server process) chains it after commit. Ours' time runs until every entry
//               is chained: an entry left pending is not counted as done before it is sealed;
//   - baseline  the same ledger_entries row (same columns, payload as jsonb, same indexes and
//               check constraint) inserted into a copy of the table, without hashing, locking or
//               nodes: what an unchained change log would cost.
//   Both one entry per transaction (each business action commits its own entry) and many entries
//   per transaction; on PGlite (embedded, on a data directory as the server runs it) and on
//   PostgreSQL, there also with several concurrent clients.
//
// Verification (issue 3: "full verification throughput vs bare SM3 over the same bytes ≥ 0.5"):
//   - ours      verifyLedger(db, []) over a ledger of N entries;
//   - baseline  the same rows read in keyset batches of 2000 (the columns it hashes, not the
//               jsonb copy of the payload) and SM3 computed once per entry over its bytes: the
//               stored header columns and payload_canonical, UTF-8. The ratio is what our checks
//               cost on top of the reading and hashing no verifier can avoid.
//
// Then, unless --no-breakdown, where the time goes: every query timed by a Kysely plugin
// (begin/commit and the JavaScript between queries by difference), and the per-entry steps of
// verification timed on rows in memory.
//
// Usage: BENCH_RUNS=5 BENCH_LEDGER_ENTRIES=100000 npm run bench:ledger --workspace bench
//        node bench/ledger.mjs [--runs N] [--run-ms MS] [--batch K] [--clients 1,4,16]
//             [--entries N] [--databases pglite,postgres] [--database-url URL] [--no-breakdown]
//             [--profile DIR] [--parts append,verify]
// The PostgreSQL URL names a server and a database to connect to for CREATE/DROP DATABASE; the
// benchmark works in its own database sanxiang_bench_<random>, dropped at the end.
import { hash as cryptoHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { register } from 'tsx/esm/api';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SERVER_SRC = path.resolve(BENCH_DIR, '..', 'server', 'src');
// pg is a dependency of the server workspace; resolve it from there (no dependency of our own).
const requireFromServer = createRequire(path.resolve(BENCH_DIR, '..', 'server', 'package.json'));
const pg = requireFromServer('pg');

// The server's real code, through tsx as `sanxiang serve` runs it.
register();
const serverModule = (file) => import(path.join(SERVER_SRC, file));
const { openPglite, wrapPglite, connectPostgres } = await serverModule('db/database.ts');
const { migrateToLatest } = await serverModule('db/migrate.ts');
const { appendLedgerEntry } = await serverModule('modules/ledger/ledger.repository.ts');
const { sealAll, startLedgerSealer } = await serverModule('modules/ledger/ledger.seal.ts');
const { verifyLedger } = await serverModule('modules/ledger/ledger.verify.ts');
const { entryHashOf, leafFieldsOf, normalisePayload, payloadHashOf } = await serverModule(
  'modules/ledger/ledger.entry.ts',
);
const { canonicalJson } = await serverModule('modules/ledger/crypto/canonical-json.ts');
const { fromHex, sm3, toHex } = await serverModule('modules/ledger/crypto/hash.ts');
const { appendLeaf, rootFromFrontier } = await serverModule('modules/ledger/crypto/merkle.ts');

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** verifyLedger's page size (PAGE_SIZE in ledger.verify-read.ts); the baseline reads as many. */
const VERIFY_BATCH = 2000;
/** Rows per multi-row INSERT when filling the ledger for verification. */
const FILL_CHUNK = 1000;
const TARGET_APPEND = 0.5;
const TARGET_VERIFY = 0.5;

const USAGE =
  'usage: node bench/ledger.mjs [--runs N] [--run-ms MS] [--batch K] [--clients 1,4,16]\n' +
  '         [--entries N] [--databases pglite,postgres] [--database-url URL] [--no-breakdown]\n' +
  '         [--profile DIR] [--parts append,verify]\n' +
  '   or: BENCH_RUNS=N BENCH_LEDGER_RUN_MS=MS BENCH_LEDGER_BATCH=K BENCH_LEDGER_CLIENTS=1,4,16\n' +
  '       BENCH_LEDGER_ENTRIES=N BENCH_LEDGER_DATABASES=pglite,postgres BENCH_DATABASE_URL=URL\n' +
  '       BENCH_LEDGER_BREAKDOWN=0 BENCH_LEDGER_PROFILE=DIR BENCH_LEDGER_PARTS=append,verify\n' +
  '       npm run bench:ledger --workspace bench';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      runs: { type: 'string' },
      'run-ms': { type: 'string' },
      batch: { type: 'string' },
      clients: { type: 'string' },
      entries: { type: 'string' },
      databases: { type: 'string' },
      'database-url': { type: 'string' },
      'no-breakdown': { type: 'boolean', default: false },
      profile: { type: 'string' },
      parts: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

function positiveInteger(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer, got ${JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const RUNS = positiveInteger(args.runs ?? process.env.BENCH_RUNS ?? '5', 'runs');
const RUN_MS = positiveInteger(
  args['run-ms'] ?? process.env.BENCH_LEDGER_RUN_MS ?? '1000',
  'run-ms',
);
const BATCH = positiveInteger(args.batch ?? process.env.BENCH_LEDGER_BATCH ?? '100', 'batch');
const CLIENTS = (args.clients ?? process.env.BENCH_LEDGER_CLIENTS ?? '1,4,16')
  .split(',')
  .map((c) => positiveInteger(c.trim(), 'clients'));
const ENTRIES = positiveInteger(
  args.entries ?? process.env.BENCH_LEDGER_ENTRIES ?? '10000',
  'entries',
);
const DATABASE_URL = args['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
const DATABASES = (args.databases ?? process.env.BENCH_LEDGER_DATABASES ?? 'pglite,postgres')
  .split(',')
  .map((d) => d.trim().toLowerCase());
for (const database of DATABASES) {
  if (database !== 'pglite' && database !== 'postgres') {
    console.error(`--databases: unknown database ${JSON.stringify(database)}\n${USAGE}`);
    process.exit(2);
  }
}
const PARTS = (args.parts ?? process.env.BENCH_LEDGER_PARTS ?? 'append,verify')
  .split(',')
  .map((p) => p.trim().toLowerCase());
for (const part of PARTS) {
  if (part !== 'append' && part !== 'verify') {
    console.error(`--parts: unknown part ${JSON.stringify(part)}\n${USAGE}`);
    process.exit(2);
  }
}
const WITH_APPEND = PARTS.includes('append');
const WITH_VERIFY = PARTS.includes('verify');
const WITH_BREAKDOWN = !args['no-breakdown'] && process.env.BENCH_LEDGER_BREAKDOWN !== '0';
const PROFILE_DIR = args.profile ?? process.env.BENCH_LEDGER_PROFILE;

// ---------------------------------------------------------------------------------------------
// Cleanup: PGlite data directories and PostgreSQL databases this run created, and the handles
// open on them. No child processes are started.

const tempDirs = new Set();
const openHandles = new Set();
const createdDatabases = new Set();

/** Closes what is open (after the work on it has stopped), drops our databases, removes data. */
async function cleanup() {
  for (const handle of openHandles) {
    try {
      await handle.close();
    } catch {
      // Closing is best effort; the database is dropped with (force) below anyway.
    }
  }
  openHandles.clear();
  for (const name of createdDatabases) {
    try {
      await dropDatabase(name);
    } catch (error) {
      console.error(`could not drop database ${name}: ${error.message}`);
    }
  }
  createdDatabases.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
// Last resort for the directories (synchronous); databases need the async cleanup above.
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
// On a signal the loops stop at their next transaction or verification pass (checkInterrupted)
// and main's `finally` cleans up as usual: closing a database under queries still running would
// hang (PGlite) or crash (a pool whose sessions DROP … WITH (FORCE) ends). Should the work in
// flight take longer than GRACE_MS, the databases are dropped by force and the process leaves.
// A second signal ends the process at once.
const GRACE_MS = 20_000;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    interrupted = true;
    process.exitCode = 130;
    console.error(
      `\n${signal}: stopping; then closing databases, dropping the benchmark database,` +
        ' removing data',
    );
    setTimeout(() => void forcedCleanup().finally(() => process.exit(130)), GRACE_MS).unref();
  });
}

function checkInterrupted() {
  if (interrupted) throw new Error('interrupted');
}

// A chain of PGlite queries never returns to the event loop (each query resolves from WebAssembly
// through microtasks alone), so timers and signal handlers would wait until a whole phase ends.
// The loops below give the event loop a turn every YIELD_MS; the cost is the same for baseline
// and ours and far below a transaction's.
const YIELD_MS = 100;
let lastYield = performance.now();
async function yieldNow() {
  if (performance.now() - lastYield < YIELD_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  lastYield = performance.now();
}

async function forcedCleanup() {
  // The pool's sessions are terminated under it; their errors no longer matter.
  process.on('uncaughtException', () => {});
  for (const name of createdDatabases) {
    try {
      await adminQuery(`drop database if exists ${name} with (force)`);
    } catch (error) {
      console.error(`could not drop database ${name}: ${error.message}`);
    }
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

async function adminQuery(text, values) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * Drops a benchmark database once the closed pool's sessions have left it. Terminating them
 * with DROP … WITH (FORCE) while the pool is still ending would crash this process: the pool
 * re-emits the server's "terminating connection" as an 'error' nobody listens to. Forced only
 * if they linger.
 */
async function dropDatabase(name) {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const { rows } = await adminQuery(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0].n === 0) break;
    if (performance.now() > deadline) {
      await adminQuery(`drop database if exists ${name} with (force)`);
      return;
    }
    await sleep(50);
  }
  await adminQuery(`drop database if exists ${name}`);
}

function urlWithDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A migrated PGlite on a fresh data directory, as `sanxiang serve` opens one. */
async function openPgliteTarget() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-ledger-'));
  tempDirs.add(dir);
  const pglite = await openPglite(path.join(dir, 'db'));
  const handle = wrapPglite(pglite);
  openHandles.add(handle);
  await migrateToLatest(handle.db);
  checkInterrupted();
  await pglite.exec(PLAIN_TABLE_DDL);
  return {
    label: 'PGlite',
    handle,
    clients: [1],
    exec: (text) => pglite.exec(text),
    async close() {
      await handle.close();
      openHandles.delete(handle);
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
  };
}

/** A migrated database of our own on the PostgreSQL server, or null when it is not reachable. */
async function openPostgresTarget() {
  try {
    await adminQuery('select 1');
  } catch (error) {
    console.log(
      `PostgreSQL at ${redact(DATABASE_URL)} not reachable (${error.message}): PostgreSQL skipped` +
        ' (set BENCH_DATABASE_URL, or BENCH_LEDGER_DATABASES=pglite to silence this)\n',
    );
    return null;
  }
  const name = `sanxiang_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  createdDatabases.add(name);
  const handle = connectPostgres(urlWithDatabase(DATABASE_URL, name), Math.max(...CLIENTS));
  openHandles.add(handle);
  await migrateToLatest(handle.db);
  checkInterrupted();
  const client = new pg.Client({ connectionString: urlWithDatabase(DATABASE_URL, name) });
  await client.connect();
  await client.query(PLAIN_TABLE_DDL);
  await client.end();
  return {
    label: 'PostgreSQL',
    name,
    handle,
    clients: CLIENTS,
    async close() {
      await handle.close();
      openHandles.delete(handle);
      await dropDatabase(name);
      createdDatabases.delete(name);
    },
  };
}

const redact = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

// ---------------------------------------------------------------------------------------------
// The entries: what a case action writes (cases.service.ts 'case.registered'), with a realistic
// actor. Every entry differs (numbers, ids), as in production.

// The baseline's table: ledger_entries' columns, defaults (the same seq sequence), check
// constraint and indexes (primary key, unique leaf_index, subject, agency); no write-once
// triggers, which only fire on UPDATE/DELETE/TRUNCATE anyway.
const PLAIN_TABLE_DDL = 'create table bench_plain_entries (like ledger_entries including all)';

const AGENCY_ID = randomUUID();
const ACTOR = {
  userId: randomUUID(),
  name: '张执法',
  ip: '10.32.4.17',
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
};
const POWER_ID = randomUUID();
const OFFICERS = [randomUUID(), randomUUID()];
let entryCounter = 0;

function nextEntry() {
  entryCounter += 1;
  const caseId = randomUUID();
  return {
    kind: 'case.registered',
    subjectType: 'case',
    subjectId: caseId,
    agencyId: AGENCY_ID,
    caseId,
    payload: {
      caseNo: `薛市监立〔2026〕${entryCounter}号`,
      kind: 'penalty',
      procedure: 'ordinary',
      source: 'inspection',
      title: `某商贸有限公司销售不符合食品安全标准的食品案（第 ${entryCounter} 件）`,
      powerId: POWER_ID,
      parties: [{ kind: 'organisation', name: '枣庄市薛城区某商贸有限公司' }],
      officers: OFFICERS,
    },
  };
}

const FAKE_HASH = 'f'.repeat(64);
let plainLeafIndex = 0;

/** The same row appendLedgerEntry writes, with chain columns of the same width but no hashing:
 *  payload_canonical is plain JSON.stringify, the hashes a constant, leaf_index a counter. */
function plainRow(entry) {
  const payload = JSON.stringify(entry.payload);
  plainLeafIndex += 1;
  return {
    kind: entry.kind,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    agency_id: entry.agencyId,
    case_id: entry.caseId,
    actor_user_id: ACTOR.userId,
    actor_name: ACTOR.name,
    actor_ip: ACTOR.ip,
    actor_user_agent: ACTOR.userAgent,
    recorded_at: new Date(),
    payload,
    leaf_index: plainLeafIndex,
    payload_canonical: payload,
    payload_hash: FAKE_HASH,
    prev_hash: FAKE_HASH,
    entry_hash: FAKE_HASH,
  };
}

// ---------------------------------------------------------------------------------------------
// Append.

/** One transaction of `perTx` entries; returns how many were written. */
function appendWork(target, which, perTx, db = target.handle.db) {
  if (which === 'ours') {
    return () =>
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < perTx; i++) await appendLedgerEntry(trx, ACTOR, nextEntry());
        return perTx;
      });
  }
  return () =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < perTx; i++) {
        await trx.insertInto('bench_plain_entries').values(plainRow(nextEntry())).execute();
      }
      return perTx;
    });
}

/**
 * Entries per second of `clients` loops each running `work` until `ms` have passed, then
 * `settle()` (ours: until every entry is chained), all inside the measured time.
 */
async function throughput(work, clients, ms, settle = async () => {}) {
  const t0 = performance.now();
  const deadline = t0 + ms;
  let entries = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!interrupted && performance.now() < deadline) {
        // Not `entries += await work()`: that reads `entries` before awaiting and loses the
        // other clients' counts in between.
        const done = await work();
        entries += done;
        await yieldNow();
      }
    }),
  );
  await settle();
  return entries / ((performance.now() - t0) / 1000);
}

/**
 * One measurement of a side. Ours runs with the sealer of a server process (started for the
 * measurement, so the baseline's runs do not share the database with it) and counts the time
 * until the sealer has chained every entry: an entry left pending is not done.
 */
async function measureAppend(target, which, perTx, clients, ms) {
  const work = appendWork(target, which, perTx);
  if (which !== 'ours') return throughput(work, clients, ms);
  const db = target.handle.db;
  // As registerLedgerRoutes starts it in a server process.
  const sealer = startLedgerSealer(db, { intervalMs: target.label === 'PGlite' ? 5000 : 250 });
  return throughput(work, clients, ms, async () => {
    await sealer.stop();
    // Pending entries lie past the head; a bounded range of leaf_index is read through its index
    // even without statistics (an open one could be a sequential scan inside ours' time).
    const rows = await db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('entry_hash', 'is', null)
      .where('leaf_index', '>=', sql`(select tree_size from ledger_head where id = 1)`)
      .where('leaf_index', '<', sql`(select tree_size + 1000000 from ledger_head where id = 1)`)
      .executeTakeFirstOrThrow();
    target.lastBacklog = Number(rows.n);
    await sealAll(db, 60_000);
  });
}

function appendConfigs(target) {
  return [
    ...target.clients.map((clients) => ({ perTx: 1, clients })),
    { perTx: BATCH, clients: 1 },
  ];
}

async function benchAppend(target) {
  const configs = appendConfigs(target);
  // Warm-up, not reported: JIT, plan caches, every pool connection opened.
  for (const config of configs) {
    for (const which of ['baseline', 'ours']) {
      await measureAppend(target, which, config.perTx, config.clients, 300);
      checkInterrupted();
    }
  }
  const results = configs.map((config) => ({ ...config, baseline: [], ours: [], backlog: [] }));
  for (let run = 1; run <= RUNS; run += 1) {
    await yieldNow();
    checkInterrupted();
    process.stdout.write(`  ${target.label} append run ${run}/${RUNS}:`);
    for (const result of results) {
      // Alternate who goes first, so that drift within a run favours neither.
      const order = run % 2 === 1 ? ['baseline', 'ours'] : ['ours', 'baseline'];
      for (const which of order) {
        const rate = await measureAppend(target, which, result.perTx, result.clients, RUN_MS);
        checkInterrupted();
        result[which].push(rate);
        if (which === 'ours') result.backlog.push(target.lastBacklog);
      }
      const last = (which) => fmt(result[which].at(-1), 0);
      process.stdout.write(
        ` [${result.perTx}/tx×${result.clients}] ${last('baseline')}/${last('ours')}`,
      );
    }
    console.log('');
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Verification.

async function lockedHead(trx) {
  return trx
    .selectFrom('ledger_head')
    .select(['tree_size', 'frontier', 'last_entry_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * Grows the ledger to `size` entries quickly: the chain fields are computed exactly as
 * appendLedgerEntry computes them, with the server's own functions (normalisePayload,
 * canonicalJson, payloadHashOf, entryHashOf, appendLeaf), but the rows and nodes go in with
 * multi-row INSERTs, a thousand entries per transaction. verifyLedger then finding no issue is
 * the check that this ledger is the one appendLedgerEntry would have written.
 */
async function fillLedger(db, size) {
  for (;;) {
    await yieldNow();
    checkInterrupted();
    const done = await db.transaction().execute(async (trx) => {
      const head = await lockedHead(trx);
      if (head.tree_size >= size) return true;
      let frontier = head.frontier.map(fromHex);
      let prevHash = head.last_entry_hash;
      const rows = [];
      const nodes = [];
      const end = Math.min(size, head.tree_size + FILL_CHUNK);
      for (let leafIndex = head.tree_size; leafIndex < end; leafIndex++) {
        const entry = nextEntry();
        const payload = normalisePayload(entry.payload);
        const recordedAt = new Date();
        const payloadCanonical = canonicalJson(payload);
        const payloadHash = payloadHashOf(payloadCanonical);
        const leafHash = entryHashOf({
          kind: entry.kind,
          agencyId: entry.agencyId,
          caseId: entry.caseId,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          actor: ACTOR,
          recordedAt: recordedAt.toISOString(),
          leafIndex,
          payloadHash,
          prevHash,
        });
        const appended = appendLeaf(frontier, leafHash, sm3, leafIndex);
        frontier = appended.frontier;
        for (const n of appended.newNodes) {
          nodes.push({ level: n.level, index: n.index, hash: toHex(n.hash) });
        }
        const entryHash = toHex(leafHash);
        rows.push({
          kind: entry.kind,
          subject_type: entry.subjectType,
          subject_id: entry.subjectId,
          agency_id: entry.agencyId,
          case_id: entry.caseId,
          actor_user_id: ACTOR.userId,
          actor_name: ACTOR.name,
          actor_ip: ACTOR.ip,
          actor_user_agent: ACTOR.userAgent,
          recorded_at: recordedAt,
          payload: JSON.stringify(payload),
          leaf_index: leafIndex,
          payload_canonical: payloadCanonical,
          payload_hash: payloadHash,
          prev_hash: prevHash,
          entry_hash: entryHash,
        });
        prevHash = entryHash;
      }
      await trx.insertInto('ledger_entries').values(rows).execute();
      for (let i = 0; i < nodes.length; i += FILL_CHUNK) {
        await trx
          .insertInto('ledger_nodes')
          .values(nodes.slice(i, i + FILL_CHUNK))
          .execute();
      }
      await trx
        .updateTable('ledger_head')
        .set({
          tree_size: end,
          frontier: frontier.map(toHex),
          last_entry_hash: prevHash,
          updated_at: new Date(),
        })
        .where('id', '=', 1)
        .execute();
      return end >= size;
    });
    if (done) break;
  }
  // The fill wrote positions itself: the sequence that hands them out must continue after them.
  await sql`select setval('ledger_leaf_index_seq', greatest(
      (select tree_size from ledger_head where id = 1),
      (select last_value + 1 from ledger_leaf_index_seq)), false)`.execute(db);
}

/** What the baseline reads: the columns it hashes (not the jsonb copy of the payload). */
const HASHED_COLUMNS = [
  'leaf_index',
  'kind',
  'agency_id',
  'case_id',
  'subject_type',
  'subject_id',
  'actor_user_id',
  'actor_name',
  'actor_ip',
  'actor_user_agent',
  'recorded_at',
  'payload_hash',
  'prev_hash',
  'payload_canonical',
];

/** The bytes the baseline hashes for one entry: its stored header columns, then its payload. */
function entryBytes(row) {
  const header =
    `${row.leaf_index}\n${row.kind}\n${row.agency_id}\n${row.case_id}\n${row.subject_type}\n` +
    `${row.subject_id}\n${row.actor_user_id}\n${row.actor_name}\n${row.actor_ip}\n` +
    `${row.actor_user_agent}\n${row.recorded_at.toISOString()}\n${row.payload_hash}\n` +
    `${row.prev_hash}\n`;
  return Buffer.from(header + row.payload_canonical, 'utf8');
}

/** Baseline: read every entry as verifyLedger does, SM3 once over each entry's bytes. */
async function readAndHash(db) {
  let entries = 0;
  let bytes = 0;
  let sink = 0;
  for (let after = -1; ;) {
    const rows = await db
      .selectFrom('ledger_entries')
      .select(HASHED_COLUMNS)
      .where('leaf_index', '>', after)
      .orderBy('leaf_index')
      .limit(VERIFY_BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = entryBytes(row);
      sink ^= cryptoHash('sm3', data, 'buffer')[0];
      bytes += data.length;
      entries += 1;
      after = row.leaf_index;
    }
  }
  return { entries, bytes, sink };
}

async function benchVerify(target) {
  const db = target.handle.db;
  const before = await db.selectFrom('ledger_head').select('tree_size').executeTakeFirstOrThrow();
  const t0 = performance.now();
  await fillLedger(db, ENTRIES);
  const fillMs = performance.now() - t0;
  const filled = Math.max(0, ENTRIES - before.tree_size);
  // Warm-up, not reported; also the correctness check of the fill and of both sides.
  const report = await verifyLedger(db, []);
  const plain = await readAndHash(db);
  if (report.issues.length > 0 || report.entriesChecked !== plain.entries) {
    throw new Error(
      `${target.label}: verifyLedger found ${report.issues.length} issue(s) over ` +
        `${report.entriesChecked} entries (baseline read ${plain.entries}): ` +
        JSON.stringify(report.issues.slice(0, 3)),
    );
  }
  const result = {
    entries: plain.entries,
    bytes: plain.bytes,
    fillMs,
    filled,
    baseline: [],
    ours: [],
  };
  for (let run = 1; run <= RUNS; run += 1) {
    await yieldNow();
    checkInterrupted();
    const order = run % 2 === 1 ? ['baseline', 'ours'] : ['ours', 'baseline'];
    for (const which of order) {
      await yieldNow();
      checkInterrupted();
      const start = performance.now();
      const checked =
        which === 'ours'
          ? (await verifyLedger(db, [])).entriesChecked
          : (await readAndHash(db)).entries;
      const seconds = (performance.now() - start) / 1000;
      if (checked !== result.entries) throw new Error(`${which} saw ${checked} entries`);
      result[which].push(checked / seconds);
    }
    console.log(
      `  ${target.label} verify run ${run}/${RUNS}: baseline ${fmt(result.baseline.at(-1), 0)}` +
        ` entries/s, ours ${fmt(result.ours.at(-1), 0)} entries/s`,
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Breakdown: where the time goes.

const tableOf = (node) => node?.table?.identifier?.name ?? '?';

function queryLabel(node) {
  switch (node.kind) {
    case 'SelectQueryNode':
      return `select ${tableOf(node.from?.froms?.[0])}${node.endModifiers?.length ? ' for update' : ''}`;
    case 'InsertQueryNode':
      return `insert ${tableOf(node.into)}`;
    case 'UpdateQueryNode':
      return `update ${tableOf(node.table)}`;
    default:
      return node.kind;
  }
}

/** A Kysely plugin timing every query from compilation to its result, by statement and table. */
function timingPlugin() {
  const started = new WeakMap();
  const totals = new Map();
  return {
    totals,
    reset: () => totals.clear(),
    transformQuery({ node, queryId }) {
      started.set(queryId, { at: performance.now(), label: queryLabel(node) });
      return node;
    },
    async transformResult({ result, queryId }) {
      const start = started.get(queryId);
      if (start) {
        const entry = totals.get(start.label) ?? { ms: 0, count: 0 };
        entry.ms += performance.now() - start.at;
        entry.count += 1;
        totals.set(start.label, entry);
      }
      return result;
    },
  };
}

/**
 * Per entry: each statement's time, the JavaScript inside the transaction between statements
 * (hashing, canonical JSON, Kysely building queries), and begin + commit (the rest of the
 * transaction's wall time). Transactions one after another, so the parts add up to the total.
 * Baseline and ours take turns in RUNS slices of RUN_MS / 2 each, summed per side, so that both
 * sides see the machine's other work alike.
 */
async function appendBreakdowns(target, perTx) {
  const sides = ['baseline', 'ours'].map((which) => {
    const timing = timingPlugin();
    const db = target.handle.db.withPlugin(timing);
    return { which, timing, db, wallMs: 0, insideMs: 0, entries: 0 };
  });
  for (const side of sides) {
    const work = appendWork(target, side.which, perTx, side.db);
    for (let i = 0; i < 3; i++) await work();
    side.timing.reset();
  }
  for (let run = 1; run <= RUNS; run += 1) {
    for (const side of run % 2 === 1 ? sides : [...sides].reverse()) {
      await breakdownSlice(side, perTx, RUN_MS / 2);
    }
  }
  return sides.map(({ timing, wallMs, insideMs, entries }) => {
    const queries = [...timing.totals].map(([label, { ms }]) => [label, ms / entries]);
    const queryMs = queries.reduce((sum, [, ms]) => sum + ms, 0);
    return {
      entries,
      perEntryMs: wallMs / entries,
      parts: [
        ['begin + commit', (wallMs - insideMs) / entries],
        ...queries,
        ['JavaScript between statements', insideMs / entries - queryMs],
      ],
    };
  });
}

async function breakdownSlice(side, perTx, ms) {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    await yieldNow();
    checkInterrupted();
    const t0 = performance.now();
    let t1 = 0;
    let t2 = 0;
    await side.db.transaction().execute(async (trx) => {
      t1 = performance.now();
      for (let i = 0; i < perTx; i++) {
        if (side.which === 'ours') await appendLedgerEntry(trx, ACTOR, nextEntry());
        else await trx.insertInto('bench_plain_entries').values(plainRow(nextEntry())).execute();
      }
      t2 = performance.now();
    });
    side.wallMs += performance.now() - t0;
    side.insideMs += t2 - t1;
    side.entries += perTx;
  }
}

/**
 * Same for verifyLedger: its queries, and the CPU time of this process. verifyLedger reads pages
 * ahead while it checks, so its queries overlap one another and the checks: their times add up
 * to more than the wall time, and the checks' share is the process's CPU (on PGlite that also
 * includes the database's work).
 */
async function verifyBreakdown(target) {
  const timing = timingPlugin();
  const db = target.handle.db.withPlugin(timing);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await verifyLedger(db, []);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const queries = [...timing.totals].map(([label, { ms, count }]) => [
    `${label} (${count}×, overlapping)`,
    ms,
  ]);
  return {
    entries: report.entriesChecked,
    wallMs,
    parts: [...queries, ['CPU time of this process', (cpu.user + cpu.system) / 1000]],
  };
}

/**
 * The per-entry steps of verifyLedger, each timed on its own over rows already in memory, with
 * the server's exported functions; the loop around them is re-created here from
 * ledger.verify-chain.ts (its internals are not exported), so these are shares, not an exact
 * decomposition.
 */
async function verifySteps(target, limit) {
  const db = target.handle.db;
  const rows = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .orderBy('leaf_index')
    .limit(limit)
    .execute();
  const nodes = await db
    .selectFrom('ledger_nodes')
    .select(['level', 'index', 'hash'])
    .where('index', '<', rows.length)
    .execute();
  const stored = new Map(nodes.map((n) => [`${n.level}:${n.index}`, n.hash]));
  let sink = 0;
  const leaves = rows.map((row) => entryHashOf(leafFieldsOf(row, row.leaf_index, row.prev_hash)));
  // checkHeadsAt's input: the frontier after every leaf.
  const frontiers = [];
  let frontier = [];
  for (let i = 0; i < leaves.length; i++) {
    frontier = appendLeaf(frontier, leaves[i], sm3, i).frontier;
    frontiers.push(frontier);
  }
  const eachRow = (step) => () => {
    for (const row of rows) step(row);
  };
  const passes = [
    [
      'bare SM3 over the entry bytes (the baseline)',
      eachRow((row) => (sink ^= cryptoHash('sm3', entryBytes(row), 'buffer')[0])),
    ],
    [
      'canonicalJson(row.payload) === payload_canonical (now done in SQL instead)',
      eachRow((row) => (sink ^= canonicalJson(row.payload) === row.payload_canonical ? 1 : 0)),
    ],
    [
      'payloadHashOf(payload_canonical) (SM3 + hex)',
      eachRow((row) => (sink ^= payloadHashOf(row.payload_canonical).charCodeAt(0))),
    ],
    [
      'entry hash: fixed-order leaf serialiser + SM3 + hex',
      eachRow(
        (row) =>
          (sink ^= toHex(entryHashOf(leafFieldsOf(row, row.leaf_index, row.prev_hash))).charCodeAt(
            0,
          )),
      ),
    ],
    [
      'tree: appendLeaf + compare new nodes',
      () => {
        let f = [];
        for (let i = 0; i < leaves.length; i++) {
          const appended = appendLeaf(f, leaves[i], sm3, i);
          f = appended.frontier;
          for (const node of appended.newNodes.filter((n) => n.level > 0)) {
            sink ^= stored.get(`${node.level}:${node.index}`) === toHex(node.hash) ? 1 : 0;
          }
        }
      },
    ],
    [
      // What checkHeadsAt(size) used to do after every leaf; it now computes a root only at the
      // sizes of tree heads being checked.
      'root of the frontier after every leaf (no longer done)',
      () => {
        for (const f of frontiers) sink ^= toHex(rootFromFrontier(f, sm3)).charCodeAt(0);
      },
    ],
  ];
  // The fastest of three passes: the cost of the step itself, less what the machine's other
  // work added.
  const results = passes.map(([label, pass]) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      pass();
      best = Math.min(best, performance.now() - t0);
    }
    return [label, best / rows.length];
  });
  return { rows: rows.length, steps: results, sink };
}

/**
 * With --profile DIR: a V8 CPU profile of fn (written to DIR/<name>.cpuprofile, for Chrome
 * DevTools or speedscope) and its functions by self time. `(idle)` is time spent waiting, for
 * PostgreSQL mostly on the server.
 */
async function profiled(name, fn) {
  if (!PROFILE_DIR) return { value: await fn(), top: null };
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let value;
  try {
    value = await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(PROFILE_DIR, { recursive: true });
    const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { value, top: topFunctions(profile, 14), file };
  }
}

function topFunctions(profile, count) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    // The inspector's own `dispatch` of Profiler.stop, which builds the profile inside it.
    if (functionName === 'dispatch' && !url) return;
    const where = url ? ` ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => [key, us / 1000, (100 * us) / total]);
}

// ---------------------------------------------------------------------------------------------
// Statistics and report.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const fmt = (value, digits) => value.toFixed(digits);
const range = (s, digits) =>
  `${fmt(s.median, digits)} [${fmt(s.min, digits)}–${fmt(s.max, digits)}]`;

/** Ours ÷ baseline of each run's pair (measured back to back, so under the same load). */
function pairedRatios(result) {
  return summary(result.ours.map((ours, i) => ours / result.baseline[i]));
}

const verdict = (ratio, target) => `${ratio >= target ? 'met' : 'MISSED'} (≥ ${target})`;

function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  for (const [index, row] of rows.entries()) {
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function printParts(title, parts, total, unit) {
  console.log(title);
  printTable([
    ['part', unit, 'share'],
    ...parts.map(([label, value]) => [
      label,
      fmt(value, unit === 'ms' ? 0 : 3),
      `${fmt((100 * value) / total, 0)} %`,
    ]),
  ]);
  console.log('');
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------
// Main.

async function main() {
  const cpus = os.cpus();
  console.log('Sanxiang ledger benchmark: append and full verification');
  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, node ${process.version}`,
  );
  console.log(
    `runs: ${RUNS}; append runs of ${RUN_MS} ms, ${BATCH} entries per transaction in batch mode,` +
      ` PostgreSQL clients ${CLIENTS.join(', ')}; verification over ${ENTRIES} entries`,
  );
  console.log(`load average at start: ${loadAverage()}\n`);

  const openers = [
    ['pglite', 'PGlite', openPgliteTarget],
    ['postgres', 'PostgreSQL', openPostgresTarget],
  ].filter(([key]) => DATABASES.includes(key));
  const all = [];
  for (const [, label, open] of openers) {
    process.stdout.write(`${label}: migrating a fresh database … `);
    const target = await open();
    if (target === null) continue;
    console.log(target.name ? `done (${target.name})` : 'done');
    const append = WITH_APPEND ? await benchAppend(target) : [];
    if (WITH_VERIFY) console.log(`  ${label}: filling the ledger to ${ENTRIES} entries …`);
    const verify = WITH_VERIFY ? await benchVerify(target) : null;
    let breakdown = null;
    if (WITH_BREAKDOWN) {
      checkInterrupted();
      console.log(`  ${label}: breakdown …`);
      const key = label.toLowerCase();
      const none = { value: null, top: null };
      const oursAppend = WITH_APPEND
        ? await profiled(`${key}-append-1-per-tx`, () =>
            throughput(appendWork(target, 'ours', 1), 1, RUN_MS),
          )
        : none;
      const verify = WITH_VERIFY
        ? await profiled(`${key}-verify`, () => verifyBreakdown(target))
        : none;
      breakdown = {
        append: WITH_APPEND
          ? [...(await appendBreakdowns(target, 1)), ...(await appendBreakdowns(target, BATCH))]
          : [],
        verify: verify.value,
        steps: WITH_VERIFY ? await verifySteps(target, Math.min(ENTRIES, 20_000)) : null,
        profiles: [
          ['appendLedgerEntry, 1 per transaction', oursAppend],
          ['verifyLedger', verify],
        ].filter(([, p]) => p.top !== null),
      };
    }
    all.push({ label, append, verify, breakdown });
    await target.close();
    console.log('');
  }

  if (WITH_APPEND) printAppendTable(all);
  if (WITH_VERIFY) printVerifyTable(all);
  for (const { label, breakdown } of all) if (breakdown) printBreakdown(label, breakdown);
  console.log(`\nload average at end: ${loadAverage()}`);
}

function printAppendTable(all) {
  console.log(
    `Append throughput, entries/s (median [min–max] of ${RUNS} runs of ${RUN_MS} ms;` +
      " ratio = median of the runs' paired ours ÷ baseline)\n",
  );
  printTable([
    [
      'database',
      'entries/tx',
      'clients',
      'baseline: plain INSERT',
      'ours: append + sealing',
      'pending at end',
      'ours ÷ baseline',
      'target',
    ],
    ...all.flatMap(({ label, append }) =>
      append.map((r) => {
        const ratio = pairedRatios(r);
        return [
          label,
          String(r.perTx),
          String(r.clients),
          range(summary(r.baseline), 0),
          range(summary(r.ours), 0),
          range(summary(r.backlog), 0),
          range(ratio, 2),
          verdict(ratio.median, TARGET_APPEND),
        ];
      }),
    ),
  ]);
}

function printVerifyTable(all) {
  console.log(
    `\nFull verification, entries/s and MB/s of entry bytes (header columns + payload_canonical;` +
      ` median [min–max] of ${RUNS} runs)\n`,
  );
  printTable([
    [
      'database',
      'entries',
      'MB',
      'baseline: read + SM3',
      'MB/s',
      'ours: verifyLedger',
      'MB/s',
      'ours ÷ baseline',
      'target',
    ],
    ...all.map(({ label, verify }) => {
      const mbPerEntry = verify.bytes / verify.entries / 2 ** 20;
      const base = summary(verify.baseline);
      const ours = summary(verify.ours);
      const ratio = pairedRatios(verify);
      return [
        label,
        String(verify.entries),
        fmt(verify.bytes / 2 ** 20, 1),
        range(base, 0),
        fmt(base.median * mbPerEntry, 2),
        range(ours, 0),
        fmt(ours.median * mbPerEntry, 2),
        range(ratio, 2),
        verdict(ratio.median, TARGET_VERIFY),
      ];
    }),
  ]);
  for (const { label, verify } of all) {
    if (verify.filled === 0) continue;
    console.log(
      `${label}: ${verify.filled} entries added for verification in ${fmt(verify.fillMs / 1000, 1)} s,` +
        ` ${fmt(verify.filled / (verify.fillMs / 1000), 0)} entries/s (chain computed with the` +
        ` server's functions, a thousand entries per transaction in multi-row INSERTs: what a` +
        ` batched append could do; verifyLedger found no issue)`,
    );
  }
}

function printBreakdown(label, breakdown) {
  if (breakdown.append.length > 0) {
    console.log(
      `\n${label}: where an append's time goes (ms per entry, one client, in sequence;` +
        ` ${RUNS} alternating slices of ${RUN_MS / 2} ms per side)\n`,
    );
  }
  for (const b of breakdown.append) {
    const index = breakdown.append.indexOf(b);
    const who = index % 2 === 0 ? 'baseline (plain INSERT)' : 'ours (appendLedgerEntry)';
    const perTx = index < 2 ? 1 : BATCH;
    printParts(
      `${who}, ${perTx} per transaction: ${fmt(b.perEntryMs, 3)} ms per entry over ${b.entries} entries`,
      b.parts,
      b.perEntryMs,
      'ms/entry',
    );
  }
  const v = breakdown.verify;
  if (v) {
    printParts(
      `${label}: where verifyLedger's time goes over ${v.entries} entries: ${fmt(v.wallMs, 0)} ms wall`,
      v.parts,
      v.wallMs,
      'ms',
    );
  }
  const s = breakdown.steps;
  if (s) {
    console.log(
      `${label}: verifyLedger's per-entry steps timed one by one over ${s.rows} rows in memory` +
        ' (µs per entry, fastest of 3 passes; re-created from ledger.verify-chain.ts)',
    );
    printTable([['step', 'µs/entry'], ...s.steps.map(([step, ms]) => [step, fmt(ms * 1000, 1)])]);
  }
  for (const [what, p] of breakdown.profiles) {
    console.log(`\n${label}: CPU profile of ${what}, top functions by self time (${p.file})`);
    printTable([
      ['function', 'ms', 'share'],
      ...p.top.map(([fn, ms, share]) => [fn, fmt(ms, 0), `${fmt(share, 1)} %`]),
    ]);
  }
}

try {
  await main();
} catch (error) {
  // After a signal the work in flight fails on the closed databases: not worth reporting.
  if (!interrupted) {
    console.error(`\nbenchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  await cleanup();
}
