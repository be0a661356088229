// Reads for an archive package: the case, its parties, its evidence (with disposals) and every
// ledger entry of the case, sealed, in ledger order.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const exportRepository = {
  async caseWithAgency(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .select([
        'cases.id',
        'cases.case_no',
        'cases.kind',
        'cases.procedure',
        'cases.state',
        'cases.title',
        'cases.facts',
        'cases.filed_on',
        'cases.decided_on',
        'cases.closed_on',
        'cases.archived_on',
        'agencies.id as agency_id',
        'agencies.name as agency_name',
      ])
      .where('cases.id', '=', caseId)
      .executeTakeFirst();
  },

  async parties(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('case_parties')
      .select(['kind', 'name', 'credit_code', 'legal_representative'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
  },

  async evidence(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('evidence')
      .leftJoin('evidence_tombstones as t', 't.evidence_id', 'evidence.id')
      .select([
        'evidence.id',
        'evidence.step',
        'evidence.kind',
        'evidence.original_name',
        'evidence.content_type',
        'evidence.size',
        'evidence.sm3',
        'evidence.sha256',
        'evidence.recorded_at',
        'evidence.uploaded_at',
        'evidence.ledger_seq',
        't.register_no',
      ])
      .where('evidence.case_id', '=', caseId)
      .orderBy('evidence.ledger_seq')
      .execute();
  },

  async entries(db: Kysely<Database>, caseId: string) {
    return db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('leaf_index', 'is not', null)
      .orderBy('leaf_index')
      .execute();
  },
};
