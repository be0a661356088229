// 调阅监督: every reading of a case record or an evidence file leaves an entry — who, what, when
// and, for anyone who does not handle the case, the reason they gave. Supervisors read the log.
// Readings are not state changes, so they go to this write-once table rather than the ledger.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor, Principal } from '../../shared/policy.ts';

export interface AccessRecord {
  agencyId: string;
  caseId: string | null;
  resource: string;
  resourceId?: string | null;
  reason?: string | undefined;
}

/**
 * Whether the reader handles the case: one of its officers, a head of its agency, or a reviewer of
 * the body the case was sent to for legal review — reading the materials is their part of the
 * case (谁审核谁负责), so they are not asked why, though every reading is still logged.
 */
async function isHandler(db: Kysely<Database>, principal: Principal, record: AccessRecord) {
  if (principal.grants.some((g) => g.role === 'head' && g.agencyId === record.agencyId))
    return true;
  if (!record.caseId) return false;
  const row = await db
    .selectFrom('case_officers')
    .innerJoin('users', 'users.person_id', 'case_officers.person_id')
    .select('case_officers.person_id')
    .where('case_officers.case_id', '=', record.caseId)
    .where('users.id', '=', principal.userId)
    .executeTakeFirst();
  if (row !== undefined) return true;
  const reviewBodies = principal.grants
    .filter((g) => g.role === 'reviewer' && g.agencyId !== null)
    .map((g) => g.agencyId as string);
  if (reviewBodies.length === 0) return false;
  const round = await db
    .selectFrom('legal_review_rounds')
    .select('id')
    .where('case_id', '=', record.caseId)
    .where('body_agency_id', 'in', reviewBodies)
    .executeTakeFirst();
  return round !== undefined;
}

/**
 * Records a reading, refusing it (ACCESS_REASON_REQUIRED) when a reader outside the case gives no
 * reason. Call before answering, so that no reading goes unrecorded.
 */
export async function recordAccess(
  db: Kysely<Database>,
  principal: Principal,
  actor: Actor,
  record: AccessRecord,
): Promise<void> {
  const handler = await isHandler(db, principal, record);
  const reason = record.reason?.trim() || null;
  if (!handler && !reason) throw new AppError('ACCESS_REASON_REQUIRED');
  await db
    .insertInto('access_log')
    .values({
      agency_id: record.agencyId,
      case_id: record.caseId,
      resource: record.resource,
      resource_id: record.resourceId ?? null,
      reader_user_id: principal.userId,
      reader_name: principal.displayName,
      is_handler: handler,
      reason,
      ip: actor.ip,
      user_agent: actor.userAgent,
    })
    .execute();
}

/**
 * A reading by a party under a granted request: no user account, so the party's name is the
 * reader's, and the approval is the reason (it is never a handler's reading).
 */
export async function recordPartyAccess(
  db: Kysely<Database>,
  actor: Actor,
  grant: { id: string; agencyId: string; caseId: string; partyName: string },
  resource: string,
  resourceId: string,
): Promise<void> {
  await db
    .insertInto('access_log')
    .values({
      agency_id: grant.agencyId,
      case_id: grant.caseId,
      resource,
      resource_id: resourceId,
      reader_user_id: null,
      reader_name: grant.partyName,
      is_handler: false,
      reason: `当事人查阅、复制（经负责人同意，申请 ${grant.id}）`,
      ip: actor.ip,
      user_agent: actor.userAgent,
    })
    .execute();
}

export async function listAccess(
  db: Kysely<Database>,
  filter: { agencyId?: string; caseId?: string; limit: number; offset: number },
) {
  let query = db.selectFrom('access_log');
  if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('read_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      caseId: r.case_id,
      agencyId: r.agency_id,
      resource: r.resource,
      resourceId: r.resource_id,
      readerName: r.reader_name,
      isHandler: r.is_handler,
      reason: r.reason,
      readAt: r.read_at.toISOString(),
    })),
  };
}
