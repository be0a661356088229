// Crash campaign for the core write path: the real server as a child process, several concurrent
// clients (the demo officers 王建国 and 李秀英 and their head 孙志强, logged in through the session
// API) registering 行政处罚 cases and taking them through the workflow — recusals, 提请立案,
// 批准立案, 笔录, 事先告知, 陈述申辩 — while the server's process group is SIGKILLed at random
// moments (mostly a few milliseconds after some write was sent: before, during or after its
// commit) and restarted. A client re-sends every write that was not acknowledged: registrations
// and actions with the same idempotency key, recusals as they are (one declared again leaves the
// first); after each lost answer it reads whether the attempt took effect, and a write that had
// must be answered as a replay. At the end it checks:
//   - every acknowledged case (and every one found registered after a lost answer) is listed
//     exactly once, in the state and at the version its client last saw;
//   - the case's ledger timeline holds each applied action, recusal and registration exactly once
//     (no retry applied twice), and an action re-sent after its answer was lost was answered as a
//     replay (the version its first attempt made, not one more);
//   - every acknowledged login still opens its session;
//   - after one more start (the server killed once more, then started cleanly) no entry of these
//     cases is pending, and `sanxiang verify` (ledger, tree heads, no unsealed entry) exits 0.
// It exits non-zero on the first violation.
//
// Usage: node bench/action-crash.mjs [--kills 20] [--clients 4] [--seed N]
//        CRASH_KILLS=30 CRASH_SEED=7 node bench/action-crash.mjs
//        CRASH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/action-crash.mjs
//          (PostgreSQL: a throwaway database is created on that server and dropped afterwards)
// The seed fixes each client's cases and every kill's moment as counted in writes sent; which
// statement a kill lands in still depends on the machine's timing.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { request, runVerify, serverProcess, throwawayDatabase } from './support/server-process.mjs';

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string' },
    clients: { type: 'string' },
    seed: { type: 'string' },
  },
});
const KILLS = Number(args.kills ?? process.env.CRASH_KILLS ?? 20);
const CLIENTS = Number(args.clients ?? process.env.CRASH_CLIENTS ?? 4);
const SEED = Number(args.seed ?? process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const ADMIN_URL = process.env.CRASH_DATABASE_URL;
const PASSWORD = 'Sanxiang@2026'; // throwaway demo data only
/** A life of the server lasts 1 to this many writes sent, then up to KILL_DELAY_MS more. */
const WRITES_PER_LIFE = 40;
const KILL_DELAY_MS = 25;

const work = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-action-crash-'));
const dataDir = path.join(work, 'data');
let server;
let database = { url: undefined, drop: async () => {} };
process.on('exit', () => {
  server?.killNow();
  rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => {
  server?.killNow();
  void database.drop().finally(() => process.exit(130));
});

/** mulberry32: a small seeded generator, so that a failing campaign can be run again. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Violation extends Error {}
const violation = (message) => {
  throw new Violation(message);
};

const stats = {
  kills: 0,
  restartsMs: [],
  requests: 0,
  writes: 0,
  acknowledged: 0,
  unacknowledged: 0,
  retried: 0,
  foundApplied: 0,
  replays: 0,
};

// The server's life: `live` resolves with the port of a healthy server; it is replaced before a
// kill, so a request cut by the kill waits for the restart.
let live;
let writeWaiter; // { at, resolve }: the killer waits for the clients' writes
async function send(method, url, { cookie, json, isWrite = false } = {}) {
  const life = live;
  const port = await life;
  stats.requests += 1;
  if (isWrite) {
    stats.writes += 1;
    if (writeWaiter && stats.writes >= writeWaiter.at) writeWaiter.resolve();
  }
  const headers = {
    ...(cookie && { cookie }),
    ...(json && { 'content-type': 'application/json' }),
  };
  try {
    const res = await request(port, method, url, {
      headers,
      body: json && JSON.stringify(json),
    });
    return { ...res, json: () => JSON.parse(res.body.toString()) };
  } catch (error) {
    // Cut by a kill (the killer replaces `live` first): not acknowledged. Without a kill, only a
    // server that died on its own (or a keep-alive socket closed under us) cuts a request.
    if (life === live && !server.isRunning) violation(`the server died on its own: ${error}`);
    if (life === live) await sleep(10);
    return null;
  }
}

/** A read, repeated across kills until answered; anything but 200 is a violation. */
async function read(url, cookie) {
  for (;;) {
    const res = await send('GET', url, { cookie });
    if (!res) continue;
    if (res.status === 401) violation(`${url}: an acknowledged session was lost (401)`);
    if (res.status !== 200) violation(`${url} answered ${res.status}: ${res.body}`);
    return res.json();
  }
}

/**
 * A write, re-sent until acknowledged. After an attempt without answer, `recover()` reads whether
 * it took effect ('applied' or 'not-applied'); either way it is sent again, and once applied it
 * must be answered as a replay (`checkReplay`), never applied twice.
 */
async function write(label, attempt, { recover, checkReplay }) {
  let wasApplied = false;
  for (;;) {
    const res = await attempt();
    if (res && res.status >= 200 && res.status < 300) {
      stats.acknowledged += 1;
      const body = res.json();
      if (wasApplied) {
        stats.replays += 1;
        checkReplay?.(body);
      }
      return body;
    }
    if (res?.status === 401) violation(`${label}: an acknowledged session was lost (401)`);
    if (res) violation(`${label} answered ${res.status}: ${res.body}`);
    stats.unacknowledged += 1;
    const outcome = await recover();
    if (outcome === 'applied' && !wasApplied) {
      wasApplied = true;
      stats.foundApplied += 1;
    }
    stats.retried += 1;
  }
}

async function login(username) {
  for (;;) {
    const res = await send('POST', '/api/session', {
      json: { username, password: PASSWORD },
      isWrite: true,
    });
    if (!res) {
      stats.unacknowledged += 1;
      stats.retried += 1; // an unanswered login is simply made again: a session more is harmless
      continue;
    }
    if (res.status !== 200) violation(`login ${username} answered ${res.status}: ${res.body}`);
    stats.acknowledged += 1;
    return String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
  }
}

/** China's calendar day, as the server's guards read "today". */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const TITLE = `崩溃测试 ${SEED}-${Math.random().toString(36).slice(2, 8)}`;
const cases = []; // every case a client registered: { id, title, version, state, kinds, markers }

async function listCampaignCases(cookie) {
  const found = [];
  for (let page = 1; ; page++) {
    const { items } = await read(`/api/cases?pageSize=100&page=${page}`, cookie);
    found.push(...items.filter((c) => c.title.startsWith(TITLE)));
    if (items.length < 100) return found;
  }
}

function runClient(index, world) {
  const rng = seeded(SEED * 1000 + index);
  const { agencyId, powerId, officers } = world;
  let cookies;
  let serial = 0;

  async function registerCase() {
    const title = `${TITLE} 客户端${index} 第${(serial += 1)}件`;
    const body = {
      kind: 'penalty',
      procedure: 'ordinary',
      source: 'inspection',
      sourceDetail: null,
      powerId,
      handlingUnitId: null,
      title,
      facts: '经营超过保质期的食品',
      parties: [
        {
          kind: 'organisation',
          name: '枣庄市薛城区某食品有限公司',
          creditCode: '91350100M000100Y43',
          legalRepresentative: '周某',
          address: null,
          phone: null,
        },
      ],
      officers: [
        { personId: officers.officer1.personId, role: 'lead' },
        { personId: officers.officer2.personId, role: 'assist' },
      ],
      idempotencyKey: `crash-${SEED}-${index}-register-${serial}-${Math.floor(rng() * 1e9)}`,
    };
    let found;
    const view = await write(
      `register ${title}`,
      () =>
        send('POST', `/api/agencies/${agencyId}/cases`, {
          cookie: cookies.officer1,
          json: body,
          isWrite: true,
        }),
      {
        recover: async () => {
          const matches = (await listCampaignCases(cookies.officer1)).filter(
            (c) => c.title === title,
          );
          if (matches.length > 1) violation(`${title} registered ${matches.length} times`);
          found ??= matches[0];
          return found ? 'applied' : 'not-applied';
        },
        checkReplay: (replayed) => {
          if (replayed.id !== found.id) {
            violation(`${title}: the repeat registered ${replayed.id}, the first ${found.id}`);
          }
        },
      },
    );
    const c = {
      id: view.id,
      title,
      version: view.version,
      state: view.state,
      kinds: new Map([['case.registered', 1]]),
      markers: new Set(),
    };
    cases.push(c);
    return c;
  }

  const count = (c, kind) => c.kinds.set(kind, (c.kinds.get(kind) ?? 0) + 1);

  async function declareRecusal(c, who) {
    const { personId } = officers[who];
    const isDeclared = (view) =>
      view.officers.find((o) => o.personId === personId)?.recusalDeclaredAt != null;
    await write(
      `recusal of ${who} on ${c.title}`,
      () => send('POST', `/api/cases/${c.id}/recusal`, { cookie: cookies[who], isWrite: true }),
      {
        recover: async () =>
          isDeclared(await read(`/api/cases/${c.id}`, cookies.officer1))
            ? 'applied'
            : 'not-applied',
        checkReplay: (replayed) => {
          if (!isDeclared(replayed)) violation(`recusal of ${who} on ${c.title}: not declared`);
        },
      },
    );
    count(c, 'case.recusal_declared');
  }

  async function act(c, who, action, input, toState) {
    const key = `crash-${SEED}-${index}-${c.version}-${action}-${Math.floor(rng() * 1e9)}`;
    const before = c.version;
    const view = await write(
      `${action} on ${c.title}`,
      () =>
        send('POST', `/api/cases/${c.id}/actions/${action}`, {
          cookie: cookies[who],
          json: { input, idempotencyKey: key },
          isWrite: true,
        }),
      {
        recover: async () => {
          const now = await read(`/api/cases/${c.id}`, cookies.officer1);
          if (now.version === before) return 'not-applied';
          if (now.version === before + 1 && now.state === toState) return 'applied';
          return violation(
            `${action} on ${c.title}: version ${now.version} (${now.state}) after one unanswered attempt from version ${before}`,
          );
        },
        checkReplay: (replayed) => {
          if (replayed.version !== before + 1)
            violation(
              `${action} on ${c.title} re-sent with its key answered version ${replayed.version}, not ${before + 1}: applied twice`,
            );
        },
      },
    );
    if (view.version !== before + 1 || view.state !== toState)
      violation(`${action} on ${c.title} answered version ${view.version} in ${view.state}`);
    c.version = view.version;
    c.state = view.state;
    count(c, `case.${action}`);
    return key;
  }

  const shown = () => [officers.officer1, officers.officer2];

  async function walkCase() {
    const c = await registerCase();
    await declareRecusal(c, 'officer1');
    await declareRecusal(c, 'officer2');
    await act(c, 'officer1', 'request_filing', {}, 'filing_pending');
    await act(c, 'head1', 'approve_filing', {}, 'investigating');
    for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) {
      const marker = `笔录${c.markers.size + 1}-${Math.floor(rng() * 1e9)}`;
      c.markers.add(marker);
      const transcript = {
        transcriptKind: 'inquiry',
        madeOn: chinaToday(),
        place: '当事人经营场所',
        officers: shown().map(({ personId, credentialNo }) => ({ personId, credentialNo })),
        content: `问：库房内的食品原料是否超过保质期？答：是。（${marker}）`,
        partySigned: true,
      };
      await act(c, 'officer1', 'record_transcript', transcript, 'investigating');
    }
    const proposed = {
      types: ['fine'],
      fineYuan: 2000,
      isMitigated: false,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
    };
    const notice = { servedOn: chinaToday(), proposed, isLargeAmount: false };
    await act(c, 'officer1', 'notify_intent', notice, 'notified');
    for (let n = Math.floor(rng() * 3); n > 0; n--) {
      const marker = `申辩${c.markers.size + 1}-${Math.floor(rng() * 1e9)}`;
      c.markers.add(marker);
      const defence = {
        receivedOn: chinaToday(),
        content: `初次违法，请求从轻。（${marker}）`,
        review: '经复核，当事人所述情节不构成从轻情形。',
        isAccepted: false,
      };
      await act(c, 'officer1', 'record_defence', defence, 'notified');
    }
  }

  return {
    async run() {
      cookies = {
        officer1: await login('officer1'),
        officer2: await login('officer2'),
        head1: await login('head1'),
      };
      while (!world.isDone()) await walkCase();
    },
    get cookies() {
      return cookies;
    },
  };
}

async function killer(rng) {
  for (let k = 0; k < KILLS; k++) {
    const at = stats.writes + 1 + Math.floor(rng() * WRITES_PER_LIFE);
    await new Promise((resolve) => (writeWaiter = { at, resolve }));
    writeWaiter = undefined;
    await sleep(rng() * KILL_DELAY_MS);
    let restarted;
    live = new Promise((resolve) => (restarted = resolve));
    await server.kill();
    stats.kills += 1;
    stats.restartsMs.push(await server.start());
    restarted(server.port);
    process.stdout.write(`\rkills ${stats.kills}/${KILLS}, cases ${cases.length}   `);
  }
}

/** The final checks, on a server started cleanly after one more kill. */
async function checkEverything(cookie) {
  const listed = await listCampaignCases(cookie);
  for (const c of cases) {
    const n = listed.filter((l) => l.id === c.id).length;
    if (n !== 1) violation(`${c.title} listed ${n} times`);
  }
  if (listed.length !== cases.length)
    violation(`${listed.length} cases of the campaign listed, ${cases.length} registered`);
  let entries = 0;
  for (const c of cases) {
    const view = await read(`/api/cases/${c.id}`, cookie);
    if (view.version !== c.version || view.state !== c.state)
      violation(
        `${c.title}: version ${view.version} in ${view.state}, its client saw ${c.version} in ${c.state}`,
      );
    const timeline = await read(`/api/cases/${c.id}/timeline`, cookie);
    const kinds = new Map();
    for (const e of timeline) {
      if (e.seq < 0 || !e.entryHash) violation(`${c.title}: ${e.kind} still pending after a start`);
      if (e.kind.startsWith('case.')) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    }
    entries += timeline.length;
    for (const kind of new Set([...kinds.keys(), ...c.kinds.keys()])) {
      if (kinds.get(kind) !== c.kinds.get(kind))
        violation(
          `${c.title}: ${kinds.get(kind) ?? 0} ledger entries ${kind}, ${c.kinds.get(kind) ?? 0} applied`,
        );
    }
    const text = JSON.stringify(timeline);
    for (const marker of c.markers) {
      const n = text.split(marker).length - 1;
      if (n !== 1) violation(`${c.title}: ${marker} in ${n} ledger entries`);
    }
  }
  return entries;
}

async function main() {
  database = await throwawayDatabase(ADMIN_URL, 'sanxiang_action_crash');
  server = serverProcess({ dataDir, databaseUrl: database.url });
  console.log(
    `action crash campaign: ${KILLS} kills, ${CLIENTS} clients, seed ${SEED}, ${ADMIN_URL ? 'PostgreSQL' : 'PGlite'}`,
  );
  const firstStart = await server.start();
  live = Promise.resolve(server.port);

  const cookie = await login('officer1');
  const { agency } = await read('/api/session', cookie);
  const people = await read(`/api/agencies/${agency.id}/people`, cookie);
  const officer = (name) => {
    const p = people.find((x) => x.name === name);
    return { personId: p.id, credentialNo: p.credentials[0].credentialNo };
  };
  const powers = await read(`/api/agencies/${agency.id}/powers?q=XC-SCJG-CF-001`, cookie);
  let isDone = false;
  const world = {
    agencyId: agency.id,
    powerId: powers.items[0].id,
    officers: { officer1: officer('王建国'), officer2: officer('李秀英') },
    isDone: () => isDone,
  };

  const clients = Array.from({ length: CLIENTS }, (_, i) => runClient(i + 1, world));
  const running = Promise.all(clients.map((c) => c.run()));
  // A violation in a client ends the campaign at once, not after the remaining kills.
  await Promise.race([killer(seeded(SEED)), running]);
  isDone = true;
  await running;
  console.log('');

  // One more kill right after the last writes (some entries may still wait for the sealer), then
  // a clean start: it chains whatever was pending before it listens.
  await server.kill();
  await server.start();
  live = Promise.resolve(server.port);
  const entries = await checkEverything(clients[0].cookies.officer1);
  for (const client of clients)
    for (const cookie of Object.values(client.cookies)) await read('/api/session', cookie);
  await server.stop();
  const verify = await runVerify({ dataDir, databaseUrl: database.url });
  if (verify.code !== 0) violation(`sanxiang verify failed:\n${verify.out}`);

  const mean = (xs) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  const actions = cases.reduce((n, c) => n + [...c.kinds.values()].reduce((a, b) => a + b, 0), 0);
  console.log(
    `first start ${firstStart} ms; ${stats.kills} kills; restart to healthy: mean ${mean(stats.restartsMs)} ms, max ${Math.max(0, ...stats.restartsMs)} ms`,
  );
  console.log(
    `requests ${stats.requests} (writes ${stats.writes}): acknowledged ${stats.acknowledged}, unacknowledged ${stats.unacknowledged}, retried ${stats.retried}, unacknowledged-then-found-applied ${stats.foundApplied} (re-sent and answered as replays: ${stats.replays})`,
  );
  console.log(
    `check: ${cases.length} cases each present exactly once, at the version and state their client saw`,
  );
  console.log(
    `check: ${actions} registrations, recusals and actions each applied exactly once, each with its ledger entry`,
  );
  console.log(
    `check: after a clean start no pending ledger entry (${entries} entries of these cases, all chained); every acknowledged session still open`,
  );
  console.log(`check: ${verify.out.split('\n')[0]}`);
  await database.drop();
}

main().catch(async (error) => {
  const kind = error instanceof Violation ? 'VIOLATION' : 'FAILED';
  console.error(`\n${kind}: ${error instanceof Error ? error.message : String(error)}`);
  await database.drop();
  process.exit(1);
});
