import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../shared/policy.ts';

export interface AuthTables {
  users: {
    id: Generated<string>;
    username: string;
    password_hash: string;
    display_name: string;
    person_id: string | null;
    is_active: Generated<boolean>;
    created_at: ColumnType<Date, never, never>;
    updated_at: ColumnType<Date, never, Date>;
  };
  user_roles: {
    id: Generated<string>;
    user_id: string;
    role: Role;
    agency_id: string | null;
    region_id: string | null;
    created_at: ColumnType<Date, never, never>;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    created_at: ColumnType<Date, never, never>;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  };
  login_attempts: {
    id: Generated<number>;
    username: string;
    ip: string;
    succeeded: boolean;
    attempted_at: ColumnType<Date, Date | undefined, never>;
  };
}
