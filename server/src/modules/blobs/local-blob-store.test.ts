// The local blob store on a real temporary directory: content-addressed layout, read-only files,
// idempotent puts, refusal to clobber a stored blob of another size, ranges.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobConflictError } from './blob-store.ts';
import { createLocalBlobStore } from './local-blob-store.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-blobs-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));
const store = createLocalBlobStore(path.join(root, 'blobs'));

async function staged(content: string) {
  await fs.mkdir(store.stagingDir, { recursive: true });
  const file = path.join(store.stagingDir, `t-${Math.random()}`);
  await fs.writeFile(file, content);
  const hash = (alg: string) => createHash(alg).update(content).digest('hex');
  return {
    file,
    info: { sm3: hash('sm3'), sha256: hash('sha256'), size: Buffer.byteLength(content) },
  };
}

describe('local blob store', () => {
  it('stores under <aa>/<bb>/<sm3>, read-only, and removes the temp file', async () => {
    const { file, info } = await staged('现场照片');
    await store.put(file, info);
    const stored = path.join(root, 'blobs', info.sm3.slice(0, 2), info.sm3.slice(2, 4), info.sm3);
    expect((await fs.stat(stored)).mode & 0o777).toBe(0o444);
    await expect(fs.stat(file)).rejects.toThrow();
    expect(await store.has(info.sm3)).toBe(true);
    expect(await store.stat(info.sm3)).toMatchObject({ size: info.size });
    expect(await text(store.openRead(info.sm3))).toBe('现场照片');
    expect(await text(store.openRead(info.sm3, { start: 3, end: 5 }))).toBe('场');
  });

  it('treats a second put of the same content as a no-op', async () => {
    const first = await staged('same bytes');
    await store.put(first.file, first.info);
    const again = await staged('same bytes');
    await store.put(again.file, again.info);
    await expect(fs.stat(again.file)).rejects.toThrow();
    expect(await text(store.openRead(first.info.sm3))).toBe('same bytes');
  });

  it('refuses to clobber a stored blob whose size differs', async () => {
    const { file, info } = await staged('original');
    await store.put(file, info);
    const other = await staged('different length');
    await expect(store.put(other.file, { ...other.info, sm3: info.sm3 })).rejects.toBeInstanceOf(
      BlobConflictError,
    );
    expect(await text(store.openRead(info.sm3))).toBe('original');
  });

  it('refuses a temp file whose size is not the declared one, and names that are not hashes', async () => {
    const { file, info } = await staged('abc');
    await expect(store.put(file, { ...info, size: 4 })).rejects.toBeInstanceOf(BlobConflictError);
    expect(await store.has(info.sm3)).toBe(false);
    await expect(store.stat('../../etc/passwd')).rejects.toThrow(/blob name/);
    expect(await store.stat('0'.repeat(64))).toBeUndefined();
  });
});
