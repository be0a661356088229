// The end of an upload, in crash-safe steps:
//   1. all bytes are durable and hashed; a hash the client declared that does not match ends the
//      upload (partial deleted, deadline cancelled) with EVIDENCE_HASH_MISMATCH;
//   2. the type is read from the first bytes; the upload becomes 'storing' with its final hashes
//      (from here any process can finish it, even if this one dies);
//   3. the partial file moves into the blob store under its SM3 (a no-op if the content is there);
//   4. ONE transaction records the ledger entry and the evidence rows and marks the upload done.
// Evidence is visible only after step 4; a crash anywhere before leaves nothing visible, and the
// next request touching the upload (HEAD, PATCH, DELETE) finishes steps 3–4.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/policy.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import type { AvMetadata } from './evidence.av.ts';
import { recordEvidence } from './evidence.record.ts';
import type { AvRecord } from './evidence.repository.ts';
import { kindOfContentType, SNIFF_BYTES, sniffType } from './evidence.sniff.ts';
import { closeUploadDeadline, uploadDueAt } from './uploads.rules.ts';
import { uploadsRepository as repo, type Claim, type Upload } from './uploads.repository.ts';
import { partialPath, readHead, removePartials } from './uploads.storage.ts';

export function avRecordOf(av: AvMetadata): AvRecord {
  return {
    act: av.act ?? null,
    device: av.device,
    officerIds: av.officerIds,
    startedAt: new Date(av.startedAt),
    endedAt: new Date(av.endedAt),
    place: av.place,
    isPartyNotified: av.isPartyNotified,
    isContinuous: av.isContinuous,
    interruptions: av.interruptions,
    exemptionReason: null,
    exemptionExplanation: null,
  };
}

export function createUploadCompletion(ctx: AppContext) {
  const { db, blobs, config } = ctx;
  const staging = blobs.stagingDir;

  async function refuseMismatch(actor: Actor, upload: Upload, claim: Claim, details: object) {
    await removePartials(staging, upload.id);
    await db.transaction().execute(async (trx) => {
      if (!(await repo.remove(trx, upload.id, claim.token))) throw new AppError('UPLOAD_LOCKED');
      if (upload.deadlineId) {
        await closeDeadline(trx, actor, {
          deadlineId: upload.deadlineId,
          status: 'cancelled',
          note: '上传的文件与声明的哈希值不符，上传已作废',
        });
      }
    });
    throw new AppError('EVIDENCE_HASH_MISMATCH', { details });
  }

  /** Steps 3–4 for an upload in state 'storing' whose lease the caller holds. */
  async function storeAndRecord(actor: Actor, upload: Upload, token: string): Promise<string> {
    const { finalSm3: sm3, finalSha256: sha256, contentType } = upload;
    if (!sm3 || !sha256 || !contentType) throw new Error(`upload ${upload.id} lacks final hashes`);
    const info = { sm3, sha256, size: upload.length };
    if (await blobs.has(sm3)) await removePartials(staging, upload.id);
    else await blobs.put(partialPath(staging, upload.id, upload.generation), info);

    const evidenceId = randomUUID();
    await db.transaction().execute(async (trx) => {
      const due = await uploadDueAt(trx, upload.id, upload.deadlineId);
      const av = upload.av ? avRecordOf(upload.av as AvMetadata) : null;
      const { isLate } = await recordEvidence(trx, actor, {
        id: evidenceId,
        caseId: upload.caseId,
        agencyId: upload.agencyId,
        step: upload.step,
        kind: kindOfContentType(contentType),
        file: { originalName: upload.originalName, contentType, size: upload.length, sm3, sha256 },
        uploadId: upload.id,
        uploadedBy: upload.createdBy,
        recordedAt: upload.recordedAt,
        uploadDueAt: due?.dueAt ?? null,
        av,
      });
      if (due) await closeUploadDeadline(trx, actor, due.deadlineId, isLate);
      // Only the lease holder finishes: a process that lost it rolls all of this back.
      if (!(await repo.markCompleted(trx, upload.id, token, evidenceId))) {
        throw new AppError('UPLOAD_LOCKED');
      }
    });
    return evidenceId;
  }

  return {
    /** Steps 1–4 for the append that received the last byte (holding the lease). */
    async complete(
      actor: Actor,
      upload: Upload,
      claim: Claim,
      digest: { sm3: string; sha256: string },
    ): Promise<string> {
      const wrongSm3 = upload.declaredSm3 !== null && upload.declaredSm3 !== digest.sm3;
      const wrongSha = upload.declaredSha256 !== null && upload.declaredSha256 !== digest.sha256;
      if (wrongSm3 || wrongSha) {
        await refuseMismatch(actor, upload, claim, {
          declared: { sm3: upload.declaredSm3, sha256: upload.declaredSha256 },
          received: digest,
        });
      }
      const file = partialPath(staging, upload.id, claim.generation);
      const { contentType } = sniffType(await readHead(file, SNIFF_BYTES));
      const final = { length: upload.length, ...digest, contentType };
      if (!(await repo.markStoring(db, upload.id, claim.token, final))) {
        throw new AppError('UPLOAD_LOCKED');
      }
      return storeAndRecord(
        actor,
        {
          ...upload,
          state: 'storing',
          generation: claim.generation,
          finalSm3: digest.sm3,
          finalSha256: digest.sha256,
          contentType,
        },
        claim.token,
      );
    },

    /** Steps 3–4 after a crash: takes the lapsed lease of a 'storing' upload and finishes it. */
    async finishStoring(actor: Actor, upload: Upload): Promise<void> {
      const claim = await repo.claim(db, {
        uploadId: upload.id,
        token: randomUUID(),
        state: 'storing',
        leaseSeconds: config.UPLOAD_LEASE_SECONDS,
      });
      if (!claim) {
        const now = await repo.find(db, upload.caseId, upload.id);
        if (now?.state === 'completed') return;
        throw new AppError('UPLOAD_LOCKED');
      }
      try {
        await storeAndRecord(actor, upload, claim.token);
      } catch (error) {
        await repo.release(db, upload.id, claim.token);
        throw error;
      }
    },
  };
}
