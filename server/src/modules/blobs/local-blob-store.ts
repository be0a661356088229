// The default blob store: a directory tree BLOB_DIR/<aa>/<bb>/<sm3hex>, each file read-only
// (0444) and never rewritten. A blob arrives by hard link from the staging directory (same
// filesystem): link() refuses to replace an existing name, so two processes storing the same
// content at once cannot clobber each other, and a damaged stored copy is never silently
// "repaired" by a new upload (verify must still see it).
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertBlobName,
  BlobConflictError,
  type BlobInfo,
  type BlobStat,
  type BlobStore,
} from './blob-store.ts';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function fsyncPath(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createLocalBlobStore(root: string): BlobStore {
  const stagingDir = path.join(root, '.staging');

  function blobPath(sm3: string): string {
    assertBlobName(sm3);
    return path.join(root, sm3.slice(0, 2), sm3.slice(2, 4), sm3);
  }

  async function stat(sm3: string): Promise<BlobStat | undefined> {
    try {
      const s = await fs.stat(blobPath(sm3));
      return { size: s.size, modifiedAt: s.mtime };
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  }

  async function acceptExisting(sm3: string, size: number, tempFile: string): Promise<boolean> {
    const existing = await stat(sm3);
    if (!existing) return false;
    if (existing.size !== size) throw new BlobConflictError(sm3, existing.size, size);
    await fs.rm(tempFile, { force: true });
    return true;
  }

  /** A copy on the blobs' own filesystem, for a temp file that lives elsewhere. */
  async function copyIntoStaging(tempFile: string): Promise<string> {
    await fs.mkdir(stagingDir, { recursive: true });
    const copy = path.join(stagingDir, `copy-${randomUUID()}`);
    await fs.copyFile(tempFile, copy);
    await fs.rm(tempFile, { force: true });
    return copy;
  }

  async function put(tempFile: string, info: BlobInfo): Promise<void> {
    const target = blobPath(info.sm3);
    if (await acceptExisting(info.sm3, info.size, tempFile)) return;
    const actual = await fs.stat(tempFile);
    if (actual.size !== info.size) throw new BlobConflictError(info.sm3, actual.size, info.size);
    await fs.mkdir(path.dirname(target), { recursive: true });

    let source = tempFile;
    for (let attempt = 0; ; attempt++) {
      await fsyncPath(source);
      await fs.chmod(source, 0o444);
      try {
        await fs.link(source, target);
        break;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EEXIST' && (await acceptExisting(info.sm3, info.size, source))) return;
        if (code === 'EXDEV' && attempt === 0) {
          source = await copyIntoStaging(source);
          continue;
        }
        throw error;
      }
    }
    await fs.rm(source, { force: true });
    // The new directory entries must survive a crash as well as the bytes.
    await fsyncPath(path.dirname(target));
  }

  async function dispose(sm3: string, authority: { registerNo: number }): Promise<void> {
    const target = blobPath(sm3);
    if (!Number.isSafeInteger(authority.registerNo) || authority.registerNo < 1) {
      throw new Error(`disposal of ${sm3} without a destruction register number`);
    }
    // A marker beside the (former) blob says why it is gone, for an operator looking at the disk.
    await fs
      .writeFile(`${target}.disposed`, `销毁清册第 ${authority.registerNo} 号\n`, {
        mode: 0o444,
        flag: 'w',
      })
      .catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'EACCES') throw error;
      });
    try {
      await fs.unlink(target);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      return;
    }
    await fsyncPath(path.dirname(target));
  }

  return {
    stagingDir,
    put,
    dispose,
    stat,
    async has(sm3) {
      return (await stat(sm3)) !== undefined;
    },
    openRead(sm3, range): Readable {
      return createReadStream(blobPath(sm3), range ? { start: range.start, end: range.end } : {});
    },
  };
}
