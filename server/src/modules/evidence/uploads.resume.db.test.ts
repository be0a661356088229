// Resuming across process restarts: every piece of upload state is in the database and BLOB_DIR,
// so a new app instance on the same database and data directory (a restarted process, or another
// one behind the load balancer) continues an upload it never saw — rebuilding the hashes from the
// stored prefix, discarding bytes a dead process wrote but never committed, and taking over the
// lock of a process that died holding it.
import fs from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../shared/http.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { hashesOf, insertTestCase, randomFile, tusClient } from './evidence.test-support.ts';
import { partialPath } from './uploads.storage.ts';

// A short lease so that losing it is noticed quickly (the heartbeat runs every lease/3); lapsed
// holders are simulated with old heartbeats, so no test waits for a lease to run out.
const t = await createDemoApp({ env: { UPLOAD_LEASE_SECONDS: '3' } });
const db = t.handle.db;
const officer = await t.login('officer1');
const caseId = await insertTestCase(db, t.ids.agencies.market);

/** A "restarted process": a fresh app (no memory of any upload) on the same database and disk. */
const restarted: App[] = [];
async function restart(): Promise<App> {
  const app = await buildApp(t.ctx);
  restarted.push(app);
  return app;
}
afterAll(async () => {
  for (const app of restarted) await app.close();
});

const uploadIdOf = (location: string) => location.split('/').pop() ?? '';

