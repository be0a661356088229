// The public inspection records (扫码入企): only this file touches disclosure_inspections.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { InspectionOfficer, InspectionResult } from './disclosure.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface InspectionContent {
  agencyId: string;
  agencyName: string;
  procedure: string;
  powerName: string;
  legalBasis: string;
  items: string[];
  party: string;
  partyCreditCode: string | null;
  officers: InspectionOfficer[];
  plannedOn: string | null;
  inspectedOn: string | null;
  result: InspectionResult;
  stage: string;
  resultText: string | null;
  resultDueOn: string | null;
}

function columns(c: InspectionContent, ledgerIndex: number) {
  return {
    agency_id: c.agencyId,
    agency_name: c.agencyName,
    procedure: c.procedure,
    power_name: c.powerName,
    legal_basis: c.legalBasis,
    items: c.items,
    party: c.party,
    party_credit_code: c.partyCreditCode,
    officers: JSON.stringify(c.officers),
    planned_on: c.plannedOn,
    inspected_on: c.inspectedOn,
    result: c.result,
    stage: c.stage,
    result_text: c.resultText,
    result_due_on: c.resultDueOn,
    ledger_index: ledgerIndex,
  };
}

export const inspectionsRepository = {
  /** Officers on the case with the credential each one holds: public data only. */
  async caseOfficers(db: Db, caseId: string): Promise<InspectionOfficer[]> {
    const rows = await db
      .selectFrom('case_officers')
      .innerJoin('people', 'people.id', 'case_officers.person_id')
      .innerJoin('credentials', 'credentials.id', 'case_officers.credential_id')
      .select(['people.name', 'credentials.credential_no'])
      .where('case_officers.case_id', '=', caseId)
      .orderBy('case_officers.role', 'desc')
      .orderBy('people.name')
      .execute();
    return rows.map((r) => ({ name: r.name, credentialNo: r.credential_no }));
  },

  async findByCase(db: Db, caseId: string) {
    return db
      .selectFrom('disclosure_inspections')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },

  async insert(db: Db, code: string, caseId: string, c: InspectionContent, ledgerIndex: number) {
    await db
      .insertInto('disclosure_inspections')
      .values({ code, case_id: caseId, ...columns(c, ledgerIndex) })
      .execute();
  },

  async update(db: Db, code: string, c: InspectionContent, ledgerIndex: number, at: Date) {
    await db
      .updateTable('disclosure_inspections')
      .set({ ...columns(c, ledgerIndex), updated_at: at })
      .where('code', '=', code)
      .execute();
  },

  /** The public page: the record and, once published, its result's decision. */
  async findPublic(db: Db, code: string) {
    return db
      .selectFrom('disclosure_inspections as i')
      .leftJoin('disclosure_queue as q', (j) =>
        j.onRef('q.case_id', '=', 'i.case_id').on('q.status', '=', 'published'),
      )
      .leftJoin('disclosure_decisions as d', 'd.id', 'q.publication_id')
      .select([
        'i.code',
        'i.agency_id',
        'i.agency_name',
        'i.procedure',
        'i.power_name',
        'i.legal_basis',
        'i.items',
        'i.party',
        'i.party_credit_code',
        'i.officers',
        'i.planned_on',
        'i.inspected_on',
        'i.result',
        'i.stage',
        'i.result_text',
        'i.result_due_on',
        'i.ledger_index',
        'i.updated_at',
        'd.id as decision_id',
        'd.published_at as result_published_at',
        'd.status as decision_status',
      ])
      .where('i.code', '=', code)
      .executeTakeFirst();
  },
};
