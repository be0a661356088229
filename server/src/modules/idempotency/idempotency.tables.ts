// Row type of the idempotency keys, as Kysely sees it.
import type { ColumnType } from 'kysely';

export interface IdempotencyTables {
  idempotency_keys: {
    scope: string;
    user_id: string;
    key: string;
    request_hash: string;
    resource_id: string | null;
    created_at: ColumnType<Date, never, never>;
  };
}
