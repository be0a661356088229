// Public decision search and the decision page, side by side with baselines, in one run.
//
// Search (issue 6: "search latency (median and p99) and throughput under concurrent load on
// PGlite and PostgreSQL, against the same queries answered by a plain LIKE scan"):
//   - ours      disclosureReadRepository.searchDecisions, the server's own query: the narrow
//               disclosure_search table's GIN index of lexemes (1, 2 and 4 characters) answers
//               terms up to four characters exactly, strpos confirms longer ones; total count
//               (exact up to SEARCH_COUNT_BOUND) plus the first page of 20, newest first, within
//               the display period;
//   - baseline  the same filters, count and page with `search_text LIKE '%term%'` instead
//               (no index can serve a leading wildcard: a scan of every row).
//   Queries mix a two-character name, a company name, an exact 文号, a masked person's name,
//   a frequent word with a category filter, and a term that matches nothing. Outside the mix,
//   the known slow shapes (a character in most decisions, no terms, a common five-character
//   term, deep pages) are checked against the baseline too and timed one by one.
//
// Decision page (issue 6: "a decision detail page's throughput against the server returning the
// same bytes from memory"): `sanxiang serve` on the generated database answering
// GET /decisions/{id}, against a bare node:http server answering the same bytes and headers.
//
// The generator writes N published decisions with generate_series inside the database (no rows
// travel through the client), and their search copies, in batches, then VACUUM ANALYZE. The
// schema is the server's own (migrations); the agency foreign key is dropped in the benchmark
// database only.
//
// Usage: node bench/search.mjs [--postgres 1000000] [--pglite 100000] [--seconds 10]
//                              [--clients 1,8] [--database-url URL] [--skip-page]
//                              [--keep-database] [--reuse-database NAME] [--skip-outside]
//        BENCH_SEARCH_POSTGRES=10000000 node bench/search.mjs   (the 10-million run)
// The PostgreSQL URL names a server and a database to connect to for CREATE/DROP DATABASE; the
// benchmark works in its own database sanxiang_search_<random>, dropped at the end unless
// --keep-database. --reuse-database NAME works in an earlier kept database instead (created and
// generated when missing or empty, migrated by the server in any case, never dropped): a 1 M
// generation takes minutes, a search run seconds.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { register } from 'tsx/esm/api';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const SERVER_SRC = path.join(ROOT, 'server', 'src');
const requireFromServer = createRequire(path.join(ROOT, 'server', 'package.json'));
const pg = requireFromServer('pg');

register();
const serverModule = (file) => import(path.join(SERVER_SRC, file));
const { openPglite, wrapPglite, connectPostgres } = await serverModule('db/database.ts');
const { disclosureReadRepository, SEARCH_COUNT_BOUND } = await serverModule(
  'modules/disclosure/disclosure.read.repository.ts',
);
const { parseQuery } = await serverModule('modules/disclosure/disclosure.search.ts');

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'string' },
    pglite: { type: 'string' },
    seconds: { type: 'string' },
    clients: { type: 'string' },
    'database-url': { type: 'string' },
    'skip-page': { type: 'boolean' },
    'keep-database': { type: 'boolean' },
    'reuse-database': { type: 'string' },
    'skip-outside': { type: 'boolean' },
  },
});
const POSTGRES_ROWS = Number(args.postgres ?? process.env.BENCH_SEARCH_POSTGRES ?? 1_000_000);
const PGLITE_ROWS = Number(args.pglite ?? process.env.BENCH_SEARCH_PGLITE ?? 100_000);
const SECONDS = Number(args.seconds ?? process.env.BENCH_SEARCH_SECONDS ?? 10);
const CLIENTS = (args.clients ?? '1,8').split(',').map(Number);
const DATABASE_URL =
  args['database-url'] ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const TODAY = '2026-11-21';
const BATCH = 100_000;

// ---------------------------------------------------------------------------------------------
// Cleanup of what this run created: databases, data directories, child processes.

const created = { databases: new Set(), dirs: new Set(), children: new Set(), handles: new Set() };

