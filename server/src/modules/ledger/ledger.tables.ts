import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface LedgerTables {
  ledger_entries: {
    seq: Generated<number>;
    kind: string;
    agency_id: string | null;
    case_id: string | null;
    subject_type: string;
    subject_id: string | null;
    actor_user_id: string | null;
    actor_name: string;
    actor_ip: string | null;
    actor_user_agent: string | null;
    recorded_at: ColumnType<Date, Date | undefined, never>;
    payload: JSONColumnType<Record<string, unknown>>;
  };
}
