// Cold start and idle memory of `npm start`, side by side with baselines, in one run.
//
// What is measured, per start: the time from spawning the process to the first
// `GET /healthz` answering 200 {status:'ok'}; the resident memory (VmRSS) of the server's node
// process after a few requests (for Sanxiang: health, a login and who-am-i) and an idle pause;
// and how the process ends on SIGTERM (exit code, time to exit).
//
// Targets, interleaved run by run so that drift on the machine hits all of them alike:
//   - baseline node:http      a plain node:http server answering /healthz
//   - baseline fastify        a bare Fastify hello-world answering /healthz
//   - sanxiang (node)         `node server/bin/sanxiang.mjs serve`, what `npm start` runs
//   - sanxiang (npm start)    `npm start` itself, to show what npm adds
// Sanxiang starts on an EXISTING data directory (migrated and seeded beforehand); one more start
// on an empty data directory (migrate + shipped data + demo seed) is reported on its own line.
//
// Usage: BENCH_RUNS=5 BENCH_IDLE_MS=3000 npm run bench          (from the repository root)
//        node bench/cold-start.mjs --runs 5 --idle-ms 3000 [--no-npm]
// Linux only: memory and processes are read from /proc.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const SERVER_BIN = path.join(ROOT, 'server', 'bin', 'sanxiang.mjs');
const POLL_MS = 20;
const HEALTHY_TIMEOUT_MS = 180_000;
const EXIT_TIMEOUT_MS = 20_000;
const NPM_ALONE_TIMEOUT_MS = 5_000;
// The demo accounts' password (server/src/demo/demo.seed.ts); only ever used on a throwaway
// data directory this script creates and deletes.
const DEMO_LOGIN = { username: 'officer1', password: 'Sanxiang@2026' };

const USAGE =
  'usage: node bench/cold-start.mjs [--runs N] [--idle-ms MS] [--no-npm]\n' +
  '   or: BENCH_RUNS=N BENCH_IDLE_MS=MS npm run bench   (npm does not pass flags through the\n' +
  '       root script to the workspace, so use the environment there)';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      runs: { type: 'string' },
      'idle-ms': { type: 'string' },
      'no-npm': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const RUNS = positiveInteger(args.runs ?? process.env.BENCH_RUNS ?? '5', 'runs');
const IDLE_MS = positiveInteger(args['idle-ms'] ?? process.env.BENCH_IDLE_MS ?? '3000', 'idle-ms');

