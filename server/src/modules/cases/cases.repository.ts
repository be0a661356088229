// Cases, parties, officers and the action record: what the case engine writes and the snapshot
// its guards read. The lists and the timeline readers page through are in cases.read.repository.ts;
// only these two files touch the tables.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CaseKind, CaseSource } from './cases.tables.ts';
import type { CreateCaseInput } from './cases.schemas.ts';
import type { CaseOfficer, CaseParty, CaseSnapshot } from './workflow.ts';

type Db = Kysely<Database> | Transaction<Database>;
type CaseRow = Selectable<Database['cases']>;

export interface NewCase {
  agencyId: string;
  kind: CaseKind;
  procedure: string;
  state: string;
  source: CaseSource;
  sourceDetail: string | null;
  powerId: string | null;
  handlingUnitId: string | null;
  title: string;
  facts: string | null;
  createdBy: string | null;
  year: number;
}

export interface NewParty {
  kind: 'person' | 'organisation';
  name: string;
  idCardNo: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

/** A party as registered: a person by identity card number, an organisation by credit code. */
export function newParty(p: CreateCaseInput['parties'][number]): NewParty {
  return {
    kind: p.kind,
    name: p.name,
    idCardNo: p.kind === 'person' ? p.idCardNo : null,
    creditCode: p.kind === 'organisation' ? p.creditCode : null,
    legalRepresentative: p.kind === 'organisation' ? p.legalRepresentative : null,
    address: p.address,
    phone: p.phone,
  };
}

export const casesRepository = {
  /** What a case number starts with: the agency's short name, else its name. */
  async caseNoPrefix(trx: Transaction<Database>, agencyId: string): Promise<string> {
    const row = await trx
      .selectFrom('agencies')
      .select(['short_name', 'name'])
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow();
    return row.short_name ?? row.name;
  },

  /** The next number in the agency's yearly sequence, serialised per agency and year. */
  async nextSeq(trx: Transaction<Database>, agencyId: string, year: number): Promise<number> {
    await sql`select pg_advisory_xact_lock(hashtext(${`case_seq:${agencyId}:${year}`}))`.execute(
      trx,
    );
    const row = await trx
      .selectFrom('cases')
      .select((eb) => eb.fn.max('case_seq').as('max'))
      .where('agency_id', '=', agencyId)
      .where('case_year', '=', year)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  },

  async insertCase(trx: Transaction<Database>, input: NewCase, seq: number, caseNo: string) {
    const row = await trx
      .insertInto('cases')
      .values({
        agency_id: input.agencyId,
        case_year: input.year,
        case_seq: seq,
        case_no: caseNo,
        kind: input.kind,
        procedure: input.procedure,
        state: input.state,
        source: input.source,
        source_detail: input.sourceDetail,
        power_id: input.powerId,
        handling_unit_id: input.handlingUnitId,
        title: input.title,
        facts: input.facts,
        details: JSON.stringify({}),
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async insertParties(trx: Transaction<Database>, caseId: string, parties: readonly NewParty[]) {
    if (parties.length === 0) return;
    await trx
      .insertInto('case_parties')
      .values(
        parties.map((p) => ({
          case_id: caseId,
          kind: p.kind,
          name: p.name,
          id_card_no: p.idCardNo,
          credit_code: p.creditCode,
          legal_representative: p.legalRepresentative,
          address: p.address,
          phone: p.phone,
        })),
      )
      .execute();
  },

  async insertOfficers(
    trx: Transaction<Database>,
    caseId: string,
    officers: readonly { personId: string; credentialId: string; role: 'lead' | 'assist' }[],
  ) {
    await trx
      .insertInto('case_officers')
      .values(
        officers.map((o) => ({
          case_id: caseId,
          person_id: o.personId,
          credential_id: o.credentialId,
          role: o.role,
          recusal_declared_at: null,
        })),
      )
      .execute();
  },

  /** Records an officer's declaration once; one sent again leaves the first standing. */
  async declareRecusal(
    trx: Transaction<Database>,
    caseId: string,
    personId: string,
    at: Date,
  ): Promise<'declared' | 'already_declared' | 'not_on_case'> {
    const officer = await trx
      .selectFrom('case_officers')
      .select('recusal_declared_at')
      .where('case_id', '=', caseId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (!officer) return 'not_on_case';
    if (officer.recusal_declared_at) return 'already_declared';
    await trx
      .updateTable('case_officers')
      .set({ recusal_declared_at: at })
      .where('case_id', '=', caseId)
      .where('person_id', '=', personId)
      .execute();
    return 'declared';
  },

  /** The enforcement credential a person of the agency holds (the newest), for assignment. */
  async findCredentialOfAgencyPerson(db: Db, agencyId: string, personId: string) {
    return db
      .selectFrom('credentials')
      .innerJoin('people', 'people.id', 'credentials.person_id')
      .select(['credentials.id', 'people.name'])
      .where('people.id', '=', personId)
      .where('people.agency_id', '=', agencyId)
      .where('credentials.kind', '=', 'enforcement')
      .orderBy('credentials.expires_on', 'desc')
      .executeTakeFirst();
  },

  async findPower(db: Db, powerId: string) {
    return db
      .selectFrom('powers')
      .select(['id', 'agency_id', 'category', 'status', 'name'])
      .where('id', '=', powerId)
      .executeTakeFirst();
  },

  /** The case with everything its guards read; `lock` holds it for the action's transaction. */
  async loadSnapshot(db: Db, caseId: string, lock: boolean): Promise<CaseSnapshot | undefined> {
    let query = db.selectFrom('cases').selectAll().where('id', '=', caseId);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return undefined;
    const [parties, officers, power] = await Promise.all([
      db
        .selectFrom('case_parties')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('case_officers')
        .innerJoin('people', 'people.id', 'case_officers.person_id')
        .innerJoin('credentials', 'credentials.id', 'case_officers.credential_id')
        .select([
          'case_officers.person_id',
          'case_officers.role',
          'case_officers.recusal_declared_at',
          'people.name',
          'credentials.credential_no',
          'credentials.status',
          'credentials.expires_on',
          'credentials.law_areas',
        ])
        .where('case_officers.case_id', '=', caseId)
        .orderBy('case_officers.role', 'desc')
        .execute(),
      row.power_id
        ? db
            .selectFrom('powers')
            .select('law_areas')
            .where('id', '=', row.power_id)
            .executeTakeFirst()
        : undefined,
    ]);
    return toSnapshot(
      row,
      power?.law_areas ?? [],
      parties.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        idCardNo: p.id_card_no,
        creditCode: p.credit_code,
      })),
      officers.map((o): CaseOfficer => ({
        personId: o.person_id,
        name: o.name,
        role: o.role,
        credentialNo: o.credential_no,
        credentialStatus: o.status,
        credentialExpiresOn: o.expires_on,
        lawAreas: o.law_areas,
        recusalDeclaredAt: o.recusal_declared_at?.toISOString() ?? null,
      })),
    );
  },

  async saveCase(
    trx: Transaction<Database>,
    caseId: string,
    patch: {
      state: string;
      details: Record<string, unknown>;
      filedOn?: string;
      decidedOn?: string;
      closedOn?: string;
      archivedOn?: string;
      isEmergencyStart?: boolean;
    },
  ) {
    await trx
      .updateTable('cases')
      .set({
        state: patch.state,
        details: JSON.stringify(patch.details),
        ...(patch.filedOn && { filed_on: patch.filedOn }),
        ...(patch.decidedOn && { decided_on: patch.decidedOn }),
        ...(patch.closedOn && { closed_on: patch.closedOn }),
        ...(patch.archivedOn && { archived_on: patch.archivedOn }),
        ...(patch.isEmergencyStart !== undefined && { is_emergency_start: patch.isEmergencyStart }),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', caseId)
      .execute();
  },

  async findActionByKey(db: Db, caseId: string, key: string) {
    return db
      .selectFrom('case_actions')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  },

  async insertAction(
    trx: Transaction<Database>,
    row: {
      caseId: string;
      action: string;
      fromState: string;
      toState: string;
      actorUserId: string | null;
      payload: Record<string, unknown>;
      idempotencyKey: string | null;
      ledgerSeq: number;
    },
  ) {
    await trx
      .insertInto('case_actions')
      .values({
        case_id: row.caseId,
        action: row.action,
        from_state: row.fromState,
        to_state: row.toState,
        actor_user_id: row.actorUserId,
        payload: JSON.stringify(row.payload),
        idempotency_key: row.idempotencyKey,
        ledger_seq: row.ledgerSeq,
      })
      .execute();
  },
};

function toSnapshot(
  row: CaseRow,
  powerLawAreas: string[],
  parties: CaseParty[],
  officers: CaseOfficer[],
): CaseSnapshot {
  return {
    id: row.id,
    agencyId: row.agency_id,
    caseNo: row.case_no,
    kind: row.kind,
    procedure: row.procedure,
    state: row.state,
    version: row.version,
    powerId: row.power_id,
    powerLawAreas,
    isEmergencyStart: row.is_emergency_start,
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    closedOn: row.closed_on,
    details: row.details,
    parties,
    officers,
  };
}
