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
    recorded_at: ColumnType<Date, Date | undefined, Date>;
    payload: JSONColumnType<Record<string, unknown>>;
    /** Position in the Merkle tree, gapless from 0; null only for entries awaiting sealing. */
    leaf_index: number | null;
    payload_canonical: string | null;
    payload_hash: string | null;
    prev_hash: string | null;
    entry_hash: string | null;
  };
  ledger_nodes: {
    level: number;
    index: number;
    hash: string;
  };
  ledger_head: {
    id: number;
    tree_size: number;
    frontier: string[];
    last_entry_hash: string;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  ledger_tree_heads: {
    tree_size: number;
    root_hash: string;
    signed_at: string;
    key_id: string;
    algorithm: string;
    signature: string;
    public_key: string;
    created_at: ColumnType<Date, never, never>;
  };
}
