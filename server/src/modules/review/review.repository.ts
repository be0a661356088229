// The only code that touches the legal-review tables; returns domain types, not rows.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { reviewCatalogRepository } from './review.catalog.repository.ts';
import { reviewDisputesRepository } from './review.disputes.repository.ts';
import { reviewOrgRepository } from './review.org.repository.ts';
import type { ReviewTables, RoundKind } from './review.tables.ts';

export type { Dispute, GateCheck } from './review.disputes.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export interface Round {
  id: string;
  caseId: string;
  agencyId: string;
  roundNo: number;
  kind: RoundKind;
  proposal: unknown;
  proposalHash: string;
  materials: Record<string, unknown>;
  materialsHash: string;
  diff: unknown[] | null;
  fixNote: string | null;
  requestReason: string | null;
  isMajor: boolean;
  body: { kind: string; agencyId: string; unitId: string | null; name: string };
  timeLimit: { amount: number; unit: string; ruleKey: string; basis: string };
  deadlineId: string;
  dueOn: string | null;
  submittedBy: string | null;
  submittedByName: string;
  submittedOn: string;
  submittedAt: Date;
  ledgerSeq: number;
}

export interface Extension {
  id: string;
  roundId: string;
  amount: number;
  unit: string;
  reason: string;
  approverTitle: string;
  approvedByName: string;
  approvedOn: string;
  approvedAt: Date;
  deadlineId: string;
  dueOn: string | null;
  ledgerSeq: number;
}

export interface Opinion {
  id: string;
  roundId: string;
  outcome: string;
  outcomeLabel: string;
  isAgreement: boolean;
  reasons: string | null;
  checklist: unknown[];
  lawyers: unknown[];
  reviewerUserId: string;
  reviewerPersonId: string;
  reviewerName: string;
  givenOn: string;
  givenAt: Date;
  isLate: boolean;
  document: Record<string, unknown>;
  documentText: string;
  documentHash: string;
  instrument: { id: string; docNo: string } | null;
  ledgerSeq: number;
}

type RoundRow = Selectable<ReviewTables['legal_review_rounds']>;

function toRound(r: RoundRow): Round {
  return {
    id: r.id,
    caseId: r.case_id,
    agencyId: r.agency_id,
    roundNo: r.round_no,
    kind: r.kind,
    proposal: r.proposal,
    proposalHash: r.proposal_hash,
    materials: r.materials,
    materialsHash: r.materials_hash,
    diff: r.diff,
    fixNote: r.fix_note,
    requestReason: r.request_reason,
    isMajor: r.is_major,
    body: {
      kind: r.body_kind,
      agencyId: r.body_agency_id,
      unitId: r.body_unit_id,
      name: r.body_name,
    },
    timeLimit: r.time_limit,
    deadlineId: r.deadline_id,
    dueOn: r.due_on,
    submittedBy: r.submitted_by,
    submittedByName: r.submitted_by_name,
    submittedOn: r.submitted_on,
    submittedAt: r.submitted_at,
    ledgerSeq: r.ledger_seq,
  };
}

