// Staff-side reads of the disclosure queue and correction requests, and the correction requests'
// writes. Staff views may name the case (they are inside the agency); public views never do.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../db/scope.ts';
import type { ListScope } from '../../shared/policy.ts';
import type { DisclosureTables, QueueStatus } from './disclosure.tables.ts';

type Db = Kysely<Database>;
export type CorrectionRequestRow = Selectable<DisclosureTables['disclosure_correction_requests']>;

export interface QueueItem {
  id: string;
  agencyId: string;
  agencyName: string;
  caseId: string;
  caseNo: string;
  title: string;
  category: string;
  ruleText: string;
  decidedOn: string;
  dueOn: string | null;
  status: QueueStatus;
  publicationId: string | null;
  queuedAt: Date;
}

function queueQuery(db: Db) {
  return db
    .selectFrom('disclosure_queue as q')
    .innerJoin('cases', 'cases.id', 'q.case_id')
    .innerJoin('agencies', 'agencies.id', 'q.agency_id')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select([
      'q.id',
      'q.agency_id',
      'agencies.name as agency_name',
      'q.case_id',
      'cases.case_no',
      'cases.title',
      'q.category',
      'q.rule_text',
      'q.decided_on',
      'q.due_on',
      'q.status',
      'q.publication_id',
      'q.queued_at',
    ]);
}

type QueueQueryRow = Awaited<ReturnType<ReturnType<typeof queueQuery>['execute']>>[number];

function toQueueItem(r: QueueQueryRow): QueueItem {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    caseId: r.case_id,
    caseNo: r.case_no,
    title: r.title,
    category: r.category,
    ruleText: r.rule_text,
    decidedOn: r.decided_on,
    dueOn: r.due_on,
    status: r.status,
    publicationId: r.publication_id,
    queuedAt: r.queued_at,
  };
}

export const disclosureStaffRepository = {
  async findQueueByPublication(db: Db, publicationId: string) {
    return db
      .selectFrom('disclosure_queue')
      .selectAll()
      .where('publication_id', '=', publicationId)
      .executeTakeFirst();
  },

  async listQueue(db: Db, agencyId: string, status: QueueStatus | undefined): Promise<QueueItem[]> {
    let query = queueQuery(db).where('q.agency_id', '=', agencyId);
    if (status) query = query.where('q.status', '=', status);
    const rows = await query.orderBy('q.queued_at', 'desc').limit(500).execute();
    return rows.map(toQueueItem);
  },

  /** Unpublished decisions past their due date, in the reader's scope. */
  async listOverdueQueue(db: Db, scope: ListScope, today: string): Promise<QueueItem[]> {
    let query = queueQuery(db)
      .where('q.status', '=', 'pending_signoff')
      .where('q.due_on', '<', today);
    query = query.where(inScope(scope, { agencyId: 'q.agency_id', regionPath: 'regions.path' }));
    const rows = await query.orderBy('q.due_on').limit(500).execute();
    return rows.map(toQueueItem);
  },

  async listOverdueCorrectionRequests(db: Db, scope: ListScope, today: string) {
    let query = db
      .selectFrom('disclosure_correction_requests as r')
      .innerJoin('agencies', 'agencies.id', 'r.agency_id')
      .innerJoin('regions', 'regions.id', 'agencies.region_id')
      .selectAll('r')
      .where('r.status', '=', 'open')
      .where('r.due_on', '<', today);
    query = query.where(inScope(scope, { agencyId: 'r.agency_id', regionPath: 'regions.path' }));
    return query.orderBy('r.due_on').limit(500).execute();
  },

  async insertCorrectionRequest(
    trx: Transaction<Database>,
    row: {
      id: string;
      trackingNo: string;
      decisionId: string;
      agencyId: string;
      requesterName: string;
      requesterContact: string;
      content: string;
      receivedOn: string;
      dueOn: string | null;
      ruleText: string;
      deadlineId: string | null;
    },
  ) {
    await trx
      .insertInto('disclosure_correction_requests')
      .values({
        id: row.id,
        tracking_no: row.trackingNo,
        decision_id: row.decisionId,
        agency_id: row.agencyId,
        requester_name: row.requesterName,
        requester_contact: row.requesterContact,
        content: row.content,
        received_on: row.receivedOn,
        due_on: row.dueOn,
        rule_text: row.ruleText,
        deadline_id: row.deadlineId,
      })
      .execute();
  },

  async findCorrectionRequest(db: Db, id: string): Promise<CorrectionRequestRow | undefined> {
    return db
      .selectFrom('disclosure_correction_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async findCorrectionRequestByTrackingNo(db: Db, trackingNo: string) {
    return db
      .selectFrom('disclosure_correction_requests')
      .selectAll()
      .where('tracking_no', '=', trackingNo)
      .executeTakeFirst();
  },

  async lockCorrectionRequest(trx: Transaction<Database>, id: string) {
    return trx
      .selectFrom('disclosure_correction_requests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async answerCorrectionRequest(
    trx: Transaction<Database>,
    id: string,
    a: { outcome: 'corrected' | 'rejected'; answer: string; answeredAt: Date; answeredBy: string },
  ) {
    await trx
      .updateTable('disclosure_correction_requests')
      .set({
        status: 'answered',
        outcome: a.outcome,
        answer: a.answer,
        answered_at: a.answeredAt,
        answered_by: a.answeredBy,
      })
      .where('id', '=', id)
      .execute();
  },

  async listCorrectionRequests(db: Db, agencyId: string, status: 'open' | 'answered' | undefined) {
    let query = db
      .selectFrom('disclosure_correction_requests')
      .selectAll()
      .where('agency_id', '=', agencyId);
    if (status) query = query.where('status', '=', status);
    return query.orderBy('created_at', 'desc').limit(500).execute();
  },
};
