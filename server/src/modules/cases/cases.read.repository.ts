// What readers page through: the cases in their scope, the cases of one party, and a case's
// timeline from the ledger. The engine's writes and snapshot are in cases.repository.ts.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../db/scope.ts';
import type { ListScope } from '../../shared/policy.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A case is in a reader's scope by its agency, or by the region its agency belongs to. */
const caseScope = (scope: ListScope) =>
  inScope(scope, { agencyId: 'cases.agency_id', regionPath: 'regions.path' });

export const casesReadRepository = {
  async listCases(
    db: Db,
    scope: ListScope,
    filter: {
      agencyId?: string | undefined;
      state?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let query = db
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .innerJoin('regions', 'regions.id', 'agencies.region_id');
    query = query.where(caseScope(scope));
    if (filter.agencyId) query = query.where('cases.agency_id', '=', filter.agencyId);
    if (filter.state) query = query.where('cases.state', '=', filter.state);
    const [rows, total] = await Promise.all([
      query
        .select([
          'cases.id',
          'cases.case_no',
          'cases.kind',
          'cases.procedure',
          'cases.state',
          'cases.title',
          'cases.agency_id',
          'agencies.name as agency_name',
          'cases.filed_on',
          'cases.decided_on',
          'cases.updated_at',
        ])
        .orderBy('cases.updated_at', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  /** Every case touching a party, by credit code or ID number, within the reader's scope. */
  async casesOfParty(
    db: Db,
    scope: ListScope,
    identity: { creditCode?: string; idCardNo?: string },
  ) {
    let query = db
      .selectFrom('case_parties')
      .innerJoin('cases', 'cases.id', 'case_parties.case_id')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .innerJoin('regions', 'regions.id', 'agencies.region_id')
      .select([
        'cases.id',
        'cases.case_no',
        'cases.kind',
        'cases.state',
        'cases.title',
        'cases.agency_id',
        'agencies.name as agency_name',
        'case_parties.name as party_name',
        'cases.updated_at',
      ]);
    query = identity.creditCode
      ? query.where('case_parties.credit_code', '=', identity.creditCode)
      : query.where('case_parties.id_card_no', '=', identity.idCardNo ?? '');
    query = query.where(caseScope(scope));
    return query.orderBy('cases.updated_at', 'desc').execute();
  },

  async timeline(db: Db, caseId: string) {
    return db
      .selectFrom('ledger_entries')
      .select(['leaf_index', 'kind', 'actor_name', 'recorded_at', 'payload', 'entry_hash'])
      .where('case_id', '=', caseId)
      .orderBy('leaf_index')
      .execute();
  },
};
