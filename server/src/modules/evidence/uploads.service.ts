// Resumable uploads (tus 1.0.0) as commands. Upload state lives in the database (any process can
// serve any request; a restart loses nothing), the bytes in BLOB_DIR's staging directory. An
// append holds the upload's lease while it streams the body to disk, hashing SM3 and SHA-256 as
// the bytes pass and checkpointing the durable offset; the last byte leads to completion
// (uploads.complete.ts). A process keeps the hash state of the uploads it served in memory as an
// optimisation only: it is used when it matches the database, otherwise rebuilt from disk.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import {
  requireAgencyScope,
  SYSTEM_ACTOR,
  type Actor,
  type Principal,
} from '../../shared/policy.ts';
import { requireCaseTarget } from '../cases/cases.scope.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import { evidencePolicies as p } from './evidence.policy.ts';
import { createUploadCompletion } from './uploads.complete.ts';
import { openUploadDeadline, requireAgencyOfficers } from './uploads.rules.ts';
import { parseDeclaredUpload } from './uploads.metadata.ts';
import { uploadsRepository as repo, type Claim, type Upload } from './uploads.repository.ts';
import { ThreadHash, type DualHash } from './uploads.hashing.ts';
import {
  hashPrefix,
  PartialDataLostError,
  partialPath,
  PartialWriter,
  removePartials,
} from './uploads.storage.ts';
import type { Checksum } from './uploads.tus.ts';

/** Durable-offset checkpoints at least this often (bytes), so a crash loses little. */
const CHECKPOINT_BYTES = 32 * 1024 * 1024;

export interface AppendRequest {
  offset: number;
  contentLength: number | undefined;
  checksum: Checksum | undefined;
  body: Readable;
}

export interface AppendResult {
  offset: number;
  evidenceId: string | null;
}

export const UPLOAD_EXPIRY_JOB = 'uploads.expire';

const offsetMismatch = (offset: number) =>
  new AppError('UPLOAD_OFFSET_MISMATCH', { details: { offset } });

