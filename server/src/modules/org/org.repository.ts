// Regions, agencies, units and entrustments. Only this file touches their tables.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../db/scope.ts';
import type { AgencyTarget, ListScope } from '../../shared/policy.ts';
import type {
  AgencyView,
  CreateAgencyInput,
  CreateEntrustmentInput,
  CreateUnitInput,
  EntrustmentView,
  RegionView,
  UnitView,
} from './org.schemas.ts';

type Db = Kysely<Database> | Transaction<Database>;

function toRegion(row: Selectable<Database['regions']>): RegionView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    path: row.path,
  };
}

function toUnit(row: Selectable<Database['units']>): UnitView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    parentUnitId: row.parent_unit_id,
    name: row.name,
    kind: row.kind,
    phone: row.phone,
  };
}

function toEntrustment(row: Selectable<Database['entrustments']>): EntrustmentView {
  return {
    id: row.id,
    agencyId: row.agency_id,
    entrustedName: row.entrusted_name,
    entrustedCreditCode: row.entrusted_credit_code,
    matters: row.matters,
    legalBasis: row.legal_basis,
    terms: row.terms,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
  };
}

function agencyQuery(db: Db) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .selectAll('agencies')
    .select(['regions.name as region_name', 'regions.path as region_path']);
}

type AgencyRow = Selectable<Database['agencies']> & { region_name: string };

function toAgency(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    regionId: row.region_id,
    regionName: row.region_name,
    name: row.name,
    shortName: row.short_name,
    creditCode: row.credit_code,
    kind: row.kind,
    lawAreas: row.law_areas,
    jurisdictionArea: row.jurisdiction_area,
    jurisdictionRegionIds: row.jurisdiction_region_ids,
    address: row.address,
    postcode: row.postcode,
    phone: row.phone,
    email: row.email,
    supervisionPhone: row.supervision_phone,
    isActive: row.is_active,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Where an agency sits, for scope checks. Other modules use this too. */
export async function findAgencyTarget(
  db: Db,
  agencyId: string,
): Promise<AgencyTarget | undefined> {
  const row = await db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'regions.path'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
  return row ? { agencyId: row.id, regionPath: row.path } : undefined;
}

/** The agency a unit belongs to, to refuse a unit of another agency. */
export async function findUnitAgency(db: Db, unitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('units')
    .select('agency_id')
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.agency_id;
}

export const orgRepository = {
  async listRegions(db: Db): Promise<RegionView[]> {
    const rows = await db.selectFrom('regions').selectAll().orderBy('path').execute();
    return rows.map(toRegion);
  },

  async findRegion(db: Db, id: string): Promise<RegionView | undefined> {
    const row = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRegion(row) : undefined;
  },

  async insertRegion(db: Db, values: Omit<RegionView, 'id'>): Promise<RegionView> {
    const row = await db
      .insertInto('regions')
      .values({
        code: values.code,
        name: values.name,
        level: values.level,
        parent_id: values.parentId,
        path: values.path,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRegion(row);
  },

  async countRegions(db: Db, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const row = await db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async listAgencies(
    db: Db,
    scope: ListScope,
    filter: { regionId?: string | undefined; kind?: string | undefined },
  ): Promise<AgencyView[]> {
    let query = agencyQuery(db);
    query = query.where(inScope(scope, { agencyId: 'agencies.id', regionPath: 'regions.path' }));
    if (filter.regionId) query = query.where('agencies.region_id', '=', filter.regionId);
    if (filter.kind) query = query.where('agencies.kind', '=', filter.kind as AgencyView['kind']);
    const rows = await query.orderBy('regions.path').orderBy('agencies.name').execute();
    return rows.map(toAgency);
  },

  async findAgency(db: Db, id: string): Promise<AgencyView | undefined> {
    const row = await agencyQuery(db).where('agencies.id', '=', id).executeTakeFirst();
    return row ? toAgency(row) : undefined;
  },

  async insertAgency(db: Db, input: CreateAgencyInput): Promise<string> {
    const row = await db
      .insertInto('agencies')
      .values({
        region_id: input.regionId,
        name: input.name,
        short_name: input.shortName,
        credit_code: input.creditCode,
        kind: input.kind,
        law_areas: input.lawAreas,
        jurisdiction_area: input.jurisdictionArea,
        jurisdiction_region_ids: input.jurisdictionRegionIds,
        address: input.address,
        postcode: input.postcode,
        phone: input.phone,
        email: input.email,
        supervision_phone: input.supervisionPhone,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateAgency(
    db: Db,
    id: string,
    patch: Partial<Omit<Selectable<Database['agencies']>, 'id' | 'created_at' | 'updated_at'>>,
  ): Promise<void> {
    await db
      .updateTable('agencies')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async listUnits(db: Db, agencyId: string): Promise<UnitView[]> {
    const rows = await db
      .selectFrom('units')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('name')
      .execute();
    return rows.map(toUnit);
  },

  async findUnit(db: Db, id: string): Promise<UnitView | undefined> {
    const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUnit(row) : undefined;
  },

  async insertUnit(db: Db, agencyId: string, input: CreateUnitInput): Promise<UnitView> {
    const row = await db
      .insertInto('units')
      .values({
        agency_id: agencyId,
        parent_unit_id: input.parentUnitId,
        name: input.name,
        kind: input.kind,
        phone: input.phone,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUnit(row);
  },

  async updateUnit(
    db: Db,
    id: string,
    patch: Partial<
      Pick<Selectable<Database['units']>, 'parent_unit_id' | 'name' | 'kind' | 'phone'>
    >,
  ): Promise<UnitView> {
    const row = await db
      .updateTable('units')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUnit(row);
  },

  /** Ids of a unit and all its ancestors, to refuse a parent that would close a cycle. */
  async unitAncestorIds(db: Db, unitId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      with recursive up(id, parent_unit_id) as (
        select id, parent_unit_id from units where id = ${unitId}
        union
        select u.id, u.parent_unit_id from units u join up on u.id = up.parent_unit_id
      )
      select id from up`.execute(db);
    return rows.rows.map((r) => r.id);
  },

  async listEntrustments(db: Db, agencyId: string): Promise<EntrustmentView[]> {
    const rows = await db
      .selectFrom('entrustments')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('starts_on', 'desc')
      .execute();
    return rows.map(toEntrustment);
  },

  async findEntrustment(db: Db, id: string): Promise<EntrustmentView | undefined> {
    const row = await db
      .selectFrom('entrustments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toEntrustment(row) : undefined;
  },

  async insertEntrustment(
    db: Db,
    agencyId: string,
    input: CreateEntrustmentInput,
  ): Promise<EntrustmentView> {
    const row = await db
      .insertInto('entrustments')
      .values({
        agency_id: agencyId,
        entrusted_name: input.entrustedName,
        entrusted_credit_code: input.entrustedCreditCode,
        matters: input.matters,
        legal_basis: input.legalBasis,
        terms: input.terms,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntrustment(row);
  },

  async updateEntrustment(
    db: Db,
    id: string,
    patch: Partial<
      Pick<
        Selectable<Database['entrustments']>,
        'matters' | 'legal_basis' | 'terms' | 'starts_on' | 'ends_on' | 'status'
      >
    >,
  ): Promise<EntrustmentView> {
    const row = await db
      .updateTable('entrustments')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntrustment(row);
  },
};
