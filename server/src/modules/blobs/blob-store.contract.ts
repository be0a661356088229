// What every BlobStore must do, run over each store (local-blob-store.test.ts,
// s3-blob-store.test.ts): content-addressed, idempotent puts that remove the temp file, refusal
// to clobber a stored blob of another size, ranges, absent blobs, disposal by register number.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { BlobConflictError, type BlobInfo, type BlobStore } from './blob-store.ts';

export async function stageBlob(
  store: BlobStore,
  content: string | Buffer,
): Promise<{ file: string; info: BlobInfo }> {
  await fs.mkdir(store.stagingDir, { recursive: true });
  const file = path.join(store.stagingDir, `t-${randomBytes(8).toString('hex')}`);
  await fs.writeFile(file, content);
  const hash = (alg: string) => createHash(alg).update(content).digest('hex');
  return {
    file,
    info: { sm3: hash('sm3'), sha256: hash('sha256'), size: Buffer.byteLength(content) },
  };
}

const gone = (file: string) =>
  fs.stat(file).then(
    () => false,
    () => true,
  );

export function describeBlobStoreContract(
  name: string,
  store: () => BlobStore,
  /** Size of the "large" blob: past the S3 store's multipart threshold in its tests. */
  options: { largeSize?: number } = {},
): void {
  describe(`${name}: the BlobStore contract`, () => {
    it('stores a blob under its SM3, removes the temp file, reads it whole and in ranges', async () => {
      const { file, info } = await stageBlob(store(), '现场照片');
      await store().put(file, info);
      expect(await gone(file)).toBe(true);
      expect(await store().has(info.sm3)).toBe(true);
      const stat = await store().stat(info.sm3);
      expect(stat).toMatchObject({ size: info.size });
      expect(stat?.modifiedAt).toBeInstanceOf(Date);
      expect(await text(store().openRead(info.sm3))).toBe('现场照片');
      expect(await text(store().openRead(info.sm3, { start: 3, end: 5 }))).toBe('场');
    });

    it('treats a second put of the same content as a no-op', async () => {
      const first = await stageBlob(store(), 'same bytes');
      await store().put(first.file, first.info);
      const again = await stageBlob(store(), 'same bytes');
      await store().put(again.file, again.info);
      expect(await gone(again.file)).toBe(true);
      expect(await text(store().openRead(first.info.sm3))).toBe('same bytes');
    });

    it('refuses to clobber a stored blob whose size differs', async () => {
      const { file, info } = await stageBlob(store(), 'original');
      await store().put(file, info);
      const other = await stageBlob(store(), 'different length');
      await expect(
        store().put(other.file, { ...other.info, sm3: info.sm3 }),
      ).rejects.toBeInstanceOf(BlobConflictError);
      expect(await text(store().openRead(info.sm3))).toBe('original');
    });

    it('refuses a temp file whose size is not the declared one, and names that are not hashes', async () => {
      const { file, info } = await stageBlob(store(), 'abc');
      await expect(store().put(file, { ...info, size: 4 })).rejects.toBeInstanceOf(
        BlobConflictError,
      );
      expect(await store().has(info.sm3)).toBe(false);
      await expect(store().stat('../../etc/passwd')).rejects.toThrow(/blob name/);
      expect(() => store().openRead('ABC')).toThrow(/blob name/);
      expect(await store().stat('0'.repeat(64))).toBeUndefined();
    });

    it('fails a read of an absent blob with ENOENT', async () => {
      await expect(text(store().openRead('1'.repeat(64)))).rejects.toMatchObject({
        code: 'ENOENT',
      });
    });

    it('stores an empty file and a large one, streaming', async () => {
      const empty = await stageBlob(store(), Buffer.alloc(0));
      await store().put(empty.file, empty.info);
      expect(await store().stat(empty.info.sm3)).toMatchObject({ size: 0 });
      expect((await buffer(store().openRead(empty.info.sm3))).length).toBe(0);

      const bytes = randomBytes(options.largeSize ?? 3 * 1024 * 1024 + 17);
      const large = await stageBlob(store(), bytes);
      await store().put(large.file, large.info);
      expect(await gone(large.file)).toBe(true);
      const back = createHash('sm3');
      for await (const chunk of store().openRead(large.info.sm3)) back.update(chunk as Buffer);
      expect(back.digest('hex')).toBe(large.info.sm3);
      const [start, end] = [bytes.length - 1000, bytes.length - 1];
      expect(await buffer(store().openRead(large.info.sm3, { start, end }))).toEqual(
        bytes.subarray(start, end + 1),
      );
    });

    it('disposes of content only with a register number, idempotently', async () => {
      const { file, info } = await stageBlob(store(), '待销毁的笔录');
      await store().put(file, info);
      await expect(store().dispose(info.sm3, { registerNo: 0 })).rejects.toThrow(/register/);
      expect(await store().has(info.sm3)).toBe(true);
      await store().dispose(info.sm3, { registerNo: 7 });
      expect(await store().has(info.sm3)).toBe(false);
      expect(await store().stat(info.sm3)).toBeUndefined();
      await store().dispose(info.sm3, { registerNo: 7 }); // a retried disposal
      await store().dispose('2'.repeat(64), { registerNo: 8 }); // never stored
    });
  });
}
