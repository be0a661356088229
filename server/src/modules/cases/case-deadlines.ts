// The periods running on a case as it stands after an action, each with the rule it comes from.
// The engine hands them to the deadlines module in the action's transaction, which opens, ends or
// replaces the durable deadline rows; the calendar import recomputes those rows like any other,
// so each row keeps the terms the law counts in (working days stay working days, a last day off
// rolls where the law says so). The party's periods after the 事先告知 are the exception: their
// last days were told in writing, so they run to the days the notice kept. Every amount comes from the effective rules (or, for a permit,
// from the due date its workflow computed from the law), never from a number written here.
import { addCalendarDays, toDayNumber, type WorkingDayCalendar } from '../calendar/working-days.ts';
import type { RunningPeriod } from '../deadlines/deadlines.sync.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { statuteAmount } from './periods.ts';
import type { CaseSnapshot } from './workflow.ts';
import type { Notice } from './workflows/penalty.guards.ts';
import { amountDue, isDefenceSettled } from './workflows/penalty.rules.ts';
import type { ProposedPenalty } from './workflows/penalty.schemas.ts';

const MS_PER_HOUR = 3_600_000;

/** The case after the action: its new state, details and dates. */
export type CaseAfter = Pick<
  CaseSnapshot,
  'kind' | 'procedure' | 'state' | 'details' | 'filedOn' | 'decidedOn' | 'closedOn'
>;

type Countable = { amount: number; unit: 'working_days' | 'days' | 'hours' };

/** A rule value that counts (mode 'within'), or null for 及时 / per archive rules / silence. */
function countable(value: unknown): Countable | null {
  const v = value as { mode?: unknown; amount?: unknown; unit?: unknown } | null;
  if (!v || v.mode !== 'within' || typeof v.amount !== 'number') return null;
  if (v.unit !== 'working_days' && v.unit !== 'days' && v.unit !== 'hours') return null;
  return { amount: v.amount, unit: v.unit };
}

function fromRule(
  kind: string,
  ruleKey: string,
  value: unknown,
  start: { on?: string; at?: Date },
): RunningPeriod | null {
  const c = countable(value);
  if (!c) return null;
  if (c.unit === 'hours') {
    return start.at ? { kind, ruleKey, unit: 'hours', amount: c.amount, startAt: start.at } : null;
  }
  return start.on ? { kind, ruleKey, unit: c.unit, amount: c.amount, startOn: start.on } : null;
}

/**
 * A party's period whose last day the 事先告知 kept when it was served: counted in calendar days to
 * that day, so that a later holiday notice does not move what the party was told in writing.
 */
function keptUntil(kind: string, ruleKey: string, startOn: string, dueOn: string): RunningPeriod {
  return {
    kind,
    ruleKey,
    unit: 'days',
    amount: toDayNumber(dueOn) - toDayNumber(startOn),
    startOn,
  };
}

const PENALTY_ACTIVE = ['investigating', 'notified', 'hearing_requested', 'hearing_scheduled'];
/** After the 事先告知: the party may state and defend until the decision. */
const PENALTY_NOTIFIED = ['notified', 'hearing_requested', 'hearing_scheduled'];