const reviewRoundsRepository = {
  // --- Rounds, extensions, opinions, disputes ----------------------------------------------------

  async listRounds(db: Db, caseId: string): Promise<Round[]> {
    const rows = await db
      .selectFrom('legal_review_rounds')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('round_no')
      .execute();
    return rows.map(toRound);
  },

  async insertRound(trx: Trx, r: Round) {
    await trx
      .insertInto('legal_review_rounds')
      .values({
        id: r.id,
        case_id: r.caseId,
        agency_id: r.agencyId,
        round_no: r.roundNo,
        kind: r.kind,
        proposal: json(r.proposal),
        proposal_hash: r.proposalHash,
        materials: JSON.stringify(r.materials),
        materials_hash: r.materialsHash,
        diff: json(r.diff),
        fix_note: r.fixNote,
        request_reason: r.requestReason,
        is_major: r.isMajor,
        body_kind: r.body.kind,
        body_agency_id: r.body.agencyId,
        body_unit_id: r.body.unitId,
        body_name: r.body.name,
        time_limit: JSON.stringify(r.timeLimit),
        deadline_id: r.deadlineId,
        due_on: r.dueOn,
        submitted_by: r.submittedBy,
        submitted_by_name: r.submittedByName,
        submitted_on: r.submittedOn,
        ledger_seq: r.ledgerSeq,
      })
      .execute();
  },

  async listExtensions(db: Db, caseId: string): Promise<Extension[]> {
    const rows = await db
      .selectFrom('legal_review_extensions as e')
      .innerJoin('legal_review_rounds as r', 'r.id', 'e.round_id')
      .selectAll('e')
      .where('r.case_id', '=', caseId)
      .execute();
    return rows.map((e) => ({
      id: e.id,
      roundId: e.round_id,
      amount: e.amount,
      unit: e.unit,
      reason: e.reason,
      approverTitle: e.approver_title,
      approvedByName: e.approved_by_name,
      approvedOn: e.approved_on,
      approvedAt: e.created_at,
      deadlineId: e.deadline_id,
      dueOn: e.due_on,
      ledgerSeq: e.ledger_seq,
    }));
  },

  async insertExtension(
    trx: Trx,
    e: Omit<Extension, 'id' | 'approvedAt'> & { approvedBy: string },
  ) {
    await trx
      .insertInto('legal_review_extensions')
      .values({
        round_id: e.roundId,
        amount: e.amount,
        unit: e.unit,
        reason: e.reason,
        approver_title: e.approverTitle,
        approved_by: e.approvedBy,
        approved_by_name: e.approvedByName,
        approved_on: e.approvedOn,
        deadline_id: e.deadlineId,
        due_on: e.dueOn,
        ledger_seq: e.ledgerSeq,
      })
      .execute();
  },

  async listOpinions(db: Db, caseId: string): Promise<Opinion[]> {
    const rows = await db
      .selectFrom('legal_review_opinions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('given_at')
      .execute();
    return rows.map((o) => ({
      id: o.id,
      roundId: o.round_id,
      outcome: o.outcome,
      outcomeLabel: o.outcome_label,
      isAgreement: o.is_agreement,
      reasons: o.reasons,
      checklist: o.checklist,
      lawyers: o.lawyers,
      reviewerUserId: o.reviewer_user_id,
      reviewerPersonId: o.reviewer_person_id,
      reviewerName: o.reviewer_name,
      givenOn: o.given_on,
      givenAt: o.given_at,
      isLate: o.is_late,
      document: o.document,
      documentText: o.document_text,
      documentHash: o.document_hash,
      instrument:
        o.instrument_id && o.instrument_doc_no
          ? { id: o.instrument_id, docNo: o.instrument_doc_no }
          : null,
      ledgerSeq: o.ledger_seq,
    }));
  },

  async insertOpinion(
    trx: Trx,
    o: Omit<Opinion, 'id' | 'givenAt'> & { caseId: string },
  ): Promise<string> {
    const row = await trx
      .insertInto('legal_review_opinions')
      .values({
        round_id: o.roundId,
        case_id: o.caseId,
        outcome: o.outcome,
        outcome_label: o.outcomeLabel,
        is_agreement: o.isAgreement,
        reasons: o.reasons,
        checklist: JSON.stringify(o.checklist),
        lawyers: JSON.stringify(o.lawyers),
        reviewer_user_id: o.reviewerUserId,
        reviewer_person_id: o.reviewerPersonId,
        reviewer_name: o.reviewerName,
        given_on: o.givenOn,
        is_late: o.isLate,
        document: JSON.stringify(o.document),
        document_text: o.documentText,
        document_hash: o.documentHash,
        instrument_id: o.instrument?.id ?? null,
        instrument_doc_no: o.instrument?.docNo ?? null,
        ledger_seq: o.ledgerSeq,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Whether the person has given any review opinion before (in any agency). */
  async hasReviewedBefore(db: Db, personId: string): Promise<boolean> {
    const row = await db
      .selectFrom('legal_review_opinions')
      .select('id')
      .where('reviewer_person_id', '=', personId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};

/** The only code that touches the legal-review tables, in four parts. */
export const reviewRepository = {
  ...reviewRoundsRepository,
  ...reviewDisputesRepository,
  ...reviewCatalogRepository,
  ...reviewOrgRepository,
};
