// Pure rules of the permit procedures (《行政许可法》): the decision period, time that does not
// count, renewal, and which outcomes each procedure may reach. Dates need the working-day
// calendar, which the caller passes in (tests build one by hand).
import { addCalendarDays, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { Period } from '../periods.ts';
import type { PermitOutcome, PermitProcedure, WithdrawalGround } from './permit.schemas.ts';

export interface DatedSpan {
  from: string;
  to: string;
}

/** Working days inside spans that do not count (art.45: hearing, testing, expert review …). */
export function excludedWorkingDays(calendar: WorkingDayCalendar, spans: readonly DatedSpan[]) {
  return spans.reduce(
    (sum, s) => sum + (s.to > s.from ? calendar.countWorkingDays(s.from, s.to) : 0),
    0,
  );
}

function addWorkingDaysOrSame(calendar: WorkingDayCalendar, from: string, days: number): string {
  return days > 0 ? calendar.addWorkingDays(from, days) : from;
}

/**
 * The last day for the decision: the period from acceptance (the power's own statutory limit, or
 * art.42's 20 working days), lengthened by an approved extension and by the excluded time, both
 * in working days (art.82). A period of 0 is 当场 (on the day of acceptance).
 */
export function permitDecisionDueOn(
  calendar: WorkingDayCalendar,
  acceptedOn: string,
  period: Period,
  extensionWorkingDays: number,
  excludedDays: number,
): string {
  const base =
    period.unit === 'working_days'
      ? addWorkingDaysOrSame(calendar, acceptedOn, period.amount)
      : addCalendarDays(acceptedOn, period.amount);
  return addWorkingDaysOrSame(calendar, base, extensionWorkingDays + excludedDays);
}

/** Art.50: a renewal is applied for at least the lead time before the permit expires. */
export function isRenewalTimely(receivedOn: string, validUntil: string, leadDays: number): boolean {
  return receivedOn <= addCalendarDays(validUntil, -leadDays);
}

/**
 * Art.50 para.2: the decision on a renewal is due before the permit expires; once it has expired
 * without one, the renewal is deemed granted, and can no longer be refused.
 */
export function isRenewalDeemedGranted(decidedOn: string, validUntil: string): boolean {
  return decidedOn > validUntil;
}

const OUTCOMES: Record<PermitProcedure, readonly PermitOutcome[]> = {
  grant: ['grant', 'deny'],
  change: ['grant', 'deny'],
  renew: ['grant', 'deny'],
  revoke: ['revoke', 'withdraw', 'keep'],
  cancel: ['cancel', 'keep'],
};

export function outcomesOf(procedure: PermitProcedure): readonly PermitOutcome[] {
  return OUTCOMES[procedure];
}

/** The permit actions of the major-decision catalogue (profile vocabulary) a decision is. */
export function permitActionsOf(procedure: PermitProcedure, outcome: PermitOutcome): string[] {
  if (outcome === 'deny') {
    return [
      procedure === 'change' ? 'deny_change' : procedure === 'renew' ? 'deny_renewal' : 'deny',
    ];
  }
  if (outcome === 'revoke') return ['revoke'];
  if (outcome === 'withdraw') return ['withdraw_for_public_interest'];
  if (outcome === 'cancel') return ['cancel'];
  return [];
}

/** Outcomes adverse to the applicant or holder: reasons and remedies must be stated (art.38). */
export function isAdverse(outcome: PermitOutcome): boolean {
  return (
    outcome === 'deny' || outcome === 'revoke' || outcome === 'withdraw' || outcome === 'cancel'
  );
}

/** 撤销 for the agency's own fault (art.69 para.1) and 撤回 (art.8) owe the holder compensation. */
export function isCompensationOwed(outcome: PermitOutcome, ground: WithdrawalGround | undefined) {
  if (outcome === 'withdraw') return true;
  return (
    outcome === 'revoke' &&
    (ground === 'abuse_of_power' ||
      ground === 'beyond_authority' ||
      ground === 'procedure_violation' ||
      ground === 'unqualified_applicant')
  );
}

/** Which grounds lead to which outcome: 撤销 (art.69), 撤回 (art.8), 注销 (art.70). */
export function groundsFor(outcome: 'revoke' | 'withdraw' | 'cancel'): readonly WithdrawalGround[] {
  switch (outcome) {
    case 'revoke':
      return [
        'abuse_of_power',
        'beyond_authority',
        'procedure_violation',
        'unqualified_applicant',
        'fraud_or_bribery',
        'other',
      ];
    case 'withdraw':
      return ['law_changed', 'circumstances_changed'];
    case 'cancel':
      return [
        'expired_not_renewed',
        'holder_died_or_incapacitated',
        'organisation_terminated',
        'revoked_or_withdrawn',
        'force_majeure',
        'other',
      ];
  }
}
