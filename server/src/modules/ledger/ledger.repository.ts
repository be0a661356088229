// The single write path for the record of changes. Every service calls appendLedgerEntry inside
// the transaction that makes the change, so the change and its record commit or fail together.
// The ledger issue extends this function with the hash chain; callers do not change.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';

export interface LedgerEntryInput {
  /** What happened, dotted: 'org.agency.created', 'powers.imported', 'calendar.year.loaded'. */
  kind: string;
  subjectType: string;
  subjectId: string | null;
  agencyId?: string | null;
  caseId?: string | null;
  payload: Record<string, unknown>;
}

export async function appendLedgerEntry(
  trx: Transaction<Database>,
  actor: Actor,
  entry: LedgerEntryInput,
): Promise<number> {
  const row = await trx
    .insertInto('ledger_entries')
    .values({
      kind: entry.kind,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      agency_id: entry.agencyId ?? null,
      case_id: entry.caseId ?? null,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      actor_ip: actor.ip,
      actor_user_agent: actor.userAgent,
      payload: JSON.stringify(entry.payload),
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}
