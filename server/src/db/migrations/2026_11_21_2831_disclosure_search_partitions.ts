// Frozen: disclosure_search (2026_11_21_2830) split into 8 hash partitions by decision.
//
// Why: a bitmap scan builds the whole bitmap of a term's matches before the first row, so
// counting up to the bound for a term in most decisions (华 in three quarters of them) decoded
// every match from the index (760,000 at a million decisions, ~50 ms on the shared machine) to
// keep 10,001. The partitions are scanned one after the other and the count stops in the first
// ones that hold enough matches; a rare term pays eight small index lookups instead of one.
// Hash, not time ranges: nothing has to create partitions as years pass.
//
// The lexemes are generated again while the rows are copied (a generated column cannot be
// copied), once.
import { sql, type Kysely } from 'kysely';

const PARTITIONS = 8;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table disclosure_search_hashed (
      decision_id uuid primary key references disclosure_decisions (id) on delete cascade,
      published_at timestamptz not null,
      display_until date,
      agency_id uuid not null,
      category text not null,
      decided_on date not null,
      search_text text not null,
      lexemes tsvector not null generated always as (disclosure_search_lexemes(search_text)) stored
    ) partition by hash (decision_id)`.execute(db);
  for (let remainder = 0; remainder < PARTITIONS; remainder++) {
    // Storage parameters belong to the partitions (a partitioned table has no storage).
    await sql
      .raw(
        `create table disclosure_search_${remainder} partition of disclosure_search_hashed
          for values with (modulus ${PARTITIONS}, remainder ${remainder})
          with (toast_tuple_target = 128)`,
      )
      .execute(db);
  }
  await sql`
    insert into disclosure_search_hashed
      (decision_id, published_at, display_until, agency_id, category, decided_on, search_text)
    select decision_id, published_at, display_until, agency_id, category, decided_on, search_text
    from disclosure_search`.execute(db);
  await sql`drop table disclosure_search`.execute(db);
  await sql`alter table disclosure_search_hashed rename to disclosure_search`.execute(db);
  await sql`alter index disclosure_search_hashed_pkey rename to disclosure_search_pkey`.execute(db);
  await sql`alter table disclosure_search
    rename constraint disclosure_search_hashed_decision_id_fkey
    to disclosure_search_decision_id_fkey`.execute(db);

  await sql`create index disclosure_search_lexemes_idx on disclosure_search
    using gin (lexemes) with (fastupdate = off)`.execute(db);
  await sql`create index disclosure_search_agency_idx on disclosure_search (agency_id)`.execute(db);
  await sql`create index disclosure_search_decided_idx on disclosure_search (decided_on)`.execute(
    db,
  );
  await sql`analyze disclosure_search`.execute(db);
}