function penaltyPeriods(c: CaseAfter, rules: EffectiveRules): (RunningPeriod | null)[] {
  const s = rules.statute;
  const det = c.details;
  const out: (RunningPeriod | null)[] = [];
  const emergency = det.emergencyStart as { startedAt: string; ratification?: unknown } | undefined;
  if (emergency && !emergency.ratification) {
    out.push(
      fromRule(
        'case.emergency_filing_approval',
        'filing.emergencyStartApproval',
        rules.filing.emergencyStartApproval.effective,
        { at: new Date(emergency.startedAt) },
      ),
    );
  }
  const suspensions = (det.suspensions as { from: string; to?: string }[] | undefined) ?? [];
  const isSuspended = suspensions.some((x) => !x.to);
  if (c.procedure === 'ordinary' && c.filedOn && PENALTY_ACTIVE.includes(c.state) && !isSuspended) {
    // Art.60: 90 days from filing, plus approved extensions and the days the case stood suspended.
    const base = countable(s.decisionDeadline.effective);
    const extension = ((det.extensions as { days: number }[] | undefined) ?? []).reduce(
      (sum, e) => sum + e.days,
      0,
    );
    const suspended = suspensions.reduce(
      (sum, x) => sum + (x.to ? toDayNumber(x.to) - toDayNumber(x.from) : 0),
      0,
    );
    if (base && base.unit === 'days') {
      out.push({
        kind: 'case.penalty_decision',
        ruleKey: 'statute.decisionDeadline',
        unit: 'days',
        amount: base.amount + extension + suspended,
        startOn: c.filedOn,
      });
    }
  }
  const preservation = det.preservation as { preservedOn: string; outcome?: string } | undefined;
  if (preservation && !preservation.outcome && c.state === 'investigating') {
    out.push(
      fromRule(
        'case.preservation_decision',
        'statute.evidencePreservationDecision',
        s.evidencePreservationDecision.effective,
        { on: preservation.preservedOn },
      ),
    );
  }
  const notice = det.notice as Notice | undefined;
  if (notice && PENALTY_NOTIFIED.includes(c.state) && !isDefenceSettled(det)) {
    // The party's statement and defence (arts.44–45), until it is made or waived, a hearing is
    // held, or the period runs out: to the day the notice kept, or for a notice recorded without
    // one, counted from its service.
    out.push(
      notice.defenceDueOn
        ? keptUntil('case.defence', 'statute.defenceDeadline', notice.servedOn, notice.defenceDueOn)
        : fromRule('case.defence', 'statute.defenceDeadline', s.defenceDeadline.effective, {
            on: notice.servedOn,
          }),
    );
  }
  if (notice?.isHearingEligible && !det.hearing && c.state === 'notified') {
    const ruleKey = 'statute.hearingRequestDeadline';
    out.push(
      notice.hearingRequestPeriod && notice.hearingRequestDueOn
        ? keptUntil('case.hearing_request', ruleKey, notice.servedOn, notice.hearingRequestDueOn)
        : fromRule('case.hearing_request', ruleKey, s.hearingRequestDeadline.effective, {
            on: notice.servedOn,
          }),
    );
  }
  const hearing = det.hearing as { noticeServedOn?: string; heldOn?: string } | undefined;
  if (c.state === 'hearing_scheduled' && hearing?.noticeServedOn && !hearing.heldOn) {
    // Art.64(二): the notice reaches the party 7 days before the hearing, the time to prepare.
    out.push(
      fromRule(
        'case.hearing_notice',
        'statute.hearingNoticeLeadTime',
        s.hearingNoticeLeadTime.effective,
        { on: hearing.noticeServedOn },
      ),
    );
  }
  if (c.state === 'decided' && c.decidedOn) {
    out.push(
      fromRule('case.decision_service', 'statute.serviceDeadline', s.serviceDeadline.effective, {
        on: c.decidedOn,
      }),
    );
  }
  const decision = det.decision as { penalty: ProposedPenalty } | undefined;
  const service = (det.services as { servedOn: string }[] | undefined)?.[0];
  if (c.state === 'served' && service && decision && amountDue(decision.penalty) > 0) {
    out.push(
      fromRule('case.payment', 'statute.paymentDeadline', s.paymentDeadline.effective, {
        on: service.servedOn,
      }),
    );
  }
  return out;
}

const PERMIT_UNDECIDED = ['reviewing', 'hearing_requested', 'hearing_scheduled'];
/** Art.45: the time of a hearing does not count towards the decision period. */
const PERMIT_HEARING = ['hearing_requested', 'hearing_scheduled'];

/**
 * A permit's decision period (arts.42, 82): from the start of the period to the last day its
 * workflow computed, in the units the law counts — working days, or a power's own period in
 * calendar days followed by any extension and excluded time in working days — so that a new
 * holiday notice moves it as it would move the workflow's own computation.
 */
function permitPeriods(
  c: CaseAfter,
  calendar: WorkingDayCalendar | null,
): (RunningPeriod | null)[] {
  const acceptance = c.details.acceptance as
    { periodStartsOn?: string; period?: { amount: number; unit: string } } | undefined;
  const dueOn = c.details.decisionDueOn as string | undefined;
  const startOn = acceptance?.periodStartsOn;
  if (!PERMIT_UNDECIDED.includes(c.state) || PERMIT_HEARING.includes(c.state)) return [];
  if (!startOn || !acceptance.period || !dueOn || !calendar) return [];
  const kind = 'case.permit_decision';
  const ruleKey = 'statute.permitDecisionDeadline';
  const inDays = acceptance.period.unit === 'days';
  const base = inDays ? addCalendarDays(startOn, acceptance.period.amount) : startOn;
  if (inDays && dueOn === base) {
    return [{ kind, ruleKey, unit: 'days', amount: acceptance.period.amount, startOn }];
  }
  const amount = dueOn > base ? calendar.countWorkingDays(base, dueOn) : 0;
  return amount >= 1 ? [{ kind, ruleKey, unit: 'working_days', amount, startOn: base }] : [];
}

