// tus expiration: an unfinished upload nobody has sent to for UPLOAD_EXPIRY_HOURS loses its
// partial bytes through the hourly job, as if terminated; uploads still in use (recent, or holding
// a live lock) and finished ones stay. Clients learn the time from Upload-Expires.
import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../jobs/registry.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { hashesOf, insertTestCase, randomFile, tusClient } from './evidence.test-support.ts';
import { UPLOAD_EXPIRY_JOB } from './uploads.service.ts';

const EXPIRY_HOURS = 48;
const t = await createDemoApp({ env: { UPLOAD_EXPIRY_HOURS: String(EXPIRY_HOURS) } });
const db = t.handle.db;
const officer = await t.login('officer1');
const tus = tusClient(() => t.app, officer);
const caseId = await insertTestCase(db, t.ids.agencies.market);

const expiryJob = jobDefinitions(t.ctx).find((job) => job.name === UPLOAD_EXPIRY_JOB);

async function runExpiry() {
  if (!expiryJob) throw new Error(`no job named ${UPLOAD_EXPIRY_JOB}`);
  const job = { id: 0, name: UPLOAD_EXPIRY_JOB, attempt: 1, payload: {} };
  return expiryJob.run({ db, signal: new AbortController().signal, job });
}

/** An upload with its first `sent` bytes in, as a client that went away leaves it. */
async function startedUpload(sent: number, metadata: Record<string, string> = {}) {
  const file = randomFile(sent * 2);
  const created = await tus.create(caseId, file.length, {
    filename: '执法记录仪录像.bin',
    step: 'investigate',
    sm3: hashesOf(file).sm3,
    ...metadata,
  });
  expect(created.status).toBe(201);
  const patched = await tus.patch(created.location, 0, file.subarray(0, sent));
  expect(patched).toMatchObject({ status: 204, offset: sent });
  return { location: created.location, id: created.location.split('/').pop() ?? '', patched };
}

/** Moves the upload's last activity back, as if nobody had sent to it for `hours`. */
async function idleFor(uploadId: string, hours: number) {
  await sql`update uploads set updated_at = now() - make_interval(hours => ${hours})
    where id = ${uploadId}`.execute(db);
}

async function stagingFilesOf(uploadId: string) {
  const names = await fs.readdir(t.ctx.blobs.stagingDir).catch(() => [] as string[]);
  return names.filter((name) => name.includes(uploadId));
}

describe('expiry of abandoned uploads', () => {
  it('tells the client when an unfinished upload expires, and nothing once it is finished', async () => {
    const { location, patched } = await startedUpload(10_000);
    const expected = Date.now() + EXPIRY_HOURS * 3_600_000;
    // HTTP dates have whole seconds; the request took a moment.
    expect(Math.abs(Date.parse(patched.expires ?? '') - expected)).toBeLessThan(60_000);
    const head = await tus.head(location);
    expect(Math.abs(Date.parse(head.expires ?? '') - expected)).toBeLessThan(60_000);

    const file = randomFile(5_000);
    const whole = await tus.create(caseId, file.length, {
      filename: '现场照片.bin',
      step: 'investigate',
    });
    const done = await tus.patch(whole.location, 0, file);
    expect(done.evidenceId).toBeDefined();
    expect(done.expires).toBeUndefined();
    expect((await tus.head(whole.location)).expires).toBeUndefined();
  });

  it('removes an upload idle past the limit with its bytes, and keeps the ones still in use', async () => {
    const abandoned = await startedUpload(20_000);
    const recent = await startedUpload(20_000);
    const heldByAClient = await startedUpload(20_000);
    await idleFor(abandoned.id, EXPIRY_HOURS + 1);
    await idleFor(recent.id, EXPIRY_HOURS - 1);
    // A client streaming right now: its heartbeat keeps the lock alive whatever updated_at says.
    await idleFor(heldByAClient.id, EXPIRY_HOURS + 1);
    await sql`update uploads set lock_token = gen_random_uuid(), lock_heartbeat_at = now()
      where id = ${heldByAClient.id}`.execute(db);
    expect(await stagingFilesOf(abandoned.id)).not.toEqual([]);

    expect(await runExpiry()).toEqual({ expired: 1 });

    expect(await tus.head(abandoned.location)).toMatchObject({ status: 404 });
    expect(await tus.patch(abandoned.location, 20_000, randomFile(100)).then((r) => r.code)).toBe(
      'UPLOAD_NOT_FOUND',
    );
    expect(await stagingFilesOf(abandoned.id)).toEqual([]);
    expect(await tus.head(recent.location)).toMatchObject({ status: 200, offset: 20_000 });
    expect(await stagingFilesOf(recent.id)).not.toEqual([]);
    expect(await tus.head(heldByAClient.location)).toMatchObject({ status: 200, offset: 20_000 });

    // Run again (a retry after a crash, or the next hour): nothing more to do.
    expect(await runExpiry()).toEqual({ expired: 0 });
  });

  it('cancels the upload deadline an expired audio/video upload opened, in the ledger', async () => {
    const endedAt = new Date(Date.now() - 3_600_000);
    const av = JSON.stringify({
      act: 'site_inspection',
      device: 'DSJ-3704-017',
      officerIds: [t.ids.people.officer1, t.ids.people.officer2],
      startedAt: new Date(endedAt.getTime() - 3_600_000).toISOString(),
      endedAt: endedAt.toISOString(),
      place: '薛城区临城街道某农贸市场',
      isPartyNotified: true,
      isContinuous: true,
      interruptions: [],
    });
    const started = await startedUpload(8_000, { av });
    const deadlineOf = () =>
      db
        .selectFrom('deadlines')
        .select(['id', 'status', 'close_note'])
        .where('subject_type', '=', 'upload')
        .where('subject_id', '=', started.id)
        .executeTakeFirstOrThrow();
    expect(await deadlineOf()).toMatchObject({ status: 'open' });
    await idleFor(started.id, EXPIRY_HOURS + 5);

    expect(await runExpiry()).toEqual({ expired: 1 });

    const deadline = await deadlineOf();
    expect(deadline).toMatchObject({ status: 'cancelled' });
    expect(deadline.close_note).toContain(`超过 ${EXPIRY_HOURS} 小时未续传`);
    const entry = await db
      .selectFrom('ledger_entries')
      .select(['kind', 'actor_name'])
      .where('subject_id', '=', deadline.id)
      .where('kind', '=', 'deadline.closed')
      .executeTakeFirst();
    expect(entry).toEqual({ kind: 'deadline.closed', actor_name: 'system' });
  });
});
