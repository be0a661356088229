// The only place evidence and AV records touch Kysely. Both tables are write-once: there is an
// insert and there are reads, nothing else.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AvInterruptionRow, EvidenceKind } from './evidence.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AvRecord {
  act: string | null;
  device: string | null;
  officerIds: string[];
  startedAt: Date | null;
  endedAt: Date | null;
  place: string;
  isPartyNotified: boolean | null;
  isContinuous: boolean | null;
  interruptions: AvInterruptionRow[];
  exemptionReason: string | null;
  exemptionExplanation: string | null;
}

export interface Evidence {
  id: string;
  caseId: string;
  agencyId: string;
  step: string;
  kind: EvidenceKind;
  originalName: string | null;
  contentType: string | null;
  size: number | null;
  sm3: string | null;
  sha256: string | null;
  uploadId: string | null;
  uploadedBy: string | null;
  uploadedByName: string | null;
  uploadedAt: Date;
  recordedAt: Date | null;
  uploadDueAt: Date | null;
  isLate: boolean;
  ledgerSeq: number;
  av: AvRecord | null;
}

export type NewEvidence = Omit<Evidence, 'uploadedByName' | 'av' | 'uploadedAt'> & {
  uploadedAt: Date;
};

function toAv(row: Selectable<Database['av_records']>): AvRecord {
  return {
    act: row.act,
    device: row.device,
    officerIds: row.officer_ids,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    place: row.place,
    isPartyNotified: row.is_party_notified,
    isContinuous: row.is_continuous,
    interruptions: row.interruptions,
    exemptionReason: row.exemption_reason,
    exemptionExplanation: row.exemption_explanation,
  };
}

function selectEvidence(db: Db) {
  return db
    .selectFrom('evidence')
    .leftJoin('users', 'users.id', 'evidence.uploaded_by')
    .selectAll('evidence')
    .select('users.display_name as uploader_name');
}

type EvidenceRow = Selectable<Database['evidence']> & { uploader_name: string | null };

function toEvidence(row: EvidenceRow, av: AvRecord | null): Evidence {
  return {
    id: row.id,
    caseId: row.case_id,
    agencyId: row.agency_id,
    step: row.step,
    kind: row.kind,
    originalName: row.original_name,
    contentType: row.content_type,
    size: row.size,
    sm3: row.sm3,
    sha256: row.sha256,
    uploadId: row.upload_id,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploader_name,
    uploadedAt: row.uploaded_at,
    recordedAt: row.recorded_at,
    uploadDueAt: row.upload_due_at,
    isLate: row.is_late,
    ledgerSeq: row.ledger_seq,
    av,
  };
}

async function avOf(db: Db, ids: string[]): Promise<Map<string, AvRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('av_records')
    .selectAll()
    .where('evidence_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.evidence_id, toAv(r)]));
}

export const evidenceRepository = {
  async insert(trx: Transaction<Database>, e: NewEvidence, av: AvRecord | null): Promise<void> {
    await trx
      .insertInto('evidence')
      .values({
        id: e.id,
        case_id: e.caseId,
        agency_id: e.agencyId,
        step: e.step,
        kind: e.kind,
        original_name: e.originalName,
        content_type: e.contentType,
        size: e.size,
        sm3: e.sm3,
        sha256: e.sha256,
        upload_id: e.uploadId,
        uploaded_by: e.uploadedBy,
        uploaded_at: e.uploadedAt,
        recorded_at: e.recordedAt,
        upload_due_at: e.uploadDueAt,
        is_late: e.isLate,
        ledger_seq: e.ledgerSeq,
      })
      .execute();
    if (!av) return;
    await trx
      .insertInto('av_records')
      .values({
        evidence_id: e.id,
        act: av.act,
        device: av.device,
        officer_ids: av.officerIds,
        started_at: av.startedAt,
        ended_at: av.endedAt,
        place: av.place,
        is_party_notified: av.isPartyNotified,
        is_continuous: av.isContinuous,
        interruptions: JSON.stringify(av.interruptions),
        exemption_reason: av.exemptionReason,
        exemption_explanation: av.exemptionExplanation,
      })
      .execute();
  },

  async listOfCase(
    db: Db,
    caseId: string,
    filter: { step?: string | undefined; kind?: EvidenceKind | undefined },
  ): Promise<Evidence[]> {
    let query = selectEvidence(db).where('evidence.case_id', '=', caseId);
    if (filter.step) query = query.where('evidence.step', '=', filter.step);
    if (filter.kind) query = query.where('evidence.kind', '=', filter.kind);
    const rows = await query.orderBy('evidence.uploaded_at').orderBy('evidence.id').execute();
    const av = await avOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toEvidence(r, av.get(r.id) ?? null));
  },

  async find(db: Db, caseId: string, evidenceId: string): Promise<Evidence | undefined> {
    const row = await selectEvidence(db)
      .where('evidence.id', '=', evidenceId)
      .where('evidence.case_id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    const av = await avOf(db, [row.id]);
    return toEvidence(row, av.get(row.id) ?? null);
  },

  /** People of the agency among `personIds` (AV officers must belong to the case's agency). */
  async peopleOfAgency(db: Db, agencyId: string, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('id', 'in', personIds)
      .execute();
    return new Set(rows.map((r) => r.id));
  },
};
