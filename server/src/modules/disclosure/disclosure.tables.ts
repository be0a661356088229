// Row types of the disclosure tables, as Kysely sees them.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export const DISCLOSURE_CATEGORIES = [
  'penalty',
  'permit',
  'coercion',
  'inspection',
  'expropriation',
  'other',
] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];
export type DecisionStatus = 'published' | 'corrected' | 'withdrawn';
export type DisclosureEventKind = 'published' | 'corrected' | 'withdrawn' | 'display_ended';
export type QueueStatus = 'pending_signoff' | 'published' | 'withheld';
export const CATALOGUE_SUBJECTS = [
  'agency',
  'unit',
  'entrustment',
  'officer',
  'power',
  'service_guide',
  'random_check_item',
] as const;
export type CatalogueSubject = (typeof CATALOGUE_SUBJECTS)[number];
export type InspectionResult = 'pending' | 'normal' | 'problems';

/** An officer as the inspection page shows them: public data only. */
export interface InspectionOfficer {
  name: string;
  credentialNo: string;
}

export interface DisclosureTables {
  disclosure_settings: {
    agency_id: string;
    requires_signoff: boolean;
    updated_at: UpdatedAt;
  };
  disclosure_decisions: {
    id: string;
    agency_id: string;
    agency_name: string;
    doc_no: string;
    doc_no_norm: string;
    category: DisclosureCategory;
    power_name: string;
    party: string;
    party_credit_code: string | null;
    facts: string;
    legal_basis: string;
    result: string;
    decided_on: string;
    published_at: Date;
    status: DecisionStatus;
    corrected_at: Date | null;
    withdrawn_at: Date | null;
    withdrawal_reason: string | null;
    ledger_index: number;
    display_until: string | null;
    display_basis: string | null;
    is_early_end_barred: Generated<boolean>;
    search_text: string;
    updated_at: UpdatedAt;
  };
  /**
   * What search filters and orders by, one narrow row per decision, kept in step by a trigger on
   * disclosure_decisions (migration 2026_11_21_2830); lexemes are the grams of search_text
   * (migrations 2026_11_22_0300/0310).
   */
  disclosure_search: {
    decision_id: string;
    published_at: Date;
    display_until: string | null;
    agency_id: string;
    category: DisclosureCategory;
    decided_on: string;
    search_text: string;
    lexemes: ColumnType<string, never, never>;
  };
  disclosure_queue: {
    id: Generated<string>;
    agency_id: string;
    case_id: string;
    category: DisclosureCategory;
    rule_key: string;
    rule_text: string;
    decided_on: string;
    due_on: string | null;
    deadline_id: string | null;
    status: QueueStatus;
    withheld_fields: TextArray;
    withhold_reason: string | null;
    publication_id: string | null;
    queued_at: CreatedAt;
    decided_at: Date | null;
    decided_by: string | null;
  };
  disclosure_events: {
    id: Generated<number>;
    decision_id: string;
    event: DisclosureEventKind;
    at: ColumnType<Date, Date | undefined, never>;
    reason: string | null;
    snapshot: JSONColumnType<Record<string, unknown>, string, never>;
    ledger_index: number;
  };
  disclosure_correction_requests: {
    id: Generated<string>;
    tracking_no: string;
    decision_id: string;
    agency_id: string;
    requester_name: string;
    requester_contact: string;
    content: string;
    received_on: string;
    due_on: string | null;
    rule_text: string;
    deadline_id: string | null;
    status: Generated<'open' | 'answered'>;
    outcome: 'corrected' | 'rejected' | null;
    answer: string | null;
    answered_at: Date | null;
    answered_by: string | null;
    created_at: CreatedAt;
  };
  disclosure_annual_reports: {
    agency_id: string;
    year: number;
    agency_name: string;
    figures: JSONColumnType<Record<string, unknown>, string, string>;
    published_at: Date;
    due_on: string | null;
    ledger_index: number;
  };
  disclosure_inspections: {
    code: string;
    case_id: string;
    agency_id: string;
    agency_name: string;
    procedure: string;
    power_name: string;
    legal_basis: string;
    items: TextArray;
    party: string;
    party_credit_code: string | null;
    officers: JSONColumnType<InspectionOfficer[], string, string>;
    planned_on: string | null;
    inspected_on: string | null;
    result: InspectionResult;
    stage: string;
    result_text: string | null;
    result_due_on: string | null;
    ledger_index: number;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  disclosure_catalogue_changes: {
    id: Generated<string>;
    agency_id: string;
    subject: CatalogueSubject;
    description: string;
    changed_on: string;
    rule_text: string;
    due_on: string | null;
    deadline_id: string | null;
    published_at: Date | null;
    published_on: string | null;
    recorded_by: string | null;
    created_at: CreatedAt;
  };
  public_rate_limits: {
    client: string;
    window_start: number;
    hits: number;
  };
}
