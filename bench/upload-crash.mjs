// Crash campaign for resumable evidence uploads: the real server as a child process, large
// random files uploaded over tus in chunks, and the server SIGKILLed at random points — mid-body,
// right after a chunk, or in the completion window (hashing, storing, recording) — then
// restarted, the upload resumed from the server's offset, and checked:
//   - the durable offset never goes backwards and never passes what the client sent;
//   - no evidence is visible for an unfinished upload, and no blob other than the expected file's
//     ever appears in the blob store (a partial file is never stored or shown);
//   - every finished upload is recorded once, with the SM3/SHA-256 of the file, and downloads
//     byte-identical (re-hashed streaming);
//   - at the end `sanxiang verify` (ledger, tree heads, every blob re-hashed) exits 0.
//
// Usage: node bench/upload-crash.mjs [--kills 20] [--file-mb 64] [--chunk-mb 8] [--lease 3]
//        CRASH_KILLS=100 node bench/upload-crash.mjs            (the issue's hundred kills)
//        CRASH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/upload-crash.mjs
//          (PostgreSQL: a throwaway database is created on that server and dropped afterwards)
// The upload lease is shortened (--lease, seconds; production default 15) so that a killed
// holder's lock lapses quickly; each kill costs a restart (about 3 s) plus at most the lease.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  request as requestTo,
  runVerify,
  serverProcess,
  throwawayDatabase,
} from './support/server-process.mjs';

const DEMO_LOGIN = { username: 'officer1', password: 'Sanxiang@2026' }; // throwaway demo data only
const MiB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string' },
    'file-mb': { type: 'string' },
    'chunk-mb': { type: 'string' },
    lease: { type: 'string' },
    seed: { type: 'string' },
  },
});
const KILLS = Number(args.kills ?? process.env.CRASH_KILLS ?? 20);
const FILE_BYTES = Number(args['file-mb'] ?? process.env.CRASH_FILE_MB ?? 64) * MiB;
const CHUNK_BYTES = Number(args['chunk-mb'] ?? process.env.CRASH_CHUNK_MB ?? 8) * MiB;
const LEASE = Number(args.lease ?? process.env.CRASH_LEASE_SECONDS ?? 3);
const ADMIN_URL = process.env.CRASH_DATABASE_URL;
const KILL_CHANCE = 0.5;
const AFTER_BODY_CHANCE = 0.4;

const work = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-crash-'));
const dataDir = path.join(work, 'data');
let server; // serverProcess(…), once the database exists
let database = { url: undefined, drop: async () => {} };

function cleanup() {
  server?.killNow();
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

const request = (method, url, options) => requestTo(server.port, method, url, options);
const startServer = () => server.start();
const killServer = () => server.kill();

async function makeFile(name) {
  const file = path.join(work, name);
  const sm3 = createHash('sm3');
  const sha256 = createHash('sha256');
  const out = createWriteStream(file);
  for (let written = 0; written < FILE_BYTES; written += MiB) {
    const block = randomBytes(Math.min(MiB, FILE_BYTES - written));
    sm3.update(block);
    sha256.update(block);
    if (!out.write(block)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return { file, sm3: sm3.digest('hex'), sha256: sha256.digest('hex') };
}

const b64 = (s) => Buffer.from(s).toString('base64');

/**
 * Sends one PATCH of bytes [offset, end) streamed from disk. With `killAt` (a byte position, or
 * 'completion' for a moment just after the last byte), the server is SIGKILLed at that point.
 */
function patch(cookie, location, target, offset, end, killAt) {
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'PATCH',
      path: location,
      headers: {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(end - offset),
      },
    });
    let sent = offset;
    let killing;
    const kill = () => (killing ??= killServer());
    req.on('response', (res) => {
      // The append answered before the timer fired: the kill then follows the answer at once.
      if (killAt === 'after-body') void kill();
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          offset: Number(res.headers['upload-offset']),
          evidenceId: res.headers['evidence-id'],
          killed: killing,
        }),
      );
    });
    req.on('error', () => resolve({ status: 0, killed: killing }));
    const source = createReadStream(target.file, { start: offset, end: end - 1 });
    source.on('data', (chunk) => {
      sent += chunk.length;
      if (typeof killAt === 'number' && sent >= killAt) {
        source.destroy();
        void kill();
      }
    });
    source.on('end', () => {
      if (killAt === 'after-body') setTimeout(() => void kill(), Math.random() * 40);
    });
    source.pipe(req);
  });
}

