// Frozen: public decision search moves to its own narrow table, with lexemes that answer terms of
// up to four characters from the index alone.
//
// Why: the GIN index on disclosure_decisions.search_grams (every character and pair) pointed at
// the wide rows (about 2 KB each, 1.7 GB at a million decisions), and a search must visit the
// heap row of every candidate (visibility, display period, filters; PostgreSQL 15 no longer skips
// heap pages in bitmap scans). Counting 10,000 matches read about 9,000 wide pages, and every term
// of three or more characters was also confirmed with strpos. Here the index lives on
// disclosure_search, whose rows hold only what filtering and ordering need; the search text and
// the lexemes are pushed out to TOAST (toast_tuple_target = 128), so a row is about 120 bytes and
// the same count reads about a tenth of the pages.
//
// Lexemes of a normalised search text (disclosure_search_lexemes): every character, every pair,
// and the four characters starting at every position (fewer at the end). So a term of
// 1, 2 or 4 characters is present exactly when its own lexeme is, and one of 3 characters exactly
// when a lexeme starts with it (a prefix query); longer terms need a cover of their four-character
// pieces, and the text confirms them. Computed in linear time (no substr walk per position).
// A tsvector holds at most 1 MB of lexemes, about 50,000 characters of varied text; a decision's
// searchable text is bounded far below that by the input schemas (facts 20,000 characters).
//
// disclosure_decisions keeps search_text (the walk over the newest decisions reads it); a trigger
// copies what search needs into disclosure_search on every insert and relevant update, so no write
// path can forget it. The old grams column and its index go.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function disclosure_search_lexemes(t text) returns tsvector
    language sql immutable strict parallel safe as $$
      -- array_to_tsvector drops duplicates.
      select array_to_tsvector(array(
        select m[1] from generate_series(0, 3) k, regexp_matches(substr(t, k + 1), '.{1,4}', 'g') m
        union all
        select m[1] from generate_series(0, 1) k, regexp_matches(substr(t, k + 1), '..', 'g') m
        union all
        select c from regexp_split_to_table(t, '') c where c <> ''))
    $$`.execute(db);

  await sql`
    create table disclosure_search (
      decision_id uuid primary key references disclosure_decisions (id) on delete cascade,
      published_at timestamptz not null,
      display_until date,
      agency_id uuid not null,
      category text not null,
      decided_on date not null,
      search_text text not null,
      lexemes tsvector not null generated always as (disclosure_search_lexemes(search_text)) stored
    ) with (toast_tuple_target = 128)`.execute(db);

  await sql`
    insert into disclosure_search
      (decision_id, published_at, display_until, agency_id, category, decided_on, search_text)
    select id, published_at, display_until, agency_id, category, decided_on, search_text
    from disclosure_decisions`.execute(db);
  // fastupdate off: a search never scans a pending list; a publication pays the index insert.
  await sql`create index disclosure_search_lexemes_idx on disclosure_search
    using gin (lexemes) with (fastupdate = off)`.execute(db);
  // Searches without terms, by agency or by date.
  await sql`create index disclosure_search_agency_idx on disclosure_search (agency_id)`.execute(db);
  await sql`create index disclosure_search_decided_idx on disclosure_search (decided_on)`.execute(
    db,
  );

  await sql`
    create function disclosure_search_sync() returns trigger language plpgsql as $$
    begin
      insert into disclosure_search
        (decision_id, published_at, display_until, agency_id, category, decided_on, search_text)
      values (new.id, new.published_at, new.display_until, new.agency_id, new.category,
        new.decided_on, new.search_text)
      on conflict (decision_id) do update set
        published_at = excluded.published_at,
        display_until = excluded.display_until,
        agency_id = excluded.agency_id,
        category = excluded.category,
        decided_on = excluded.decided_on,
        search_text = excluded.search_text;
      return null;
    end $$`.execute(db);
  await sql`create trigger disclosure_decisions_search_insert after insert on disclosure_decisions
    for each row execute function disclosure_search_sync()`.execute(db);
  await sql`create trigger disclosure_decisions_search_update after update on disclosure_decisions
    for each row when (
      old.published_at is distinct from new.published_at
      or old.display_until is distinct from new.display_until
      or old.agency_id is distinct from new.agency_id
      or old.category is distinct from new.category
      or old.decided_on is distinct from new.decided_on
      or old.search_text is distinct from new.search_text)
    execute function disclosure_search_sync()`.execute(db);

  await sql`drop index disclosure_decisions_grams_idx`.execute(db);
  await sql`alter table disclosure_decisions drop column search_grams`.execute(db);
  await sql`analyze disclosure_search`.execute(db);
}
