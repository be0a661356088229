// Upload throughput and memory, side by side with a baseline in one run. The baseline is what the
// server must at least do with the bytes: `openssl dgst -sm3` over the file plus a plain `cp` of
// it (and a `sync` of the copy: the server makes every byte durable too). Sanxiang receives the
// same file over HTTP with tus (one PATCH per chunk), hashing SM3 and SHA-256 while streaming it
// to disk, then moves it into the blob store and records it in the ledger. The two alternate which
// goes first from run to run, so neither always meets the other's leftovers in the page cache.
// Printed: seconds and MiB/s of each, the ratio baseline ÷ sanxiang (target ≥ 0.6), the server's
// CPU seconds, and its resident memory before each upload and at its peak during it (target:
// growth under 100 MB whatever the file size). The peak is the kernel's high-water mark (VmHWM),
// reset after start-up (/proc/<pid>/clear_refs) — otherwise it would report the start-up's own
// peak (migrations and demo data in PGlite), which is higher than anything an upload does.
//
// Usage: node bench/upload-throughput.mjs [--file-mb 2048] [--chunk-mb 256] [--runs 2]
// Linux only (memory from /proc). The file and data directory live under the system temp
// directory and are removed afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, request } from './support/server-process.mjs';

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

const statusKb = (pid, field) =>
  Number(
    new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
  );

/** Restarts the kernel's resident-memory high-water mark of `pid` from its current RSS. */
const resetPeak = (pid) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

/** User + system CPU seconds of `pid` (its threads included). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
}

const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

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

/**
 * Removes the blobs the uploads stored (the bench does not read them back), as the baseline
 * removes its copy: each side then writes the next run into page cache it freed itself. Kept, 3
 * GiB per run would pile up, and every run would write into memory nothing had touched yet,
 * which on this virtual machine costs several times more kernel time than reused memory.
 */
function removeStoredBlobs() {
  const root = path.join(work, 'data', 'blobs');
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name)) {
      rmSync(path.join(entry.parentPath, entry.name), { force: true });
    }
  }
}

async function sanxiang(file, port, cookie, caseId, run) {
  const b64 = (s) => Buffer.from(s).toString('base64');
  const started = performance.now();
  const created = await request(port, 'POST', `/api/cases/${caseId}/uploads`, {
    headers: {
      cookie,
      'tus-resumable': '1.0.0',
      'upload-length': String(FILE_BYTES),
      'upload-metadata': `filename ${b64(`bench-${run}.bin`)},step ${b64('investigate')}`,
    },
  });
  if (created.status !== 201) throw new Error(`creation answered ${created.status}`);
  let evidenceId;
  for (let offset = 0; offset < FILE_BYTES; offset += CHUNK_BYTES) {
    const end = Math.min(FILE_BYTES, offset + CHUNK_BYTES);
    const res = await request(port, 'PATCH', created.headers.location, {
      headers: {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(end - offset),
      },
      // Read in 1 MiB pieces: the client shares the machine's CPUs with the server it measures.
      body: createReadStream(file, { start: offset, end: end - 1, highWaterMark: MiB }),
    });
    if (res.status !== 204) throw new Error(`PATCH answered ${res.status}: ${res.body}`);
    evidenceId = res.headers['evidence-id'];
  }
  if (!evidenceId) throw new Error('no evidence recorded');
  const seconds = (performance.now() - started) / 1000;
  removeStoredBlobs();
  return seconds;
}

async function main() {
  const mb = FILE_BYTES / MiB;
  console.log(
    `upload throughput: ${mb} MiB file, ${CHUNK_BYTES / MiB} MiB per PATCH, ${RUNS} runs, ${os.cpus().length} CPUs, load average ${loadAverage()}`,
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
      if ((await request(port, 'GET', '/healthz')).status === 200) break;
    } catch {
      await sleep(50);
    }
  }
  const login = await request(port, 'POST', '/api/session', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
  });
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const cases = JSON.parse(
    (await request(port, 'GET', '/api/cases', { headers: { cookie } })).body.toString(),
  );
  const caseId = (Array.isArray(cases) ? cases : cases.items)[0].id;
  await sleep(1000);

  const rows = [];
  for (let run = 1; run <= RUNS; run++) {
    let base;
    let ours;
    const rss = statusKb(child.pid, 'VmRSS');
    resetPeak(child.pid);
    const cpu = cpuSeconds(child.pid);
    if (run % 2 === 1) {
      base = baseline(file);
      ours = await sanxiang(file, port, cookie, caseId, run);
    } else {
      ours = await sanxiang(file, port, cookie, caseId, run);
      base = baseline(file);
    }
    const row = {
      base,
      ours,
      cpu: cpuSeconds(child.pid) - cpu,
      rss: rss / 1024,
      peak: statusKb(child.pid, 'VmHWM') / 1024,
    };
    rows.push(row);
    console.log(
      `run ${run}: baseline (openssl dgst -sm3 + cp) ${base.toFixed(2)} s = ${(mb / base).toFixed(0)} MiB/s; sanxiang ${ours.toFixed(2)} s = ${(mb / ours).toFixed(0)} MiB/s (server CPU ${row.cpu.toFixed(1)} s); ratio ${(base / ours).toFixed(2)}; server RSS ${row.rss.toFixed(0)} → peak ${row.peak.toFixed(0)} MB (+${(row.peak - row.rss).toFixed(0)})`,
    );
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratios = rows.map((r) => r.base / r.ours);
  console.log(
    `median ratio baseline ÷ sanxiang: ${median(ratios).toFixed(2)} (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target ≥ 0.6)`,
  );
  const growth = Math.max(...rows.map((r) => r.peak - r.rss));
  console.log(
    `largest server RSS growth during an upload: ${growth.toFixed(0)} MB (target < 100 MB)`,
  );
  console.log(`load average at the end: ${loadAverage()}`);
  process.kill(-child.pid, 'SIGKILL');
  process.exit(0);
}

main().catch((error) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