async function headOffset(cookie, location) {
  for (;;) {
    const res = await request('HEAD', location, { headers: { cookie, 'tus-resumable': '1.0.0' } });
    if (res.status === 200)
      return {
        offset: Number(res.headers['upload-offset']),
        evidenceId: res.headers['evidence-id'],
      };
    if (res.status !== 409) throw new Error(`HEAD ${location} answered ${res.status}`);
    await sleep(250); // a killed holder's lease has not lapsed yet
  }
}

// Reads of evidence are supervised (调阅监督): the demo officer may not handle the first case, so
// every read states why.
const READ_REASON = encodeURIComponent('证据上传崩溃测试核对');

async function sm3OfDownload(cookie, caseId, evidenceId) {
  return new Promise((resolve, reject) => {
    http.get(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/cases/${caseId}/evidence/${evidenceId}/content?reason=${READ_REASON}`,
        headers: { cookie },
      },
      (res) => {
        const hash = createHash('sm3');
        res.on('data', (c) => hash.update(c));
        res.on('end', () => resolve(hash.digest('hex')));
        res.on('error', reject);
      },
    );
  });
}

function blobNames() {
  const root = path.join(dataDir, 'blobs');
  const names = [];
  for (const a of safeReaddir(root).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
    for (const b of safeReaddir(path.join(root, a)))
      names.push(...safeReaddir(path.join(root, a, b)));
  }
  return names;
}
function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function main() {
  database = await throwawayDatabase(ADMIN_URL, 'sanxiang_crash');
  server = serverProcess({
    dataDir,
    databaseUrl: database.url,
    env: { UPLOAD_LEASE_SECONDS: String(LEASE) },
  });
  console.log(
    `crash campaign: ${KILLS} kills, ${FILE_BYTES / MiB} MiB files in ${CHUNK_BYTES / MiB} MiB chunks, lease ${LEASE} s, ${ADMIN_URL ? 'PostgreSQL' : 'PGlite'}`,
  );
  const firstStart = await startServer();
  const login = await request('POST', '/api/session', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
  });
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const cases = JSON.parse(
    (await request('GET', '/api/cases', { headers: { cookie } })).body.toString(),
  );
  const caseId = (Array.isArray(cases) ? cases : cases.items)[0].id;
  const listEvidence = async () =>
    JSON.parse(
      (
        await request('GET', `/api/cases/${caseId}/evidence?reason=${READ_REASON}`, {
          headers: { cookie },
        })
      ).body.toString(),
    );
  const baseline = (await listEvidence()).length;

  const stats = {
    kills: 0,
    midBody: 0,
    afterChunk: 0,
    completion: 0,
    restartsMs: [],
    resumeWaitMs: [],
    uploads: 0,
    resent: 0,
  };
  const done = []; // { sm3, evidenceId }
  let target;
  let location;
  let durable = 0;

  async function newUpload() {
    target = await makeFile(`file-${done.length}.bin`);
    const res = await request('POST', `/api/cases/${caseId}/uploads`, {
      headers: {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-length': String(FILE_BYTES),
        'upload-metadata': `filename ${b64(`crash-${done.length}.bin`)},step ${b64('investigate')},sm3 ${b64(target.sm3)},sha256 ${b64(target.sha256)}`,
      },
    });
    if (res.status !== 201) throw new Error(`creation answered ${res.status}: ${res.body}`);
    location = res.headers.location;
    durable = 0;
  }

  async function checkInvariants() {
    const visible = await listEvidence();
    const allowed = new Set(done.map((d) => d.sm3));
    if (visible.length !== baseline + done.length)
      throw new Error(`evidence visible: ${visible.length}, expected ${baseline + done.length}`);
    for (const e of visible.slice(baseline))
      if (!allowed.has(e.sm3)) throw new Error(`unexpected evidence ${e.sm3}`);
    for (const name of blobNames()) {
      if (!allowed.has(name) && name !== target.sm3)
        throw new Error(`a blob that is no finished file appeared: ${name}`);
    }
  }

  await newUpload();
  while (true) {
    // About half the chunks are interrupted, so that uploads also finish and new ones start.
    const killing = stats.kills < KILLS && Math.random() < KILL_CHANCE;
    const end = Math.min(FILE_BYTES, durable + CHUNK_BYTES);
    // Mid-body at a random byte, or just after the chunk's last byte: the final sync and offset
    // update of an append or, for the last chunk, the completion window.
    let killAt;
    if (killing) {
      killAt =
        Math.random() < AFTER_BODY_CHANCE
          ? 'after-body'
          : durable + Math.floor(Math.random() * (end - durable));
    }
    const result = await patch(cookie, location, target, durable, end, killAt);
    if (result.killed) {
      await result.killed;
      stats.kills += 1;
      if (killAt !== 'after-body') stats.midBody += 1;
      else if (end === FILE_BYTES) stats.completion += 1;
      else stats.afterChunk += 1;
      stats.restartsMs.push(await startServer());
      const waitStart = Date.now();
      const head = await headOffset(cookie, location);
      stats.resumeWaitMs.push(Date.now() - waitStart);
      if (head.offset < durable || head.offset > end)
        throw new Error(`offset ${head.offset} outside [${durable}, ${end}]`);
      stats.resent += Math.max(0, (typeof killAt === 'number' ? killAt : end) - head.offset);
      durable = head.offset;
      if (head.evidenceId && durable === FILE_BYTES) {
        done.push({ sm3: target.sm3, evidenceId: head.evidenceId });
      }
      await checkInvariants();
      if (durable === FILE_BYTES) {
        stats.uploads += 1;
        if (stats.kills < KILLS) await newUpload();
        else break;
      }
      process.stdout.write(`\rkills ${stats.kills}/${KILLS}, uploads finished ${stats.uploads}   `);
      continue;
    }
    if (result.status !== 204) throw new Error(`PATCH answered ${result.status}`);
    durable = result.offset;
    if (durable === FILE_BYTES) {
      done.push({ sm3: target.sm3, evidenceId: result.evidenceId });
      stats.uploads += 1;
      await checkInvariants();
      if (stats.kills < KILLS) await newUpload();
      else break;
    }
  }
  console.log('');

  for (const { sm3, evidenceId } of done) {
    const downloaded = await sm3OfDownload(cookie, caseId, evidenceId);
    if (downloaded !== sm3)
      throw new Error(`evidence ${evidenceId} downloads with SM3 ${downloaded}, not ${sm3}`);
  }
  await killServer();
  const verify = await runVerify({ dataDir, databaseUrl: database.url });
  if (verify.code !== 0) throw new Error(`sanxiang verify failed:\n${verify.out}`);

  const mean = (xs) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  console.log(
    `first start ${firstStart} ms; ${stats.kills} kills (${stats.midBody} mid-body, ${stats.afterChunk} just after a chunk, ${stats.completion} in the completion window)`,
  );
  console.log(
    `restart to healthy: mean ${mean(stats.restartsMs)} ms, max ${Math.max(...stats.restartsMs)} ms; waiting for the lease after restart: mean ${mean(stats.resumeWaitMs)} ms`,
  );
  console.log(
    `uploads finished ${stats.uploads}, each recorded once with the file's SM3 and downloaded byte-identical; bytes re-sent after kills ${(stats.resent / MiB).toFixed(1)} MiB`,
  );
  console.log(
    `no unfinished upload ever visible, no foreign blob ever stored; ${verify.out.split('\n')[0]}`,
  );
  await database.drop();
}

main().catch(async (error) => {
  console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
  await database.drop();
  process.exit(1);
});
