// Evidence with BLOB_STORE=s3, end to end against a real S3-protocol server (s3rver, in-process):
// a tus upload in two appends lands in the bucket (partials stay in the local staging directory
// and are gone after), the download and its ranges come from the bucket, the archive export reads
// from it, a disposal deletes the object and leaves its marker, and `verify` and the fixity check
// find an object changed or deleted behind the system's back.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { VERIFIER_SOURCE } from '../../cli/export-archive.command.ts';
import { startS3Server } from '../../test/s3-server.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { loadDisposedBlobs } from '../archive/disposal.audit.ts';
import { exportArchive } from '../archive/export.ts';
import { runFixityCheck } from '../archive/fixity.ts';
import { verifyArchive } from '../archive/verify-archive.mjs';
import { createS3Client, readText } from '../blobs/s3-client.ts';
import { auditLedger } from '../ledger/ledger.audit.ts';
import { auditEvidence } from './evidence.audit.ts';
import { hashesOf, insertTestCase, randomFile, tusClient } from './evidence.test-support.ts';

const s3 = await startS3Server({ conditionalWrites: true });
const t = await createDemoApp({ env: s3.env });
const db = t.handle.db;
const officer = await t.login('officer1');
const tus = tusClient(() => t.app, officer);
const bucket = createS3Client({ ...s3, forcePathStyle: true });
const keyOf = (sm3: string) => `${sm3.slice(0, 2)}/${sm3.slice(2, 4)}/${sm3}`;
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-s3-e2e-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

async function object(key: string) {
  const response = await bucket.send({ method: 'GET', key });
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return { status: response.status, bytes: Buffer.concat(chunks) };
}

async function caseOfOfficer1(closedOn?: string): Promise<string> {
  const caseId = await insertTestCase(db, t.ids.agencies.market);
  await db
    .insertInto('case_officers')
    .values({
      case_id: caseId,
      person_id: t.ids.people.officer1 ?? '',
      credential_id: t.ids.credentials.officer1 ?? '',
      role: 'lead',
    })
    .execute();
  if (closedOn) {
    await sql`update cases set state = 'closed', closed_on = ${closedOn} where id = ${caseId}`.execute(
      db,
    );
  }
  return caseId;
}

async function upload(caseId: string, bytes: Buffer, filename = 'f.bin') {
  const created = await tus.create(
    caseId,
    bytes.length,
    { filename, step: 'investigate' },
    { body: bytes },
  );
  expect(created.status).toBe(201);
  return { evidenceId: created.headers['evidence-id'] as string, ...hashesOf(bytes) };
}

