// Frozen: the grams of disclosure_search stored again (a generated column, as the lexemes were
// before migration 2026_11_22_0300), and the GIN index on the column instead of the expression.
//
// Why: PostgreSQL moves values out of line only for rows over about 2 KB (TOAST_TUPLE_THRESHOLD);
// toast_tuple_target = 128 sets how far a row is shrunk once that happens, not when it starts.
// The stored lexemes (3–5 KB) were what made every narrow row cross it, so that its search text
// went to TOAST with them. Without them a new row keeps its ~450-byte text inline: about 500
// bytes instead of ~120, a narrow table four to five times larger than shared buffers hold, and
// a count that reads a page per match. (Rows copied by migration 0300 kept their text out of line
// because it was already; rows written since did not.) The grams cost disk (~4.5 KB of TOAST per
// decision), never reads: a bitmap scan that needs no recheck does not fetch them.
//
// The column is added to the table in place (one rewrite, which also moves every text back out of
// line), the index is built on it, and disclosure_search_page reads the column instead of
// computing the grams.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The expression index goes first, or the rewrite would rebuild it (computing every row's grams).
  await sql`drop index disclosure_search_grams_idx`.execute(db);
  await sql`alter table disclosure_search add column lexemes tsvector not null
    generated always as (disclosure_search_grams(search_text)) stored`.execute(db);
  await sql`create index disclosure_search_lexemes_idx on disclosure_search using gin
    (lexemes, ((published_at at time zone 'UTC')::date), category, agency_id)
    with (fastupdate = off)`.execute(db);
  // The function of migration 0300 with the column in place of the expression, nothing else.
  await sql`
    do $$
    declare
      definition text := pg_get_functiondef('disclosure_search_page'::regproc);
      expression constant text := 'disclosure_search_grams(%1$s.search_text) @@ $1';
    begin
      if position(expression in definition) = 0 then
        raise exception 'disclosure_search_page does not test the grams expression';
      end if;
      execute replace(definition, expression, '%1$s.lexemes @@ $1');
    end $$`.execute(db);
  await sql`analyze disclosure_search`.execute(db);
}
