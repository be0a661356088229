// Row types of the archive module: fixity checks now; retention, holds and disposal below.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type FixityProblem = 'missing' | 'size_changed' | 'sm3_changed' | 'sha256_changed';

export interface ArchiveTables {
  fixity_runs: {
    id: string;
    job_id: number | null;
    started_at: Date;
    finished_at: ColumnType<Date, Date | undefined, never>;
    blobs_checked: number;
    bytes_checked: number;
    problems: number;
    ledger_seq: number;
  };
  fixity_warnings: {
    id: Generated<number>;
    run_id: string;
    sm3: string;
    problem: FixityProblem;
    detail: string;
    evidence_ids: ColumnType<string[], string[], never>;
    found_at: ColumnType<Date, Date | undefined, never>;
  };
}

export interface RetentionTables {
  legal_holds: {
    id: string;
    agency_id: string;
    case_id: string;
    reason: string;
    placed_by: string | null;
    placed_by_name: string;
    placed_at: ColumnType<Date, Date | undefined, never>;
    ledger_seq: number;
  };
  legal_hold_releases: {
    hold_id: string;
    reason: string;
    released_by: string | null;
    released_by_name: string;
    released_at: ColumnType<Date, Date | undefined, never>;
    ledger_seq: number;
  };
  disposal_proposals: {
    id: string;
    agency_id: string;
    case_id: string;
    evidence_ids: ColumnType<string[], string[], never>;
    reason: string;
    /** 上海 附件2 三（五）2: 'not_evidence' | 'no_dispute' for undisputed inspection video. */
    exception: string | null;
    retention: JSONColumnType<RetentionSnapshot[]>;
    proposed_by: string | null;
    proposed_by_name: string;
    proposed_at: ColumnType<Date, Date | undefined, never>;
    ledger_seq: number;
  };
  disposal_approvals: {
    proposal_id: string;
    approver_id: string;
    approver_name: string;
    role: string;
    approved_at: ColumnType<Date, Date | undefined, never>;
    ledger_seq: number;
  };
  destruction_register: {
    register_no: number;
    proposal_id: string;
    agency_id: string;
    case_id: string;
    evidence: JSONColumnType<RegisterEvidence[]>;
    approvers: JSONColumnType<{ name: string; role: string }[]>;
    disposed_at: ColumnType<Date, Date | undefined, never>;
    ledger_seq: number;
  };
  evidence_tombstones: { evidence_id: string; register_no: number };
  blob_disposals: { sm3: string; sha256: string; size: number; register_no: number };
}

/** The retention an item had when its disposal was proposed, as recorded. */
export interface RetentionSnapshot {
  evidenceId: string;
  retentionClass: string;
  endsOn: string | null;
  basis: string;
}

export interface RegisterEvidence {
  evidenceId: string;
  originalName: string | null;
  kind: string;
  sm3: string | null;
  sha256: string | null;
  size: number | null;
  retentionClass: string;
  /** False when another live record still holds the same content: only this record went. */
  blobDeleted: boolean;
}
