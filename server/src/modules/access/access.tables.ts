import type { ColumnType, Generated } from 'kysely';

export interface AccessTables {
  access_log: {
    id: Generated<number>;
    agency_id: string;
    case_id: string | null;
    /** What was read: 'case', 'timeline', 'evidence', … */
    resource: string;
    resource_id: string | null;
    reader_user_id: string | null;
    reader_name: string;
    /** A handler of the case (one of its officers, or a head of its agency) needs no reason. */
    is_handler: boolean;
    reason: string | null;
    ip: string | null;
    user_agent: string | null;
    read_at: ColumnType<Date, Date | undefined, never>;
  };
}
