// When a legal period ends, as a pure function of its terms and the working-day calendar.
// "期间开始的日不计算在内": the start day never counts, whatever the unit.
import {
  addCalendarDays,
  CalendarNotLoadedError,
  MAX_WORKING_DAYS,
  yearOf,
  yearsReachable,
  type WorkingDayCalendar,
} from '../calendar/working-days.ts';
import type { DeadlineUnit } from './deadlines.tables.ts';

export interface DeadlineTerms {
  unit: DeadlineUnit;
  amount: number;
  /** The start date, for periods in days or working days. */
  startOn: string | null;
  /** The start moment, for periods in hours. */
  startAt: Date | null;
  /** For periods in days: a period ending on a day off ends on the next working day instead. */
  rollsToWorkingDay: boolean;
}

export interface DueComputation {
  dueOn: string | null;
  dueAt: Date | null;
  /** The due date needs a year whose holiday calendar is not loaded; it is not guessed. */
  isCalendarMissing: boolean;
  /** The years whose calendar the answer depends on (including the missing one). */
  calendarYears: number[];
}

/**
 * Sanity bounds on one period, so that a wrong unit (hours given as days) fails loudly. They are
 * far above any period in the law, which come from jurisdiction profiles.
 */
export const MAX_AMOUNT: Record<DeadlineUnit, number> = {
  working_days: MAX_WORKING_DAYS,
  days: 3660,
  hours: 24 * 366,
};

const MS_PER_HOUR = 3_600_000;

function yearsFrom(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The calendar years a computation may read, or null when it needs no calendar at all. */
export function calendarRangeFor(terms: DeadlineTerms): { first: number; last: number } | null {
  if (terms.startOn === null) return null;
  if (terms.unit === 'working_days') return yearsReachable(terms.startOn, terms.amount);
  if (terms.unit === 'days' && terms.rollsToWorkingDay) {
    // A run of days off is at most a few weeks, so the roll stays within the next year.
    const year = yearOf(addCalendarDays(terms.startOn, terms.amount));
    return { first: year, last: year + 1 };
  }
  return null;
}

export function computeDue(terms: DeadlineTerms, calendar: WorkingDayCalendar): DueComputation {
  switch (terms.unit) {
    case 'hours': {
      if (!terms.startAt) throw new Error('a period in hours needs startAt');
      const dueAt = new Date(terms.startAt.getTime() + terms.amount * MS_PER_HOUR);
      return { dueOn: null, dueAt, isCalendarMissing: false, calendarYears: [] };
    }
    case 'days': {
      if (!terms.startOn) throw new Error('a period in days needs startOn');
      const lastDay = addCalendarDays(terms.startOn, terms.amount);
      if (!terms.rollsToWorkingDay) {
        return { dueOn: lastDay, dueAt: null, isCalendarMissing: false, calendarYears: [] };
      }
      return withCalendar(yearOf(lastDay), () => calendar.nextWorkingDayFrom(lastDay));
    }
    case 'working_days': {
      if (!terms.startOn) throw new Error('a period in working days needs startOn');
      const startOn = terms.startOn;
      return withCalendar(yearOf(startOn), () => calendar.addWorkingDays(startOn, terms.amount));
    }
  }
}

function withCalendar(firstYear: number, compute: () => string): DueComputation {
  try {
    const dueOn = compute();
    return {
      dueOn,
      dueAt: null,
      isCalendarMissing: false,
      calendarYears: yearsFrom(firstYear, yearOf(dueOn)),
    };
  } catch (error) {
    if (!(error instanceof CalendarNotLoadedError)) throw error;
    return {
      dueOn: null,
      dueAt: null,
      isCalendarMissing: true,
      calendarYears: yearsFrom(firstYear, Math.max(firstYear, error.year)),
    };
  }
}
