// Pre-disclosure (事前公开) reads for the public: agencies, units, entrustments, officers and their
// credentials, powers, service guides and random-check items. Every query selects public columns
// only — never a person's ID number, phone or photo bytes — so a later change to a view cannot
// leak what was never read.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const catalogueRepository = {
  async listAgencies(db: Db, agencyId?: string) {
    let query = db
      .selectFrom('agencies')
      .innerJoin('regions', 'regions.id', 'agencies.region_id')
      .select([
        'agencies.id',
        'agencies.name',
        'agencies.short_name',
        'agencies.credit_code',
        'agencies.kind',
        'agencies.law_areas',
        'agencies.jurisdiction_area',
        'agencies.address',
        'agencies.postcode',
        'agencies.phone',
        'agencies.email',
        'agencies.supervision_phone',
        'regions.name as region_name',
        'agencies.updated_at',
      ])
      .where('agencies.is_active', '=', true);
    if (agencyId) query = query.where('agencies.id', '=', agencyId);
    return query.orderBy('agencies.name').execute();
  },

  /** 司法行政部门: where the public complains about enforcement (执法监督). */
  async listSupervisors(db: Db) {
    return db
      .selectFrom('agencies')
      .select(['name', 'address', 'postcode', 'phone', 'email', 'supervision_phone'])
      .where('kind', '=', 'justice_bureau')
      .where('is_active', '=', true)
      .orderBy('name')
      .execute();
  },

  async listUnits(db: Db, agencyId: string) {
    return db
      .selectFrom('units')
      .select(['id', 'name', 'kind', 'phone', 'parent_unit_id'])
      .where('agency_id', '=', agencyId)
      .orderBy('name')
      .execute();
  },

  async listEntrustments(db: Db, agencyId: string) {
    return db
      .selectFrom('entrustments')
      .select([
        'entrusted_name',
        'entrusted_credit_code',
        'matters',
        'legal_basis',
        'terms',
        'starts_on',
        'ends_on',
        'status',
      ])
      .where('agency_id', '=', agencyId)
      .orderBy('starts_on', 'desc')
      .execute();
  },

  /** Officers with their credentials: name, agency, number, law areas, validity. */
  async listOfficers(
    db: Db,
    filter: {
      agencyId?: string | undefined;
      q?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let query = db
      .selectFrom('credentials')
      .innerJoin('people', 'people.id', 'credentials.person_id')
      .innerJoin('agencies', 'agencies.id', 'people.agency_id')
      .where('people.is_active', '=', true);
    if (filter.agencyId) query = query.where('people.agency_id', '=', filter.agencyId);
    // PostgreSQL text holds no NUL; control characters never match a name anyway.
    const q = filter.q?.replace(/[\u0000-\u001f]/g, '').trim();
    if (q) {
      const pattern = likePattern(q);
      query = query.where((eb) =>
        eb.or([
          eb('people.name', 'like', pattern),
          eb('credentials.credential_no', 'like', pattern),
        ]),
      );
    }
    const [{ total }, rows] = await Promise.all([
      query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      query
        .select([
          'people.name',
          'agencies.id as agency_id',
          'agencies.name as agency_name',
          'credentials.credential_no',
          'credentials.kind',
          'credentials.law_areas',
          'credentials.issuing_authority',
          'credentials.issued_on',
          'credentials.expires_on',
          'credentials.status',
        ])
        .orderBy('agencies.name')
        .orderBy('credentials.credential_no')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    ]);
    return { total, rows };
  },

  async findCredential(db: Db, credentialNo: string) {
    return db
      .selectFrom('credentials')
      .innerJoin('people', 'people.id', 'credentials.person_id')
      .innerJoin('agencies', 'agencies.id', 'people.agency_id')
      .select([
        'people.name',
        'people.is_active',
        'agencies.id as agency_id',
        'agencies.name as agency_name',
        'credentials.credential_no',
        'credentials.kind',
        'credentials.law_areas',
        'credentials.issuing_authority',
        'credentials.issued_on',
        'credentials.expires_on',
        'credentials.status',
        sql<boolean>`people.photo is not null`.as('has_photo'),
      ])
      .where('credentials.credential_no', '=', credentialNo)
      .executeTakeFirst();
  },

  async listPowers(
    db: Db,
    filter: {
      agencyId?: string | undefined;
      withServiceGuide?: boolean;
      limit: number;
      offset: number;
    },
  ) {
    let query = db
      .selectFrom('powers')
      .innerJoin('agencies', 'agencies.id', 'powers.agency_id')
      .leftJoin('units', 'units.id', 'powers.handling_unit_id')
      .where('powers.status', '=', 'active');
    if (filter.agencyId) query = query.where('powers.agency_id', '=', filter.agencyId);
    if (filter.withServiceGuide) query = query.where('powers.service_guide', 'is not', null);
    const [{ total }, rows] = await Promise.all([
      query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      query
        .select([
          'powers.id',
          'powers.agency_id',
          'agencies.name as agency_name',
          'powers.code',
          'powers.name',
          'powers.category',
          'units.name as unit_name',
          'powers.legal_basis',
          'powers.procedure_steps',
          'powers.time_limit',
          'powers.discretion_benchmarks',
          'powers.service_guide',
          'powers.updated_at',
        ])
        .orderBy('agencies.name')
        .orderBy('powers.code')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    ]);
    return { total, rows };
  },

  async listRandomChecks(
    db: Db,
    filter: { agencyId?: string | undefined; limit: number; offset: number },
  ) {
    let query = db
      .selectFrom('random_check_items as r')
      .innerJoin('agencies', 'agencies.id', 'r.agency_id')
      .where('r.status', '=', 'active');
    if (filter.agencyId) query = query.where('r.agency_id', '=', filter.agencyId);
    const [{ total }, rows] = await Promise.all([
      query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      query
        .select([
          'r.id',
          'r.agency_id',
          'agencies.name as agency_name',
          'r.code',
          'r.name',
          'r.basis',
          'r.subject',
          'r.content',
          'r.method',
          'r.ratio_text',
          'r.frequency',
        ])
        .orderBy('agencies.name')
        .orderBy('r.code')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    ]);
    return { total, rows };
  },
};
