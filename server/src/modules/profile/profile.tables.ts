// Row types of the jurisdiction-profile tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

export type OverrideRowKind = 'tighten' | 'loosen' | 'withdraw';

export interface ProfileTables {
  profile_overrides: {
    id: Generated<string>;
    seq: Generated<number>;
    agency_id: string;
    rule: string;
    kind: OverrideRowKind;
    /** JSON of the rule's value; null for a withdrawal. Written as a JSON string. */
    value: ColumnType<unknown, string | null, never>;
    reason: string;
    profile_id: string;
    profile_version: string;
    actor_user_id: string | null;
    actor_name: string;
    created_at: ColumnType<Date, never, never>;
  };
}