describe('resuming an upload', () => {
  it('continues on a new process from the durable offset, with the right final hashes', async () => {
    const file = randomFile(120_000);
    const first = tusClient(() => t.app, officer);
    const created = await first.create(caseId, file.length, {
      filename: '执法记录仪.mp4',
      step: 'inspection',
      ...hashesOf(file),
    });
    expect(await first.patch(created.location, 0, file.subarray(0, 50_000))).toMatchObject({
      status: 204,
      offset: 50_000,
    });

    const app2 = await restart();
    const second = tusClient(() => app2, officer);
    expect(await second.head(created.location)).toMatchObject({ status: 200, offset: 50_000 });
    const done = await second.patch(created.location, 50_000, file.subarray(50_000));
    expect(done).toMatchObject({ status: 204, offset: 120_000 });
    const row = await db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', done.evidenceId ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ...hashesOf(file), size: 120_000 });
  });

  it('takes over the lock of a process that died mid-append and drops its uncommitted bytes', async () => {
    const file = randomFile(80_000);
    const client = tusClient(() => t.app, officer);
    const created = await client.create(caseId, file.length, {
      filename: 'crash.bin',
      step: 'inspection',
      ...hashesOf(file),
    });
    await client.patch(created.location, 0, file.subarray(0, 30_000));
    const uploadId = uploadIdOf(created.location);
    // The dead process: it held the lock, wrote garbage past the committed offset, then stopped
    // sending heartbeats.
    await db
      .updateTable('uploads')
      .set({
        lock_token: '00000000-0000-4000-8000-0000000dead0',
        lock_heartbeat_at: sql<Date>`now() - interval '1 hour'`,
      })
      .where('id', '=', uploadId)
      .execute();
    await fs.appendFile(
      partialPath(t.ctx.blobs.stagingDir, uploadId, 0),
      Buffer.alloc(5_000, 0xee),
    );

    const app2 = await restart();
    const resumed = tusClient(() => app2, officer);
    expect(await resumed.head(created.location)).toMatchObject({ offset: 30_000 });
    const done = await resumed.patch(created.location, 30_000, file.subarray(30_000));
    expect(done).toMatchObject({ status: 204, offset: 80_000 });
    const upload = await db
      .selectFrom('uploads')
      .select(['generation', 'state'])
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow();
    expect(upload).toEqual({ generation: 1, state: 'completed' });
    const evidence = await db
      .selectFrom('evidence')
      .select(['sm3', 'sha256'])
      .where('id', '=', done.evidenceId ?? '')
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual(hashesOf(file));
  });

  it('ends an append whose lease another process took over, without moving the upload', async () => {
    const file = randomFile(20_000);
    const client = tusClient(() => t.app, officer);
    const created = await client.create(caseId, file.length, {
      filename: 'slow.bin',
      step: 'inspection',
    });
    const uploadId = uploadIdOf(created.location);
    const slow = new PassThrough();
    const pending = client.patch(created.location, 0, slow);
    slow.write(file.subarray(0, 5_000));
    for (let i = 0; i < 200; i++) {
      const row = await db
        .selectFrom('uploads')
        .select('lock_token')
        .where('id', '=', uploadId)
        .executeTakeFirst();
      if (row?.lock_token) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Another process took the lease over (as if this one had stalled past its lease).
    await db
      .updateTable('uploads')
      .set({
        lock_token: '00000000-0000-4000-8000-00000000beef',
        lock_heartbeat_at: sql<Date>`now()`,
      })
      .where('id', '=', uploadId)
      .execute();
    const ended = await pending;
    slow.destroy();
    expect(ended).toMatchObject({ status: 409, code: 'UPLOAD_LOCKED' });
    const row = await db
      .selectFrom('uploads')
      .select('received')
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow();
    expect(row.received).toBe(0);
  });

  it('refuses an append on a second process while the first one holds the upload', async () => {
    const file = randomFile(30_000);
    // Built first: building an app blocks this (shared) event loop for a while.
    const app2 = await restart();
    const created = await tusClient(() => t.app, officer).create(caseId, file.length, {
      filename: 'two.bin',
      step: 'inspection',
    });
    const slow = new PassThrough();
    const first = tusClient(() => t.app, officer).patch(created.location, 0, slow);
    slow.write(file.subarray(0, 1_000));
    const uploadId = uploadIdOf(created.location);
    for (let i = 0; i < 200; i++) {
      const row = await db
        .selectFrom('uploads')
        .select('lock_token')
        .where('id', '=', uploadId)
        .executeTakeFirst();
      if (row?.lock_token) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const second = await tusClient(() => app2, officer).patch(created.location, 0, file);
    expect(second).toMatchObject({ status: 409, code: 'UPLOAD_LOCKED' });
    slow.end(file.subarray(1_000));
    const won = await first;
    expect(won).toMatchObject({ status: 204, offset: 30_000 });
    const evidence = await db
      .selectFrom('evidence')
      .select(['sm3', 'sha256'])
      .where('id', '=', won.evidenceId ?? '')
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual(hashesOf(file));
  });

  it('finishes on the next request an upload whose recording a crash interrupted', async () => {
    const file = Buffer.from('GIF89a 一张照片的字节');
    const client = tusClient(() => t.app, officer);
    const created = await client.create(caseId, file.length, {
      filename: 'p.gif',
      step: 'inspection',
    });
    const uploadId = uploadIdOf(created.location);
    // The state a crash between "all bytes hashed" and "recorded" leaves: 'storing', lock lapsed,
    // bytes still in the partial file.
    await fs.mkdir(t.ctx.blobs.stagingDir, { recursive: true });
    await fs.writeFile(partialPath(t.ctx.blobs.stagingDir, uploadId, 0), file);
    const { sm3, sha256 } = hashesOf(file);
    await db
      .updateTable('uploads')
      .set({
        state: 'storing',
        received: file.length,
        final_sm3: sm3,
        final_sha256: sha256,
        content_type: 'image/gif',
        lock_token: '00000000-0000-4000-8000-0000000dead1',
        lock_heartbeat_at: sql<Date>`now() - interval '1 hour'`,
      })
      .where('id', '=', uploadId)
      .execute();
    expect(
      await db.selectFrom('evidence').select('id').where('upload_id', '=', uploadId).execute(),
    ).toEqual([]);

    const app2 = await restart();
    const head = await tusClient(() => app2, officer).head(created.location);
    expect(head).toMatchObject({ status: 200, offset: file.length });
    expect(head.evidenceId).toMatch(/^[0-9a-f-]{36}$/);
    const evidence = await db
      .selectFrom('evidence')
      .selectAll()
      .where('upload_id', '=', uploadId)
      .executeTakeFirstOrThrow();
    expect(evidence).toMatchObject({ sm3, kind: 'photo', content_type: 'image/gif' });
    expect(await t.ctx.blobs.has(sm3)).toBe(true);
  });
});
