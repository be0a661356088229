// The hash thread and the slot pipeline of partial files: the hashes and bytes that come out are
// exactly those that went in, whatever the piece sizes; a copy is independent; a stored prefix
// rebuilds the same hashes; and a dead hash thread is noticed, not silently wrong.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DualHash, HashThreadError, hashThread, SLOT_BYTES } from './uploads.hashing.ts';
import { hashPrefix, PartialWriter } from './uploads.storage.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-hashing-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const hashesOf = (bytes: Uint8Array) => ({
  sm3: createHash('sm3').update(bytes).digest('hex'),
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/** Writes `bytes` in pieces of the given sizes (cycled), as a socket would deliver them. */
async function writeInPieces(file: string, hash: DualHash, bytes: Buffer, sizes: number[]) {
  const writer = await PartialWriter.open(file, 0, hash.states);
  try {
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length] ?? 1;
      await writer.write(bytes.subarray(at, at + size));
      at += size;
    }
    return await writer.sync();
  } finally {
    await writer.close();
  }
}

describe('upload hashing', () => {
  it('writes and hashes pieces of any size across slot boundaries', async () => {
    const bytes = randomBytes(3 * SLOT_BYTES + 12_345);
    const file = path.join(dir, 'pieces');
    const hash = DualHash.create();
    expect(await writeInPieces(file, hash, bytes, [65_536, 1, 700_001, 3, SLOT_BYTES + 7])).toBe(
      bytes.length,
    );
    expect(await hash.digest()).toEqual(hashesOf(bytes));
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
  });

  it('copies a state so that later bytes do not reach the copy', async () => {
    const first = randomBytes(100_000);
    const second = randomBytes(50_000);
    const hash = DualHash.create();
    const file = path.join(dir, 'copy');
    const writer = await PartialWriter.open(file, 0, hash.states);
    await writer.write(first);
    await writer.flush();
    const before = hash.copy();
    await writer.write(second);
    await writer.sync();
    await writer.close();
    expect(await before.digest()).toEqual(hashesOf(first));
    expect(await hash.digest()).toEqual(hashesOf(Buffer.concat([first, second])));
  });

  it('rebuilds the hashes of a stored prefix, and copies it for a new generation', async () => {
    const bytes = randomBytes(2 * SLOT_BYTES + 999);
    const file = path.join(dir, 'prefix.0');
    await fs.writeFile(file, bytes);
    const prefix = SLOT_BYTES + 500;
    expect(await (await hashPrefix(file, prefix)).digest()).toEqual(
      hashesOf(bytes.subarray(0, prefix)),
    );
    const copy = path.join(dir, 'prefix.1');
    expect(await (await hashPrefix(file, prefix, copy)).digest()).toEqual(
      hashesOf(bytes.subarray(0, prefix)),
    );
    expect((await fs.readFile(copy)).equals(bytes.subarray(0, prefix))).toBe(true);
    await expect(hashPrefix(file, bytes.length + 1)).rejects.toThrow(/holds/);
    await expect(hashPrefix(path.join(dir, 'absent'), 10)).rejects.toThrow(/missing/);
  });

  it('keeps uploads that run at once apart', async () => {
    const files = [randomBytes(SLOT_BYTES * 2 + 1), randomBytes(300_000), randomBytes(SLOT_BYTES)];
    const hashes = files.map(() => DualHash.create());
    await Promise.all(
      files.map((bytes, i) =>
        writeInPieces(path.join(dir, `many-${i}`), hashes[i] as DualHash, bytes, [40_000 + i]),
      ),
    );
    for (const [i, bytes] of files.entries()) {
      expect(await (hashes[i] as DualHash).digest()).toEqual(hashesOf(bytes));
    }
  });

  it('marks the states of a dead hash thread unusable and starts a new thread', async () => {
    const hash = DualHash.create();
    expect(hash.isUsable).toBe(true);
    await hashThread().stop();
    expect(hash.isUsable).toBe(false);
    await expect(hash.digest()).rejects.toBeInstanceOf(HashThreadError);
    const fresh = DualHash.create();
    expect(fresh.isUsable).toBe(true);
    const bytes = randomBytes(10_000);
    await writeInPieces(path.join(dir, 'after'), fresh, bytes, [4096]);
    expect(await fresh.digest()).toEqual(hashesOf(bytes));
  });
});
