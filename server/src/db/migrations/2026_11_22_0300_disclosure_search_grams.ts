// Frozen: public decision search in one call; terms of three characters exact; no stored
// lexemes; the page past the count bound found among the newest decisions.
//
// Why, against the causes measured at a million decisions on two busy cores:
// - A search was a transaction of four to six round trips (isolation level, settings, count and
//   page, sometimes the planner's estimate and a second page query, commit); every round trip is
//   a chance to wait for a CPU, and the tail followed them. Now disclosure_search_page(…) runs the
//   whole search in the database: one round trip, in the snapshot of the statement that calls it
//   (STABLE: its statements see what the caller sees), with its own settings (no JIT, no
//   parallel workers, only bitmap scans where terms are searched: any other path would compute
//   every candidate's grams).
// - A three-character term (王某某, 保质期 — a masked name is three characters) was a prefix of
//   the four-character lexemes, and GIN decodes every posting of a prefix into a bitmap before
//   anything else, in every partition it visits. The grams are now every window of 1, 2, 3 and 4
//   characters: terms up to four characters are one exact lexeme, longer ones a cover of
//   four-character pieces that strpos confirms (as before).
// - The lexemes were a stored column: about 3.5 KB of TOAST per decision (4 GB at a million) and
//   an 18-byte pointer in every narrow row. The index is now on the expression
//   disclosure_search_grams(search_text); a bitmap scan that needs no recheck never computes it.
//   The narrow table is copied without the column (as migration 2831 did), so its rows are
//   denser for the count's heap visits.
// - The page of a term with more matches than the bound came from walking the newest wide rows
//   with strpos: (offset + limit) / density rows of 2 KB (王某某, 1.7 %: ~1,200 rows, 25–35 ms,
//   more than the count). Now, past the bound, the caller picks (from the statistics, which only
//   ever changes the cost):
//     walk    the newest p_newest wide rows, the text tested on each (dense matches);
//     window  the matches among the decisions published on or after the day of the p_newest-th
//             newest, through the index with the terms, sorted;
//     sort    every match, sorted.
//   Every match outside a walk or window is older than every match inside, so a walk or window
//   holding a full page gives the exact page; one that does not grows eightfold, and ends in
//   sorting every match once it would cover every decision.
// - The window must come from the same index as the terms, or the planner may prefer a range
//   scan of another index and test each row (4,000 rows: 60 ms). So the GIN index also holds the
//   UTC day of publication, the category and the agency (btree_gin): equal filters are answered
//   in the index too. Dates of decision stay filters on the row: a wide range would make the
//   index decode every entry in it.
import { sql, type Kysely } from 'kysely';

