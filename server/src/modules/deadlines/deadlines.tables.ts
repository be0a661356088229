// Row types of the legal deadlines, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

export type DeadlineUnit = 'working_days' | 'days' | 'hours';
export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled';

export interface DeadlinesTables {
  deadlines: {
    id: Generated<string>;
    agency_id: string;
    case_id: string | null;
    subject_type: string;
    subject_id: string;
    kind: string;
    rule_key: string;
    unit: DeadlineUnit;
    amount: number;
    start_on: string | null;
    start_at: Date | null;
    rolls_to_working_day: boolean;
    due_on: string | null;
    due_at: Date | null;
    is_calendar_missing: boolean;
    computed_with_calendar_years: ColumnType<number[], number[], number[]>;
    status: Generated<DeadlineStatus>;
    closed_at: Date | null;
    close_note: string | null;
    created_at: ColumnType<Date, never, never>;
    updated_at: ColumnType<Date, never, Date>;
  };
}
