// Objections and their handling, and the gate's passes: the legal-review tables that record how a
// disagreement was settled and which decision went through on what basis.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DisputeKind, GateBasis, Resolution } from './review.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export interface Dispute {
  id: string;
  roundId: string;
  kind: DisputeKind;
  path: string;
  content: Record<string, unknown>;
  resolution: Resolution | null;
  proposalHash: string;
  recordedByName: string;
  recordedAt: Date;
  ledgerSeq: number;
}

export interface GateCheck {
  proposalHash: string;
  isMajor: boolean;
  basis: GateBasis;
  opinionId: string | null;
  disputeId: string | null;
  action: string;
  checkedByName: string;
  checkedAt: Date;
  ledgerSeq: number;
}

export const reviewDisputesRepository = {
  async listDisputes(db: Db, caseId: string): Promise<Dispute[]> {
    const rows = await db
      .selectFrom('legal_review_disputes')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('recorded_at')
      .execute();
    return rows.map((d) => ({
      id: d.id,
      roundId: d.round_id,
      kind: d.kind,
      path: d.path,
      content: d.content,
      resolution: d.resolution,
      proposalHash: d.proposal_hash,
      recordedByName: d.recorded_by_name,
      recordedAt: d.recorded_at,
      ledgerSeq: d.ledger_seq,
    }));
  },

  async insertDispute(
    trx: Trx,
    d: {
      caseId: string;
      roundId: string;
      kind: DisputeKind;
      path: string;
      content: Record<string, unknown>;
      resolution: Resolution | null;
      proposal: unknown;
      proposalHash: string;
      by: string;
      byName: string;
      ledgerSeq: number;
    },
  ): Promise<string> {
    const row = await trx
      .insertInto('legal_review_disputes')
      .values({
        case_id: d.caseId,
        round_id: d.roundId,
        kind: d.kind,
        path: d.path,
        content: JSON.stringify(d.content),
        resolution: d.resolution,
        proposal: json(d.proposal),
        proposal_hash: d.proposalHash,
        recorded_by: d.by,
        recorded_by_name: d.byName,
        ledger_seq: d.ledgerSeq,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertGateCheck(
    trx: Trx,
    g: Omit<GateCheck, 'checkedAt'> & {
      caseId: string;
      proposal: unknown;
      checkedBy: string;
      ledgerSeq: number;
    },
  ) {
    await trx
      .insertInto('legal_review_gate_checks')
      .values({
        case_id: g.caseId,
        proposal: json(g.proposal),
        proposal_hash: g.proposalHash,
        is_major: g.isMajor,
        basis: g.basis,
        opinion_id: g.opinionId,
        dispute_id: g.disputeId,
        action: g.action,
        checked_by: g.checkedBy,
        checked_by_name: g.checkedByName,
        ledger_seq: g.ledgerSeq,
      })
      .execute();
  },

  async listGateChecks(db: Db, caseId: string): Promise<GateCheck[]> {
    const rows = await db
      .selectFrom('legal_review_gate_checks')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map((g) => ({
      proposalHash: g.proposal_hash,
      isMajor: g.is_major,
      basis: g.basis,
      opinionId: g.opinion_id,
      disputeId: g.dispute_id,
      action: g.action,
      checkedByName: g.checked_by_name,
      checkedAt: g.checked_at,
      ledgerSeq: g.ledger_seq,
    }));
  },
};
