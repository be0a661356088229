// The only place the powers catalogue touches Kysely. Functions take the executor (the database
// or a transaction) first, so a service composes them inside one transaction; they return
// camelCase domain types.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PowerContent, RandomCheckContent } from './powers.rules.ts';
import type { PowerCategory } from './powers.schemas.ts';
import type { CatalogStatus } from './powers.tables.ts';

type Db = Kysely<Database>;

interface Lifecycle {
  id: string;
  agencyId: string;
  code: string;
  status: CatalogStatus;
  repealedAt: Date | null;
  repealReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Power extends PowerContent, Lifecycle {
  handlingUnitName: string | null;
}

export interface RandomCheckItem extends RandomCheckContent, Lifecycle {
  powerId: string | null;
  power: { id: string; code: string; name: string } | null;
}

export interface ListPage<T> {
  total: number;
  items: T[];
}

export async function unitIdsByName(db: Db, agencyId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('agency_id', '=', agencyId)
    .execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---- powers -------------------------------------------------------------------------------

function selectPowers(db: Db) {
  return db
    .selectFrom('powers')
    .leftJoin('units', 'units.id', 'powers.handling_unit_id')
    .selectAll('powers')
    .select('units.name as unit_name');
}

type PowerRow = Selectable<Database['powers']> & { unit_name: string | null };

function toPower(row: PowerRow): Power {
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    name: row.name,
    category: row.category,
    handlingUnitId: row.handling_unit_id,
    handlingUnitName: row.unit_name,
    legalBasis: row.legal_basis,
    procedureSteps: row.procedure_steps,
    timeLimit: row.time_limit,
    discretionBenchmarks: row.discretion_benchmarks,
    serviceGuide: row.service_guide,
    lawAreas: row.law_areas,
    status: row.status,
    repealedAt: row.repealed_at,
    repealReason: row.repeal_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPowers(
  db: Db,
  agencyId: string,
  filter: {
    category?: PowerCategory | undefined;
    status?: CatalogStatus | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<ListPage<Power>> {
  let query = selectPowers(db).where('powers.agency_id', '=', agencyId);
  if (filter.category) query = query.where('powers.category', '=', filter.category);
  if (filter.status) query = query.where('powers.status', '=', filter.status);
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    query = query.where((eb) =>
      eb.or([eb('powers.name', 'ilike', pattern), eb('powers.code', 'ilike', pattern)]),
    );
  }
  const { total } = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('powers.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total, items: rows.map(toPower) };
}

export async function findPower(db: Db, id: string): Promise<Power | undefined> {
  const row = await selectPowers(db).where('powers.id', '=', id).executeTakeFirst();
  return row ? toPower(row) : undefined;
}

/** Locks the power's row for the rest of the transaction, so concurrent edits queue up. */
export async function lockPower(db: Db, id: string): Promise<Power | undefined> {
  const row = await selectPowers(db)
    .where('powers.id', '=', id)
    .forUpdate('powers')
    .executeTakeFirst();
  return row ? toPower(row) : undefined;
}

export async function powerCodeExists(db: Db, agencyId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('powers')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function powersByCode(db: Db, agencyId: string): Promise<Map<string, Power>> {
  const rows = await selectPowers(db).where('powers.agency_id', '=', agencyId).execute();
  return new Map(rows.map((r) => [r.code, toPower(r)]));
}

function contentColumns(content: PowerContent) {
  return {
    name: content.name,
    category: content.category,
    handling_unit_id: content.handlingUnitId,
    legal_basis: JSON.stringify(content.legalBasis),
    procedure_steps: JSON.stringify(content.procedureSteps),
    time_limit: JSON.stringify(content.timeLimit),
    discretion_benchmarks: JSON.stringify(content.discretionBenchmarks),
    service_guide: content.serviceGuide === null ? null : JSON.stringify(content.serviceGuide),
    law_areas: content.lawAreas,
  };
}

export async function insertPower(
  db: Db,
  agencyId: string,
  code: string,
  content: PowerContent,
  id?: string,
): Promise<string> {
  const row = await db
    .insertInto('powers')
    .values({ ...(id ? { id } : {}), agency_id: agencyId, code, ...contentColumns(content) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces the content and moves to the next version. */
export async function updatePower(db: Db, id: string, content: PowerContent): Promise<number> {
  const row = await db
    .updateTable('powers')
    .set({ ...contentColumns(content), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function repealPower(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('powers')
    .set({
      status: 'repealed',
      repealed_at: new Date(),
      repeal_reason: reason,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

// ---- random-check items ---------------------------------------------------------------------

function selectRandomChecks(db: Db) {
  return db
    .selectFrom('random_check_items')
    .leftJoin('powers', 'powers.id', 'random_check_items.power_id')
    .selectAll('random_check_items')
    .select(['powers.code as power_code', 'powers.name as power_name']);
}

type RandomCheckRow = Selectable<Database['random_check_items']> & {
  power_code: string | null;
  power_name: string | null;
};

function toRandomCheck(row: RandomCheckRow): RandomCheckItem {
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    name: row.name,
    powerId: row.power_id,
    power:
      row.power_id && row.power_code && row.power_name
        ? { id: row.power_id, code: row.power_code, name: row.power_name }
        : null,
    basis: row.basis,
    subject: row.subject,
    content: row.content,
    method: row.method,
    // numeric travels as text on both drivers.
    ratioPercent: row.ratio_percent === null ? null : Number(row.ratio_percent),
    ratioText: row.ratio_text,
    frequency: row.frequency,
    status: row.status,
    repealedAt: row.repealed_at,
    repealReason: row.repeal_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listRandomChecks(
  db: Db,
  agencyId: string,
  filter: {
    status?: CatalogStatus | undefined;
    powerId?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<ListPage<RandomCheckItem>> {
  let query = selectRandomChecks(db).where('random_check_items.agency_id', '=', agencyId);
  if (filter.status) query = query.where('random_check_items.status', '=', filter.status);
  if (filter.powerId) query = query.where('random_check_items.power_id', '=', filter.powerId);
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('random_check_items.name', 'ilike', pattern),
        eb('random_check_items.code', 'ilike', pattern),
      ]),
    );
  }
  const { total } = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('random_check_items.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total, items: rows.map(toRandomCheck) };
}

export async function findRandomCheck(db: Db, id: string): Promise<RandomCheckItem | undefined> {
  const row = await selectRandomChecks(db)
    .where('random_check_items.id', '=', id)
    .executeTakeFirst();
  return row ? toRandomCheck(row) : undefined;
}

export async function lockRandomCheck(db: Db, id: string): Promise<RandomCheckItem | undefined> {
  const row = await selectRandomChecks(db)
    .where('random_check_items.id', '=', id)
    .forUpdate('random_check_items')
    .executeTakeFirst();
  return row ? toRandomCheck(row) : undefined;
}

export async function randomCheckCodeExists(
  db: Db,
  agencyId: string,
  code: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('random_check_items')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function randomChecksByCode(
  db: Db,
  agencyId: string,
): Promise<Map<string, RandomCheckItem>> {
  const rows = await selectRandomChecks(db)
    .where('random_check_items.agency_id', '=', agencyId)
    .execute();
  return new Map(rows.map((r) => [r.code, toRandomCheck(r)]));
}

function randomCheckColumns(content: RandomCheckContent, powerId: string | null) {
  return {
    power_id: powerId,
    name: content.name,
    basis: content.basis,
    subject: content.subject,
    content: content.content,
    method: content.method,
    ratio_percent: content.ratioPercent,
    ratio_text: content.ratioText,
    frequency: content.frequency,
  };
}

export async function insertRandomCheck(
  db: Db,
  agencyId: string,
  code: string,
  content: RandomCheckContent,
  powerId: string | null,
  id?: string,
): Promise<string> {
  const row = await db
    .insertInto('random_check_items')
    .values({
      ...(id ? { id } : {}),
      agency_id: agencyId,
      code,
      ...randomCheckColumns(content, powerId),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRandomCheck(
  db: Db,
  id: string,
  content: RandomCheckContent,
  powerId: string | null,
): Promise<number> {
  const row = await db
    .updateTable('random_check_items')
    .set({
      ...randomCheckColumns(content, powerId),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function repealRandomCheck(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('random_check_items')
    .set({
      status: 'repealed',
      repealed_at: new Date(),
      repeal_reason: reason,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}
