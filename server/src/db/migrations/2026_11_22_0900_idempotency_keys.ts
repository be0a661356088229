// Frozen: the keys under which a client may send a creating request again without creating twice
// (a registration whose answer a crash or a dropped connection lost). One row per caller and key:
// what was asked (a hash of the request) and what it created. A key sent again with the same
// request answers with the thing created the first time; with another request it is refused.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table idempotency_keys (
      scope text not null,
      user_id uuid not null references users (id),
      key text not null,
      request_hash text not null,
      resource_id text,
      created_at timestamptz not null default now(),
      primary key (scope, user_id, key)
    )
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table idempotency_keys`.execute(db);
}
