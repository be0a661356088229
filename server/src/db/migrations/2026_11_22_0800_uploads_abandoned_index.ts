// Frozen: the hourly expiry of abandoned uploads (uploads.service.ts, expireAbandoned) looks for
// unfinished uploads by their last activity. Finished uploads stay in the table for good, one per
// evidence file, so without an index that scan would grow with all evidence ever uploaded; the
// partial index holds only the uploads still receiving bytes.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index uploads_receiving_updated_idx on uploads (updated_at)
    where state = 'receiving'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index uploads_receiving_updated_idx`.execute(db);
}
