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

export interface PartyAccessTables {
  /** A party's request to read or copy records of its case (薛城区 附件2 第三十二条). */
  party_access_requests: {
    id: string;
    agency_id: string;
    case_id: string;
    party_id: string;
    party_name: string;
    purpose: 'read' | 'copy';
    evidence_ids: ColumnType<string[], string[], never>;
    stated_need: string;
    requested_by: string | null;
    requested_at: ColumnType<Date, Date | undefined, never>;
    ledger_seq: number;
  };
  /** The head's decision, one per request; an approval grants access until valid_until. */
  party_access_decisions: {
    request_id: string;
    is_approved: boolean;
    note: string;
    decided_by: string | null;
    decided_by_name: string;
    decided_at: ColumnType<Date, Date | undefined, never>;
    valid_until: Date | null;
    /** SM3 of the access token handed to the party; the token itself is never stored. */
    token_sm3: string | null;
    ledger_seq: number;
  };
}
