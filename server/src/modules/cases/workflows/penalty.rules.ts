// Pure rules of the penalty procedure (《行政处罚法》), kept apart from the workflow table so they
// can be tested without a database.
import { addCalendarDays, toDayNumber } from '../../calendar/working-days.ts';
import { HEARING_TYPES, type PenaltyType, type ProposedPenalty } from './penalty.schemas.ts';

const SEVERITY: Record<PenaltyType, number> = {
  warning: 1,
  criticism: 1,
  fine: 2,
  confiscation: 3,
  suspend_permit: 4,
  lower_qualification: 4,
  restrict_activity: 4,
  restrict_practice: 5,
  suspend_business: 5,
  revoke_permit: 6,
  close: 6,
  detention: 7,
};

/**
 * Whether `next` is heavier than `noticed`: a kind of penalty not noticed, or a larger amount.
 * A penalty may not become heavier than the notice the party could answer (arts.44–45).
 */
export function isHeavier(next: ProposedPenalty, noticed: ProposedPenalty): boolean {
  const noticedMax = Math.max(...noticed.types.map((t) => SEVERITY[t]));
  if (next.types.some((t) => !noticed.types.includes(t) && SEVERITY[t] >= noticedMax)) return true;
  if ((next.fineYuan ?? 0) > (noticed.fineYuan ?? 0)) return true;
  return (next.confiscationYuan ?? 0) > (noticed.confiscationYuan ?? 0);
}

/** The party may ask for a hearing (art.63): the listed kinds, or a large amount. */
export function isHearingEligible(proposed: ProposedPenalty, isLargeAmount: boolean): boolean {
  return isLargeAmount || proposed.types.some((t) => HEARING_TYPES.includes(t));
}

/**
 * Whether the party has been heard after the 事先告知, or has given that up (arts.44–45, 62): a
 * statement and defence recorded with the agency's review of it (record_defence), an express
 * waiver, or a hearing held, where the party states and defends (art.64(八)). Until one of these,
 * the decision waits for the end of the statement period.
 */
export function isDefenceSettled(details: Record<string, unknown>): boolean {
  const defences = (details.defences as unknown[] | undefined) ?? [];
  const hearing = details.hearing as { heldOn?: string } | undefined;
  return defences.length > 0 || Boolean(details.defenceWaiver) || Boolean(hearing?.heldOn);
}

/** Amounts of money a penalty needs paid: fine and confiscated illegal gains. */
export function amountDue(penalty: ProposedPenalty): number {
  return (penalty.fineYuan ?? 0) + (penalty.confiscationYuan ?? 0);
}

/** A proposal is complete when each money penalty names its amount. */
export function missingAmounts(penalty: ProposedPenalty): string[] {
  const missing: string[] = [];
  if (penalty.types.includes('fine') && !penalty.fineYuan) missing.push('罚款数额');
  if (penalty.types.includes('confiscation') && penalty.confiscationYuan === undefined) {
    missing.push('没收违法所得数额');
  }
  return missing;
}

/**
 * 加处罚款 (art.72): a percentage of the fine for each day after the payment due date, never more
 * than the fine itself. Days are counted from the day after the due date to the payment day.
 */
export function lateSurcharge(
  fineYuan: number,
  dueOn: string,
  paidOn: string,
  rule: { percentPerDay: number; isCappedAtFine: boolean },
): number {
  const daysLate = Math.max(0, toDayNumber(paidOn) - toDayNumber(dueOn));
  const raw = Math.round(fineYuan * rule.percentPerDay * daysLate) / 100;
  return rule.isCappedAtFine ? Math.min(raw, fineYuan) : raw;
}

export interface Suspension {
  from: string;
  to?: string;
}

/**
 * The last day for the decision: the statutory period from filing (art.60), lengthened by approved
 * extensions and by the days the case was suspended (中止).
 */
export function decisionDueOn(
  periodEndFromFiling: string,
  extensionDays: number,
  suspensions: readonly Suspension[],
  today: string,
): string {
  const suspendedDays = suspensions.reduce(
    (sum, s) => sum + Math.max(0, toDayNumber(s.to ?? today) - toDayNumber(s.from)),
    0,
  );
  return addCalendarDays(periodEndFromFiling, extensionDays + suspendedDays);
}
