// The periods running on a case as it stands after an action, each with the rule it comes from.
// The engine hands them to the deadlines module in the action's transaction, which opens, ends or
// replaces the durable deadline rows; the calendar import recomputes those rows like any other.
// Every amount comes from the effective rules (or, for permits and coercive measures, from the
// due date their workflow computed from the law), never from a number written here.
import { toDayNumber } from '../calendar/working-days.ts';
import type { RunningPeriod } from '../deadlines/deadlines.sync.ts';
import { statuteAmount } from './periods.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import type { CaseSnapshot } from './workflow.ts';
import { measureEndsOn } from './workflows/coercion.rules.ts';
import { amountDue } from './workflows/penalty.rules.ts';
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

/** A period whose last day the workflow computed: calendar days from its start to that day. */
function untilDay(kind: string, ruleKey: string, startOn: string, dueOn: string) {
  const amount = toDayNumber(dueOn) - toDayNumber(startOn);
  return amount >= 1 ? { kind, ruleKey, unit: 'days' as const, amount, startOn } : null;
}

const PENALTY_ACTIVE = ['investigating', 'notified', 'hearing_requested', 'hearing_scheduled'];

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
  const notice = det.notice as { servedOn: string; isHearingEligible: boolean } | undefined;
  if (notice?.isHearingEligible && !det.hearing && c.state === 'notified') {
    out.push(
      fromRule(
        'case.hearing_request',
        'statute.hearingRequestDeadline',
        s.hearingRequestDeadline.effective,
        {
          on: notice.servedOn,
        },
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

function permitPeriods(c: CaseAfter): (RunningPeriod | null)[] {
  const acceptance = c.details.acceptance as { acceptedOn?: string } | undefined;
  const dueOn = c.details.decisionDueOn as string | undefined;
  if (!PERMIT_UNDECIDED.includes(c.state) || !acceptance?.acceptedOn || !dueOn) return [];
  return [
    untilDay(
      'case.permit_decision',
      'statute.permitDecisionDeadline',
      acceptance.acceptedOn,
      dueOn,
    ),
  ];
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
    const extension = (c.details.extension as { days: number } | undefined)?.days ?? 0;
    const excluded = ((c.details.exclusions as { from: string; to: string }[] | undefined) ?? [])
      .map((x) => toDayNumber(x.to) - toDayNumber(x.from) + 1)
      .reduce((a, b) => a + b, 0);
    const endsOn = measureEndsOn(measure.takenOn, measure.periodDays, extension, excluded);
    out.push(
      untilDay('case.coercion_measure', 'statute.coercionSeizurePeriod', measure.takenOn, endsOn),
    );
  }
  return out;
}

/** Periods that stand still for now: the decision period while the case is suspended (中止). */
export function pausedKinds(c: CaseAfter): string[] {
  const suspensions = (c.details.suspensions as { to?: string }[] | undefined) ?? [];
  return c.kind === 'penalty' && suspensions.some((x) => !x.to) ? ['case.penalty_decision'] : [];
}

/** Every period that should be running on the case now. */
export function runningPeriods(c: CaseAfter, rules: EffectiveRules): RunningPeriod[] {
  const periods: (RunningPeriod | null)[] =
    c.kind === 'penalty'
      ? penaltyPeriods(c, rules)
      : c.kind === 'permit'
        ? permitPeriods(c)
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
