// Public reads of the disclosure projection: search, the feed's latest changes, and the ledger
// entry behind a publication. Display periods end by date in the query.
//
// Search reads the narrow table disclosure_search (one ~120-byte row per decision, text and
// lexemes in TOAST, 8 hash partitions; migrations 2026_11_21_2830/2831). One statement collects
// up to the count bound of matches through the GIN index, counts them and, when they are all
// there is, sorts them for the page. Only when the bound is exceeded is the page found another
// way: walking the newest decisions (a dense term finds its page within a few hundred rows) or,
// for a deep page of a term that is not that dense, sorting every match — whichever the
// planner's estimate of the matches (from the index statistics) says is cheaper.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DecisionRow } from './disclosure.repository.ts';
import {
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

/** How the page of a search past the count bound is found (tests force each). */
export type DensePagePlan = 'walk' | 'sort';

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
 * Relative cost of visiting a wide decision row while walking by publication time, against a
 * narrow search row that is probably cached (measured at a million decisions, bench/search.mjs).
 */
const WALK_ROW_COST = 4;

/**
 * Walking by publication time reads about (offset + limit) × rows / matches wide rows; sorting
 * every match reads `matches` narrow ones. Past the bound there are more than `bound` matches, so
 * when the walk wins even at `bound + 1` it wins for any number (the estimate is not needed);
 * otherwise `matches` is the planner's estimate. Never affects which rows are found.
 */
export function choosePagePlan(input: {
  bound: number;
  matches?: number | undefined;
  tableRows: number;
  offset: number;
  limit: number;
}): DensePagePlan | 'estimate' {
  const { bound, tableRows, offset, limit } = input;
  if (!(tableRows > 0)) return 'walk';
  const walkCost = (matches: number) => ((offset + limit) * tableRows * WALK_ROW_COST) / matches;
  if (walkCost(bound + 1) <= bound + 1) return 'walk';
  if (input.matches === undefined) return 'estimate';
  const matches = Math.max(bound + 1, input.matches);
  return walkCost(matches) <= matches ? 'walk' : 'sort';
}

/** Statistics change slowly (autovacuum's ANALYZE); a process reads them again after this. */
const STATISTICS_TTL_MS = 10 * 60_000;
const frequencyCache = new WeakMap<Db, { at: number; frequencies: Promise<LexemeFrequencies> }>();

/**
 * The lexemes' most common elements and their shares, as ANALYZE sampled them (of the partitioned
 * table when it was analysed as a whole, else of one partition: hash partitions look alike).
 * Only a performance hint: a longer term's pieces are chosen by them, never which rows match.
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
  // The shares of the elements, then the lowest and highest share and the share of nulls.
  const common = new Map(row.elems.map((e, i) => [e, row.freqs?.[i] ?? 1]));
  return { common, rareBelow: row.freqs[row.elems.length] ?? 1, rows: row.rows };
}

function searchConditions(filter: DecisionSearch, alias: 's' | 'd'): RawBuilder<unknown>[] {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: RawBuilder<unknown>[] = [
    sql`(${col('display_until')} is null or ${col('display_until')} >= ${filter.today})`,
  ];
  if (filter.agencyId) conditions.push(sql`${col('agency_id')} = ${filter.agencyId}`);
  if (filter.category) conditions.push(sql`${col('category')} = ${filter.category}`);
  if (filter.from) conditions.push(sql`${col('decided_on')} >= ${filter.from}`);
  if (filter.to) conditions.push(sql`${col('decided_on')} <= ${filter.to}`);
  return conditions;
}

/** Conditions on disclosure_search: the index for every term, the text where it must decide. */
function narrowConditions(filter: DecisionSearch): RawBuilder<unknown>[] {
  const conditions = searchConditions(filter, 's');
  const query = tsqueryOf(filter.terms);
  if (query !== null) conditions.push(sql`s.lexemes @@ cast(${query} as tsquery)`);
  for (const term of filter.terms) {
    if (term.needsRecheck) conditions.push(sql`strpos(s.search_text, ${term.text}) > 0`);
  }
  return conditions;
}

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` and `);

