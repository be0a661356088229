// Partial uploads on disk, and the two hashes computed as the bytes stream past. Node cannot
// save a hash's internal state, so a process that did not receive the earlier bytes of an upload
// (after a restart, or on another process behind the load balancer) rebuilds SM3 and SHA-256 by
// reading the stored prefix once — streaming, never the whole file in memory.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export class DualHash {
  private constructor(
    private readonly sm3State: Hash,
    private readonly sha256State: Hash,
  ) {}

  static create(): DualHash {
    return new DualHash(createHash('sm3'), createHash('sha256'));
  }

  update(chunk: Uint8Array): void {
    this.sm3State.update(chunk);
    this.sha256State.update(chunk);
  }

  /** An independent copy: the state before a PATCH, restored if the PATCH is refused. */
  copy(): DualHash {
    return new DualHash(this.sm3State.copy(), this.sha256State.copy());
  }

  digest(): { sm3: string; sha256: string } {
    return { sm3: this.sm3State.digest('hex'), sha256: this.sha256State.digest('hex') };
  }
}

export function partialPath(stagingDir: string, uploadId: string, generation: number): string {
  return path.join(stagingDir, `upload-${uploadId}.${generation}`);
}

export async function removePartials(stagingDir: string, uploadId: string): Promise<void> {
  const prefix = `upload-${uploadId}.`;
  const names = await fs.readdir(stagingDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix))
      .map((n) => fs.rm(path.join(stagingDir, n), { force: true })),
  );
}

export class PartialDataLostError extends Error {}

/**
 * Hashes the first `length` bytes of `file`; with `copyTo`, also writes them there (a takeover
 * continues in a file of its own, out of reach of the lapsed holder).
 */
export async function hashPrefix(file: string, length: number, copyTo?: string): Promise<DualHash> {
  const hash = DualHash.create();
  if (copyTo) await fs.mkdir(path.dirname(copyTo), { recursive: true });
  const out = copyTo ? await fs.open(copyTo, 'w') : undefined;
  try {
    let seen = 0;
    if (length > 0) {
      for await (const chunk of createReadStream(file, { end: length - 1 })) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        if (out) await out.write(bytes, 0, bytes.length, seen);
        seen += bytes.length;
      }
    }
    if (seen !== length) {
      throw new PartialDataLostError(`partial upload ${file} holds ${seen} of ${length} bytes`);
    }
    if (out) await out.sync();
    return hash;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PartialDataLostError(`partial upload ${file} is missing`);
    }
    throw error;
  } finally {
    await out?.close();
  }
}

export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Appends chunks at increasing positions, gathered into large writes. */
export class PartialWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly handle: fs.FileHandle,
    private position: number,
  ) {}

  /** Opens `file` for writing at `offset`, dropping anything stored beyond it. */
  static async open(file: string, offset: number): Promise<PartialWriter> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const handle = await fs.open(file, fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o600);
    await handle.truncate(offset);
    return new PartialWriter(handle, offset);
  }

  static readonly FLUSH_BYTES = 1024 * 1024;

  async write(chunk: Buffer): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= PartialWriter.FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const buffers = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.writev(buffers, this.position);
    this.position += bytes;
  }

  /** Flushes and makes the bytes durable (before the offset that covers them is recorded). */
  async sync(): Promise<number> {
    await this.flush();
    await this.handle.datasync();
    return this.position;
  }

  async truncate(offset: number): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.truncate(offset);
    this.position = offset;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
