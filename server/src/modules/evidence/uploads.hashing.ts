// SM3 and SHA-256 of uploads, computed on a thread of their own (uploads.hash-thread.mjs) so that
// hashing runs beside the socket reads and disk writes of the main thread instead of after them.
//
// Bytes travel in slots of one SharedArrayBuffer: the main thread copies received bytes into a
// free slot, writes the slot to disk and asks the hash thread to hash it, both at once; the slot
// is free again once both are done. The slots are all the memory an upload uses beyond the
// socket's own buffers (SLOT_COUNT × SLOT_BYTES for the whole process, however many uploads or
// however large), and waiting for a free slot is what holds back reading the socket when the disk
// or the hash thread is slower than the client.
//
// A hash state lives in the hash thread under a number; ThreadHash is its handle. Node cannot
// save a hash state, so if the thread dies every state dies with it: handles of a dead thread
// report !isUsable, and the upload service then rebuilds the hashes from the stored prefix, as a
// restarted process would.
import { Worker } from 'node:worker_threads';

/** The size of one disk write and one hash message. */
export const SLOT_BYTES = 1024 * 1024;
/** Enough slots to keep the disk and the hash thread busy while the socket is read. */
const SLOT_COUNT = 16;

export type HashAlgorithm = 'sm3' | 'sha256' | 'sha1';

export interface Slot {
  /** SLOT_BYTES of shared memory: fill it, then write it and hash it. */
  readonly bytes: Buffer;
  readonly index: number;
  release(): void;
}

type ThreadMessage =
  { op: 'updated'; request: number } | { op: 'digest'; request: number; digest: Uint8Array };

export class HashThreadError extends Error {}

class HashThread {
  private readonly worker: Worker;
  private readonly shared = new SharedArrayBuffer(SLOT_BYTES * SLOT_COUNT);
  private readonly freeSlots: number[] = [];
  private readonly slotWaiters: Array<(slot: number) => void> = [];
  private readonly requests = new Map<
    number,
    { resolve: (value: Uint8Array | undefined) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(onExit: () => void) {
    for (let i = 0; i < SLOT_COUNT; i++) this.freeSlots.push(i);
    this.worker = new Worker(new URL('./uploads.hash-thread.mjs', import.meta.url), {
      workerData: { buffer: this.shared, slotBytes: SLOT_BYTES },
      name: 'sanxiang-upload-hashes',
    });
    // Idle, the thread must not keep the process alive; while a request is open it must.
    this.worker.unref();
    this.worker.on('message', (message: ThreadMessage) => {
      const request = this.requests.get(message.request);
      if (!request) return;
      this.requests.delete(message.request);
      if (this.requests.size === 0) this.worker.unref();
      request.resolve(message.op === 'digest' ? message.digest : undefined);
    });
    this.onExit = onExit;
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`exit code ${code}`)));
  }

  private readonly onExit: () => void;

  private fail(error: Error): void {
    this.failure ??= new HashThreadError(`upload hash thread stopped: ${error.message}`);
    for (const request of this.requests.values()) request.reject(this.failure);
    this.requests.clear();
    this.onExit();
  }

  get isAlive(): boolean {
    return this.failure === undefined;
  }

  /** Ends the thread and every hash state in it (what a crash of the thread would do). */
  async stop(): Promise<void> {
    await this.worker.terminate();
    this.fail(new Error('stopped'));
  }

  private send(message: object): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(message);
  }

  private ask(message: object): Promise<Uint8Array | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const request = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.requests.size === 0) this.worker.ref();
      this.requests.set(request, { resolve, reject });
      this.worker.postMessage({ ...message, request });
    });
  }

  newId(): number {
    return this.nextId++;
  }

  create(id: number, algorithm: HashAlgorithm): void {
    this.send({ op: 'create', id, algorithm });
  }

  copy(id: number, from: number): void {
    this.send({ op: 'copy', id, from });
  }

  free(id: number): void {
    if (this.isAlive) this.worker.postMessage({ op: 'free', id });
  }

  async digest(id: number): Promise<Buffer> {
    const digest = await this.ask({ op: 'digest', id });
    if (!digest) throw new HashThreadError('hash thread answered a digest without one');
    return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength);
  }

  /** Hashes the first `length` bytes of `slot` into every state of `ids`, in order of calls. */
  async update(slot: Slot, length: number, ids: number[]): Promise<void> {
    await this.ask({ op: 'update', slot: slot.index, length, ids });
  }

  /** A free slot, waiting (first come, first served) while all are in use. */
  async acquire(): Promise<Slot> {
    const index =
      this.freeSlots.pop() ??
      (await new Promise<number>((resolve) => this.slotWaiters.push(resolve)));
    let isReleased = false;
    return {
      index,
      bytes: Buffer.from(this.shared, index * SLOT_BYTES, SLOT_BYTES),
      release: () => {
        if (isReleased) return;
        isReleased = true;
        const waiter = this.slotWaiters.shift();
        if (waiter) waiter(index);
        else this.freeSlots.push(index);
      },
    };
  }
}

