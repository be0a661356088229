// Rows of parties' requests to read or copy the record of their case, and the head's decisions.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PartyAccessRequest {
  id: string;
  agencyId: string;
  caseId: string;
  partyId: string;
  partyName: string;
  purpose: 'read' | 'copy';
  evidenceIds: string[];
  statedNeed: string;
  requestedAt: Date;
  decision: {
    isApproved: boolean;
    note: string;
    decidedByName: string;
    decidedAt: Date;
    validUntil: Date | null;
  } | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('party_access_requests as r')
    .leftJoin('party_access_decisions as d', 'd.request_id', 'r.id')
    .select([
      'r.id',
      'r.agency_id',
      'r.case_id',
      'r.party_id',
      'r.party_name',
      'r.purpose',
      'r.evidence_ids',
      'r.stated_need',
      'r.requested_at',
      'd.is_approved',
      'd.note',
      'd.decided_by_name',
      'd.decided_at',
      'd.valid_until',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toRequest(row: Row): PartyAccessRequest {
  return {
    id: row.id,
    agencyId: row.agency_id,
    caseId: row.case_id,
    partyId: row.party_id,
    partyName: row.party_name,
    purpose: row.purpose,
    evidenceIds: row.evidence_ids,
    statedNeed: row.stated_need,
    requestedAt: row.requested_at,
    decision:
      row.is_approved === null
        ? null
        : {
            isApproved: row.is_approved,
            note: row.note ?? '',
            decidedByName: row.decided_by_name ?? '',
            decidedAt: row.decided_at ?? new Date(0),
            validUntil: row.valid_until,
          },
  };
}

export const partyAccessRepository = {
  async findParty(db: Db, caseId: string, partyId: string) {
    return db
      .selectFrom('case_parties')
      .select(['id', 'name'])
      .where('case_id', '=', caseId)
      .where('id', '=', partyId)
      .executeTakeFirst();
  },

  async countEvidenceOfCase(db: Db, caseId: string, evidenceIds: string[]): Promise<number> {
    const row = await db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('id', 'in', evidenceIds)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertRequest(
    trx: Transaction<Database>,
    row: Insertable<Database['party_access_requests']>,
  ) {
    await trx.insertInto('party_access_requests').values(row).execute();
  },

  async insertDecision(
    trx: Transaction<Database>,
    row: Insertable<Database['party_access_decisions']>,
  ) {
    await trx.insertInto('party_access_decisions').values(row).execute();
  },

  async find(db: Db, caseId: string, requestId: string): Promise<PartyAccessRequest | undefined> {
    const row = await baseQuery(db)
      .where('r.case_id', '=', caseId)
      .where('r.id', '=', requestId)
      .executeTakeFirst();
    return row ? toRequest(row) : undefined;
  },

  /** Locks the request row so that two heads deciding at once cannot both decide. */
  async lock(trx: Transaction<Database>, requestId: string) {
    await trx
      .selectFrom('party_access_requests')
      .select('id')
      .where('id', '=', requestId)
      .forUpdate()
      .executeTakeFirst();
  },

  async listOfCase(db: Db, caseId: string): Promise<PartyAccessRequest[]> {
    const rows = await baseQuery(db)
      .where('r.case_id', '=', caseId)
      .orderBy('r.requested_at', 'desc')
      .execute();
    return rows.map(toRequest);
  },

  async findByToken(db: Db, tokenSm3: string): Promise<PartyAccessRequest | undefined> {
    const row = await baseQuery(db).where('d.token_sm3', '=', tokenSm3).executeTakeFirst();
    return row ? toRequest(row) : undefined;
  },
};
