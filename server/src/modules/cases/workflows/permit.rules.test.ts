// The permit periods on the real 2026 holiday notice: 20 working days from acceptance (art.42),
// the 10-day extension, time that does not count (art.45), renewal timing and the deemed renewal
// (art.50), and which outcomes each procedure may reach.
import { describe, expect, it } from 'vitest';
import { shippedCalendarYears } from '../../calendar/calendar.shipped.ts';
import { WorkingDayCalendar } from '../../calendar/working-days.ts';
import { STATUTE } from '../../profile/profiles/index.ts';
import { periodOf } from '../periods.ts';
import {
  excludedWorkingDays,
  groundsFor,
  isAdverse,
  isCompensationOwed,
  isRenewalDeemedGranted,
  isRenewalTimely,
  outcomesOf,
  permitActionsOf,
  permitDecisionDueOn,
} from './permit.rules.ts';

const calendar = new WorkingDayCalendar(
  [2026],
  shippedCalendarYears()
    .filter((y) => y.year === 2026)
    .flatMap((y) => y.days),
);
const base = periodOf(STATUTE.permitDecisionDeadline.value, 'permitDecisionDeadline');

describe('the permit decision period', () => {
  it('is 20 working days from acceptance, cited to art.42 and art.82', () => {
    expect(base).toEqual({ amount: 20, unit: 'working_days' });
    expect(STATUTE.permitDecisionDeadline.source).toMatchObject({
      article: expect.stringContaining('第四十二条'),
    });
    // 9 March + 20 working days skips the 清明 holiday of 4–6 April.
    expect(permitDecisionDueOn(calendar, '2026-03-09', base, 0, 0)).toBe('2026-04-07');
  });

  it('grows by the extension and the excluded working days', () => {
    const extension = periodOf(STATUTE.permitDecisionExtension.value, 'extension').amount;
    expect(permitDecisionDueOn(calendar, '2026-03-09', base, extension, 0)).toBe('2026-04-21');
    expect(permitDecisionDueOn(calendar, '2026-03-09', base, extension, 2)).toBe('2026-04-23');
  });

  it('takes a power’s own period in calendar days, and 0 as the same day', () => {
    expect(permitDecisionDueOn(calendar, '2026-03-09', { amount: 30, unit: 'days' }, 0, 0)).toBe(
      '2026-04-08',
    );
    expect(permitDecisionDueOn(calendar, '2026-03-09', { amount: 30, unit: 'days' }, 0, 2)).toBe(
      '2026-04-10',
    );
    expect(
      permitDecisionDueOn(calendar, '2026-03-09', { amount: 0, unit: 'working_days' }, 0, 0),
    ).toBe('2026-03-09');
  });

  it('counts excluded time in working days: the 劳动节 holiday and its make-up Saturday', () => {
    // After 30 April up to 11 May: 1–5 May off; 6, 7, 8, Saturday 9 (make-up) and 11 May.
    expect(excludedWorkingDays(calendar, [{ from: '2026-04-30', to: '2026-05-11' }])).toBe(5);
    expect(excludedWorkingDays(calendar, [{ from: '2026-05-11', to: '2026-05-11' }])).toBe(0);
  });
});

describe('renewal (art.50)', () => {
  it('is applied for at least 30 days before expiry', () => {
    expect(isRenewalTimely('2026-03-31', '2026-04-30', 30)).toBe(true);
    expect(isRenewalTimely('2026-04-01', '2026-04-30', 30)).toBe(false);
  });

  it('is deemed granted once the permit expired without a decision', () => {
    expect(isRenewalDeemedGranted('2026-04-30', '2026-04-30')).toBe(false);
    expect(isRenewalDeemedGranted('2026-05-01', '2026-04-30')).toBe(true);
  });
});

describe('outcomes', () => {
  it('are limited per procedure and named in the catalogue’s vocabulary', () => {
    expect(outcomesOf('grant')).toEqual(['grant', 'deny']);
    expect(outcomesOf('cancel')).not.toContain('grant');
    expect(permitActionsOf('grant', 'deny')).toEqual(['deny']);
    expect(permitActionsOf('change', 'deny')).toEqual(['deny_change']);
    expect(permitActionsOf('renew', 'deny')).toEqual(['deny_renewal']);
    expect(permitActionsOf('revoke', 'withdraw')).toEqual(['withdraw_for_public_interest']);
    expect(permitActionsOf('grant', 'grant')).toEqual([]);
    expect(isAdverse('keep')).toBe(false);
    expect(isAdverse('cancel')).toBe(true);
  });

  it('owe compensation for 撤回 and for 撤销 caused by the agency, not for fraud', () => {
    expect(isCompensationOwed('withdraw', undefined)).toBe(true);
    expect(isCompensationOwed('revoke', 'beyond_authority')).toBe(true);
    expect(isCompensationOwed('revoke', 'fraud_or_bribery')).toBe(false);
    expect(groundsFor('cancel')).toContain('expired_not_renewed');
    expect(groundsFor('revoke')).not.toContain('expired_not_renewed');
  });
});
