// Recording a piece of evidence: the ledger entry and the write-once rows in the caller's one
// transaction. The entry carries the hashes, so the evidence is provable before anyone can see
// it, and `sanxiang verify` can hold each row (and its blob) against its entry.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { evidenceRepository as repo, type AvRecord } from './evidence.repository.ts';
import type { EvidenceKind } from './evidence.tables.ts';

export const EVIDENCE_RECORDED = 'evidence.recorded';
export const AV_EXEMPTION_RECORDED = 'evidence.av_exemption.recorded';

export interface StoredFile {
  originalName: string;
  contentType: string;
  size: number;
  sm3: string;
  sha256: string;
}

export interface RecordEvidenceInput {
  id: string;
  caseId: string;
  agencyId: string;
  step: string;
  kind: EvidenceKind;
  /** Null for an AV exemption: no recording exists. */
  file: StoredFile | null;
  uploadId: string | null;
  uploadedBy: string | null;
  recordedAt: Date | null;
  uploadDueAt: Date | null;
  av: AvRecord | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function avPayload(av: AvRecord | null) {
  if (!av) return null;
  return {
    act: av.act,
    device: av.device,
    officerIds: av.officerIds,
    startedAt: iso(av.startedAt),
    endedAt: iso(av.endedAt),
    place: av.place,
    isPartyNotified: av.isPartyNotified,
    isContinuous: av.isContinuous,
    interruptions: av.interruptions,
    exemptionReason: av.exemptionReason,
    exemptionExplanation: av.exemptionExplanation,
  };
}

export async function recordEvidence(
  trx: Transaction<Database>,
  actor: Actor,
  input: RecordEvidenceInput,
): Promise<{ ledgerSeq: number; isLate: boolean; uploadedAt: Date }> {
  const uploadedAt = new Date();
  const isLate = input.uploadDueAt !== null && uploadedAt > input.uploadDueAt;
  const ledgerSeq = await appendLedgerEntry(trx, actor, {
    kind: input.file ? EVIDENCE_RECORDED : AV_EXEMPTION_RECORDED,
    subjectType: 'evidence',
    subjectId: input.id,
    agencyId: input.agencyId,
    caseId: input.caseId,
    payload: {
      step: input.step,
      kind: input.kind,
      originalName: input.file?.originalName ?? null,
      contentType: input.file?.contentType ?? null,
      size: input.file?.size ?? null,
      sm3: input.file?.sm3 ?? null,
      sha256: input.file?.sha256 ?? null,
      uploadId: input.uploadId,
      uploadedAt: uploadedAt.toISOString(),
      recordedAt: iso(input.recordedAt),
      uploadDueAt: iso(input.uploadDueAt),
      isLate,
      av: avPayload(input.av),
    },
  });
  await repo.insert(
    trx,
    {
      id: input.id,
      caseId: input.caseId,
      agencyId: input.agencyId,
      step: input.step,
      kind: input.kind,
      originalName: input.file?.originalName ?? null,
      contentType: input.file?.contentType ?? null,
      size: input.file?.size ?? null,
      sm3: input.file?.sm3 ?? null,
      sha256: input.file?.sha256 ?? null,
      uploadId: input.uploadId,
      uploadedBy: input.uploadedBy,
      uploadedAt,
      recordedAt: input.recordedAt,
      uploadDueAt: input.uploadDueAt,
      isLate,
      ledgerSeq,
    },
    input.av,
  );
  return { ledgerSeq, isLate, uploadedAt };
}
