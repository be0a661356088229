// The local blob store on a real temporary directory: the shared BlobStore contract, plus what is
// its own — the <aa>/<bb>/<sm3> layout, read-only files, the `.disposed` marker.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeBlobStoreContract, stageBlob } from './blob-store.contract.ts';
import { createLocalBlobStore } from './local-blob-store.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-blobs-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));
const store = createLocalBlobStore(path.join(root, 'blobs'));
const storedFile = (sm3: string) => path.join(root, 'blobs', sm3.slice(0, 2), sm3.slice(2, 4), sm3);

describeBlobStoreContract('local', () => store);

describe('local blob store', () => {
  it('stores under <aa>/<bb>/<sm3>, read-only', async () => {
    const { file, info } = await stageBlob(store, '现场照片（本地）');
    await store.put(file, info);
    expect((await fs.stat(storedFile(info.sm3))).mode & 0o777).toBe(0o444);
  });

  it('leaves a marker naming the register number beside a disposed blob', async () => {
    const { file, info } = await stageBlob(store, '已销毁（本地）');
    await store.put(file, info);
    await store.dispose(info.sm3, { registerNo: 12 });
    await expect(fs.stat(storedFile(info.sm3))).rejects.toThrow();
    expect(await fs.readFile(`${storedFile(info.sm3)}.disposed`, 'utf8')).toBe(
      '销毁清册第 12 号\n',
    );
  });
});
