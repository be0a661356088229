// What review reads of the organisation, people, cases and deadlines: the queue of a body,
// staffing, reviewers' persons and qualifications, and the units a review is routed to (part of
// the review repository; see review.repository.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const reviewOrgRepository = {
  // --- Queue, staffing and the people involved ---------------------------------------------------

  /** The newest round of each case routed to this body that has no opinion yet. */
  async listPendingForBody(db: Db, bodyAgencyId: string) {
    return db
      .selectFrom('legal_review_rounds as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .innerJoin('agencies as a', 'a.id', 'r.agency_id')
      .leftJoin('legal_review_opinions as o', 'o.round_id', 'r.id')
      .leftJoin('legal_review_extensions as e', 'e.round_id', 'r.id')
      .select([
        'r.id',
        'r.case_id',
        'r.round_no',
        'r.kind',
        'r.is_major',
        'r.body_name',
        'r.submitted_on',
        'r.submitted_by_name',
        'r.deadline_id',
        'e.deadline_id as extension_deadline_id',
        'c.case_no',
        'c.title',
        'a.name as agency_name',
      ])
      .where('r.body_agency_id', '=', bodyAgencyId)
      .where('o.id', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('legal_review_rounds as later')
              .select('later.id')
              .whereRef('later.case_id', '=', 'r.case_id')
              .whereRef('later.round_no', '>', 'r.round_no'),
          ),
        ),
      )
      .orderBy('r.submitted_at')
      .execute();
  },

  async dueOfDeadlines(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { dueOn: string | null; status: string }>();
    const rows = await db
      .selectFrom('deadlines')
      .select(['id', 'due_on', 'status'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { dueOn: r.due_on, status: r.status }]));
  },

  /** People of the agency holding a valid, unexpired enforcement credential (执法人员总数). */
  async countOfficers(db: Db, agencyId: string, today: string): Promise<number> {
    const row = await db
      .selectFrom('people as p')
      .where('p.agency_id', '=', agencyId)
      .where('p.is_active', '=', true)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('credentials as c')
            .select('c.id')
            .whereRef('c.person_id', '=', 'p.id')
            .where('c.kind', '=', 'enforcement')
            .where('c.status', '=', 'valid')
            .where('c.expires_on', '>=', today),
        ),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Active users holding the reviewer role in the agency, with their qualifications. */
  async listReviewers(db: Db, agencyId: string) {
    return db
      .selectFrom('user_roles as ur')
      .innerJoin('users as u', 'u.id', 'ur.user_id')
      .leftJoin('people as p', 'p.id', 'u.person_id')
      .select([
        'u.id as user_id',
        'u.display_name',
        'p.id as person_id',
        'p.name as person_name',
        sql<
          string[]
        >`coalesce((select array_agg(distinct q.kind order by q.kind) from qualifications q where q.person_id = p.id), '{}')`.as(
          'qualification_kinds',
        ),
      ])
      .where('ur.role', '=', 'reviewer')
      .where('ur.agency_id', '=', agencyId)
      .where('u.is_active', '=', true)
      .orderBy('u.display_name')
      .execute();
  },

  async personOfUser(db: Db, userId: string) {
    const row = await db
      .selectFrom('users as u')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .select(['p.id', 'p.name', 'p.agency_id'])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    return row ? { personId: row.id, name: row.name, agencyId: row.agency_id } : null;
  },

  async qualificationKinds(db: Db, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('qualifications')
      .select('kind')
      .where('person_id', '=', personId)
      .execute();
    return rows.map((r) => r.kind);
  },

  /** Agencies whose review body received any round of the case (e.g. a 司法局). */
  async bodyAgenciesOfCase(db: Db, caseId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('legal_review_rounds')
      .select('body_agency_id')
      .distinct()
      .where('case_id', '=', caseId)
      .execute();
    return rows.map((r) => r.body_agency_id);
  },

  /** What the documents and materials show of the case beyond its workflow snapshot. */
  async caseBasics(db: Db, caseId: string) {
    return db
      .selectFrom('cases as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .select(['c.case_no', 'c.title', 'c.facts', 'c.handling_unit_id', 'a.name as agency_name'])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
  },

  // --- Routing ------------------------------------------------------------------------------------

  async unitsOf(db: Db, agencyId: string) {
    return db
      .selectFrom('units')
      .select(['id', 'name', 'kind'])
      .where('agency_id', '=', agencyId)
      .orderBy('created_at')
      .execute();
  },

  async agencyWithRegion(db: Db, agencyId: string) {
    return db
      .selectFrom('agencies as a')
      .innerJoin('regions as r', 'r.id', 'a.region_id')
      .select(['a.id', 'a.name', 'a.kind', 'r.path'])
      .where('a.id', '=', agencyId)
      .executeTakeFirst();
  },

  /** Justice bureaus (司法局) whose region contains the given region path, nearest first. */
  async justiceBureausAbove(db: Db, regionPath: string) {
    const rows = await db
      .selectFrom('agencies as a')
      .innerJoin('regions as r', 'r.id', 'a.region_id')
      .select(['a.id', 'a.name', 'r.path'])
      .where('a.kind', '=', 'justice_bureau')
      .where('a.is_active', '=', true)
      .execute();
    return rows
      .filter((r) => regionPath.startsWith(r.path))
      .sort((x, y) => y.path.length - x.path.length);
  },
};