let current: HashThread | undefined;

/** The process's hash thread, started on first use and again after it died. */
export function hashThread(): HashThread {
  if (!current?.isAlive) {
    const thread: HashThread = new HashThread(() => {
      if (current === thread) current = undefined;
    });
    current = thread;
  }
  return current;
}

export type { HashThread };

// A handle that is dropped without a digest (an upload abandoned mid-way, a refused PATCH's saved
// state) frees its state in the thread when it is collected.
const unreachable = new FinalizationRegistry<{ thread: HashThread; id: number }>(({ thread, id }) =>
  thread.free(id),
);

/** One hash state in the hash thread. */
export class ThreadHash {
  private constructor(
    readonly thread: HashThread,
    readonly id: number,
  ) {
    unreachable.register(this, { thread, id }, this);
  }

  static create(thread: HashThread, algorithm: HashAlgorithm): ThreadHash {
    const id = thread.newId();
    thread.create(id, algorithm);
    return new ThreadHash(thread, id);
  }

  /** An independent copy of the state as it will be after every update asked so far. */
  copy(): ThreadHash {
    const id = this.thread.newId();
    this.thread.copy(id, this.id);
    return new ThreadHash(this.thread, id);
  }

  /** The digest of every byte given so far; the state is gone afterwards. */
  async digest(): Promise<Buffer> {
    unreachable.unregister(this);
    return this.thread.digest(this.id);
  }

  dispose(): void {
    unreachable.unregister(this);
    this.thread.free(this.id);
  }
}

/** SM3 (the evidence's name and ledger hash) and SHA-256 (for systems that know only SHA-256). */
export class DualHash {
  private constructor(
    private readonly sm3State: ThreadHash,
    private readonly sha256State: ThreadHash,
  ) {}

  static create(): DualHash {
    const thread = hashThread();
    return new DualHash(ThreadHash.create(thread, 'sm3'), ThreadHash.create(thread, 'sha256'));
  }

  get thread(): HashThread {
    return this.sm3State.thread;
  }

  /** False once the hash thread died: the state is lost and must be rebuilt from the bytes. */
  get isUsable(): boolean {
    return this.thread.isAlive;
  }

  /** The states to update with each slot of bytes (see PartialWriter). */
  get states(): ThreadHash[] {
    return [this.sm3State, this.sha256State];
  }

  /** An independent copy: the state before a PATCH, restored if the PATCH is refused. */
  copy(): DualHash {
    return new DualHash(this.sm3State.copy(), this.sha256State.copy());
  }

  async digest(): Promise<{ sm3: string; sha256: string }> {
    const [sm3, sha256] = await Promise.all([this.sm3State.digest(), this.sha256State.digest()]);
    return { sm3: sm3.toString('hex'), sha256: sha256.toString('hex') };
  }

  dispose(): void {
    this.sm3State.dispose();
    this.sha256State.dispose();
  }
}
