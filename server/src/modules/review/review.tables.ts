// Row types of the legal-review tables (重大执法决定法制审核), as Kysely sees them.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type Json<T extends object | null> = JSONColumnType<T, string, never>;
/** A proposed decision: any JSON value, or null when none was recorded. */
type Proposal<U = never> = ColumnType<unknown, string | null, U>;

export type RoundKind = 'submission' | 're_review' | 'reconsideration';
export type DisputeKind = 'objection' | 'resolution';
export type Resolution = 'proceed_as_proposed' | 'adopt_review_opinion' | 'reconsider';
export type GateBasis = 'not_major' | 'agreed' | 'collective_decision';

export interface ReviewTables {
  major_catalog_extensions: {
    id: Generated<string>;
    agency_id: string;
    code: string;
    label: string;
    decision_kind: string;
    conditions: Json<unknown[]>;
    reason: string;
    filing_authority: string | null;
    filing_no: string | null;
    filed_on: string | null;
    created_by: string | null;
    created_by_name: string;
    created_at: CreatedAt;
  };
  legal_review_facts: {
    id: Generated<number>;
    case_id: string;
    facts: Json<Record<string, boolean>>;
    note: string | null;
    declared_by: string | null;
    declared_by_name: string;
    declared_at: CreatedAt;
  };
  legal_review_classifications: {
    case_id: string;
    proposal_hash: string;
    proposal: Proposal<string | null>;
    is_major: boolean;
    result: JSONColumnType<Record<string, unknown>>;
    profile_id: string;
    profile_version: string;
    classified_by_name: string;
    classified_at: ColumnType<Date, Date | undefined, Date>;
    ledger_seq: number;
  };
  legal_review_rounds: {
    id: string;
    case_id: string;
    agency_id: string;
    round_no: number;
    kind: RoundKind;
    proposal: Proposal;
    proposal_hash: string;
    materials: Json<Record<string, unknown>>;
    materials_hash: string;
    diff: JSONColumnType<unknown[] | null, string | null, never>;
    fix_note: string | null;
    request_reason: string | null;
    is_major: boolean;
    body_kind: string;
    body_agency_id: string;
    body_unit_id: string | null;
    body_name: string;
    time_limit: Json<{ amount: number; unit: string; ruleKey: string; basis: string }>;
    deadline_id: string;
    due_on: string | null;
    submitted_by: string | null;
    submitted_by_name: string;
    submitted_on: string;
    submitted_at: CreatedAt;
    ledger_seq: number;
  };
  legal_review_extensions: {
    id: Generated<string>;
    round_id: string;
    amount: number;
    unit: string;
    reason: string;
    approver_title: string;
    approved_by: string | null;
    approved_by_name: string;
    approved_on: string;
    deadline_id: string;
    due_on: string | null;
    created_at: CreatedAt;
    ledger_seq: number;
  };
  legal_review_opinions: {
    id: Generated<string>;
    round_id: string;
    case_id: string;
    outcome: string;
    outcome_label: string;
    is_agreement: boolean;
    reasons: string | null;
    checklist: Json<unknown[]>;
    lawyers: Json<unknown[]>;
    reviewer_user_id: string;
    reviewer_person_id: string;
    reviewer_name: string;
    given_on: string;
    given_at: CreatedAt;
    is_late: boolean;
    document: Json<Record<string, unknown>>;
    document_text: string;
    document_hash: string;
    /** The sealed 意见书 issued with the opinion (null only for opinions from before it was). */
    instrument_id: string | null;
    instrument_doc_no: string | null;
    ledger_seq: number;
  };
  legal_review_disputes: {
    id: Generated<string>;
    case_id: string;
    round_id: string;
    kind: DisputeKind;
    path: string;
    content: Json<Record<string, unknown>>;
    resolution: Resolution | null;
    proposal: Proposal;
    proposal_hash: string;
    recorded_by: string | null;
    recorded_by_name: string;
    recorded_at: CreatedAt;
    ledger_seq: number;
  };
  legal_review_gate_checks: {
    id: Generated<number>;
    case_id: string;
    proposal: Proposal;
    proposal_hash: string;
    is_major: boolean;
    basis: GateBasis;
    opinion_id: string | null;
    dispute_id: string | null;
    action: string;
    txid: Generated<number>;
    checked_by: string | null;
    checked_by_name: string;
    checked_at: CreatedAt;
    ledger_seq: number;
  };
}
