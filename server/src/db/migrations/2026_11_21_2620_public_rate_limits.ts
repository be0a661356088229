// Frozen: fixed-window request counters of the public endpoints and pages, per client address.
// Shared by every process on the database, so N processes enforce one limit. UNLOGGED: counters
// are worth nothing after a crash, and skipping the WAL keeps each hit cheap.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create unlogged table public_rate_limits (
      client text not null,
      window_start bigint not null,
      hits integer not null,
      primary key (client, window_start)
    )
  `.execute(db);
}
