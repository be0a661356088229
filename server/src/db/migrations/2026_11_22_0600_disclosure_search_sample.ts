// Frozen: a deep page of a term whose share the statistics do not give is looked for in a window
// sized by the hits the count already collected, instead of sorting every match.
//
// Why: past the count bound the caller chooses how to find the page from the grams' statistics,
// which at a million decisions list only the grams in about 17 % of them or more. For a rarer
// term only the floor (bound + 1 matches) is known, so a deep page (药房, 8 %, page 500: ~80,000
// matches) sorted every match: ~115 ms at load 5. But the count has just read bound + 1 matches,
// partition after partition (hash partitions: each a uniform eighth of the decisions), in one
// snapshot. Every partition it left before the last one it read holds all its matches among the
// hits: a sample of the decisions of known size. The k-th newest of the sample's matches (k: the
// sample's share of the page's reach plus three standard deviations, a count of matches varying
// about as a Poisson count) gives the day from which the window of newest decisions should hold
// the page. A window costs the index entries of its days and the heap visits of its matches; when
// it would cover so much of the table that this passes the heap visits of every match, every
// match is sorted instead. When the count stopped inside the first partition (more than bound + 1
// matches in an eighth of the decisions) the terms are dense and the floor eight times higher: a
// window of newest decisions sized by that floor, grown eightfold while short (as before). A
// window from the sample that comes up short of a full page gives way to sorting every match. So
// the page is exact whatever the sample said; the sample only ever changes the cost.
//
// Everything else is the function of migrations 2026_11_22_0300/0310 unchanged.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function disclosure_search_page(
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
      -- The sample: partitions the count read to their end, and the publication time of their
      -- k-th newest match (null when they hold fewer, or a window would cost more than sorting).
      partitions int;
      sampled int;
      sampled_at timestamptz;
      decisions float8;
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
        conditions := array_append(conditions, '%1$s.lexemes @@ $1');
      end if;
      for i in 1 .. coalesce(cardinality(p_recheck), 0) loop
        conditions := array_append(conditions,
          format('strpos(%%1$s.search_text, $11[%s]) > 0', i));
      end loop;
      on_search := format(array_to_string(conditions, ' and '), 's');
      if plan = 'sample' and p_query is null then
        plan := 'sort';
      end if;
      if plan = 'sample' then
        select count(*)::int, sum(greatest(c.reltuples, 0))::float8 into partitions, decisions
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'disclosure_search'::regclass;
        if partitions = 0 then
          plan := 'sort';
        end if;
      end if;

      -- 1. Up to p_bound + 1 matches; when that is all of them, the page is sorted from them.
      -- Without terms the first rows in physical order are as good as any for the count. For a
      -- sample, each hit keeps its partition and its place in the scan: the partition of the last
      -- hit is the one the scan stopped in; every other one was read to its end.
      if p_query is null then
        perform set_config('enable_seqscan', 'on', true);
      end if;
      if plan = 'sample' then
        -- The window would hold k / n of the matches and, spread over time as they are, about
        -- that share of the decisions, whose index entries for its days it decodes: about 30
        -- of them cost what one match's heap visit does (at a million decisions, 王某某 page
        -- 500 after its count: a window of 64 % of the decisions, 49 ms of CPU; sorting its
        -- 16,560 matches, 31 ms). When that passes the heap visits of every match, no threshold:
        -- every match is sorted.
        execute format($sql$
          with hits as materialized (
            select x.*, row_number() over () as k from (
              select s.decision_id, s.published_at, s.tableoid as part
              from disclosure_search s where %s limit $10 + 1) x
          ), c as materialized (select count(*)::int as n from hits),
          parts as materialized (
            select h.part, count(*)::int as n, max(h.k) as last
            from hits h, c where c.n > $10 group by h.part
          ), stopped as materialized (
            select p.part, p.n from parts p order by p.last desc limit 1
          ), sampled as materialized (
            select count(*)::int - 1 as n,
              (coalesce(sum(p.n), 0) - coalesce((select t.n from stopped t), 0))::int as size
            from parts p
          ), m as (
            select ceil(x.n + 3 * sqrt(x.n))::int as k from sampled,
              lateral (select greatest(($8 + $9) * sampled.n / $14::float8, 0) as n) x
          )
          select c.n,
            array(select h.decision_id from hits h where c.n <= $10
              order by h.published_at desc, h.decision_id desc limit $8 offset $9),
            sampled.n,
            (select h.published_at from hits h
              where sampled.n > 0
                and m.k * (1 + $15 * sampled.n / (30.0 * nullif(sampled.size, 0) * $14)) < sampled.size
                and h.part <> (select t.part from stopped t)
              order by h.published_at desc offset greatest(m.k - 1, 0) limit 1)
          from c, sampled, m$sql$, on_search)
        into collected, ids, sampled, sampled_at
        using p_query, p_terms, p_agency, p_category, p_from, p_to, p_today, p_limit, p_offset,
            p_bound, p_recheck, newest, since, partitions, decisions;
      else
        -- The statement of migration 0300, unchanged.
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
      end if;
      if collected <= p_bound then
        plan := 'done';
      elsif p_query is null then
        plan := 'newest';
      elsif plan = 'sample' then
        if sampled = 0 then
          -- More than p_bound matches in the first partition alone: at least that share of every
          -- partition's decisions, as far as hashing spreads them evenly.
          newest := ceil(1.25 * (p_limit + p_offset) * decisions / ((p_bound + 1) * partitions));
          plan := case when newest > 0 then 'window' else 'sort' end;
        elsif sampled_at is null then
          plan := 'sort';
        end if;
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
      -- newest, or of the sample's k-th newest match), through the index; a window short of a
      -- full page grows eightfold, one from the sample gives way to sorting every match.
      while plan in ('sample', 'window', 'sort') loop
        threshold := null;
        if plan = 'sample' then
          threshold := sampled_at;
        elsif plan = 'window' and newest > 0 then
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
        plan := case
          when threshold is null or cardinality(ids) = p_limit then 'done'
          when plan = 'sample' then 'sort'
          else plan end;
        newest := newest * 8;
      end loop;

      return query select u.n::int, u.id, collected from unnest(ids) with ordinality as u(id, n);
      if not found then
        return query select 0, null::uuid, collected;
      end if;
    end $$`.execute(db);
}
