// Working-day arithmetic as Chinese administrative law counts it (DOMAIN.md §8): Saturdays and
// Sundays are off, statutory holidays are off, and the State Council's make-up working days
// (调休上班) are on even when they fall on a weekend. Pure functions over data the caller loaded;
// a date in a year whose holiday notice is not loaded is refused rather than guessed.
import { AppError } from '../../shared/errors.ts';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/**
 * The largest number of working days one request may add. The longest working-day periods in
 * enforcement law are a few dozen days; a bound keeps one request's work small (a loop over at
 * most a few years of days) and turns a typo like 10000 into a clear refusal.
 */
export const MAX_WORKING_DAYS = 1000;

/**
 * A conservative floor of working days per year (real years have 245–251), used only to decide
 * how many years of calendar data an addition may need.
 */
const MIN_WORKING_DAYS_PER_YEAR = 200;

const MS_PER_DAY = 86_400_000;

/** The refusal for a date whose year has no holiday calendar; `year` names the first one missing. */
export class CalendarNotLoadedError extends AppError {
  readonly year: number;

  constructor(year: number) {
    super('CALENDAR_NOT_LOADED', {
      message: `${year} 年度的节假日安排尚未导入，无法计算工作日（请管理员导入国务院办公厅公布的该年度节假日安排）`,
      details: { year },
    });
    this.year = year;
  }
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; the caller has validated the date. */
export function toDayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** The calendar years an addition of `days` working days from `from` can reach at most. */
export function yearsReachable(from: string, days: number): { first: number; last: number } {
  const first = yearOf(from);
  return { first, last: first + Math.ceil(days / MIN_WORKING_DAYS_PER_YEAR) + 1 };
}

/**
 * The working-day calendar of the years loaded into it. Built once per request or per batch from
 * the database (see calendar.service.ts) and then answers without further queries.
 */
export class WorkingDayCalendar {
  private readonly loadedYears: ReadonlySet<number>;
  private readonly overrides = new Map<string, CalendarDay>();

  /**
   * @param days the holidays and make-up working days; when two notices speak of the same date
   *   (a new year's notice reaching back into late December), the later entry wins, so pass them
   *   in notice order.
   */
  constructor(loadedYears: Iterable<number>, days: Iterable<CalendarDay>) {
    this.loadedYears = new Set(loadedYears);
    for (const day of days) this.overrides.set(day.date, day);
  }

  /** Refuses unless every year from `fromYear` through `toYear` is loaded. */
  requireYears(fromYear: number, toYear: number): void {
    for (let year = fromYear; year <= toYear; year++) {
      if (!this.loadedYears.has(year)) throw new CalendarNotLoadedError(year);
    }
  }

  isWorkingDay(date: string): boolean {
    this.requireYears(yearOf(date), yearOf(date));
    const override = this.overrides.get(date);
    if (override) return override.kind === 'workday';
    return !isWeekend(date);
  }

  /**
   * The `days`-th working day after `from`; the start day itself is not counted, as in
   * "自…之日起N个工作日内". Every year from `from` to the answer must be loaded.
   */
  addWorkingDays(from: string, days: number): string {
    if (!Number.isInteger(days) || days < 1 || days > MAX_WORKING_DAYS) {
      throw new RangeError(`days must be an integer in 1..${MAX_WORKING_DAYS}`);
    }
    this.requireYears(yearOf(from), yearOf(from));
    let current = toDayNumber(from);
    let remaining = days;
    while (remaining > 0) {
      current += 1;
      if (this.isWorkingDay(fromDayNumber(current))) remaining -= 1;
    }
    return fromDayNumber(current);
  }

  /** Working days after `from`, up to and including `to` (0 when `to` equals `from`). */
  countWorkingDays(from: string, to: string): number {
    if (to < from) throw new RangeError('to must not be before from');
    this.requireYears(yearOf(from), yearOf(to));
    let count = 0;
    for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day++) {
      if (this.isWorkingDay(fromDayNumber(day))) count += 1;
    }
    return count;
  }

  /** The first working day on or after `date`. */
  nextWorkingDayFrom(date: string): string {
    let current = toDayNumber(date);
    while (!this.isWorkingDay(fromDayNumber(current))) current += 1;
    return fromDayNumber(current);
  }
}