export function createUploadService(ctx: AppContext) {
  const { db, blobs, config } = ctx;
  const staging = blobs.stagingDir;
  const leaseSeconds = config.UPLOAD_LEASE_SECONDS;
  const heartbeatMs = (leaseSeconds * 1000) / 3;
  const hashes = new Map<string, { generation: number; offset: number; hash: DualHash }>();
  const completion = createUploadCompletion(ctx);

  async function scopedCase(principal: Principal, caseId: string) {
    const target = await requireCaseTarget(db, caseId);
    requireAgencyScope(principal, p.upload, target);
    return target;
  }

  async function findUpload(caseId: string, uploadId: string): Promise<Upload> {
    const upload = await repo.find(db, caseId, uploadId);
    if (!upload) throw new AppError('UPLOAD_NOT_FOUND');
    return upload;
  }

  /** An upload whose bytes are all in but whose recording a crash interrupted is finished here. */
  async function settled(actor: Actor, upload: Upload): Promise<Upload> {
    if (upload.state !== 'storing') return upload;
    await completion.finishStoring(actor, upload);
    return findUpload(upload.caseId, upload.id);
  }

  /** The hash of the first `offset` bytes, and the file that holds them for this generation. */
  async function prepareHash(upload: Upload, claim: Claim, offset: number): Promise<DualHash> {
    const cached = hashes.get(upload.id);
    hashes.delete(upload.id);
    const file = partialPath(staging, upload.id, claim.generation);
    if (claim.isTakeover) {
      // The lapsed holder may still be writing its own file: continue in a new one. A holder
      // that crashed while copying left an incomplete file; an older generation is complete.
      for (let g = claim.generation - 1; g >= 0; g--) {
        try {
          const hash = await hashPrefix(partialPath(staging, upload.id, g), offset, file);
          for (let old = g; old < claim.generation; old++) {
            await removeQuietly(partialPath(staging, upload.id, old));
          }
          return hash;
        } catch (error) {
          if (!(error instanceof PartialDataLostError)) throw error;
        }
      }
      throw new PartialDataLostError(`no complete partial file for upload ${upload.id}`);
    }
    if (
      cached?.hash.isUsable &&
      cached.generation === claim.generation &&
      cached.offset === offset
    ) {
      return cached.hash;
    }
    return hashPrefix(file, offset);
  }

  async function claimForAppend(upload: Upload, offset: number): Promise<Claim> {
    const claim = await repo.claim(db, {
      uploadId: upload.id,
      token: randomUUID(),
      state: 'receiving',
      leaseSeconds,
      atOffset: offset,
    });
    if (claim) return claim;
    const now = await findUpload(upload.caseId, upload.id);
    if (now.state !== 'receiving') throw offsetMismatch(now.received);
    if (now.received !== offset) throw offsetMismatch(now.received);
    throw new AppError('UPLOAD_LOCKED');
  }

  /**
   * Streams the body into the partial file; returns the durable offset reached. Disk writes and
   * hashing run beside the socket reads (PartialWriter, uploads.hashing.ts), and so does each
   * checkpoint: the bytes taken before it are made durable and recorded while the next ones
   * arrive. `durable` only ever holds an offset the database already recorded.
   */
  async function receive(
    upload: Upload,
    claim: Claim,
    hash: DualHash,
    request: AppendRequest,
  ): Promise<number> {
    let before: DualHash | undefined;
    let patchHash: ThreadHash | undefined;
    let writer: PartialWriter;
    try {
      before = request.checksum ? hash.copy() : undefined;
      patchHash = request.checksum
        ? ThreadHash.create(hash.thread, request.checksum.algorithm)
        : undefined;
      writer = await PartialWriter.open(
        partialPath(staging, upload.id, claim.generation),
        request.offset,
        patchHash ? [...hash.states, patchHash] : hash.states,
      );
    } catch (error) {
      await repo.release(db, upload.id, claim.token);
      throw error;
    }
    let position = request.offset;
    let durable = request.offset;
    let checkpointedTo = request.offset;
    let lastCheckpoint = Date.now();
    let checkpoint: Promise<void> | undefined;
    let checkpointError: Error | undefined;
    let isLeaseLost = false;
    let wake: (() => void) | undefined;
    // The lease is renewed while bytes trickle in slowly; once it is lost the append ends at once,
    // even if the client is sending nothing.
    const heartbeat = setInterval(() => {
      repo.checkpoint(db, upload.id, claim.token).then(
        (isHeld) => {
          if (!isHeld) {
            isLeaseLost = true;
            wake?.();
          }
        },
        () => undefined,
      );
    }, heartbeatMs);
    /** Makes the bytes taken so far durable and records them, while reading goes on. */
    const startCheckpoint = () => {
      checkpointedTo = position;
      lastCheckpoint = Date.now();
      checkpoint = (async () => {
        const reached = await writer.sync();
        if (!(await repo.checkpoint(db, upload.id, claim.token, reached))) {
          isLeaseLost = true;
        } else {
          durable = reached;
        }
      })()
        .catch((error: unknown) => {
          checkpointError = error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => {
          checkpoint = undefined;
          if (isLeaseLost || checkpointError !== undefined) wake?.();
        });
    };
    const stopped = () => isLeaseLost || checkpointError !== undefined;
    const chunks = request.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    // One fresh promise per read (never a long-lived one raced again and again: that would keep
    // every chunk reachable until the upload ends).
    const nextChunk = () =>
      new Promise<IteratorResult<Buffer> | 'stopped'>((resolve, reject) => {
        if (stopped()) return resolve('stopped');
        wake = () => resolve('stopped');
        chunks.next().then(resolve, reject);
      });
    const throwIfStopped = () => {
      if (isLeaseLost) throw new AppError('UPLOAD_LOCKED');
      if (checkpointError !== undefined) throw checkpointError;
    };
    try {
      try {
        for (;;) {
          const next = await nextChunk();
          wake = undefined;
          if (next === 'stopped') throwIfStopped();
          else if (next.done) break;
          else {
            const bytes = next.value;
            if (position + bytes.length > upload.length) {
              throw new AppError('UPLOAD_EXCEEDS_LENGTH');
            }
            await writer.write(bytes);
            position += bytes.length;
            const isDue =
              position - checkpointedTo >= CHECKPOINT_BYTES ||
              Date.now() - lastCheckpoint >= heartbeatMs;
            // A PATCH with a checksum is all or nothing: nothing of it is durable before the end.
            if (!patchHash && !checkpoint && isDue) startCheckpoint();
          }
        }
        await checkpoint;
        throwIfStopped();
      } finally {
        clearInterval(heartbeat);
      }
      const reached = await writer.sync();
      if (request.checksum && patchHash && before) {
        if (!(await patchHash.digest()).equals(request.checksum.digest)) {
          await writer.truncate(request.offset);
          await repo.release(db, upload.id, claim.token);
          hashes.set(upload.id, { generation: claim.generation, offset: durable, hash: before });
          throw new AppError('UPLOAD_CHECKSUM_MISMATCH');
        }
        before.dispose();
      }
      return reached;
    } catch (error) {
      // A checkpoint still running could record an offset after the truncation below.
      await checkpoint;
      if (isLeaseLost) throw new AppError('UPLOAD_LOCKED');
      if (error instanceof AppError && error.code === 'UPLOAD_CHECKSUM_MISMATCH') throw error;
      const isClientGone = request.body.destroyed && !request.body.readableEnded;
      const kept = isClientGone && !request.checksum ? await writer.sync().catch(() => null) : null;
      if (kept !== null) {
        // tus: keep what arrived before the connection dropped, so the client resumes from there.
        if (await repo.release(db, upload.id, claim.token, kept)) {
          hashes.set(upload.id, { generation: claim.generation, offset: kept, hash });
        }
      } else {
        await writer.truncate(durable);
        await repo.release(db, upload.id, claim.token, durable);
      }
      throw error;
    } finally {
      await writer.close();
    }
  }

  /**
   * Removes an upload this process holds the lock of, with its partial bytes; the upload-deadline
   * it opened is cancelled (a new upload of the recording opens its own). False when the lock was
   * lost meanwhile: nothing was removed.
   */
  async function discard(actor: Actor, upload: Upload, token: string, note: string) {
    hashes.delete(upload.id);
    const isRemoved = await db.transaction().execute(async (trx) => {
      if (!(await repo.remove(trx, upload.id, token))) return false;
      if (upload.deadlineId) {
        await closeDeadline(trx, actor, {
          deadlineId: upload.deadlineId,
          status: 'cancelled',
          note,
        }).catch((error: unknown) => {
          // Already closed by someone else: the upload still goes.
          if (!(error instanceof AppError && error.code === 'DEADLINE_NOT_OPEN')) throw error;
        });
      }
      return true;
    });
    if (isRemoved) await removePartials(staging, upload.id);
    return isRemoved;
  }

  return {
    /** tus creation: the upload exists once its metadata passed every check. */
    async create(
      principal: Principal,
      actor: Actor,
      caseId: string,
      input: { length: number; metadata: Record<string, string> },
    ): Promise<Upload> {
      const target = await scopedCase(principal, caseId);
      if (input.length > config.UPLOAD_MAX_BYTES) throw new AppError('UPLOAD_TOO_LARGE');
      // An empty file proves nothing, and tus would have it complete before any append.
      if (input.length === 0) {
        throw new AppError('UPLOAD_LENGTH_REQUIRED', { message: '文件为空，不能作为证据上传' });
      }
      const declared = parseDeclaredUpload(input.metadata, new Date());
      if (declared.av) await requireAgencyOfficers(db, target.agencyId, declared.av.officerIds);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const deadlineId = declared.av
          ? await openUploadDeadline(trx, actor, ctx, target, id, declared.av)
          : null;
        await repo.insert(trx, {
          id,
          caseId,
          agencyId: target.agencyId,
          createdBy: principal.userId,
          length: input.length,
          step: declared.step,
          originalName: declared.originalName,
          metadata: input.metadata,
          declaredSm3: declared.declaredSm3,
          declaredSha256: declared.declaredSha256,
          recordedAt: declared.recordedAt,
          av: declared.av,
          deadlineId,
        });
      });
      return findUpload(caseId, id);
    },

    /** tus HEAD: the durable offset. */
    async status(principal: Principal, actor: Actor, caseId: string, uploadId: string) {
      await scopedCase(principal, caseId);
      return settled(actor, await findUpload(caseId, uploadId));
    },

    /** tus PATCH: appends at exactly the durable offset; the last byte completes the upload. */
    async append(
      principal: Principal,
      actor: Actor,
      caseId: string,
      uploadId: string,
      request: AppendRequest,
    ): Promise<AppendResult> {
      await scopedCase(principal, caseId);
      const upload = await settled(actor, await findUpload(caseId, uploadId));
      if (upload.state === 'completed') {
        if (request.offset === upload.length && request.contentLength === 0) {
          return { offset: upload.length, evidenceId: upload.evidenceId };
        }
        throw offsetMismatch(upload.length);
      }
      if (request.offset !== upload.received) throw offsetMismatch(upload.received);
      if (
        request.contentLength !== undefined &&
        request.offset + request.contentLength > upload.length
      ) {
        throw new AppError('UPLOAD_EXCEEDS_LENGTH');
      }
      const claim = await claimForAppend(upload, request.offset);
      let hash: DualHash;
      try {
        hash = await prepareHash(upload, claim, request.offset);
      } catch (error) {
        if (!(error instanceof PartialDataLostError)) {
          await repo.release(db, upload.id, claim.token);
          throw error;
        }
        // The stored prefix is gone (staging files removed by hand): start the upload over.
        await removePartials(staging, upload.id);
        await repo.release(db, upload.id, claim.token, 0);
        throw offsetMismatch(0);
      }
      const reached = await receive(upload, claim, hash, request);
      if (reached < upload.length) {
        if (!(await repo.release(db, upload.id, claim.token, reached))) {
          throw new AppError('UPLOAD_LOCKED');
        }
        hashes.set(upload.id, { generation: claim.generation, offset: reached, hash });
        return { offset: reached, evidenceId: null };
      }
      const evidenceId = await completion.complete(actor, upload, claim, await hash.digest());
      return { offset: upload.length, evidenceId };
    },

    /** tus termination: the partial bytes go; recorded evidence can never be withdrawn this way. */
    async terminate(principal: Principal, actor: Actor, caseId: string, uploadId: string) {
      await scopedCase(principal, caseId);
      const upload = await settled(actor, await findUpload(caseId, uploadId));
      if (upload.state === 'completed') throw new AppError('UPLOAD_ALREADY_RECORDED');
      const claim = await repo.claim(db, {
        uploadId,
        token: randomUUID(),
        state: 'receiving',
        leaseSeconds,
      });
      if (!claim) throw new AppError('UPLOAD_LOCKED');
      if (!(await discard(actor, upload, claim.token, '上传任务已终止'))) {
        throw new AppError('UPLOAD_LOCKED');
      }
    },

    /**
     * tus expiration, run by the `uploads.expire` job: unfinished uploads nobody has sent to for
     * UPLOAD_EXPIRY_HOURS lose their partial bytes, as if terminated, so abandoned uploads do not
     * fill the staging disk. Idempotent: an upload already gone, or taken by a client meanwhile
     * (the lock), is skipped. Returns how many expired.
     */
    async expireAbandoned(options: { signal?: AbortSignal; batch?: number } = {}): Promise<number> {
      const batch = options.batch ?? 100;
      let expired = 0;
      for (;;) {
        const abandoned = await repo.listAbandoned(db, {
          expiryHours: config.UPLOAD_EXPIRY_HOURS,
          leaseSeconds,
          limit: batch,
        });
        for (const upload of abandoned) {
          if (options.signal?.aborted) return expired;
          const claim = await repo.claim(db, {
            uploadId: upload.id,
            token: randomUUID(),
            state: 'receiving',
            leaseSeconds,
            atOffset: upload.received,
          });
          if (!claim) continue;
          const note = `上传任务超过 ${config.UPLOAD_EXPIRY_HOURS} 小时未续传，已过期`;
          if (await discard(SYSTEM_ACTOR, upload, claim.token, note)) expired += 1;
        }
        if (abandoned.length < batch) return expired;
      }
    },
  };
}

async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

export type UploadService = ReturnType<typeof createUploadService>;
