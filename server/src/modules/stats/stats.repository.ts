// Counts grouped in the database, so the figures stay right at any number of cases: the browser
// never pages through lists to add them up.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../db/scope.ts';
import type { ListScope } from '../../shared/policy.ts';
import type { DeadlineBucket, Timeliness } from './stats.schemas.ts';

type Db = Kysely<Database>;

export interface Window {
  agencyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const AGENCY_SCOPE = { agencyId: 'agencies.id', regionPath: 'regions.path' };

// China dates from instants without relying on the database's time-zone data (PGlite ships
// little): China has kept UTC+8 without daylight saving since 1991, as shared/dates.ts assumes.
const chinaDate = (column: string) =>
  sql<string>`cast((${sql.ref(column)} at time zone 'UTC') + interval '8 hours' as date)`;

function scoped(db: Db, scope: ListScope, agencyId: string | undefined) {
  let query = db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .where(inScope(scope, AGENCY_SCOPE));
  if (agencyId) query = query.where('agencies.id', '=', agencyId);
  return query;
}

export const statsRepository = {
  /** Cases registered in the window, by agency, kind, procedure and state. */
  async countCases(db: Db, scope: ListScope, window: Window) {
    let query = scoped(db, scope, window.agencyId).innerJoin(
      'cases',
      'cases.agency_id',
      'agencies.id',
    );
    if (window.from) query = query.where(chinaDate('cases.created_at'), '>=', window.from);
    if (window.to) query = query.where(chinaDate('cases.created_at'), '<=', window.to);
    const rows = await query
      .select([
        'agencies.id as agencyId',
        'agencies.name as agencyName',
        'cases.kind',
        'cases.procedure',
        'cases.state',
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      .groupBy(['agencies.id', 'agencies.name', 'cases.kind', 'cases.procedure', 'cases.state'])
      .orderBy('agencies.name')
      .orderBy('cases.kind')
      .orderBy('cases.procedure')
      .orderBy('cases.state')
      .execute();
    return rows.map(({ n, ...row }) => ({ ...row, count: Number(n) }));
  },

  /**
   * Open deadlines the agency bears, by kind and how they stand today: overdue, due within
   * `soonDays` calendar days, later, or not computable yet (a holiday calendar is missing).
   * Parties' rights whose period passed have lapsed, not run late, and are left out.
   */
  async countOpenDeadlines(
    db: Db,
    scope: ListScope,
    filter: {
      agencyId?: string | undefined;
      excludeKinds: readonly string[];
      now: Date;
      today: string;
      soonUntil: string;
    },
  ) {
    const bucket = sql<DeadlineBucket>`case
      when (deadlines.due_at is not null and deadlines.due_at < ${filter.now})
        or (deadlines.due_at is null and deadlines.due_on < ${filter.today}) then 'overdue'
      when deadlines.due_on is null and deadlines.due_at is null then 'undated'
      when coalesce(deadlines.due_on, ${chinaDate('deadlines.due_at')}) <= ${filter.soonUntil}
        then 'soon'
      else 'later' end`;
    let query = scoped(db, scope, filter.agencyId)
      .innerJoin('deadlines', 'deadlines.agency_id', 'agencies.id')
      .where('deadlines.status', '=', 'open');
    if (filter.excludeKinds.length > 0)
      query = query.where('deadlines.kind', 'not in', filter.excludeKinds);
    // Classified in a subquery and grouped outside it: a GROUP BY repeating an expression with
    // parameters is a different expression to PostgreSQL (its parameters are numbered anew).
    const classified = query
      .select(['agencies.id as agencyId', 'agencies.name as agencyName', 'deadlines.kind'])
      .select(bucket.as('bucket'))
      .as('classified');
    const rows = await db
      .selectFrom(classified)
      .select([
        'agencyId',
        'agencyName',
        'kind',
        'bucket',
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      .groupBy(['agencyId', 'agencyName', 'kind', 'bucket'])
      .orderBy('agencyName')
      .orderBy('kind')
      .execute();
    return rows.map(({ n, ...row }) => ({ ...row, count: Number(n) }));
  },

  /**
   * Decisions queued for disclosure in the window (by decision date), by whether they were
   * published by their due date, after it, are still waiting (within or past it) or withheld.
   * A publication later withdrawn still counts by when it first went up.
   */
  async countPublication(db: Db, scope: ListScope, window: Window, today: string) {
    const timeliness = sql<Timeliness>`case
      when disclosure_queue.status = 'withheld' then 'withheld'
      when disclosure_queue.status = 'published' then
        case when disclosure_queue.due_on is null
          or ${chinaDate('disclosure_decisions.published_at')} <= disclosure_queue.due_on
          then 'on_time' else 'late' end
      when disclosure_queue.due_on < ${today} then 'pending_overdue'
      else 'pending' end`;
    let query = scoped(db, scope, window.agencyId)
      .innerJoin('disclosure_queue', 'disclosure_queue.agency_id', 'agencies.id')
      .leftJoin(
        'disclosure_decisions',
        'disclosure_decisions.id',
        'disclosure_queue.publication_id',
      );
    if (window.from) query = query.where('disclosure_queue.decided_on', '>=', window.from);
    if (window.to) query = query.where('disclosure_queue.decided_on', '<=', window.to);
    const classified = query
      .select(['agencies.id as agencyId', 'agencies.name as agencyName'])
      .select(timeliness.as('timeliness'))
      .as('classified');
    const rows = await db
      .selectFrom(classified)
      .select(['agencyId', 'agencyName', 'timeliness', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['agencyId', 'agencyName', 'timeliness'])
      .orderBy('agencyName')
      .execute();
    return rows.map(({ n, ...row }) => ({ ...row, count: Number(n) }));
  },
};
