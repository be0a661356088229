// Rows of legal holds, disposal proposals and approvals, the destruction register and tombstones.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

export const disposalRepository = {
  async activeHolds(db: Db, caseId: string) {
    return db
      .selectFrom('legal_holds as h')
      .leftJoin('legal_hold_releases as r', 'r.hold_id', 'h.id')
      .select(['h.id', 'h.reason', 'h.placed_by_name', 'h.placed_at'])
      .where('h.case_id', '=', caseId)
      .where('r.hold_id', 'is', null)
      .execute();
  },

  async holdsOfCase(db: Db, caseId: string) {
    return db
      .selectFrom('legal_holds as h')
      .leftJoin('legal_hold_releases as r', 'r.hold_id', 'h.id')
      .select([
        'h.id',
        'h.reason',
        'h.placed_by_name',
        'h.placed_at',
        'r.reason as release_reason',
        'r.released_by_name',
        'r.released_at',
      ])
      .where('h.case_id', '=', caseId)
      .orderBy('h.placed_at')
      .execute();
  },

  async findHold(db: Db, caseId: string, holdId: string) {
    return db
      .selectFrom('legal_holds as h')
      .leftJoin('legal_hold_releases as r', 'r.hold_id', 'h.id')
      .select(['h.id', 'r.hold_id as released'])
      .where('h.case_id', '=', caseId)
      .where('h.id', '=', holdId)
      .executeTakeFirst();
  },

  async insertHold(trx: Trx, row: Insertable<Database['legal_holds']>) {
    await trx.insertInto('legal_holds').values(row).execute();
  },

  async insertRelease(trx: Trx, row: Insertable<Database['legal_hold_releases']>) {
    await trx.insertInto('legal_hold_releases').values(row).execute();
  },

  async caseForRetention(db: Db, caseId: string) {
    return db
      .selectFrom('cases')
      .select(['id', 'kind', 'closed_on', 'agency_id'])
      .where('id', '=', caseId)
      .executeTakeFirst();
  },

  async evidenceOfCase(db: Db, caseId: string, ids: string[]) {
    return db
      .selectFrom('evidence')
      .leftJoin('evidence_tombstones as t', 't.evidence_id', 'evidence.id')
      .select([
        'evidence.id',
        'evidence.kind',
        'evidence.original_name',
        'evidence.sm3',
        'evidence.sha256',
        'evidence.size',
        't.register_no',
      ])
      .where('evidence.case_id', '=', caseId)
      .where('evidence.id', 'in', ids)
      .execute();
  },

  async insertProposal(trx: Trx, row: Insertable<Database['disposal_proposals']>) {
    await trx.insertInto('disposal_proposals').values(row).execute();
  },

  async lockProposal(trx: Trx, caseId: string, id: string) {
    return trx
      .selectFrom('disposal_proposals')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async proposalsOfCase(db: Db, caseId: string) {
    return db
      .selectFrom('disposal_proposals as p')
      .leftJoin('destruction_register as d', 'd.proposal_id', 'p.id')
      .select([
        'p.id',
        'p.evidence_ids',
        'p.reason',
        'p.exception',
        'p.retention',
        'p.proposed_by_name',
        'p.proposed_at',
        'd.register_no',
      ])
      .where('p.case_id', '=', caseId)
      .orderBy('p.proposed_at')
      .execute();
  },

  async approvals(db: Db, proposalId: string) {
    return db
      .selectFrom('disposal_approvals')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('approved_at')
      .execute();
  },

  async insertApproval(trx: Trx, row: Insertable<Database['disposal_approvals']>) {
    await trx.insertInto('disposal_approvals').values(row).execute();
  },

  async registerOfProposal(db: Db, proposalId: string) {
    return db
      .selectFrom('destruction_register')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .executeTakeFirst();
  },

  /** The next register number, drawn before the ledger entry that names it. */
  async nextRegisterNo(trx: Trx): Promise<number> {
    const { rows } = await sql<{
      n: string | number;
    }>`select nextval(pg_get_serial_sequence('destruction_register', 'register_no')) as n`.execute(
      trx,
    );
    return Number(rows[0]?.n);
  },

  async insertRegister(trx: Trx, row: Insertable<Database['destruction_register']>) {
    await trx.insertInto('destruction_register').values(row).execute();
  },

  /** Records of other cases or not in this disposal that still hold the same content. */
  async liveHolders(trx: Trx, sm3: string, disposing: string[]) {
    const row = await trx
      .selectFrom('evidence')
      .leftJoin('evidence_tombstones as t', 't.evidence_id', 'evidence.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('evidence.sm3', '=', sm3)
      .where('t.evidence_id', 'is', null)
      .where('evidence.id', 'not in', disposing)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertTombstones(trx: Trx, rows: Insertable<Database['evidence_tombstones']>[]) {
    if (rows.length > 0) await trx.insertInto('evidence_tombstones').values(rows).execute();
  },

  async insertBlobDisposals(trx: Trx, rows: Insertable<Database['blob_disposals']>[]) {
    if (rows.length > 0) await trx.insertInto('blob_disposals').values(rows).execute();
  },

  async blobDisposalsOfRegister(db: Db, registerNo: number) {
    return db
      .selectFrom('blob_disposals')
      .select('sm3')
      .where('register_no', '=', registerNo)
      .execute();
  },

  async register(db: Db, agencyId: string, limit: number, offset: number) {
    return db
      .selectFrom('destruction_register')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('register_no', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  },

  async tombstoneOf(db: Db, evidenceId: string) {
    return db
      .selectFrom('evidence_tombstones')
      .select('register_no')
      .where('evidence_id', '=', evidenceId)
      .executeTakeFirst();
  },
};