async function adminQuery(text) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function cleanup() {
  for (const child of created.children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (const handle of created.handles) await handle.close().catch(() => {});
  for (const name of created.databases) {
    await adminQuery(`drop database if exists ${name} with (force)`).catch((error) =>
      console.error(`could not drop database ${name}: ${error.message}`),
    );
  }
  for (const dir of created.dirs) rmSync(dir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

// ---------------------------------------------------------------------------------------------
// The generator: deterministic vocabulary picked by arithmetic on the row number.

const arr = (words) => `array[${words.map((w) => `'${w}'`).join(',')}]`;
const SURNAMES = arr(['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙']);
const BRANDS = arr(
  '鑫源 华泰 恒通 永盛 金鼎 瑞丰 宏达 万家 福临 新悦 佳和 润泽 康宁 盛世 天成 博远 聚丰 兴隆 和美 长青'.split(
    ' ',
  ),
);
const TRADES = arr([
  '商贸',
  '餐饮',
  '食品',
  '建材',
  '物流',
  '超市',
  '药房',
  '汽修',
  '广告',
  '酒店',
]);
const DISTRICTS = arr(['薛城区', '市中区', '峄城区', '台儿庄区', '山亭区', '滕州市']);
const AGENCIES = arr([
  '枣庄市薛城区市场监督管理局',
  '枣庄市薛城区综合行政执法局',
  '枣庄市薛城区应急管理局',
]);
const PREFIX = arr(['薛市监罚', '薛综执罚', '薛应急罚']);
const POWERS = arr([
  '对经营超过保质期食品的行政处罚',
  '对未取得食品经营许可从事食品经营活动的行政处罚',
  '对擅自设置大型户外广告的行政处罚',
  '对占道经营的行政处罚',
  '对未按规定进行安全生产教育培训的行政处罚',
  '对销售不合格产品的行政处罚',
]);
const FACTS = arr([
  '执法人员检查发现当事人经营场所内存放超过保质期的食品，货值金额较小。',
  '当事人未取得许可擅自从事经营活动，经责令改正后仍未改正。',
  '当事人在城市道路两侧擅自设置户外广告设施，影响市容。',
  '当事人在人行道上摆摊经营，妨碍行人通行。',
  '当事人未按规定对从业人员进行安全生产教育和培训。',
  '抽检发现当事人销售的产品质量不合格。',
]);
const BASES = arr([
  '《中华人民共和国食品安全法》第一百二十四条',
  '《城市市容和环境卫生管理条例》第三十四条',
  '《中华人民共和国安全生产法》第九十七条',
  '《中华人民共和国产品质量法》第四十九条',
]);
const CATEGORIES = arr(['penalty', 'penalty', 'penalty', 'permit', 'inspection', 'coercion']);

/** One batch of rows [from, to], all computed in SQL. */
function generateSql(from, to) {
  // hashint4 decorrelates the picks from each other and from g.
  const pick = (words, salt, n) =>
    `(${words})[1 + ((hashint4(g + ${salt * 7_919_003}) :: bigint + 2147483648) % ${n})]`;
  const isPerson = `(g % 5 = 0)`;
  const party = `case when ${isPerson} then ${pick(SURNAMES, 7, 12)} || '某某'
    else '枣庄市' || ${pick(DISTRICTS, 11, 6)} || ${pick(BRANDS, 13, 20)} || ${pick(TRADES, 17, 10)} || '有限公司' end`;
  const docNo = `(${PREFIX})[1 + g % 3] || '〔' || (2024 + g % 3) || '〕' || g || '号'`;
  // The search copy in the same statement, as the trigger on disclosure_decisions would write it.
  return `
    with inserted as (
    insert into disclosure_decisions (id, agency_id, agency_name, doc_no, doc_no_norm, category,
      power_name, party, party_credit_code, facts, legal_basis, result, decided_on, published_at,
      status, ledger_index, display_until, display_basis, search_text)
    select id, agency_id, agency_name, doc_no, doc_no, category, power_name, party, credit_code,
      facts, legal_basis, result, decided_on, published_at, 'published', g, null, null, st
    from (
      select g, md5(g::text)::uuid as id,
        ('00000000-0000-4000-8000-00000000000' || (g % 3))::uuid as agency_id,
        (${AGENCIES})[1 + g % 3] as agency_name, ${docNo} as doc_no,
        ${pick(CATEGORIES, 5, 6)} as category, ${pick(POWERS, 19, 6)} as power_name,
        ${party} as party,
        case when ${isPerson} then null else '91370403MA' || lpad((g % 10000000)::text, 7, '0') || 'X' end
          as credit_code,
        ${pick(FACTS, 23, 6)} as facts, ${pick(BASES, 29, 4)} as legal_basis,
        '罚款人民币' || (100 * (1 + g % 50)) || '元' as result,
        date '2024-01-01' + (g % 1000) as decided_on,
        timestamptz '2024-01-03 10:00+08' + (g % 1000) * interval '1 day' + (g % 600) * interval '1 second'
          as published_at
      from generate_series(${from}, ${to}) g
    ) r, lateral (
      select lower(replace(replace(doc_no || '|' || party || '|' || coalesce(credit_code, '') || '|' ||
        power_name || '|' || agency_name || '|' || facts || '|' || legal_basis || '|' || result,
        ' ', ''), '　', '')) as st
    ) s
    returning id, published_at, display_until, agency_id, category, decided_on, search_text)
    insert into disclosure_search
      (decision_id, published_at, display_until, agency_id, category, decided_on, search_text)
    select * from inserted`;
}

const TABLES = ['disclosure_decisions', 'disclosure_search'];

async function generate(db, rows, label) {
  await sql`alter table disclosure_decisions drop constraint if exists disclosure_decisions_agency_id_fkey`.execute(
    db,
  );
  // Indexes are built once after the load (the standard bulk-load order), not row by row; the
  // search copies are written with each batch instead of by the row trigger.
  const { rows: indexes } = await sql`
    select indexname, indexdef from pg_indexes
    where tablename in ('disclosure_decisions', 'disclosure_search')
      and indexname not like '%_pkey'`.execute(db);
  for (const index of indexes) await sql.raw(`drop index ${index.indexname}`).execute(db);
  await sql`alter table disclosure_decisions disable trigger disclosure_decisions_search_insert`.execute(
    db,
  );
  const started = performance.now();
  for (let from = 1; from <= rows; from += BATCH) {
    const to = Math.min(rows, from + BATCH - 1);
    await sql.raw(generateSql(from, to)).execute(db);
    process.stdout.write(
      `\r  ${label}: generated ${to.toLocaleString('en')} / ${rows.toLocaleString('en')}`,
    );
  }
  await sql`alter table disclosure_decisions enable trigger disclosure_decisions_search_insert`.execute(
    db,
  );
  const loaded = performance.now();
  // More sort memory than the default 64 MB for the GIN build (on PostgreSQL; one statement
  // text so that the setting and the build share a pooled connection).
  const memory = label === 'PostgreSQL' ? "set maintenance_work_mem = '512MB'; " : '';
  // A partitioned table's index is listed "ON ONLY" the parent; built without ONLY it is built on
  // every partition too.
  for (const index of indexes) {
    await sql.raw(`${memory}${index.indexdef.replace(' ON ONLY ', ' ON ')}`).execute(db);
  }
  // What autovacuum does to a table some time after a load: hint bits, visibility map, statistics.
  for (const table of TABLES) await sql.raw(`vacuum analyze ${table}`).execute(db);
  console.log(
    `\r  ${label}: rows ${((loaded - started) / 1000).toFixed(0)} s, indexes and vacuum ` +
      `${((performance.now() - loaded) / 1000).toFixed(0)} s${' '.repeat(20)}`,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\r  ${label}: ${rows.toLocaleString('en')} decisions generated in ${seconds.toFixed(0)} s${' '.repeat(20)}`,
  );
}

/** Heap, TOAST and index sizes of the search tables (summed over partitions), for the README. */
async function printSizes(db, label) {
  const { rows } = await sql`
    select case when c.relname = 'disclosure_decisions' then c.relname
      else 'disclosure_search' end as name,
      sum(pg_relation_size(c.oid)) as heap,
      sum(pg_table_size(c.oid) - pg_relation_size(c.oid)) as toast,
      sum(pg_indexes_size(c.oid)) as indexes
    from pg_class c
    where c.relname = 'disclosure_decisions'
      or c.oid in (select relid from pg_partition_tree('disclosure_search') where isleaf)
    group by 1 order by 1`.execute(db);
  const mb = (bytes) => `${Math.round(Number(bytes) / 1048576)} MB`;
  for (const r of rows) {
    console.log(
      `  ${label}: ${r.name} heap ${mb(r.heap)}, TOAST ${mb(r.toast)}, indexes ${mb(r.indexes)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Queries.

const QUERIES = [
  { q: '鑫源' }, // a two-character name (1 row in 20)
  { q: '恒通物流' }, // a company name
  { q: '薛综执罚〔2025〕1234号' }, // an exact 文号 (1 row)
  { q: '薛综执罚[2025]1234号' }, // the same 文号 written with [] (normalised)
  { q: '王某某' }, // a masked natural person
  { q: '保质期', category: 'penalty' }, // a frequent phrase with a filter
  { q: '华泰 药房' }, // two terms
  { q: '不存在的当事人' }, // nothing
];

/** Outside the mix: each checked against the baseline, then timed alone. */
const OUTSIDE = [
  { q: '华' }, // a character in three quarters of the decisions
  { q: '' }, // no terms (the portal's home page)
  { q: '食品安全法' }, // five characters whose pieces are both common (a quarter of the decisions)
  { q: '华泰', offset: 2_000 }, // page 101
  { q: '鑫源', offset: 9_980 }, // page 500, the deepest
  { q: '王某某', offset: 9_980 },
  { q: '药房', offset: 9_980 }, // a term in 8 % of decisions, which the statistics do not list
  { q: '保质期', offset: 5_000 },
];
const OUTSIDE_RUNS = 20;

function ours(db, query) {
  return disclosureReadRepository.searchDecisions(db, {
    terms: parseQuery(query.q),
    category: query.category,
    today: TODAY,
    limit: 20,
    offset: query.offset ?? 0,
  });
}

function likePattern(text) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The baseline: the same filters, count and page, with LIKE on the normalised text. */
async function baseline(db, query) {
  let q = db
    .selectFrom('disclosure_decisions')
    .where((eb) => eb.or([eb('display_until', 'is', null), eb('display_until', '>=', TODAY)]));
  for (const term of parseQuery(query.q))
    q = q.where('search_text', 'like', likePattern(term.text));
  if (query.category) q = q.where('category', '=', query.category);
  const [{ total }, rows] = await Promise.all([
    q.select(sql`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .offset(query.offset ?? 0)
      .execute(),
  ]);
  return { total, rows };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `clients` loops, each running the query mix in turn for `seconds`. */
async function load(run, clients, seconds) {
  const latencies = [];
  const byQuery = new Map(QUERIES.map((query) => [query, []]));
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const query = QUERIES[next++ % QUERIES.length];
        const started = performance.now();
        await run(query);
        const ms = performance.now() - started;
        latencies.push(ms);
        byQuery.get(query).push(ms);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  // Which queries make the tail: each one's 90th percentile, slowest first.
  const tail = [...byQuery]
    .filter(([, times]) => times.length > 0)
    .map(([query, times]) => {
      times.sort((a, b) => a - b);
      return { q: query.q, p90: percentile(times, 90) };
    })
    .sort((a, b) => b.p90 - a.p90);
  return {
    n: latencies.length,
    median: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
    tail,
  };
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

const describe = (query) =>
  `"${query.q}"${query.category ? ` +${query.category}` : ''}${query.offset ? ` offset ${query.offset}` : ''}`;

/** Same answers: the index must not change what is found. */
async function checkSame(db, label, query) {
  const [a, b] = await Promise.all([ours(db, query), baseline(db, query)]);
  const ids = (r) => r.rows.map((x) => x.id).join();
  // Ours counts exactly only up to SEARCH_COUNT_BOUND and flags a larger total as a lower bound.
  const capped = b.total > SEARCH_COUNT_BOUND;
  const expected = capped ? SEARCH_COUNT_BOUND : b.total;
  if (a.total !== expected || a.totalIsLowerBound !== capped || ids(a) !== ids(b)) {
    throw new Error(`${label}: ${describe(query)} answers differ: ${a.total} vs ${b.total}`);
  }
  console.log(
    `  ${label}: ${describe(query)} → ${b.total.toLocaleString('en')} rows${capped ? ` (ours: ${a.total.toLocaleString('en')}+)` : ''}`,
  );
}

/** The slow shapes outside the mix, one at a time: median, 90th percentile, slowest. */
async function outsideBench(db, label) {
  for (const query of OUTSIDE) await checkSame(db, label, query);
  const lines = [];
  for (const query of OUTSIDE) {
    const times = [];
    for (let i = 0; i < OUTSIDE_RUNS; i++) {
      const started = performance.now();
      await ours(db, query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    lines.push(
      `${describe(query)} ${fmt(percentile(times, 50))} / ${fmt(percentile(times, 90))} / ${fmt(times.at(-1))}`,
    );
  }
  console.log(
    `  ${label} outside the mix, ${OUTSIDE_RUNS} runs each, median / p90 / slowest (ms), load ` +
      `${os.loadavg()[0].toFixed(1)}:\n    ${lines.join('\n    ')}`,
  );
}

async function searchBench(db, label, rows) {
  for (const query of QUERIES) await checkSame(db, label, query);
  const results = [];
  for (const clients of CLIENTS) {
    const o = await load((q) => ours(db, q), clients, SECONDS);
    const b = await load((q) => baseline(db, q), clients, SECONDS);
    results.push({ label, rows, clients, o, b });
    const tail = o.tail
      .slice(0, 4)
      .map((t) => `${t.q} ${fmt(t.p90)}`)
      .join(', ');
    console.log(
      `  ${label} ${rows.toLocaleString('en')} rows, ${clients} client(s), load ` +
        `${os.loadavg()[0].toFixed(1)}: ` +
        `ours median ${fmt(o.median)} ms p99 ${fmt(o.p99)} ms ${o.perSecond.toFixed(1)}/s (${o.n}) | ` +
        `LIKE median ${fmt(b.median)} ms p99 ${fmt(b.p99)} ms ${b.perSecond.toFixed(1)}/s (${b.n}) | ` +
        `p99 LIKE/ours ${(b.p99 / o.p99).toFixed(1)}×, throughput ours/LIKE ${(o.perSecond / b.perSecond).toFixed(1)}×\n` +
        `    ours, 90th percentile of the slowest queries (ms): ${tail}`,
    );
  }
  if (!args['skip-outside']) await outsideBench(db, label);
  return results;
}

// ---------------------------------------------------------------------------------------------
// The decision page against the same bytes from memory.

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function get(port, urlPath, agent) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: urlPath, agent, headers: { accept: 'text/html' } },
      (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

async function waitHealthy(port, child, timeoutMs = 120_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await get(port, '/healthz');
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('server did not become healthy');
}

function startChild(command, commandArgs, env) {
  const child = spawn(command, commandArgs, {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  created.children.add(child);
  return child;
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  created.children.delete(child);
}

async function throughput(port, urlPath, clients, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let n = 0;
  const latencies = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const r = await get(port, urlPath, agent);
        if (r.status !== 200) throw new Error(`${urlPath}: ${r.status}`);
        latencies.push(performance.now() - started);
        n++;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: n / seconds,
    median: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const MEMORY_SERVER = `
const http = require('node:http');
const body = Buffer.from(process.env.BODY_B64, 'base64');
const headers = JSON.parse(process.env.HEADERS);
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

function startServer(port, env) {
  return startChild(process.execPath, [path.join(ROOT, 'server', 'bin', 'sanxiang.mjs'), 'serve'], {
    ...env,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_DEMO: 'false',
    PUBLIC_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  });
}

/**
 * The schema comes from the server itself (it migrates on start), so the benchmark database
 * and the server that later serves it agree on the migrations.
 */
async function migrateByServer(env) {
  const port = await freePort();
  const server = startServer(port, env);
  // A kept database may have a migration to run over every row (an index rebuilt at 1 M: minutes).
  await waitHealthy(port, server, 60 * 60_000);
  await stopChild(server);
}

async function pageBench(label, env) {
  const port = await freePort();
  const server = startServer(port, env);
  await waitHealthy(port, server);
  const urlPath = `/decisions/${env.DECISION_ID}`;
  const first = await get(port, urlPath);
  if (first.status !== 200) throw new Error(`${urlPath}: ${first.status}`);
  const headers = {
    'content-type': first.headers['content-type'],
    etag: first.headers.etag,
    'cache-control': first.headers['cache-control'],
  };
  const memoryPort = await freePort();
  const memory = startChild(process.execPath, ['-e', MEMORY_SERVER], {
    PORT: String(memoryPort),
    BODY_B64: first.body.toString('base64'),
    HEADERS: JSON.stringify(headers),
  });
  await sleep(300);
  const results = [];
  for (const clients of CLIENTS) {
    const o = await throughput(port, urlPath, clients, SECONDS);
    const m = await throughput(memoryPort, urlPath, clients, SECONDS);
    results.push({ label, clients, o, m, bytes: first.body.length });
    console.log(
      `  ${label} page (${first.body.length} bytes), ${clients} client(s): server ${o.perSecond.toFixed(0)}/s ` +
        `(median ${fmt(o.median)} ms, p99 ${fmt(o.p99)} ms) | memory ${m.perSecond.toFixed(0)}/s ` +
        `(median ${fmt(m.median)} ms) | server/memory ${(o.perSecond / m.perSecond).toFixed(2)}`,
    );
  }
  await stopChild(memory);
  await stopChild(server);
  return results;
}

// ---------------------------------------------------------------------------------------------

const decisionId = async (db) => (await sql`select md5('1234')::uuid as id`.execute(db)).rows[0].id;

async function main() {
  console.log(
    `search benchmark: PostgreSQL ${POSTGRES_ROWS.toLocaleString('en')} rows, PGlite ` +
      `${PGLITE_ROWS.toLocaleString('en')} rows, ${SECONDS} s per measurement, clients ${CLIENTS.join(',')}; ` +
      `${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const summary = [];
  if (POSTGRES_ROWS > 0) {
    const reused = args['reuse-database'];
    if (reused !== undefined && !/^[a-z_][a-z0-9_]*$/.test(reused)) {
      throw new Error(`--reuse-database: not a plain database name: ${reused}`);
    }
    const name = reused ?? `sanxiang_search_${randomBytes(4).toString('hex')}`;
    const exists =
      (await adminQuery(`select 1 from pg_database where datname = '${name}'`)).rowCount > 0;
    if (!exists) await adminQuery(`create database ${name}`);
    if (!reused && !args['keep-database']) created.databases.add(name);
    if (reused || args['keep-database']) console.log(`  PostgreSQL database ${name} (kept)`);
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    await migrateByServer({ DATABASE_URL: url.toString(), DATA_DIR: mkTemp() });
    const handle = connectPostgres(url.toString(), Math.max(...CLIENTS) + 2);
    created.handles.add(handle);
    const { rows: present } =
      await sql`select count(*)::int as n from disclosure_decisions`.execute(handle.db);
    if (present[0].n === 0) await generate(handle.db, POSTGRES_ROWS, 'PostgreSQL');
    else if (present[0].n !== POSTGRES_ROWS) {
      throw new Error(`${name} holds ${present[0].n} decisions, not ${POSTGRES_ROWS}`);
    } else console.log(`  PostgreSQL: reusing ${present[0].n.toLocaleString('en')} decisions`);
    await printSizes(handle.db, 'PostgreSQL');
    summary.push(...(await searchBench(handle.db, 'PostgreSQL', POSTGRES_ROWS)));
    const id = await decisionId(handle.db);
    await handle.close();
    created.handles.delete(handle);
    if (!args['skip-page'])
      await pageBench('PostgreSQL', {
        DATABASE_URL: url.toString(),
        DATA_DIR: mkTemp(),
        DECISION_ID: id,
      });
  }
  if (PGLITE_ROWS > 0) {
    const dataDir = mkTemp();
    await migrateByServer({ DATA_DIR: dataDir });
    const handle = wrapPglite(await openPglite(path.join(dataDir, 'db')));
    created.handles.add(handle);
    await generate(handle.db, PGLITE_ROWS, 'PGlite');
    await printSizes(handle.db, 'PGlite');
    summary.push(...(await searchBench(handle.db, 'PGlite', PGLITE_ROWS)));
    const id = await decisionId(handle.db);
    await handle.close();
    created.handles.delete(handle);
    if (!args['skip-page']) await pageBench('PGlite', { DATA_DIR: dataDir, DECISION_ID: id });
  }
  const goal = summary.find(
    (r) => r.label === 'PostgreSQL' && r.rows >= 1_000_000 && r.clients === 1,
  );
  if (goal) {
    console.log(
      `goal: p99 under 50 ms at ${goal.rows.toLocaleString('en')} decisions on PostgreSQL (1 client): ` +
        `${fmt(goal.o.p99)} ms — ${goal.o.p99 < 50 ? 'met' : 'missed'}`,
    );
  }
}

function mkTemp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-search-'));
  created.dirs.add(dir);
  return dir;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
