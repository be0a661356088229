// The real server as a child process, for the crash campaigns (upload-crash.mjs,
// action-crash.mjs): started in its own process group on a free port, SIGKILLed as a group (the
// process and anything it spawned die at once, as in a power cut), restarted on the same data;
// a throwaway PostgreSQL database when the campaign runs on PostgreSQL; `sanxiang verify` at the
// end.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_BIN = path.join(ROOT, 'server', 'bin', 'sanxiang.mjs');
/** A server that is not healthy by then will not come back: the campaign fails. */
const START_TIMEOUT_MS = 120_000;

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * One HTTP request to 127.0.0.1:`port`; rejects when the connection fails or is cut. The body is
 * bytes, a string, or a readable stream piped as it is read.
 */
export function request(port, method, url, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(req);
    else req.end(body);
  });
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(adminUrl, sql) {
  const pg = createRequire(path.join(ROOT, 'server', 'package.json'))('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database created on the PostgreSQL server of `adminUrl` for one campaign, or none (PGlite in
 * the data directory) without `adminUrl`. `drop()` never throws.
 */
export async function throwawayDatabase(adminUrl, prefix) {
  if (!adminUrl) return { url: undefined, drop: async () => {} };
  const name = `${prefix}_${Math.random().toString(16).slice(2, 10)}`;
  await adminQuery(adminUrl, `create database ${name}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () =>
      adminQuery(adminUrl, `drop database if exists ${name} with (force)`).catch(() => {}),
  };
}

function serverEnv({ dataDir, databaseUrl, env = {} }) {
  const merged = { ...process.env, DATA_DIR: dataDir, ...env };
  for (const key of Object.keys(merged)) if (key.startsWith('npm_')) delete merged[key];
  delete merged.DATABASE_URL;
  if (databaseUrl) merged.DATABASE_URL = databaseUrl;
  return merged;
}

/**
 * The server on `dataDir` (and `databaseUrl`, if any), with `env` added. `start()` resolves with
 * the milliseconds until /healthz answered 200; `kill()` SIGKILLs the process group and resolves
 * once the process is gone; `stop()` sends SIGTERM (a clean shutdown) and waits likewise.
 */
export function serverProcess(options) {
  let child;
  let port;
  async function signal(name) {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, name);
    await gone;
  }
  return {
    get port() {
      return port;
    },
    get isRunning() {
      return child?.exitCode === null && child.signalCode === null;
    },
    async start() {
      port = await freePort();
      const env = serverEnv({
        ...options,
        env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env },
      });
      const started = Date.now();
      child = spawn(process.execPath, [SERVER_BIN, 'serve'], {
        env,
        detached: true,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      for (;;) {
        if (child.exitCode !== null)
          throw new Error(`server exited with ${child.exitCode} during start`);
        if (Date.now() - started > START_TIMEOUT_MS) {
          process.kill(-child.pid, 'SIGKILL');
          throw new Error(`server not healthy ${START_TIMEOUT_MS / 1000} s after its start`);
        }
        try {
          if ((await request(port, 'GET', '/healthz')).status === 200) return Date.now() - started;
        } catch {
          // not listening yet
        }
        await sleep(25);
      }
    },
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    /** For an exit handler: no waiting, no throwing. */
    killNow() {
      try {
        if (child && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** `sanxiang verify` on the campaign's data: { code, out } with its standard output. */
export function runVerify({ dataDir, databaseUrl }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_BIN, 'verify'], {
      env: serverEnv({ dataDir, databaseUrl }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out: out.trim() }));
  });
}
