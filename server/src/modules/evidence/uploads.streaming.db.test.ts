// A PATCH body is streamed to disk as it arrives, never held whole: the client below sends its
// next piece only once the partial file on disk holds all but a bounded amount of what it sent.
// A server that buffered the body would leave the file empty while the client waits, and the
// test fails on that bound — it measures bytes on disk, not memory, so garbage collection cannot
// make it flaky. And an append that loses the hash thread fails cleanly and can be resumed.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { hashesOf, insertTestCase, randomFile, tusClient } from './evidence.test-support.ts';
import { hashThread, SLOT_BYTES } from './uploads.hashing.ts';
import { partialPath } from './uploads.storage.ts';

const t = await createDemoApp();
const db = t.handle.db;
const officer = await t.login('officer1');
const caseId = await insertTestCase(db, t.ids.agencies.market);
const tus = tusClient(() => t.app, officer);

const MiB = 1024 * 1024;
const uploadIdOf = (location: string) => location.split('/').pop() ?? '';
const sizeOf = async (file: string) => (await fs.stat(file).catch(() => ({ size: 0 }))).size;

/** Bytes in flight: every slot (16 MiB), the slot being gathered, and the streams' buffers. */
const HELD_AT_MOST = 16 * MiB + SLOT_BYTES + 4 * MiB;

describe('streamed appends', () => {
  it('writes a PATCH body to disk as it arrives, never holding it whole', async () => {
    const total = 64 * MiB;
    const created = await tus.create(caseId, total, { filename: 'long.mp4', step: 'inspection' });
    const file = partialPath(t.ctx.blobs.stagingDir, uploadIdOf(created.location), 0);
    const piece = randomBytes(MiB);
    const sm3 = createHash('sm3');
    const sha256 = createHash('sha256');
    let sent = 0;
    let mostHeld = 0;
    const body = new Readable({
      read() {
        void (async () => {
          if (sent === total) return this.push(null);
          const waitUntil = Date.now() + 20_000;
          for (;;) {
            const held = sent - (await sizeOf(file));
            mostHeld = Math.max(mostHeld, held);
            if (held + MiB <= HELD_AT_MOST) break;
            if (Date.now() > waitUntil) {
              return this.destroy(new Error(`the server holds ${held} bytes it has not written`));
            }
            await sleep(5);
          }
          const next = Buffer.from(piece);
          next.writeUInt32BE(sent / MiB);
          sm3.update(next);
          sha256.update(next);
          sent += next.length;
          this.push(next);
        })();
      },
    });
    const done = await tus.patch(created.location, 0, body);
    expect(done).toMatchObject({ status: 204, offset: total });
    expect(mostHeld).toBeLessThanOrEqual(HELD_AT_MOST);
    const evidence = await db
      .selectFrom('evidence')
      .select(['sm3', 'sha256', 'size'])
      .where('id', '=', done.evidenceId ?? '')
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual({ sm3: sm3.digest('hex'), sha256: sha256.digest('hex'), size: total });
  });

  it('fails an append whose hash thread died, keeping the durable offset for a resumption', async () => {
    const bytes = randomFile(3 * MiB);
    const created = await tus.create(caseId, bytes.length, {
      filename: 'thread.bin',
      step: 'inspection',
      ...hashesOf(bytes),
    });
    const file = partialPath(t.ctx.blobs.stagingDir, uploadIdOf(created.location), 0);
    const slow = new PassThrough();
    const pending = tus.patch(created.location, 0, slow);
    slow.write(bytes.subarray(0, 2 * MiB));
    while ((await sizeOf(file)) < MiB) await sleep(5);
    await hashThread().stop();
    slow.end(bytes.subarray(2 * MiB, 2 * MiB + 100));
    expect((await pending).status).toBe(500);

    const head = await tus.head(created.location);
    expect(head.status).toBe(200);
    const resumed = await tus.patch(
      created.location,
      head.offset ?? 0,
      bytes.subarray(head.offset ?? 0),
    );
    expect(resumed).toMatchObject({ status: 204, offset: bytes.length });
    const evidence = await db
      .selectFrom('evidence')
      .select(['sm3', 'sha256'])
      .where('id', '=', resumed.evidenceId ?? '')
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual(hashesOf(bytes));
  });
});
