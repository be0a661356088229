// The instrument tables, and the read of a case that fills an instrument. Reading the case here
// (rather than through the case engine's snapshot) is deliberate: an instrument needs the
// parties' addresses, the power's legal basis, evidence names and who approved each step, which
// the guards never read; this module never writes a case table.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import type { InstrumentCaseData } from './instruments.fill.ts';
import { TEMPLATES, type InstrumentKind } from './instruments.templates.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewVersion {
  id: string;
  instrumentId: string;
  version: number;
  reason: string | null;
  fields: Record<string, string>;
  pdfSm3: string;
  pdfSize: number;
  pageCount: number;
  docxSm3: string;
  docxSize: number;
  seal: { payload: string; signature: string; keyId: string; publicKeyPem: string };
  issuedBy: string | null;
  issuedByName: string;
  issuedAt: Date;
  ledgerSeq: number;
}

export const instrumentsRepository = {
  /** The case record as documents read it; its periods are counted by the issuer. */
  async loadCaseData(
    db: Db,
    caseId: string,
  ): Promise<Omit<InstrumentCaseData, 'partyPeriods'> | undefined> {
    const row = await db
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .leftJoin('regions', 'regions.id', 'agencies.region_id')
      .leftJoin('powers', 'powers.id', 'cases.power_id')
      .select([
        'cases.id',
        'cases.case_no',
        'cases.kind',
        'cases.procedure',
        'cases.state',
        'cases.title',
        'cases.facts',
        'cases.source',
        'cases.source_detail',
        'cases.created_at',
        'cases.filed_on',
        'cases.decided_on',
        'cases.details',
        'agencies.id as agency_id',
        'agencies.name as agency_name',
        'regions.name as region_name',
        'powers.name as power_name',
        'powers.legal_basis as power_legal_basis',
      ])
      .where('cases.id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    const parties = await db
      .selectFrom('case_parties')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    const officers = await db
      .selectFrom('case_officers')
      .innerJoin('people', 'people.id', 'case_officers.person_id')
      .innerJoin('credentials', 'credentials.id', 'case_officers.credential_id')
      .select(['people.name', 'case_officers.role', 'credentials.credential_no'])
      .where('case_officers.case_id', '=', caseId)
      .orderBy('case_officers.role', 'desc')
      .orderBy('people.name')
      .execute();
    const evidence = await db
      .selectFrom('evidence')
      .select(['kind', 'original_name', 'step'])
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .execute();
    const actions = await db
      .selectFrom('case_actions')
      .leftJoin('users', 'users.id', 'case_actions.actor_user_id')
      .select(['case_actions.action', 'case_actions.acted_at', 'users.display_name'])
      .where('case_actions.case_id', '=', caseId)
      .orderBy('case_actions.id')
      .execute();
    const issued = await db
      .selectFrom('instruments')
      .select(['kind', 'doc_no'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    return {
      caseId: row.id,
      caseNo: row.case_no,
      kind: row.kind,
      procedure: row.procedure,
      state: row.state,
      title: row.title,
      facts: row.facts,
      source: row.source,
      sourceDetail: row.source_detail,
      registeredOn: chinaToday(row.created_at),
      filedOn: row.filed_on,
      decidedOn: row.decided_on,
      details: row.details,
      agency: { id: row.agency_id, name: row.agency_name, regionName: row.region_name },
      parties: parties.map((p) => ({
        kind: p.kind,
        name: p.name,
        idCardNo: p.id_card_no,
        creditCode: p.credit_code,
        legalRepresentative: p.legal_representative,
        address: p.address,
        phone: p.phone,
      })),
      officers: officers.map((o) => ({
        name: o.name,
        role: o.role,
        credentialNo: o.credential_no,
      })),
      power: row.power_name
        ? { name: row.power_name, legalBasis: row.power_legal_basis ?? [] }
        : null,
      evidence: evidence.map((e) => ({
        kind: e.kind,
        originalName: e.original_name,
        step: e.step,
      })),
      actions: actions.map((a) => ({
        action: a.action,
        actorName: a.display_name,
        actedOn: chinaToday(a.acted_at),
      })),
      issued: issued.map((i) => ({
        kind: i.kind,
        title: TEMPLATES[i.kind as InstrumentKind]?.title ?? i.kind,
        docNo: i.doc_no,
      })),
    };
  },

  async findAgency(db: Db, agencyId: string) {
    return db
      .selectFrom('agencies')
      .select(['id', 'name', 'short_name'])
      .where('id', '=', agencyId)
      .executeTakeFirst();
  },

  async findNumbering(db: Db, agencyId: string) {
    return db
      .selectFrom('instrument_numbering')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
  },

  async saveNumbering(
    db: Db,
    agencyId: string,
    value: { abbreviation: string; pattern: string; kindCodes: Record<string, string> },
  ) {
    await db
      .insertInto('instrument_numbering')
      .values({
        agency_id: agencyId,
        abbreviation: value.abbreviation,
        pattern: value.pattern,
        kind_codes: JSON.stringify(value.kindCodes),
      })
      .onConflict((oc) =>
        oc.column('agency_id').doUpdateSet({
          abbreviation: value.abbreviation,
          pattern: value.pattern,
          kind_codes: JSON.stringify(value.kindCodes),
          updated_at: new Date(),
        }),
      )
      .execute();
  },

  /**
   * The next number of the agency's yearly series for this kind. The upsert locks the counter
   * row until the issuing transaction ends, so concurrent issues queue and a rolled-back issue
   * gives its number back: the series has no gaps.
   */
  async nextNumber(trx: Transaction<Database>, agencyId: string, year: number, kind: string) {
    const row = await trx
      .insertInto('instrument_counters')
      .values({ agency_id: agencyId, year, kind, last_no: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year', 'kind'])
          .doUpdateSet({ last_no: sql<number>`instrument_counters.last_no + 1` }),
      )
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return row.last_no;
  },

  async insertInstrument(
    trx: Transaction<Database>,
    value: {
      id: string;
      agencyId: string;
      caseId: string | null;
      kind: string;
      year: number;
      seq: number;
      docNo: string;
    },
  ) {
    await trx
      .insertInto('instruments')
      .values({
        id: value.id,
        agency_id: value.agencyId,
        case_id: value.caseId,
        kind: value.kind,
        doc_year: value.year,
        doc_seq: value.seq,
        doc_no: value.docNo,
      })
      .execute();
  },

  /** The instrument, locked so that two re-issues cannot take the same version number. */
  async lockInstrument(trx: Transaction<Database>, instrumentId: string) {
    return trx
      .selectFrom('instruments')
      .selectAll()
      .where('id', '=', instrumentId)
      .forUpdate()
      .executeTakeFirst();
  },

  async findInstrument(db: Db, instrumentId: string) {
    return db
      .selectFrom('instruments')
      .innerJoin('agencies', 'agencies.id', 'instruments.agency_id')
      .select([
        'instruments.id',
        'instruments.agency_id',
        'instruments.case_id',
        'instruments.kind',
        'instruments.doc_no',
        'instruments.created_at',
        'agencies.name as agency_name',
      ])
      .where('instruments.id', '=', instrumentId)
      .executeTakeFirst();
  },

  async latestVersionNo(db: Db, instrumentId: string): Promise<number> {
    const row = await db
      .selectFrom('instrument_versions')
      .select((eb) => eb.fn.max('version').as('max'))
      .where('instrument_id', '=', instrumentId)
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  },

  /** The fields of the newest version, which a re-issue starts from. */
  async latestFields(db: Db, instrumentId: string): Promise<Record<string, string> | undefined> {
    const row = await db
      .selectFrom('instrument_versions')
      .select('fields')
      .where('instrument_id', '=', instrumentId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.fields;
  },

  async insertVersion(trx: Transaction<Database>, v: NewVersion) {
    await trx
      .insertInto('instrument_versions')
      .values({
        id: v.id,
        instrument_id: v.instrumentId,
        version: v.version,
        reason: v.reason,
        fields: JSON.stringify(v.fields),
        pdf_sm3: v.pdfSm3,
        pdf_size: v.pdfSize,
        page_count: v.pageCount,
        docx_sm3: v.docxSm3,
        docx_size: v.docxSize,
        seal_payload: v.seal.payload,
        seal_signature: v.seal.signature,
        seal_key_id: v.seal.keyId,
        seal_public_key_pem: v.seal.publicKeyPem,
        issued_by: v.issuedBy,
        issued_by_name: v.issuedByName,
        issued_at: v.issuedAt,
        ledger_seq: v.ledgerSeq,
      })
      .execute();
  },

  async versionsOf(db: Db, instrumentIds: readonly string[]) {
    if (instrumentIds.length === 0) return [];
    return db
      .selectFrom('instrument_versions')
      .selectAll()
      .where('instrument_id', 'in', instrumentIds)
      .orderBy('instrument_id')
      .orderBy('version')
      .execute();
  },

  async instrumentsOfCase(db: Db, caseId: string) {
    return db
      .selectFrom('instruments')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('doc_seq')
      .execute();
  },
};