export const disclosureReadRepository = {
  /** Published, corrected and withdrawn decisions still within their display period. */
  async searchDecisions(
    db: Db,
    filter: DecisionSearch,
    options: { countBound?: number; densePagePlan?: DensePagePlan } = {},
  ): Promise<{ total: number; totalIsLowerBound: boolean; rows: DecisionRow[] }> {
    const bound = options.countBound ?? SEARCH_COUNT_BOUND;
    const hasTerms = filter.terms.length > 0;
    if (filter.terms.some((t) => t.needsRecheck)) {
      const frequencies = await lexemeFrequencies(db);
      filter = { ...filter, terms: filter.terms.map((t) => selectPieces(t, frequencies)) };
    }
    // One snapshot for the count and the page.
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        // Terms are only ever found through the index: a sequential scan would read every row's
        // lexemes back from TOAST (the planner may prefer one when a term is very common). JIT
        // compiling costs more than any of these statements runs (sorting every match of a
        // common term is estimated expensive enough to trigger it).
        await sql`select set_config('jit', 'off', true),
          set_config('enable_seqscan', ${hasTerms ? 'off' : 'on'}, true)`.execute(trx);
        const { rows: found } = await sql<DecisionRow & SearchStatistics>`
          with hits as materialized (
            select s.decision_id, s.published_at
            from disclosure_search s
            where ${and(narrowConditions(filter))}
            limit ${bound + 1}
          ), counted as (
            select count(*)::int as counted,
              -- Statistics of the partitions (autovacuum keeps them), -1 where never analysed.
              (select sum(greatest(c.reltuples, 0))::float8
                from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'disclosure_search'::regclass) as table_rows
            from hits
          )
          select c.counted, c.table_rows, d.*
          from counted c left join lateral (
            select d.* from (
              select h.decision_id, h.published_at from hits h
              where c.counted <= ${bound}
              order by h.published_at desc, h.decision_id desc
              limit ${filter.limit} offset ${filter.offset}
            ) p join disclosure_decisions d on d.id = p.decision_id
          ) d on true
          order by d.published_at desc, d.id desc`.execute(trx);
        const head = found[0];
        if (!head) throw new Error('search: the count row is missing');
        const counted = head.counted;
        if (counted <= bound) {
          const rows = found.filter((r) => r.id !== null).map(stripSearchColumns);
          return { total: counted, totalIsLowerBound: false, rows };
        }
        const choice = (matches?: number) =>
          choosePagePlan({
            bound,
            matches,
            tableRows: head.table_rows,
            offset: filter.offset,
            limit: filter.limit,
          });
        let plan = options.densePagePlan ?? choice();
        if (plan === 'estimate') plan = choice((await estimateMatches(trx, filter)) ?? bound + 1);
        const rows = plan === 'walk' ? await walkNewest(trx, filter) : await sortAll(trx, filter);
        return { total: bound, totalIsLowerBound: true, rows };
      });
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

/** What the first statement tells beside the page. */
interface SearchStatistics {
  counted: number;
  table_rows: number;
}

const STATISTICS: ReadonlySet<string> = new Set([
  'counted',
  'table_rows',
] satisfies (keyof SearchStatistics)[]);

function stripSearchColumns(row: DecisionRow & SearchStatistics): DecisionRow {
  return Object.fromEntries(
    Object.entries(row).filter(([column]) => !STATISTICS.has(column)),
  ) as DecisionRow;
}

/** The planner's estimate of every match (posting sizes from the lexemes' statistics). */
export async function estimateMatches(db: Db, filter: DecisionSearch): Promise<number | undefined> {
  const { rows } = await sql<{ 'QUERY PLAN': unknown }>`
    explain (format json)
    select 1 from disclosure_search s where ${and(narrowConditions(filter))}`.execute(db);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const estimate = (plan as [{ Plan?: { 'Plan Rows'?: unknown } }] | undefined)?.[0]?.Plan?.[
    'Plan Rows'
  ];
  return typeof estimate === 'number' ? estimate : undefined;
}

/**
 * The page among the newest decisions: a walk down published_at (or an agency's), the text
 * deciding each term. Cheap when matches are dense, which is when the count bound was exceeded.
 */
async function walkNewest(db: Db, filter: DecisionSearch): Promise<DecisionRow[]> {
  const conditions = searchConditions(filter, 'd');
  for (const term of filter.terms) {
    conditions.push(sql`strpos(d.search_text, ${term.text}) > 0`);
  }
  const { rows } = await sql<DecisionRow>`
    select d.* from disclosure_decisions d
    where ${and(conditions)}
    order by d.published_at desc, d.id desc
    limit ${filter.limit} offset ${filter.offset}`.execute(db);
  return rows;
}

/** The page after sorting every match found through the index (deep pages of rarer terms). */
async function sortAll(db: Db, filter: DecisionSearch): Promise<DecisionRow[]> {
  const { rows } = await sql<DecisionRow>`
    select d.* from (
      select s.decision_id, s.published_at from disclosure_search s
      where ${and(narrowConditions(filter))}
      order by s.published_at desc, s.decision_id desc
      limit ${filter.limit} offset ${filter.offset}
    ) p join disclosure_decisions d on d.id = p.decision_id
    order by p.published_at desc, p.decision_id desc`.execute(db);
  return rows;
}
