// Row types of the case tables, as Kysely sees them.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type CaseKind = 'penalty' | 'permit' | 'coercion' | 'inspection' | 'expropriation';
export type CaseSource =
  'complaint' | 'inspection' | 'referral' | 'transfer' | 'application' | 'random_check' | 'other';

export interface CasesTables {
  cases: {
    id: Generated<string>;
    agency_id: string;
    case_year: number;
    case_seq: number;
    case_no: string;
    kind: CaseKind;
    procedure: string;
    state: string;
    source: CaseSource;
    source_detail: string | null;
    power_id: string | null;
    handling_unit_id: string | null;
    title: string;
    facts: string | null;
    is_emergency_start: Generated<boolean>;
    details: JSONColumnType<Record<string, unknown>>;
    filed_on: string | null;
    decided_on: string | null;
    closed_on: string | null;
    archived_on: string | null;
    version: Generated<number>;
    created_by: string | null;
    created_at: ColumnType<Date, never, never>;
    updated_at: ColumnType<Date, never, Date>;
  };
  case_parties: {
    id: Generated<string>;
    case_id: string;
    kind: 'person' | 'organisation';
    name: string;
    id_card_no: string | null;
    credit_code: string | null;
    legal_representative: string | null;
    address: string | null;
    phone: string | null;
    created_at: ColumnType<Date, never, never>;
  };
  case_officers: {
    case_id: string;
    person_id: string;
    credential_id: string;
    role: 'lead' | 'assist';
    recusal_declared_at: Date | null;
    created_at: ColumnType<Date, never, never>;
  };
  case_actions: {
    id: Generated<number>;
    case_id: string;
    action: string;
    from_state: string;
    to_state: string;
    actor_user_id: string | null;
    acted_at: ColumnType<Date, Date | undefined, never>;
    payload: JSONColumnType<Record<string, unknown>>;
    idempotency_key: string | null;
    ledger_seq: number;
  };
}
