// Partial uploads on disk. Bytes reach the partial file through the slots of the hash thread
// (uploads.hashing.ts): each slot is written and hashed at the same time, several slots in flight,
// so disk, hashing and the socket all move at once. Node cannot save a hash's internal state, so a
// process that did not receive the earlier bytes of an upload (after a restart, or on another
// process behind the load balancer) rebuilds SM3 and SHA-256 by reading the stored prefix once —
// through the same slots, never the whole file in memory.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  DualHash,
  SLOT_BYTES,
  type HashThread,
  type Slot,
  type ThreadHash,
} from './uploads.hashing.ts';

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
  if (length === 0) {
    // Nothing to read: the source may never have been created (a holder died before its first byte).
    if (copyTo) await (await PartialWriter.open(copyTo, 0, hash.states)).close();
    return hash;
  }
  let source: fs.FileHandle;
  try {
    source = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PartialDataLostError(`partial upload ${file} is missing`);
    }
    throw error;
  }
  const out = copyTo ? await PartialWriter.open(copyTo, 0, hash.states) : undefined;
  const slots = new SlotFlow(hash.thread, out ? undefined : hash.states);
  try {
    let seen = 0;
    while (seen < length) {
      const slot = await slots.acquire();
      let bytesRead = 0;
      try {
        ({ bytesRead } = await source.read(
          slot.bytes,
          0,
          Math.min(SLOT_BYTES, length - seen),
          seen,
        ));
      } catch (error) {
        slot.release();
        throw error;
      }
      if (bytesRead === 0) {
        slot.release();
        break;
      }
      if (out) out.submit(slot, bytesRead);
      else slots.submit(slot, bytesRead, seen);
      seen += bytesRead;
    }
    if (out) await out.sync();
    else await slots.drain();
    if (seen !== length) {
      throw new PartialDataLostError(`partial upload ${file} holds ${seen} of ${length} bytes`);
    }
    return hash;
  } finally {
    await slots.settle();
    await out?.close();
    await source.close();
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

/**
 * Slots on their way to the hash thread and, given a file, to disk: each slot is written and
 * hashed at once, and released when both are done. Only the writes are ever waited for: the hash
 * thread's messages are handled in order, so a digest asked later covers every slot submitted
 * before it, and an append may answer while the hash thread is still catching up (it goes on
 * with the next append's slots; the pool of slots bounds how far behind it can be). A failure is
 * kept and thrown by the next call.
 */
class SlotFlow {
  private readonly writes = new Set<Promise<void>>();
  private failure: Error | undefined;
  // One write at a time, in order: writes to one file take its inode lock in turn anyway, and
  // one writer leaves the other threads of the pool to other requests. Page-cache writes keep up.
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly thread: HashThread,
    private readonly states: ThreadHash[] | undefined,
    private readonly handle?: fs.FileHandle,
  ) {
    if (states?.some((state) => state.thread !== thread)) {
      throw new Error('hash states of another hash thread');
    }
  }

  async acquire(): Promise<Slot> {
    this.throwFailure();
    return this.thread.acquire();
  }

  /** Writes the first `length` bytes of `slot` at `position` (given a file) and hashes them. */
  submit(slot: Slot, length: number, position: number): void {
    const bytes = slot.bytes.subarray(0, length);
    const work: Array<Promise<void>> = [];
    const handle = this.handle;
    if (handle) {
      const write = this.lastWrite.then(() => writeFully(handle, bytes, position));
      this.lastWrite = write.catch(() => undefined);
      const settled = write.catch((error: unknown) => this.fail(error));
      this.writes.add(settled);
      void settled.then(() => this.writes.delete(settled));
      work.push(write);
    }
    if (this.states?.length) {
      const ids = this.states.map((state) => state.id);
      work.push(this.thread.update(slot, length, ids).catch((error: unknown) => this.fail(error)));
    }
    void Promise.allSettled(work).then(() => slot.release());
  }

  /** Waits for every write submitted so far; throws the first failure, of a write or a hash. */
  async drain(): Promise<void> {
    await Promise.all([...this.writes]);
    this.throwFailure();
  }

  /** Waits for every write submitted so far, whatever became of them. */
  async settle(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  forgetFailure(): void {
    this.failure = undefined;
  }

  private fail(error: unknown): void {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
  }

  private throwFailure(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

async function writeFully(handle: fs.FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(
      bytes,
      written,
      bytes.length - written,
      position + written,
    );
    written += bytesWritten;
  }
}

/**
 * Appends bytes at increasing positions of a partial file, hashing them into `states`: received
 * pieces are gathered into slots, and each full slot is written and hashed while the next fills.
 * Only a full slot takes one from the pool, so a client that sends slowly never holds a slot
 * while it is waited for.
 */
export class PartialWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly flow: SlotFlow;

  private constructor(
    private readonly handle: fs.FileHandle,
    private position: number,
    states: ThreadHash[],
  ) {
    const thread = states[0]?.thread;
    if (!thread) throw new Error('a partial file is written with its hashes');
    this.flow = new SlotFlow(thread, states, handle);
  }

  /** Opens `file` for writing at `offset`, dropping anything stored beyond it. */
  static async open(file: string, offset: number, states: ThreadHash[]): Promise<PartialWriter> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const handle = await fs.open(file, fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o600);
    try {
      await handle.truncate(offset);
      return new PartialWriter(handle, offset, states);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Bytes handed to disk and hash so far (durable only after sync). */
  get written(): number {
    return this.position;
  }

  /** Takes `chunk`; waits only when all slots are in use (the back-pressure on the socket). */
  async write(chunk: Buffer): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= SLOT_BYTES) await this.fillSlot();
  }

  /** Hands every byte taken so far to disk and hash, without waiting for them to finish. */
  async flush(): Promise<void> {
    while (this.pendingBytes > 0) await this.fillSlot();
  }

  /** Submits a slot that the caller filled itself (the copy of a stored prefix). */
  submit(slot: Slot, length: number): void {
    this.flow.submit(slot, length, this.position);
    this.position += length;
  }

  private async fillSlot(): Promise<void> {
    const slot = await this.flow.acquire();
    // A sync() running beside write() may have taken the pending bytes while this one waited.
    if (this.pendingBytes === 0) return slot.release();
    const length = Math.min(SLOT_BYTES, this.pendingBytes);
    let filled = 0;
    while (filled < length) {
      const head = this.pending[0] as Buffer;
      const take = Math.min(head.length, length - filled);
      head.copy(slot.bytes, filled, 0, take);
      filled += take;
      if (take === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(take);
    }
    this.pendingBytes -= length;
    this.submit(slot, length);
  }

  /**
   * Makes every byte taken so far durable (before the offset that covers them is recorded) and
   * returns that offset. Safe to run while more bytes are taken: it covers the bytes taken before
   * it was called.
   */
  async sync(): Promise<number> {
    await this.flush();
    const reached = this.position;
    await this.flow.drain();
    await this.handle.datasync();
    return reached;
  }

  /** Drops everything from `offset` on, including bytes still on their way. */
  async truncate(offset: number): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await this.flow.settle();
    this.flow.forgetFailure();
    await this.handle.truncate(offset);
    this.position = offset;
  }

  async close(): Promise<void> {
    // A write still in flight must not land on a descriptor number reused after close.
    await this.flow.settle();
    await this.handle.close();
  }
}
