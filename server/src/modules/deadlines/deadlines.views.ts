// A deadline as a reader sees it: its Chinese name and state as of the clock.
import type { Static } from 'typebox';
import { DEADLINE_STATE_LABELS, kindInfo, stateOf } from './deadline-kinds.ts';
import type { Deadline } from './deadlines.repository.ts';
import type { DeadlineView } from './deadlines.schemas.ts';

export function toDeadlineView(d: Deadline, now: Date): Static<typeof DeadlineView> {
  const info = kindInfo(d.kind);
  const state = stateOf(d, now);
  return {
    id: d.id,
    caseId: d.caseId,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    kind: d.kind,
    label: info.label,
    bearer: info.bearer,
    ruleKey: d.ruleKey,
    unit: d.unit,
    amount: d.amount,
    startOn: d.startOn,
    startAt: d.startAt?.toISOString() ?? null,
    dueOn: d.dueOn,
    dueAt: d.dueAt?.toISOString() ?? null,
    isCalendarMissing: d.isCalendarMissing,
    state,
    stateLabel: DEADLINE_STATE_LABELS[state],
    closedAt: d.closedAt?.toISOString() ?? null,
  };
}
