// The case and disclosure data an annual report counts, and the published reports themselves.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** [start, end) of a year in China time, as instants. */
function yearBounds(year: number): [Date, Date] {
  return [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)];
}

function count(value: unknown): number {
  return Number(value ?? 0);
}

export const annualRepository = {
  async caseFigures(db: Db, agencyId: string, year: number) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const [filed, decided] = await Promise.all([
      db
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('agency_id', '=', agencyId)
        .where('filed_on', '>=', from)
        .where('filed_on', '<=', to)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('cases')
        .select(['kind', 'details'])
        .where('agency_id', '=', agencyId)
        .where('decided_on', '>=', from)
        .where('decided_on', '<=', to)
        .execute(),
    ]);
    return { filed: count(filed.n), decided };
  },

  async disclosureFigures(db: Db, agencyId: string, year: number) {
    const [start, end] = yearBounds(year);
    const [published, withdrawn, late, requests, answered] = await Promise.all([
      db
        .selectFrom('disclosure_decisions')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('agency_id', '=', agencyId)
        .where('published_at', '>=', start)
        .where('published_at', '<', end)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_decisions')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('agency_id', '=', agencyId)
        .where('withdrawn_at', '>=', start)
        .where('withdrawn_at', '<', end)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_queue')
        .innerJoin('deadlines', 'deadlines.id', 'disclosure_queue.deadline_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('disclosure_queue.agency_id', '=', agencyId)
        .where('deadlines.status', '=', 'missed')
        .where('disclosure_queue.decided_at', '>=', start)
        .where('disclosure_queue.decided_at', '<', end)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_correction_requests')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('agency_id', '=', agencyId)
        .where('received_on', '>=', `${year}-01-01`)
        .where('received_on', '<=', `${year}-12-31`)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_correction_requests')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('agency_id', '=', agencyId)
        .where('received_on', '>=', `${year}-01-01`)
        .where('received_on', '<=', `${year}-12-31`)
        .where('status', '=', 'answered')
        .executeTakeFirstOrThrow(),
    ]);
    return {
      published: count(published.n),
      withdrawn: count(withdrawn.n),
      publishedLate: count(late.n),
      correctionRequests: count(requests.n),
      correctionRequestsAnswered: count(answered.n),
    };
  },

  async insertReport(
    trx: Transaction<Database>,
    r: {
      agencyId: string;
      year: number;
      agencyName: string;
      figures: Record<string, unknown>;
      publishedAt: Date;
      dueOn: string | null;
      ledgerIndex: number;
    },
  ) {
    await trx
      .insertInto('disclosure_annual_reports')
      .values({
        agency_id: r.agencyId,
        year: r.year,
        agency_name: r.agencyName,
        figures: JSON.stringify(r.figures),
        published_at: r.publishedAt,
        due_on: r.dueOn,
        ledger_index: r.ledgerIndex,
      })
      .execute();
  },

  async findReport(db: Db, agencyId: string, year: number) {
    return db
      .selectFrom('disclosure_annual_reports')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
  },

  async listReports(db: Db, year: number, agencyId: string | undefined) {
    let query = db.selectFrom('disclosure_annual_reports').selectAll().where('year', '=', year);
    if (agencyId) query = query.where('agency_id', '=', agencyId);
    return query.orderBy('agency_name').execute();
  },
};
