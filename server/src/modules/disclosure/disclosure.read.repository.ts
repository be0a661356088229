// Public reads of the disclosure projection: search (grams + substring), the feed's latest
// changes, and the ledger entry behind a publication. Display periods end by date in the query.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { textArray, type DecisionRow } from './disclosure.repository.ts';
import type { SearchTerm } from './disclosure.search.ts';
import type { DisclosureCategory } from './disclosure.tables.ts';

type Db = Kysely<Database>;

/**
 * Search counts exactly only up to this many hits. An exact count of a common term reads every
 * matching row (13 s for 153 k rows at 1 M decisions, bench/README.md), while the page itself
 * takes milliseconds; nobody pages past MAX_PAGE × the largest page size (100 × 100) anyway, so
 * beyond that the answer says "at least this many".
 */
export const SEARCH_COUNT_BOUND = 10_000;

export const disclosureReadRepository = {
  /** Published, corrected and withdrawn decisions still within their display period. */
  async searchDecisions(
    db: Db,
    filter: {
      terms: SearchTerm[];
      agencyId?: string | undefined;
      category?: DisclosureCategory | undefined;
      from?: string | undefined;
      to?: string | undefined;
      today: string;
      limit: number;
      offset: number;
    },
    countBound: number = SEARCH_COUNT_BOUND,
  ): Promise<{ total: number; totalIsLowerBound: boolean; rows: DecisionRow[] }> {
    let query = db
      .selectFrom('disclosure_decisions')
      .where((eb) =>
        eb.or([eb('display_until', 'is', null), eb('display_until', '>=', filter.today)]),
      );
    for (const term of filter.terms) {
      query = query
        .where(sql<boolean>`search_grams @> ${textArray(term.grams)}`)
        .where(sql<boolean>`strpos(search_text, ${term.text}) > 0`);
    }
    if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
    if (filter.category) query = query.where('category', '=', filter.category);
    if (filter.from) query = query.where('decided_on', '>=', filter.from);
    if (filter.to) query = query.where('decided_on', '<=', filter.to);
    // Counting one row past the bound tells "exactly the bound" from "more than the bound".
    const hits = query
      .select(sql<number>`1`.as('hit'))
      .limit(countBound + 1)
      .as('hits');
    const [{ counted }, rows] = await Promise.all([
      db
        .selectFrom(hits)
        .select(sql<number>`count(*)::int`.as('counted'))
        .executeTakeFirstOrThrow(),
      query
        .selectAll()
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    ]);
    const totalIsLowerBound = counted > countBound;
    return { total: totalIsLowerBound ? countBound : counted, totalIsLowerBound, rows };
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
