// The tus protocol end to end through app.inject on a real database: creation, appends, HEAD,
// completion into the ledger and the blob store; and every refusal — wrong version, wrong offset,
// wrong declared hash, too large, bad checksum, two appends at once.
import fs from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { hashesOf, insertTestCase, randomFile, tusClient } from './evidence.test-support.ts';

const t = await createDemoApp({ env: { UPLOAD_MAX_BYTES: '5000000', LOG_LEVEL: 'error' } });
const db = t.handle.db;
const officer = await t.login('officer1');
const tus = tusClient(() => t.app, officer);
const caseId = await insertTestCase(db, t.ids.agencies.market);

async function visibleEvidence(id: string | undefined) {
  return id === undefined
    ? undefined
    : db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Partial files left in staging, for one upload (by its location) or all. */
async function stagingFiles(location = '') {
  const uploadId = location.split('/').pop() ?? '';
  const names = await fs.readdir(t.ctx.blobs.stagingDir).catch(() => [] as string[]);
  return names.filter((n) => n.includes(uploadId));
}

describe('tus 1.0.0', () => {
  it('advertises version, extensions, maximum size and checksum algorithms on OPTIONS', async () => {
    const response = await t.app.inject({ method: 'OPTIONS', url: `/api/cases/${caseId}/uploads` });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'tus-version': '1.0.0',
      'tus-extension': 'creation,creation-with-upload,termination,checksum,expiration',
      'tus-max-size': '5000000',
      'tus-checksum-algorithm': 'sha1,sha256,sm3',
    });
  });

  it('uploads in three chunks, reports progress, and records the evidence in the ledger', async () => {
    const file = randomFile(300_000);
    const { sm3, sha256 } = hashesOf(file);
    const created = await tus.create(caseId, file.length, {
      filename: '现场检查 录像(1).bin',
      step: 'investigate',
      sm3,
      sha256,
    });
    expect(created.status).toBe(201);
    expect(created.location).toMatch(new RegExp(`^/api/cases/${caseId}/uploads/[0-9a-f-]{36}$`));
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    expect(await tus.head(created.location)).toMatchObject({ status: 200, offset: 0 });

    const first = await tus.patch(created.location, 0, file.subarray(0, 100_000));
    expect(first).toMatchObject({ status: 204, offset: 100_000, evidenceId: undefined });
    expect(await tus.head(created.location)).toMatchObject({ offset: 100_000 });
    expect(
      await tus.patch(created.location, 100_000, file.subarray(100_000, 200_000)),
    ).toMatchObject({ status: 204, offset: 200_000 });
    const last = await tus.patch(created.location, 200_000, file.subarray(200_000));
    expect(last).toMatchObject({ status: 204, offset: 300_000 });
    expect(last.evidenceId).toMatch(/^[0-9a-f-]{36}$/);

    const row = await visibleEvidence(last.evidenceId);
    expect(row).toMatchObject({ sm3, sha256, size: 300_000, step: 'investigate', kind: 'other' });
    const entry = await db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('leaf_index', '=', row?.ledger_seq ?? -1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      kind: 'evidence.recorded',
      subject_id: last.evidenceId,
      case_id: caseId,
    });
    expect(entry.payload).toMatchObject({
      sm3,
      sha256,
      size: 300_000,
      originalName: '现场检查 录像(1).bin',
    });
    expect(await t.ctx.blobs.has(sm3)).toBe(true);
    expect(await stagingFiles(created.location)).toEqual([]);
    // A finished upload still answers HEAD (a client resuming after the last response was lost).
    expect(await tus.head(created.location)).toMatchObject({
      offset: 300_000,
      evidenceId: last.evidenceId,
    });
  });

  it('accepts the first bytes with the creation request (creation-with-upload)', async () => {
    const file = Buffer.from('%PDF-1.7\n测试文书\n');
    const created = await tus.create(
      caseId,
      file.length,
      { filename: '文书.pdf', step: 'service' },
      { body: file },
    );
    expect(created.status).toBe(201);
    expect(created.headers['upload-offset']).toBe(String(file.length));
    const row = await visibleEvidence(created.headers['evidence-id'] as string);
    expect(row).toMatchObject({ content_type: 'application/pdf', kind: 'document' });
  });

  it('refuses requests without Tus-Resumable: 1.0.0 with 412 and the supported version', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/uploads`,
      headers: { cookie: officer, 'tus-resumable': '0.2.2', 'upload-length': '10' },
    });
    expect(response.statusCode).toBe(412);
    expect(response.headers['tus-version']).toBe('1.0.0');
    expect(response.json()).toMatchObject({ code: 'TUS_VERSION_UNSUPPORTED' });
  });

  it('refuses bad creation metadata before accepting any bytes', async () => {
    const noStep = await tus.create(caseId, 10, { filename: 'a.jpg' });
    expect(noStep).toMatchObject({ status: 400, body: { code: 'UPLOAD_METADATA_INVALID' } });
    const badHash = await tus.create(caseId, 10, {
      filename: 'a.jpg',
      step: 'investigate',
      sm3: 'abc',
    });
    expect(badHash.body.message).toContain('sm3');
    const noLength = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/uploads`,
      headers: { cookie: officer, 'tus-resumable': '1.0.0', 'upload-length': '-1' },
    });
    expect(noLength.json()).toMatchObject({ code: 'UPLOAD_LENGTH_REQUIRED' });
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/uploads`,
      headers: { cookie: officer, 'tus-resumable': '1.0.0', 'upload-length': '10' },
      payload: { filename: 'a.txt' },
    });
    expect(json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const empty = await tus.create(caseId, 0, { filename: 'empty.txt', step: 'investigate' });
    expect(empty).toMatchObject({ status: 400, body: { code: 'UPLOAD_LENGTH_REQUIRED' } });
  });

  it('answers 409 with the server offset when the client offset is wrong', async () => {
    const created = await tus.create(caseId, 100, { filename: 'x.txt', step: 'investigate' });
    await tus.patch(created.location, 0, Buffer.alloc(40, 0x61));
    const wrong = await tus.patch(created.location, 10, Buffer.alloc(10, 0x61));
    expect(wrong).toMatchObject({ status: 409, code: 'UPLOAD_OFFSET_MISMATCH' });
    expect(await tus.head(created.location)).toMatchObject({ offset: 40 });
  });

  it('refuses a wrong declared hash at completion, deleting the bytes and recording nothing', async () => {
    const file = randomFile(50_000);
    const ledgerBefore = await db
      .selectFrom('ledger_entries')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const created = await tus.create(caseId, file.length, {
      filename: 'photo.jpg',
      step: 'investigate',
      sm3: hashesOf(Buffer.from('something else')).sm3,
    });
    const result = await tus.patch(created.location, 0, file);
    expect(result).toMatchObject({ status: 422, code: 'EVIDENCE_HASH_MISMATCH' });
    expect(await tus.head(created.location)).toMatchObject({ status: 404 });
    expect(await t.ctx.blobs.has(hashesOf(file).sm3)).toBe(false);
    expect(await stagingFiles(created.location)).toEqual([]);
    const visible = await db
      .selectFrom('evidence')
      .select('id')
      .where('sm3', '=', hashesOf(file).sm3)
      .execute();
    expect(visible).toEqual([]);
    const ledgerAfter = await db
      .selectFrom('ledger_entries')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(ledgerAfter.n).toEqual(ledgerBefore.n);
  });

  it('never shows a truncated upload', async () => {
    const file = randomFile(10_000);
    const created = await tus.create(caseId, file.length, {
      filename: 'cut.bin',
      step: 'investigate',
    });
    await tus.patch(created.location, 0, file.subarray(0, 6_000));
    expect(await tus.head(created.location)).toMatchObject({
      offset: 6_000,
      evidenceId: undefined,
    });
    const visible = await db
      .selectFrom('evidence')
      .select('id')
      .where('sm3', '=', hashesOf(file).sm3)
      .execute();
    expect(visible).toEqual([]);
    expect(await t.ctx.blobs.has(hashesOf(file.subarray(0, 6_000)).sm3)).toBe(false);
  });

  it('refuses an upload larger than Tus-Max-Size, and bytes beyond the declared length', async () => {
    const tooBig = await tus.create(caseId, 5_000_001, {
      filename: 'big.mp4',
      step: 'investigate',
    });
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'UPLOAD_TOO_LARGE' } });
    const created = await tus.create(caseId, 10, { filename: 'small.txt', step: 'investigate' });
    const over = await tus.patch(created.location, 0, Buffer.alloc(11, 0x61));
    expect(over).toMatchObject({ status: 413, code: 'UPLOAD_EXCEEDS_LENGTH' });
    expect(await tus.head(created.location)).toMatchObject({ offset: 0 });
  });

  it('checks Upload-Checksum per append (460 and nothing kept on mismatch)', async () => {
    const file = Buffer.from('0123456789abcdefghij');
    const created = await tus.create(caseId, file.length, {
      filename: 'c.txt',
      step: 'investigate',
    });
    const digest = (alg: string, b: Buffer) =>
      hashesOf(b) &&
      (alg === 'sm3'
        ? Buffer.from(hashesOf(b).sm3, 'hex')
        : Buffer.from(hashesOf(b).sha256, 'hex'));
    const bad = await tus.patch(created.location, 0, file.subarray(0, 10), {
      'upload-checksum': `sm3 ${digest('sm3', Buffer.from('nope')).toString('base64')}`,
    });
    expect(bad).toMatchObject({ status: 460, code: 'UPLOAD_CHECKSUM_MISMATCH' });
    expect(await tus.head(created.location)).toMatchObject({ offset: 0 });
    const good = await tus.patch(created.location, 0, file.subarray(0, 10), {
      'upload-checksum': `sm3 ${digest('sm3', file.subarray(0, 10)).toString('base64')}`,
    });
    expect(good).toMatchObject({ status: 204, offset: 10 });
    const rest = await tus.patch(created.location, 10, file.subarray(10), {
      'upload-checksum': `sha256 ${digest('sha256', file.subarray(10)).toString('base64')}`,
    });
    expect(rest.status).toBe(204);
    expect(await visibleEvidence(rest.evidenceId)).toMatchObject(hashesOf(file));
    const unknown = await tus.patch(created.location, 20, Buffer.alloc(0), {
      'upload-checksum': 'md5 AAAA',
    });
    expect(unknown).toMatchObject({ status: 400, code: 'UPLOAD_CHECKSUM_UNSUPPORTED' });
  });

  it('lets one of two concurrent appends win and refuses the other with 409', async () => {
    const file = randomFile(40_000);
    const created = await tus.create(caseId, file.length, {
      filename: 'race.bin',
      step: 'investigate',
    });
    const slow = new PassThrough();
    const winner = tus.patch(created.location, 0, slow);
    slow.write(file.subarray(0, 10_000));
    const uploadId = created.location.split('/').pop() ?? '';
    for (let i = 0; i < 200; i++) {
      const row = await db
        .selectFrom('uploads')
        .select('lock_token')
        .where('id', '=', uploadId)
        .executeTakeFirst();
      if (row?.lock_token) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const loser = await tus.patch(created.location, 0, file);
    expect(loser).toMatchObject({ status: 409, code: 'UPLOAD_LOCKED' });
    slow.end(file.subarray(10_000));
    const won = await winner;
    expect(won).toMatchObject({ status: 204, offset: 40_000 });
    expect(await visibleEvidence(won.evidenceId)).toMatchObject(hashesOf(file));
  });

  it('terminates an unfinished upload and refuses to terminate recorded evidence', async () => {
    const created = await tus.create(caseId, 100, { filename: 'gone.txt', step: 'investigate' });
    await tus.patch(created.location, 0, Buffer.alloc(50, 0x62));
    expect(await tus.remove(created.location)).toMatchObject({ status: 204 });
    expect(await tus.head(created.location)).toMatchObject({ status: 404 });
    expect(await stagingFiles(created.location)).toEqual([]);

    const done = await tus.create(
      caseId,
      3,
      { filename: 'kept.txt', step: 'investigate' },
      { body: Buffer.from('abc') },
    );
    expect(await tus.remove(done.location)).toMatchObject({
      status: 409,
      code: 'UPLOAD_ALREADY_RECORDED',
    });
  });

  it("refuses another agency's officer (scope) and an unknown case", async () => {
    const other = tusClient(() => t.app, await t.login('officer3'));
    const refused = await other.create(caseId, 10, { filename: 'a.txt', step: 'investigate' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    const missing = await tus.create('00000000-0000-4000-8000-000000000009', 10, {
      filename: 'a.txt',
      step: 'investigate',
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
  });
});
