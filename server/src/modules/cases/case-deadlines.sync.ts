// After every action, in its transaction: the periods running on the case as it now stands
// (case-deadlines.ts) become the case's durable deadline rows — new ones opened, ended ones closed,
// changed ones replaced, suspended ones paused — each change with its ledger entry.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { loadWorkingDayCalendar } from '../calendar/calendar.service.ts';
import { syncDeadlinesOfSubject } from '../deadlines/deadlines.sync.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import {
  pausedKinds,
  permitCalendarRange,
  runningPeriods,
  type CaseAfter,
} from './case-deadlines.ts';
import type { CasePatch, CaseSnapshot } from './workflow.ts';

/** The case after an action: its new state, the details merged with the patch, its dates. */
export function caseAfter(
  snapshot: CaseSnapshot,
  toState: string,
  patch: CasePatch,
  details: Record<string, unknown>,
): CaseAfter {
  return {
    kind: snapshot.kind,
    procedure: snapshot.procedure,
    state: toState,
    details,
    filedOn: patch.filedOn ?? snapshot.filedOn,
    decidedOn: patch.decidedOn ?? snapshot.decidedOn,
    closedOn: patch.closedOn ?? snapshot.closedOn,
  };
}

export async function syncCaseDeadlines(
  trx: Transaction<Database>,
  actor: Actor,
  snapshot: Pick<CaseSnapshot, 'id' | 'agencyId'>,
  after: CaseAfter,
  rules: EffectiveRules,
  now: Date,
): Promise<void> {
  // A permit's period is turned back into working days with the calendar its due date used.
  const range = permitCalendarRange(after);
  const calendar = range ? await loadWorkingDayCalendar(trx, range) : null;
  await syncDeadlinesOfSubject(
    trx,
    actor,
    {
      agencyId: snapshot.agencyId,
      caseId: snapshot.id,
      subjectType: 'case',
      subjectId: snapshot.id,
    },
    runningPeriods(after, rules, calendar),
    now,
    pausedKinds(after),
  );
}