async function call(method: 'GET' | 'POST', url: string, cookie: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

const caseId = await caseOfOfficer1();

describe('evidence on an S3-compatible store', () => {
  it('stores a tus upload made in two appends in the bucket and serves it from there', async () => {
    const bytes = randomFile(300_000);
    const created = await tus.create(caseId, bytes.length, {
      filename: '现场录像片段.bin',
      step: 'investigate',
    });
    expect(created.status).toBe(201);
    const first = await tus.patch(created.location, 0, bytes.subarray(0, 120_000));
    expect(first).toMatchObject({ status: 204, offset: 120_000, evidenceId: undefined });
    const second = await tus.patch(created.location, 120_000, bytes.subarray(120_000));
    expect(second).toMatchObject({ status: 204, offset: bytes.length });
    expect(second.evidenceId).toBeTruthy();

    const { sm3 } = hashesOf(bytes);
    const stored = await object(keyOf(sm3));
    expect(stored.status).toBe(200);
    expect(stored.bytes.equals(bytes)).toBe(true);
    // Partial uploads live in the local staging directory, and only until they are stored.
    expect(t.ctx.blobs.stagingDir).toBe(path.join(t.ctx.config.BLOB_DIR, '.staging'));
    const left = await fs.readdir(t.ctx.blobs.stagingDir).catch(() => [] as string[]);
    expect(left.filter((n) => n.startsWith('upload-'))).toEqual([]);

    const url = `/api/cases/${caseId}/evidence/${second.evidenceId}/content`;
    const whole = await t.app.inject({ method: 'GET', url, headers: { cookie: officer } });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    const part = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: officer, range: 'bytes=1000-1999' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(part.rawPayload.equals(bytes.subarray(1000, 2000))).toBe(true);
  });

  it('exports the archive package with the evidence read from the bucket', async () => {
    const exportCase = await caseOfOfficer1();
    await upload(
      exportCase,
      Buffer.from('%PDF-1.4\n询问笔录（对象存储）\n%%EOF\n'),
      '询问笔录.pdf',
    );
    const result = await exportArchive(db, t.ctx.blobs, t.ctx.signingKey, {
      caseId: exportCase,
      outDir: path.join(work, 'archive'),
      verifierSource: VERIFIER_SOURCE,
    });
    expect(result.files).toBeGreaterThan(0);
    expect(verifyArchive(result.dir).ok).toBe(true);
  });

  it('disposes after two approvals: the object goes, its marker stays, verify says disposed', async () => {
    const oldCase = await caseOfOfficer1('1990-03-01');
    const old = await upload(oldCase, Buffer.from('%PDF-1.4\n1990年现场检查笔录\n%%EOF\n'));
    const [archivist, head, supervisor] = [
      await t.login('archivist1'),
      await t.login('head1'),
      await t.login('supervisor1'),
    ];
    const proposed = await call('POST', `/api/cases/${oldCase}/disposals`, archivist, {
      evidenceIds: [old.evidenceId],
      reason: '保管期限已满，经鉴定无继续保存价值',
    });
    expect(proposed.status).toBe(201);
    const approvals = `/api/cases/${oldCase}/disposals/${proposed.body.id}/approvals`;
    expect((await call('POST', approvals, head)).status).toBe(200);
    expect((await object(keyOf(old.sm3))).status).toBe(200); // one approval is not enough
    const second = await call('POST', approvals, supervisor);
    expect(second.status).toBe(200);
    const registerNo = second.body.registerNo as number;

    expect((await object(keyOf(old.sm3))).status).toBe(404);
    const marker = await bucket.send({ method: 'GET', key: `${keyOf(old.sm3)}.disposed` });
    expect(await readText(marker.body)).toBe(`销毁清册第 ${registerNo} 号\n`);
    const tombstones = await loadDisposedBlobs(db);
    const report = await auditEvidence(db, t.ctx.blobs, tombstones.disposed);
    expect(report.issues).toEqual([]);
    expect(report.disposed).toEqual([{ sm3: old.sm3, registerNo }]);
  });

  it('lets verify and the fixity check name an object changed or deleted in the bucket', async () => {
    const [altered, removed] = [
      await upload(caseId, randomFile(5_000)),
      await upload(caseId, randomFile(6_000)),
    ];
    const flipped = (await object(keyOf(altered.sm3))).bytes;
    flipped[10] = (flipped[10] ?? 0) ^ 0x01;
    // Behind the system's back: an operator with the bucket's keys.
    const put = await bucket.send({ method: 'PUT', key: keyOf(altered.sm3), body: flipped });
    put.body.resume();
    expect(put.status).toBe(200);
    const removal = await bucket.send({ method: 'DELETE', key: keyOf(removed.sm3) });
    removal.body.resume();

    const seqOf = async (evidenceId: string) =>
      (
        await db
          .selectFrom('evidence')
          .select('ledger_seq')
          .where('id', '=', evidenceId)
          .executeTakeFirstOrThrow()
      ).ledger_seq;
    const tombstones = await loadDisposedBlobs(db);
    const verify = await auditLedger(
      db,
      [t.ctx.signingKey],
      [],
      [(d) => auditEvidence(d, t.ctx.blobs, tombstones.disposed)],
    );
    expect(verify.issues.map((i) => [i.kind, i.seq])).toEqual([
      ['blob_altered', await seqOf(altered.evidenceId)],
      ['blob_missing', await seqOf(removed.evidenceId)],
    ]);

    const fixity = await runFixityCheck(db, t.ctx.blobs);
    expect(fixity.warnings.map((w) => [w.sm3, w.problem]).sort()).toEqual(
      [
        [altered.sm3, 'sm3_changed'],
        [removed.sm3, 'missing'],
      ].sort(),
    );
  });
});
