// Keeps a subject's deadlines in step with what its owner says is running now. The owner (e.g. the
// case engine after each action) states the periods that should be open, with their terms; this
// opens the new ones, ends those no longer running (met, or missed when ended after their due
// date), and replaces one whose terms changed (an extension, a suspension ended). All in the
// caller's transaction, each change with its ledger entry. Nothing here runs on a timer: whether
// an open deadline has passed is read from the clock when someone looks.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { isPast, kindInfo } from './deadline-kinds.ts';
import { deadlinesRepository as repo, type Deadline } from './deadlines.repository.ts';
import { closeDeadline, openDeadline, type OpenDeadlineInput } from './deadlines.service.ts';

/** One period that should be running, identified within its subject by its kind. */
export type RunningPeriod = Pick<
  OpenDeadlineInput,
  'kind' | 'ruleKey' | 'unit' | 'amount' | 'startOn' | 'startAt' | 'rollsToWorkingDay'
>;

function sameTerms(open: Deadline, period: RunningPeriod): boolean {
  return (
    open.ruleKey === period.ruleKey &&
    open.unit === period.unit &&
    open.amount === period.amount &&
    open.startOn === (period.startOn ?? null) &&
    (open.startAt?.getTime() ?? null) === (period.startAt?.getTime() ?? null) &&
    open.rollsToWorkingDay === (period.rollsToWorkingDay ?? false)
  );
}

export async function syncDeadlinesOfSubject(
  trx: Transaction<Database>,
  actor: Actor,
  subject: { agencyId: string; caseId: string | null; subjectType: string; subjectId: string },
  running: readonly RunningPeriod[],
  now: Date,
  /**
   * Kinds that stop running for now, with the reason (a suspended case, a permit's hearing):
   * ended as cancelled, reopened later with the new terms.
   */
  paused: Readonly<Record<string, string>> = {},
): Promise<{ opened: number; closed: number }> {
  const open = await repo.listOpenOfSubjectForUpdate(trx, subject.subjectType, subject.subjectId);
  let opened = 0;
  let closed = 0;
  for (const deadline of open) {
    const period = running.find((p) => p.kind === deadline.kind);
    if (period && sameTerms(deadline, period)) continue;
    // A period that changed terms is replaced; one that ended was met, or missed if late. A
    // party's right simply ran its course.
    const pauseNote = paused[deadline.kind];
    const status =
      period || pauseNote
        ? 'cancelled'
        : isPast(deadline, now) && !kindInfo(deadline.kind).isRight
          ? 'missed'
          : 'met';
    await closeDeadline(trx, actor, {
      deadlineId: deadline.id,
      status,
      note: period ? '期限变更，重新计算' : (pauseNote ?? null),
    });
    closed += 1;
  }
  for (const period of running) {
    const current = open.find((d) => d.kind === period.kind);
    if (current && sameTerms(current, period)) continue;
    await openDeadline(trx, actor, { ...subject, ...period });
    opened += 1;
  }
  return { opened, closed };
}
