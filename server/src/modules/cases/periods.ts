// Periods the law sets, turned into dates with the working-day calendar. The amounts and units
// always come from the effective rules; this file only counts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { loadWorkingDayCalendar } from '../calendar/calendar.service.ts';
import { calendarRangeFor, computeDue } from '../deadlines/deadline-due.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';

export interface Period {
  amount: number;
  unit: 'working_days' | 'days';
}

/**
 * The last day of a period starting the day after `startOn` (自…之日起N日内). It only reads the
 * calendar, so a document being filled outside a transaction counts as a guard inside one does.
 */
export async function periodEnd(
  db: Kysely<Database>,
  startOn: string,
  period: Period,
): Promise<string> {
  const terms = { ...period, startOn, startAt: null, rollsToWorkingDay: false };
  const range = calendarRangeFor(terms);
  const calendar = await loadWorkingDayCalendar(db, range ?? 'all');
  const due = computeDue(terms, calendar);
  if (due.isCalendarMissing || !due.dueOn) {
    throw new AppError('CALENDAR_NOT_LOADED', {
      message: `计算期限所需年度（${due.calendarYears.join('、')}）的节假日安排尚未导入`,
    });
  }
  return due.dueOn;
}

/** Reads a rule value shaped { amount, unit } (mode 'within'); refuses a 'promptly' rule. */
export function periodOf(value: unknown, label: string): Period {
  const v = value as { amount?: unknown; unit?: unknown } | null;
  if (v && typeof v.amount === 'number' && (v.unit === 'working_days' || v.unit === 'days')) {
    return { amount: v.amount, unit: v.unit };
  }
  throw new Error(`rule ${label} has no countable period`);
}

type StatuteKey = keyof EffectiveRules['statute'];

/** A period of the statute section (《行政许可法》, 《行政强制法》, …) in working days or days. */
export function statutePeriod(rules: EffectiveRules, key: StatuteKey): Period {
  return periodOf(rules.statute[key].effective, key);
}

/** The amount of a statute period in a unit the working-day calendar does not count. */
export function statuteAmount(
  rules: EffectiveRules,
  key: StatuteKey,
  unit: 'hours' | 'days' | 'months',
): number {
  const v = rules.statute[key].effective as { amount?: unknown; unit?: unknown } | null;
  if (v && typeof v.amount === 'number' && v.unit === unit) return v.amount;
  throw new Error(`rule ${key} is not a period in ${unit}`);
}

/** A number the statute sets (officers required, …). */
export function statuteCount(rules: EffectiveRules, key: StatuteKey): number {
  const v = rules.statute[key].effective;
  if (typeof v === 'number') return v;
  throw new Error(`rule ${key} is not a number`);
}

/** Where a statute rule is written, for messages: "《中华人民共和国行政许可法》第四十二条第一款". */
export function citeStatute(rules: EffectiveRules, key: StatuteKey): string {
  const source = rules.statute[key].source;
  return source && source.type !== 'override' ? `${source.document}${source.article}` : '';
}
