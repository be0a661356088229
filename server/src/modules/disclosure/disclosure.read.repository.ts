// Public reads of the disclosure projection: search, the feed's latest changes, and the ledger
// entry behind a publication. Display periods end by date in the query.
//
// Search is one call of disclosure_search_page (migration 2026_11_22_0300) over the narrow table
// disclosure_search (one ~120-byte row per decision, its text and grams in TOAST, 8 hash
// partitions, a GIN index of the grams; migrations 2026_11_21_2830/2831, 2026_11_22_0300/0310):
// one round trip, one snapshot. It collects up to the
// count bound of matches through the GIN index, counts them and, when they are all there is, sorts
// them for the page. Past the bound the page comes from the newest decisions: a walk testing the
// text of a few hundred wide rows when matches are dense, else the matches among a window of
// newest decisions that the index answers with the terms, sized here from the lexemes'
// statistics or, for a deep page of a term they do not list, in the database from the matches
// the count read (migration 2026_11_22_0600); sorting every match when a window falls short.
// The choice only ever changes the cost.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DecisionRow } from './disclosure.repository.ts';
import {
  matchShare,
  selectPieces,
  tsqueryOf,
  type LexemeFrequencies,
  type SearchTerm,
} from './disclosure.search.ts';
import type { DisclosureCategory } from './disclosure.tables.ts';

type Db = Kysely<Database>;

/**
 * Search counts exactly only up to this many hits. Nobody pages past MAX_PAGE × the largest page
 * size (100 × 100), so beyond that the answer says "at least this many" (an exact count of a
 * common term would read every match).
 */
export const SEARCH_COUNT_BOUND = 10_000;

export interface DecisionSearch {
  terms: SearchTerm[];
  agencyId?: string | undefined;
  category?: DisclosureCategory | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
  limit: number;
  offset: number;
}

/**
 * How a page past the bound is found (tests force each): `sample` sizes a window by the matches
 * the count read in the partitions it finished (migration 2026_11_22_0600), and sorts every match
 * when that window comes up short; `sort` sorts every match at once.
 */
export type PastBoundPlan = 'walk' | 'window' | 'sample' | 'sort';

export interface PagePlan {
  plan: PastBoundPlan;
  /** The newest decisions walked, or the window of newest decisions searched, first. */
  newest: number;
}

/** The first walk or window holds this many times the decisions the estimate says the page needs. */
const MARGIN = 3;

/**
 * Walk when the page lies within about this many newest decisions: testing the text of a few
 * hundred wide rows costs less than asking the index for a term and a window (a prefix term
 * decodes all its postings in every partition).
 */
const WALK_MAX_REACH = 200;

/**
 * A window over more than this share of the decisions costs about what sorting every match does
 * (the index reads the window's days, the heap its matches): the statistics cannot size it, so the
 * database sizes it from the count's own matches instead (`sample`).
 */
const WINDOW_MAX_SHARE = 1 / 4;

/**
 * How the page of a search past the bound is looked for. Past the bound at least `bound + 1` of
 * `rows` decisions match, whatever the statistics say: that share is the floor (the statistics
 * list only the commonest lexemes — at a million decisions those in 17 % of them or more; a
 * rarer term's share is unknown below that, and a larger first window costs less than one that
 * falls short). A walk or a window that
 * finds less than a full page grows eightfold in the database, so this decides only the cost,
 * never which rows are found.
 */
export function pagePlan(input: {
  bound: number;
  rows: number;
  share?: number | undefined;
  offset: number;
  limit: number;
}): PagePlan {
  const { bound, rows, offset, limit } = input;
  const wanted = offset + limit;
  // Without statistics: a window from the page itself (as if every decision matched).
  if (!(rows > 0)) return { plan: 'window', newest: MARGIN * wanted };
  const share = Math.min(1, Math.max(input.share ?? 0, (bound + 1) / rows));
  const reach = wanted / share;
  const newest = Math.ceil(MARGIN * reach);
  if (reach <= WALK_MAX_REACH) return { plan: 'walk', newest };
  if (newest > rows * WINDOW_MAX_SHARE) return { plan: 'sample', newest: 0 };
  return { plan: 'window', newest };
}

/** Statistics change slowly (autovacuum's ANALYZE); a process reads them again after this. */
const STATISTICS_TTL_MS = 10 * 60_000;
const frequencyCache = new WeakMap<Db, { at: number; frequencies: Promise<LexemeFrequencies> }>();

/**
 * The lexemes' most common elements and their shares, as ANALYZE sampled them (of the partitioned
 * table when it was analysed as a whole, else of one partition: hash partitions look alike).
 * Only a performance hint: a longer term's pieces and the search of the newest decisions are
 * chosen by them, never which rows match.
 */
