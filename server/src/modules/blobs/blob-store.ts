// Where evidence bytes live: content-addressed by their SM3 hash and write-once. Two stores
// implement this interface (BLOB_STORE, opened by open-blob-store.ts): the local directory store
// (default, local-blob-store.ts) and an S3-compatible bucket (s3-blob-store.ts); both pass the
// same contract tests (blob-store.contract.ts). Nothing outside modules/blobs touches blob paths.
import type { Readable } from 'node:stream';

export interface BlobInfo {
  /** Lowercase hex SM3 of the content: the blob's name. */
  sm3: string;
  /** Lowercase hex SHA-256, kept alongside for systems that only know SHA-256. */
  sha256: string;
  size: number;
}

export interface BlobStat {
  size: number;
  /** Last modification of the stored bytes (a changed blob shows here first). */
  modifiedAt: Date;
}

export interface BlobStore {
  /**
   * Stores the file at `tempFile` (already hashed by the caller, who streamed it) under its SM3
   * and removes `tempFile`. Storing content that is already there is a no-op once the sizes
   * agree; a size that disagrees is refused (the stored copy is damaged or the caller is wrong).
   */
  put(tempFile: string, info: BlobInfo): Promise<void>;
  has(sm3: string): Promise<boolean>;
  /** The blob's bytes, or a range of them (`end` inclusive, as in HTTP). */
  openRead(sm3: string, range?: { start: number; end: number }): Readable;
  /** Undefined when the blob is absent. */
  stat(sm3: string): Promise<BlobStat | undefined>;
  /**
   * Removes a blob's content — the only delete there is, and only for a disposal that the
   * destruction register already records (modules/archive): the caller passes the register
   * number, which the store keeps beside the name as the reason the content is gone. Absent
   * content is not an error (a retried disposal).
   */
  dispose(sm3: string, authority: { registerNo: number }): Promise<void>;
  /**
   * A local directory for files on their way in (partial uploads), shared by every process. The
   * local store keeps it on the blobs' own filesystem so that put() links rather than copies;
   * the S3 store uploads from it.
   */
  readonly stagingDir: string;
}

/** The stored blob of this name has another size than the one being put: refuse, never clobber. */
export class BlobConflictError extends Error {
  constructor(
    readonly sm3: string,
    readonly storedSize: number,
    readonly offeredSize: number,
  ) {
    super(`blob ${sm3} is stored with ${storedSize} bytes, not ${offeredSize}`);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

export function assertBlobName(sm3: string): void {
  if (!HEX64.test(sm3)) throw new Error(`not a blob name (64 lowercase hex digits): ${sm3}`);
}
