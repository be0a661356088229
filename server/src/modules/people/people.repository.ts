// People, their credentials and qualifications. Only this file touches those tables.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  CreateCredentialInput,
  CreatePersonInput,
  CreateQualificationInput,
  CredentialView,
  PersonView,
  QualificationView,
} from './people.schemas.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function maskIdCardNo(value: string | null): string | null {
  return value ? `${value.slice(0, 6)}********${value.slice(-4)}` : null;
}

export function credentialValidity(
  row: { status: CredentialView['status']; expires_on: string },
  today: string,
): CredentialView['validity'] {
  if (row.status !== 'valid') return row.status;
  return row.expires_on < today ? 'expired' : 'valid';
}

function toCredential(row: Selectable<Database['credentials']>, today: string): CredentialView {
  return {
    id: row.id,
    personId: row.person_id,
    credentialNo: row.credential_no,
    kind: row.kind,
    lawAreas: row.law_areas,
    issuingAuthority: row.issuing_authority,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    status: row.status,
    statusReason: row.status_reason,
    validity: credentialValidity(row, today),
  };
}

function toQualification(row: Selectable<Database['qualifications']>): QualificationView {
  return {
    id: row.id,
    kind: row.kind,
    certificateNo: row.certificate_no,
    obtainedOn: row.obtained_on,
  };
}

const personColumns = [
  'people.id',
  'people.agency_id',
  'people.unit_id',
  'people.name',
  'people.id_card_no',
  'people.phone',
  'people.position',
  'people.is_active',
  sql<boolean>`people.photo is not null`.as('has_photo'),
] as const;

/** Loads people with their credentials and qualifications in three queries, not 1 + 2N. */
async function assemble(
  db: Db,
  rows: {
    id: string;
    agency_id: string;
    unit_id: string | null;
    name: string;
    id_card_no: string | null;
    phone: string | null;
    position: string | null;
    is_active: boolean;
    has_photo: boolean;
  }[],
  today: string,
): Promise<PersonView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [credentials, qualifications] = await Promise.all([
    db
      .selectFrom('credentials')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('issued_on')
      .execute(),
    db.selectFrom('qualifications').selectAll().where('person_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    unitId: r.unit_id,
    name: r.name,
    idCardNoMasked: maskIdCardNo(r.id_card_no),
    phone: r.phone,
    position: r.position,
    isActive: r.is_active,
    hasPhoto: r.has_photo,
    credentials: credentials.filter((c) => c.person_id === r.id).map((c) => toCredential(c, today)),
    qualifications: qualifications.filter((q) => q.person_id === r.id).map(toQualification),
  }));
}

export const peopleRepository = {
  async listPeople(
    db: Db,
    agencyId: string,
    filter: { q?: string | undefined; withCredential?: boolean | undefined },
    today: string,
  ): Promise<PersonView[]> {
    let query = db.selectFrom('people').select(personColumns).where('agency_id', '=', agencyId);
    if (filter.q)
      query = query.where('people.name', 'like', `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`);
    if (filter.withCredential !== undefined) {
      const exists = sql<boolean>`exists (select 1 from credentials c where c.person_id = people.id)`;
      query = query.where(filter.withCredential ? exists : sql<boolean>`not ${exists}`);
    }
    return assemble(db, await query.orderBy('people.name').execute(), today);
  },

  async findPerson(db: Db, id: string, today: string): Promise<PersonView | undefined> {
    const row = await db
      .selectFrom('people')
      .select(personColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await assemble(db, [row], today))[0] : undefined;
  },

  async insertPerson(db: Db, agencyId: string, input: CreatePersonInput): Promise<string> {
    const row = await db
      .insertInto('people')
      .values({
        agency_id: agencyId,
        unit_id: input.unitId,
        name: input.name,
        id_card_no: input.idCardNo,
        phone: input.phone,
        position: input.position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updatePerson(
    db: Db,
    id: string,
    patch: Partial<
      Pick<Selectable<Database['people']>, 'unit_id' | 'name' | 'phone' | 'position' | 'is_active'>
    >,
  ): Promise<void> {
    await db
      .updateTable('people')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async setPhoto(db: Db, id: string, photo: Uint8Array, type: string): Promise<void> {
    await db
      .updateTable('people')
      .set({ photo, photo_type: type, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async findPhoto(db: Db, id: string) {
    return db
      .selectFrom('people')
      .select(['photo', 'photo_type', 'agency_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async findAgencyLawAreas(db: Db, agencyId: string): Promise<string[]> {
    const row = await db
      .selectFrom('agencies')
      .select('law_areas')
      .where('id', '=', agencyId)
      .executeTakeFirst();
    return row?.law_areas ?? [];
  },

  async insertCredential(
    db: Db,
    personId: string,
    input: CreateCredentialInput,
    today: string,
  ): Promise<CredentialView> {
    const row = await db
      .insertInto('credentials')
      .values({
        person_id: personId,
        credential_no: input.credentialNo,
        kind: input.kind,
        law_areas: input.lawAreas,
        issuing_authority: input.issuingAuthority,
        issued_on: input.issuedOn,
        expires_on: input.expiresOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCredential(row, today);
  },

  async findCredential(db: Db, id: string, today: string) {
    const row = await db
      .selectFrom('credentials')
      .innerJoin('people', 'people.id', 'credentials.person_id')
      .selectAll('credentials')
      .select('people.agency_id')
      .where('credentials.id', '=', id)
      .executeTakeFirst();
    return row ? { agencyId: row.agency_id, credential: toCredential(row, today) } : undefined;
  },

  async updateCredential(
    db: Db,
    id: string,
    patch: Partial<
      Pick<
        Selectable<Database['credentials']>,
        'status' | 'status_reason' | 'expires_on' | 'law_areas'
      >
    >,
    today: string,
  ): Promise<CredentialView> {
    const row = await db
      .updateTable('credentials')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCredential(row, today);
  },

  async insertQualification(
    db: Db,
    personId: string,
    input: CreateQualificationInput,
  ): Promise<QualificationView> {
    const row = await db
      .insertInto('qualifications')
      .values({
        person_id: personId,
        kind: input.kind,
        certificate_no: input.certificateNo,
        obtained_on: input.obtainedOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toQualification(row);
  },
};