function positiveInteger(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every child is its own process group, so one kill reaches npm, its shell and node.

const liveGroups = new Set();
const tempDirs = new Set();

function killAll() {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  liveGroups.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping children and removing temporary data directories`);
    killAll();
    process.exit(130);
  });
}

function makeTempDir(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sanxiang-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment for a child: ours, minus anything npm injected (a `npm run bench --workspace
 * bench` would otherwise make the child `npm start` run in the bench workspace) and minus any
 * database URL (the benchmark is about the embedded data directory). */
function childEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'DATABASE_URL') continue;
    env[key] = value;
  }
  delete env.PORT;
  delete env.DATA_DIR;
  return { ...env, HOST: '127.0.0.1', ...extra };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers (node:http, no keep-alive: every poll is a fresh connection like a probe's).

function request(port, method, urlPath, { body, cookie } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent: false,
        timeout: 5_000,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

async function isHealthy(port) {
  try {
    const res = await request(port, 'GET', '/healthz');
    return res.status === 200 && JSON.parse(res.text).status === 'ok';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// /proc readers.

function readStatusKb(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** State, parent and process group of a process, or null when it no longer exists. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields resume after the last ')'.
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return null;
  }
}

function allPids() {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** Alive means present and not a zombie (an exited process its parent has not reaped yet). */
function pidAlive(pid) {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
}

/** Whether any live process remains in the process group (children we spawned lead their own). */
function groupAlive(pgid) {
  return allPids().some((pid) => {
    const stat = procStat(pid);
    return stat !== null && stat.pgrp === pgid && stat.state !== 'Z';
  });
}

function cmdlineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** The server's node process below `npm start`: npm → (sh) → node …/sanxiang.mjs serve. */
function findServerDescendant(rootPid) {
  const children = new Map();
  for (const pid of allPids()) {
    const stat = procStat(pid);
    if (stat === null) continue;
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push(pid);
  }
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift();
    const argv = cmdlineOf(pid);
    if (argv.some((a) => a.endsWith('sanxiang.mjs')) && /node$/.test(argv[0] ?? '')) return pid;
    queue.push(...(children.get(pid) ?? []));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// One start: spawn, poll until healthy, exercise, idle, read memory, SIGTERM, wait for exit.

const TARGETS = {
  http: {
    label: 'baseline node:http',
    command: () => [process.execPath, [path.join(BENCH_DIR, 'baselines', 'node-http.mjs')]],
    exercise: exerciseHealth,
  },
  fastify: {
    label: 'baseline fastify',
    command: () => [process.execPath, [path.join(BENCH_DIR, 'baselines', 'fastify.mjs')]],
    exercise: exerciseHealth,
  },
  sanxiang: {
    label: 'sanxiang (node …serve)',
    command: () => [process.execPath, [SERVER_BIN, 'serve']],
    exercise: exerciseSanxiang,
  },
  npm: {
    label: 'sanxiang (npm start)',
    command: () => ['npm', ['start']],
    exercise: exerciseSanxiang,
    viaNpm: true,
  },
};

async function exerciseHealth(port) {
  for (let i = 0; i < 5; i += 1) {
    if (!(await isHealthy(port))) throw new Error('/healthz stopped answering');
  }
}

async function exerciseSanxiang(port) {
  await exerciseHealth(port);
  const login = await request(port, 'POST', '/api/session', { body: DEMO_LOGIN });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  const cookie = [login.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
  const whoami = await request(port, 'GET', '/api/session', { cookie: cookie.join('; ') });
  if (whoami.status !== 200) throw new Error(`who-am-i failed: ${whoami.status} ${whoami.text}`);
}

async function runOnce(targetKey, { dataDir, idleMs, stopHow, exitTimeoutMs = EXIT_TIMEOUT_MS }) {
  const target = TARGETS[targetKey];
  const port = await freePort();
  const [command, commandArgs] = target.command();
  const output = [];
  const t0 = performance.now();
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), ...(dataDir ? { DATA_DIR: dataDir } : {}) }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  liveGroups.add(child.pid);
  // Keep the tail of what the child says, for the error message if it fails.
  const keep = (chunk) => {
    output.push(chunk);
    if (output.length > 50) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => {
    child.on('error', (error) =>
      resolve({ code: null, signal: null, error, at: performance.now() }),
    );
    child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  let exitInfo = null;
  void exited.then((info) => {
    exitInfo = info;
  });
  const fail = (message) => {
    const tail = Buffer.concat(output).toString('utf8').split('\n').slice(-20).join('\n');
    return new Error(`${target.label}: ${message}\n--- last output ---\n${tail}`);
  };

  try {
    let startMs = null;
    // Under npm, also when the server's node process first appears: npm's own share of the start,
    // free of the run-to-run spread of the server's.
    let serverSpawnedMs = null;
    while (startMs === null) {
      if (exitInfo?.error) throw fail(`could not be started: ${exitInfo.error.message}`);
      if (exitInfo) {
        throw fail(`exited before answering (code ${exitInfo.code}, signal ${exitInfo.signal})`);
      }
      if (performance.now() - t0 > HEALTHY_TIMEOUT_MS) throw fail('never became healthy');
      if (target.viaNpm && serverSpawnedMs === null && findServerDescendant(child.pid) !== null) {
        serverSpawnedMs = performance.now() - t0;
      }
      if (await isHealthy(port)) startMs = performance.now() - t0;
      else await sleep(target.viaNpm && serverSpawnedMs === null ? 5 : POLL_MS);
    }

    await target.exercise(port);
    await sleep(idleMs);
    const serverPid = target.viaNpm ? findServerDescendant(child.pid) : child.pid;
    if (serverPid === null) throw fail('could not find the server node process under npm');
    const rssKb = readStatusKb(serverPid, 'VmRSS');
    const peakKb = readStatusKb(serverPid, 'VmHWM');
    const wrapperKb = target.viaNpm ? readStatusKb(child.pid, 'VmRSS') : null;

    const how = stopHow ?? (target.viaNpm ? 'group' : 'process');
    const stop = await stopAndWait(child, exited, serverPid, how, exitTimeoutMs);
    return { startMs, serverSpawnedMs, rssKb, peakKb, wrapperKb, stop };
  } finally {
    if (!exitInfo || groupAlive(child.pid)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    }
    liveGroups.delete(child.pid);
  }
}

/**
 * Sends SIGTERM and waits until the server process and everything else in its group are gone.
 * `process` signals the server itself (the direct node command). `group` signals the whole
 * process group, which is what Ctrl-C in a terminal (SIGINT) and systemd's default
 * KillMode=control-group do to `npm start`; `npm` signals only npm, which is what
 * `docker stop` or a supervisor that knows only its main pid do. For a server under npm the exit
 * code is npm's: the server's own code is not observable from here, so clean means "gone by
 * itself within the time limit".
 */
async function stopAndWait(child, exited, serverPid, how, timeoutMs) {
  const stopAt = performance.now();
  process.kill(how === 'group' ? -child.pid : child.pid, 'SIGTERM');
  const deadline = stopAt + timeoutMs;
  // An unref'd timer, so that a race already won does not hold the benchmark open.
  const exit = await Promise.race([exited, sleep(timeoutMs, null, { ref: false })]);
  while ((pidAlive(serverPid) || groupAlive(child.pid)) && performance.now() < deadline) {
    await sleep(5);
  }
  const goneAt = performance.now();
  const leftBehind = pidAlive(serverPid) || groupAlive(child.pid);
  if (exit === null || leftBehind) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  }
  const direct = serverPid === child.pid;
  return {
    clean: exit !== null && !leftBehind && (!direct || exit.code === 0),
    code: exit?.code ?? null,
    signal: exit === null ? 'timeout' : exit.signal,
    leftBehind,
    ms: goneAt - stopAt,
  };
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

const mb = (kb) => kb / 1024;
const fmt = (value, digits) => value.toFixed(digits);
const range = (s, digits) =>
  `${fmt(s.median, digits)} [${fmt(s.min, digits)}–${fmt(s.max, digits)}]`;

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

function stopSummary(results, whose = 'exit') {
  const clean = results.filter((r) => r.stop.clean).length;
  const codes = [
    ...new Set(results.map((r) => `${r.stop.code}${r.stop.signal ? `/${r.stop.signal}` : ''}`)),
  ];
  const ms = fmt(median(results.map((r) => r.stop.ms)), 0);
  return `${clean}/${results.length} clean (${whose} ${codes.join(', ')}), median ${ms} ms until gone`;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------
// Main.

async function main() {
  if (!existsSync('/proc/self/status')) {
    console.error('This benchmark reads memory from /proc and runs on Linux only.');
    process.exit(2);
  }
  const targets = ['http', 'fastify', 'sanxiang', ...(args['no-npm'] ? [] : ['npm'])];
  const cpus = os.cpus();
  console.log('Sanxiang cold-start benchmark');
  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}, node ${process.version}`,
  );
  console.log(
    `runs: ${RUNS} per target, idle ${IDLE_MS} ms before reading memory, poll every ${POLL_MS} ms`,
  );
  // Other work on the machine shows up as spread between runs; the load average says how much.
  console.log(`load average at start: ${loadAverage()}\n`);

  // Warm-up, not reported: the first start ever fills tsx's transform cache and the OS page
  // cache; every measured start below then runs under the same conditions.
  const existingDir = makeTempDir('existing');
  process.stdout.write('warm-up: preparing the data directory (migrate + demo seed) … ');
  const prep = await runOnce('sanxiang', { dataDir: existingDir, idleMs: 0 });
  console.log(`done in ${fmt(prep.startMs, 0)} ms`);
  for (const key of ['http', 'fastify']) await runOnce(key, { idleMs: 0 });

  process.stdout.write('fresh data directory, first start (migrate + shipped data + demo seed) … ');
  const freshDir = makeTempDir('fresh');
  const fresh = await runOnce('sanxiang', { dataDir: freshDir, idleMs: IDLE_MS });
  removeTempDir(freshDir);
  console.log('done');

  const results = Object.fromEntries(targets.map((key) => [key, []]));
  for (let run = 1; run <= RUNS; run += 1) {
    process.stdout.write(`run ${run}/${RUNS}:`);
    for (const key of targets) {
      const result = await runOnce(key, { dataDir: existingDir, idleMs: IDLE_MS });
      results[key].push(result);
      process.stdout.write(` ${key} ${fmt(result.startMs, 0)} ms/${fmt(mb(result.rssKb), 0)} MB`);
    }
    console.log('');
  }

  // What a supervisor that signals only its main pid (docker stop with npm as PID 1, systemd
  // with KillMode=mixed) does to `npm start`: SIGTERM to npm alone.
  let npmAlone = null;
  if (targets.includes('npm')) {
    process.stdout.write('npm start, SIGTERM to npm alone … ');
    npmAlone = await runOnce('npm', {
      dataDir: existingDir,
      idleMs: 0,
      stopHow: 'npm',
      exitTimeoutMs: NPM_ALONE_TIMEOUT_MS,
    });
    console.log('done');
  }
  removeTempDir(existingDir);

  const stats = Object.fromEntries(
    targets.map((key) => [
      key,
      {
        start: summary(results[key].map((r) => r.startMs)),
        rss: summary(results[key].map((r) => mb(r.rssKb))),
        peak: summary(results[key].map((r) => mb(r.peakKb))),
      },
    ]),
  );
  const ratio = (key, base, what) =>
    `${fmt(stats[key][what].median / stats[base][what].median, 1)}×`;

  console.log(
    `\nCold start to first healthy /healthz on an existing data directory, and resident memory` +
      ` after ${IDLE_MS} ms idle (median [min–max] of ${RUNS} runs)\n`,
  );
  printTable([
    [
      'target',
      'start ms',
      'idle RSS MB',
      'peak RSS MB',
      'start ÷ http',
      'RSS ÷ http',
      'start ÷ fastify',
      'RSS ÷ fastify',
    ],
    ...targets.map((key) => [
      TARGETS[key].label,
      range(stats[key].start, 0),
      range(stats[key].rss, 1),
      range(stats[key].peak, 1),
      ratio(key, 'http', 'start'),
      ratio(key, 'http', 'rss'),
      ratio(key, 'fastify', 'start'),
      ratio(key, 'fastify', 'rss'),
    ]),
  ]);

  console.log('');
  console.log(
    `fresh data directory, first start (once): ${fmt(fresh.startMs, 0)} ms to healthy, ` +
      `idle RSS ${fmt(mb(fresh.rssKb), 1)} MB, peak ${fmt(mb(fresh.peakKb), 1)} MB ` +
      `(${fmt(fresh.startMs / stats.sanxiang.start.median, 1)}× an existing-directory start)`,
  );
  if (stats.npm) {
    const npmOverhead = stats.npm.start.median - stats.sanxiang.start.median;
    const wrapper = summary(results.npm.map((r) => mb(r.wrapperKb)));
    const spawned = summary(results.npm.map((r) => r.serverSpawnedMs));
    console.log(
      `npm start: the server's node process appears ${range(spawned, 0)} ms after npm is spawned;` +
        ` difference of the median starts ${fmt(npmOverhead, 0)} ms; npm stays resident next to` +
        ` the server with ${range(wrapper, 1)} MB`,
    );
  }
  console.log(
    '\nshutdown on SIGTERM after the idle pause (to the server; for npm start to its process group,' +
      ' as Ctrl-C or systemd do):',
  );
  for (const key of targets) {
    const whose = TARGETS[key].viaNpm ? 'npm exit' : 'exit';
    console.log(`  ${TARGETS[key].label.padEnd(24)} ${stopSummary(results[key], whose)}`);
  }
  console.log(`  ${'fresh first start'.padEnd(24)} ${stopSummary([fresh])}`);
  if (npmAlone) {
    console.log(
      npmAlone.stop.leftBehind
        ? `  SIGTERM to npm alone: npm exited (${npmAlone.stop.code}/${npmAlone.stop.signal}) but the` +
            ` server kept running, orphaned, until the benchmark killed it after` +
            ` ${NPM_ALONE_TIMEOUT_MS} ms: the signal never reached it`
        : `  SIGTERM to npm alone: ${stopSummary([npmAlone], 'npm exit')}`,
    );
  }
  console.log(`\nload average at end: ${loadAverage()}`);

  const unclean = targets
    .flatMap((key) => results[key])
    .concat([fresh])
    .filter((r) => !r.stop.clean);
  if (unclean.length > 0) {
    console.error(`\n${unclean.length} start(s) did not shut down cleanly on SIGTERM`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nbenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  killAll();
}