/** The calendar years a permit's decision period reads, or null when none is running. */
export function permitCalendarRange(c: CaseAfter): { first: number; last: number } | null {
  const startOn = (c.details.acceptance as { periodStartsOn?: string } | undefined)?.periodStartsOn;
  const dueOn = c.details.decisionDueOn as string | undefined;
  if (c.kind !== 'permit' || !startOn || !dueOn || !PERMIT_UNDECIDED.includes(c.state)) return null;
  return { first: Number(startOn.slice(0, 4)), last: Number(dueOn.slice(0, 4)) };
}

function coercionPeriods(c: CaseAfter, rules: EffectiveRules): (RunningPeriod | null)[] {
  const out: (RunningPeriod | null)[] = [];
  const emergency = c.details.emergency as
    { reportDueAt: string; ratification?: unknown } | undefined;
  if (emergency && !emergency.ratification) {
    const hours = statuteAmount(rules, 'coercionEmergencyReport', 'hours');
    out.push({
      kind: 'case.emergency_filing_approval',
      ruleKey: 'statute.coercionEmergencyReport',
      unit: 'hours',
      amount: hours,
      startAt: new Date(new Date(emergency.reportDueAt).getTime() - hours * MS_PER_HOUR),
    });
  }
  const measure = c.details.measure as { takenOn: string; periodDays: number } | undefined;
  if (c.state === 'in_effect' && measure) {
    // Calendar days (art.69 counts working days only up to ten), a last day off rolling to the
    // next working day as the workflow reads it.
    const extension = (c.details.extension as { days: number } | undefined)?.days ?? 0;
    const excluded = ((c.details.exclusions as { from: string; to: string }[] | undefined) ?? [])
      .map((x) => toDayNumber(x.to) - toDayNumber(x.from) + 1)
      .reduce((a, b) => a + b, 0);
    out.push({
      kind: 'case.coercion_measure',
      ruleKey: 'statute.coercionSeizurePeriod',
      unit: 'days',
      amount: measure.periodDays + extension + excluded,
      startOn: measure.takenOn,
      rollsToWorkingDay: rules.statute.lastDayOffRollsToWorkingDay.effective === true,
    });
  }
  return out;
}

/** Periods that stand still for now, with the reason shown on the row that ends. */
export function pausedKinds(c: CaseAfter): Record<string, string> {
  const suspensions = (c.details.suspensions as { to?: string }[] | undefined) ?? [];
  if (c.kind === 'penalty' && suspensions.some((x) => !x.to)) {
    return { 'case.penalty_decision': '案件中止' };
  }
  if (c.kind === 'permit' && PERMIT_HEARING.includes(c.state)) {
    return { 'case.permit_decision': '听证期间不计入行政许可决定期限' };
  }
  return {};
}

/**
 * Every period that should be running on the case now. `calendar` covers the years of a
 * permit's decision period (permitCalendarRange); other kinds need none.
 */
export function runningPeriods(
  c: CaseAfter,
  rules: EffectiveRules,
  calendar: WorkingDayCalendar | null = null,
): RunningPeriod[] {
  const periods: (RunningPeriod | null)[] =
    c.kind === 'penalty'
      ? penaltyPeriods(c, rules)
      : c.kind === 'permit'
        ? permitPeriods(c, calendar)
        : c.kind === 'coercion' && c.procedure === 'measure'
          ? coercionPeriods(c, rules)
          : [];
  // Archiving: within the profile's period of the end of the enforcement act (e.g. 薛城区 30 days).
  if (c.state === 'closed' && c.closedOn) {
    periods.push(
      fromRule(
        'case.archive',
        'archive.caseFileDeadline',
        rules.archive.caseFileDeadline.effective,
        {
          on: c.closedOn,
        },
      ),
    );
  }
  return periods.filter((p): p is RunningPeriod => p !== null);
}