const PARTITIONS = 8;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists btree_gin`.execute(db);
  // Every window of one to four characters; array_to_tsvector drops duplicates. Costly enough
  // per row (regular expressions) that the planner should never choose to compute it per row.
  await sql`
    create function disclosure_search_grams(t text) returns tsvector
    language sql immutable strict parallel safe cost 1000 as $$
      select array_to_tsvector(array(
        select m[1] from generate_series(0, 3) k, regexp_matches(substr(t, k + 1), '.{4}', 'g') m
        union all
        select m[1] from generate_series(0, 2) k, regexp_matches(substr(t, k + 1), '.{3}', 'g') m
        union all
        select m[1] from generate_series(0, 1) k, regexp_matches(substr(t, k + 1), '..', 'g') m
        union all
        select c from regexp_split_to_table(t, '') c where c <> ''))
    $$`.execute(db);

  await sql`
    create table disclosure_search_next (
      decision_id uuid primary key references disclosure_decisions (id) on delete cascade,
      published_at timestamptz not null,
      display_until date,
      agency_id uuid not null,
      category text not null,
      decided_on date not null,
      search_text text not null
    ) partition by hash (decision_id)`.execute(db);
  for (let remainder = 0; remainder < PARTITIONS; remainder++) {
    await sql
      .raw(
        `create table disclosure_search_next_${remainder} partition of disclosure_search_next
          for values with (modulus ${PARTITIONS}, remainder ${remainder})
          with (toast_tuple_target = 128)`,
      )
      .execute(db);
  }
  await sql`
    insert into disclosure_search_next
      (decision_id, published_at, display_until, agency_id, category, decided_on, search_text)
    select decision_id, published_at, display_until, agency_id, category, decided_on, search_text
    from disclosure_search`.execute(db);
  await sql`drop table disclosure_search`.execute(db);
  await sql`drop function disclosure_search_lexemes(text)`.execute(db);
  await sql`alter table disclosure_search_next rename to disclosure_search`.execute(db);
  await sql`alter index disclosure_search_next_pkey rename to disclosure_search_pkey`.execute(db);
  await sql`alter table disclosure_search
    rename constraint disclosure_search_next_decision_id_fkey
    to disclosure_search_decision_id_fkey`.execute(db);
  for (let remainder = 0; remainder < PARTITIONS; remainder++) {
    await sql
      .raw(
        `alter table disclosure_search_next_${remainder} rename to disclosure_search_${remainder}`,
      )
      .execute(db);
    await sql
      .raw(
        `alter index disclosure_search_next_${remainder}_pkey
          rename to disclosure_search_${remainder}_pkey`,
      )
      .execute(db);
  }

  await sql`create index disclosure_search_grams_idx on disclosure_search using gin
    (disclosure_search_grams(search_text), ((published_at at time zone 'UTC')::date), category,
      agency_id)
    with (fastupdate = off)`.execute(db);
  // Searches without terms, by agency or by date.
  await sql`create index disclosure_search_agency_idx on disclosure_search (agency_id)`.execute(db);
  await sql`create index disclosure_search_decided_idx on disclosure_search (decided_on)`.execute(
    db,
  );

  await sql`
    create function disclosure_search_page(
      p_query tsquery, p_recheck text[], p_terms text[], p_agency uuid, p_category text,
      p_from date, p_to date, p_today date, p_limit int, p_offset int, p_bound int,
      p_plan text, p_newest int)
    returns table (ordinal int, id uuid, counted int)
    language plpgsql stable rows 100
    set jit = off
    set max_parallel_workers_per_gather = 0
    set enable_seqscan = off
    set enable_indexscan = off
    as $$
    declare
      -- Conditions for a table alias (%1$s); values only ever travel as parameters ($n).
      conditions text[] := array['(%1$s.display_until is null or %1$s.display_until >= $7)'];
      on_search text;
      on_decisions text;
      collected int;
      ids uuid[];
      plan text := p_plan;
      newest bigint := p_newest;
      threshold timestamptz;
      since date;
    begin
      if p_agency is not null then
        conditions := array_append(conditions, '%1$s.agency_id = $3');
      end if;
      if p_category is not null then
        conditions := array_append(conditions, '%1$s.category = $4');
      end if;
      if p_from is not null then
        conditions := array_append(conditions, '%1$s.decided_on >= $5');
      end if;
      if p_to is not null then
        conditions := array_append(conditions, '%1$s.decided_on <= $6');
      end if;
      -- The wide rows hold the whole text: every term is tested on it.
      on_decisions := array_to_string(conditions, ' and ');
      for i in 1 .. coalesce(cardinality(p_terms), 0) loop
        on_decisions := on_decisions || format(' and strpos(%%1$s.search_text, $2[%s]) > 0', i);
      end loop;
      on_decisions := format(on_decisions, 'd');
      if p_query is not null then
        conditions := array_append(conditions, 'disclosure_search_grams(%1$s.search_text) @@ $1');
      end if;
      for i in 1 .. coalesce(cardinality(p_recheck), 0) loop
        conditions := array_append(conditions,
          format('strpos(%%1$s.search_text, $11[%s]) > 0', i));
      end loop;
      on_search := format(array_to_string(conditions, ' and '), 's');

      -- 1. Up to p_bound + 1 matches; when that is all of them, the page is sorted from them.
      -- Without terms the first rows in physical order are as good as any for the count.
      if p_query is null then
        perform set_config('enable_seqscan', 'on', true);
      end if;
      execute format($sql$
        with hits as materialized (
          select s.decision_id, s.published_at from disclosure_search s where %s limit $10 + 1
        ), c as materialized (select count(*)::int as n from hits)
        select c.n, array(select h.decision_id from hits h where c.n <= $10
          order by h.published_at desc, h.decision_id desc limit $8 offset $9)
        from c$sql$, on_search)
      into collected, ids
      using p_query, p_terms, p_agency, p_category, p_from, p_to, p_today, p_limit, p_offset,
          p_bound, p_recheck, newest, since;
      if collected <= p_bound then
        plan := 'done';
      elsif p_query is null then
        plan := 'newest';
      end if;

      -- 2. Without terms: the newest decisions, through the published_at index.
      if plan = 'newest' then
        perform set_config('enable_indexscan', 'on', true);
        execute format($sql$
          select array(select d.id from disclosure_decisions d where %s
            order by d.published_at desc, d.id desc limit $8 offset $9)$sql$, on_decisions)
        into ids
        using p_query, p_terms, p_agency, p_category, p_from, p_to, p_today, p_limit, p_offset,
          p_bound, p_recheck, newest, since;
        plan := 'done';
      end if;

      -- 3. Dense matches: among the p_newest newest wide rows, the text tested on each.
      if plan = 'walk' then
        perform set_config('enable_indexscan', 'on', true);
        execute format($sql$
          select array(select d.id from (
              select d.* from disclosure_decisions d
              order by d.published_at desc, d.id desc limit $12) d
            where %s order by d.published_at desc, d.id desc limit $8 offset $9)$sql$,
          on_decisions)
        into ids
        using p_query, p_terms, p_agency, p_category, p_from, p_to, p_today, p_limit, p_offset,
          p_bound, p_recheck, newest, since;
        perform set_config('enable_indexscan', 'off', true);
        plan := case when cardinality(ids) = p_limit then 'done' else 'window' end;
        newest := newest * 8;
      end if;

      -- 4. The matches among the newest decisions (published on or after the day of the newest-th
      -- newest), through the index; a window short of a full page grows eightfold.
      while plan in ('window', 'sort') loop
        threshold := null;
        if plan = 'window' and newest > 0 then
          perform set_config('enable_indexscan', 'on', true);
          select d.published_at into threshold from disclosure_decisions d
          order by d.published_at desc offset newest - 1 limit 1;
          perform set_config('enable_indexscan', 'off', true);
        end if;
        since := (threshold at time zone 'UTC')::date;
        execute format($sql$
          select array(select s.decision_id from disclosure_search s where %s %s
            order by s.published_at desc, s.decision_id desc limit $8 offset $9)$sql$,
          on_search,
          case when threshold is not null
            then $w$and (s.published_at at time zone 'UTC')::date >= $13$w$ else '' end)
        into ids
        using p_query, p_terms, p_agency, p_category, p_from, p_to, p_today, p_limit, p_offset,
          p_bound, p_recheck, newest, since;
        plan := case when threshold is null or cardinality(ids) = p_limit then 'done' else plan end;
        newest := newest * 8;
      end loop;

      return query select u.n::int, u.id, collected from unnest(ids) with ordinality as u(id, n);
      if not found then
        return query select 0, null::uuid, collected;
      end if;
    end $$`.execute(db);
  // Statistics, also of the index's expressions (the grams, the day), for the planner and for
  // the pieces and windows chosen by the caller.
  await sql`analyze disclosure_search`.execute(db);
}
