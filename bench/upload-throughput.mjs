// Upload throughput and memory, side by side with a baseline in one run. The baseline is what the
// server must at least do with the bytes: `openssl dgst -sm3` over the file plus a plain `cp` of
// it. Sanxiang receives the same file over HTTP with tus (one PATCH per chunk), hashing SM3 and
// SHA-256 while streaming it to disk, then moves it into the blob store and records it in the
// ledger. Printed: seconds and MB/s of each, the ratio baseline ÷ sanxiang (target ≥ 0.6), and
// the server's resident memory before and at its peak (target: growth under 100 MB whatever the
// file size).
//
// Usage: node bench/upload-throughput.mjs [--file-mb 2048] [--chunk-mb 256] [--runs 2]
// Linux only (memory from /proc). The file and data directory live under the system temp
// directory and are removed afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_BIN = path.join(ROOT, 'server', 'bin', 'sanxiang.mjs');
const DEMO_LOGIN = { username: 'officer1', password: 'Sanxiang@2026' }; // throwaway demo data only
const MiB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    'file-mb': { type: 'string' },
    'chunk-mb': { type: 'string' },
    runs: { type: 'string' },
  },
});
const FILE_BYTES = Number(args['file-mb'] ?? process.env.UPLOAD_BENCH_FILE_MB ?? 2048) * MiB;
const CHUNK_BYTES = Number(args['chunk-mb'] ?? process.env.UPLOAD_BENCH_CHUNK_MB ?? 256) * MiB;
const RUNS = Number(args.runs ?? process.env.UPLOAD_BENCH_RUNS ?? 2);

const work = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-upload-bench-'));
let child;
process.on('exit', () => {
  if (child?.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function call(port, method, url, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(req);
    else req.end(body);
  });
}

const statusKb = (pid, field) =>
  Number(
    new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
  );

async function makeFile() {
  const file = path.join(work, 'evidence.bin');
  const out = createWriteStream(file);
  for (let written = 0; written < FILE_BYTES; written += MiB) {
    if (!out.write(randomBytes(Math.min(MiB, FILE_BYTES - written)))) {
      await new Promise((r) => out.once('drain', r));
    }
  }
  await new Promise((r) => out.end(r));
  return file;
}

function baseline(file) {
  const copy = path.join(work, 'copy.bin');
  const started = performance.now();
  execFileSync('openssl', ['dgst', '-sm3', file], { stdio: 'ignore' });
  execFileSync('cp', [file, copy]);
  execFileSync('sync', [copy]);
  const seconds = (performance.now() - started) / 1000;
  rmSync(copy);
  return seconds;
}

async function sanxiang(file, port, cookie, caseId, run) {
  const b64 = (s) => Buffer.from(s).toString('base64');
  const started = performance.now();
  const created = await call(port, 'POST', `/api/cases/${caseId}/uploads`, {
    cookie,
    'tus-resumable': '1.0.0',
    'upload-length': String(FILE_BYTES),
    'upload-metadata': `filename ${b64(`bench-${run}.bin`)},step ${b64('investigate')}`,
  });
  if (created.status !== 201) throw new Error(`creation answered ${created.status}`);
  let evidenceId;
  for (let offset = 0; offset < FILE_BYTES; offset += CHUNK_BYTES) {
    const end = Math.min(FILE_BYTES, offset + CHUNK_BYTES);
    const res = await call(
      port,
      'PATCH',
      created.headers.location,
      {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(end - offset),
      },
      createReadStream(file, { start: offset, end: end - 1 }),
    );
    if (res.status !== 204) throw new Error(`PATCH answered ${res.status}: ${res.body}`);
    evidenceId = res.headers['evidence-id'];
  }
  if (!evidenceId) throw new Error('no evidence recorded');
  return (performance.now() - started) / 1000;
}

async function main() {
  const mb = FILE_BYTES / MiB;
  console.log(
    `upload throughput: ${mb} MiB file, ${CHUNK_BYTES / MiB} MiB per PATCH, ${RUNS} runs, ${os.cpus().length} CPUs`,
  );
  const file = await makeFile();
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: path.join(work, 'data'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    UPLOAD_MAX_BYTES: String(FILE_BYTES),
  };
  delete env.DATABASE_URL;
  // UPLOAD_BENCH_DATABASE_URL: a throwaway PostgreSQL database (created empty beforehand).
  if (process.env.UPLOAD_BENCH_DATABASE_URL)
    env.DATABASE_URL = process.env.UPLOAD_BENCH_DATABASE_URL;
  child = spawn(process.execPath, [SERVER_BIN, 'serve'], {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      if ((await call(port, 'GET', '/healthz')).status === 200) break;
    } catch {
      await sleep(50);
    }
  }
  const login = await call(
    port,
    'POST',
    '/api/session',
    { 'content-type': 'application/json' },
    JSON.stringify(DEMO_LOGIN),
  );
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const cases = JSON.parse((await call(port, 'GET', '/api/cases', { cookie })).body.toString());
  const caseId = (Array.isArray(cases) ? cases : cases.items)[0].id;
  await sleep(1000);
  const rssBefore = statusKb(child.pid, 'VmRSS');

  const rows = [];
  for (let run = 1; run <= RUNS; run++) {
    const base = baseline(file);
    const ours = await sanxiang(file, port, cookie, caseId, run);
    rows.push({ base, ours });
    console.log(
      `run ${run}: baseline (openssl dgst -sm3 + cp) ${base.toFixed(2)} s = ${(mb / base).toFixed(0)} MiB/s; sanxiang ${ours.toFixed(2)} s = ${(mb / ours).toFixed(0)} MiB/s; ratio ${(base / ours).toFixed(2)}`,
    );
  }
  const peak = statusKb(child.pid, 'VmHWM');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `median ratio baseline ÷ sanxiang: ${median(rows.map((r) => r.base / r.ours)).toFixed(2)} (target ≥ 0.6)`,
  );
  console.log(
    `server RSS before ${(rssBefore / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB: growth ${((peak - rssBefore) / 1024).toFixed(0)} MB (target < 100 MB)`,
  );
  process.kill(-child.pid, 'SIGKILL');
  process.exit(0);
}

main().catch((error) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