export function lexemeFrequencies(db: Db, now = Date.now()): Promise<LexemeFrequencies> {
  const cached = frequencyCache.get(db);
  if (cached && now - cached.at < STATISTICS_TTL_MS) return cached.frequencies;
  const frequencies = readLexemeFrequencies(db).catch(() => NO_FREQUENCIES);
  frequencyCache.set(db, { at: now, frequencies });
  return frequencies;
}

const NO_FREQUENCIES: LexemeFrequencies = { common: new Map(), rareBelow: 1, rows: 0 };

async function readLexemeFrequencies(db: Db): Promise<LexemeFrequencies> {
  const { rows } = await sql<{ elems: string[] | null; freqs: number[] | null; rows: number }>`
    select st.most_common_elems::text::text[] as elems,
      st.most_common_elem_freqs::float8[] as freqs,
      (select sum(greatest(c.reltuples, 0))::float8
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'disclosure_search'::regclass) as rows
    from pg_stats st
    where st.schemaname = current_schema() and st.attname = 'lexemes'
      and st.tablename in ('disclosure_search', 'disclosure_search_0')
    order by st.tablename = 'disclosure_search' desc, st.inherited desc
    limit 1`.execute(db);
  const row = rows[0];
  if (!row?.elems || !row.freqs) return NO_FREQUENCIES;
  // The shares of the elements, then the lowest and highest share (and the share of nulls).
  const common = new Map(row.elems.map((e, i) => [e, row.freqs?.[i] ?? 1]));
  return { common, rareBelow: row.freqs[row.elems.length] ?? 1, rows: row.rows };
}

export const disclosureReadRepository = {
  /**
   * Published, corrected and withdrawn decisions still within their display period. Tests may
   * set the count bound and how a page past it is found.
   */
  async searchDecisions(
    db: Db,
    filter: DecisionSearch,
    options: { countBound?: number; pagePlan?: PagePlan } = {},
  ): Promise<{ total: number; totalIsLowerBound: boolean; rows: DecisionRow[] }> {
    const bound = options.countBound ?? SEARCH_COUNT_BOUND;
    const frequencies = filter.terms.length > 0 ? await lexemeFrequencies(db) : NO_FREQUENCIES;
    const terms = filter.terms.map((t) => selectPieces(t, frequencies));
    const { plan, newest } =
      options.pagePlan ??
      pagePlan({
        bound,
        rows: frequencies.rows,
        share: matchShare(terms, frequencies),
        offset: filter.offset,
        limit: filter.limit,
      });
    const recheck = terms.filter((t) => t.needsRecheck).map((t) => t.text);
    const { rows: found } = await sql<DecisionRow & { counted: number }>`
      select f.counted, d.*
      from disclosure_search_page(cast(${tsqueryOf(terms)} as tsquery), ${recheck}::text[],
        ${terms.map((t) => t.text)}::text[], ${filter.agencyId ?? null}::uuid,
        ${filter.category ?? null}::text, ${filter.from ?? null}::date,
        ${filter.to ?? null}::date, ${filter.today}::date, ${filter.limit}::int,
        ${filter.offset}::int, ${bound}::int, ${plan}::text, ${newest}::int) f
      left join disclosure_decisions d on d.id = f.id
      order by f.ordinal`.execute(db);
    const counted = found[0]?.counted;
    if (counted === undefined) throw new Error('search: the count row is missing');
    const rows = found.filter((r) => r.id !== null).map(({ counted: _, ...row }) => row);
    return counted > bound
      ? { total: bound, totalIsLowerBound: true, rows }
      : { total: counted, totalIsLowerBound: false, rows };
  },

  /** The most recently published, corrected or withdrawn decisions still on display (feeds). */
  async latestChanged(db: Db, today: string, limit: number): Promise<DecisionRow[]> {
    return db
      .selectFrom('disclosure_decisions')
      .selectAll()
      .where((eb) => eb.or([eb('display_until', 'is', null), eb('display_until', '>=', today)]))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The ledger entry of a publication event, for anyone re-computing its leaf hash. */
  async publicationEntry(db: Db, decisionId: string, leafIndex: number) {
    return db
      .selectFrom('ledger_entries')
      .select([
        'leaf_index',
        'kind',
        'agency_id',
        'case_id',
        'subject_type',
        'subject_id',
        'actor_user_id',
        'actor_name',
        'actor_ip',
        'actor_user_agent',
        'recorded_at',
        'payload',
        'payload_hash',
        'prev_hash',
        'entry_hash',
      ])
      .where('leaf_index', '=', leafIndex)
      .where('subject_type', '=', 'disclosure_decision')
      .where('subject_id', '=', decisionId)
      .executeTakeFirst();
  },
};
