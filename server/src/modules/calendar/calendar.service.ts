// Reading the working-day calendar: the answers of /api/calendar and the calendar other modules
// (deadlines) compute with. Each computation loads the years it needs in two queries and then
// works in memory; nothing is cached across requests, so N processes never disagree.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { calendarRepository as repo, type CalendarYearSummary } from './calendar.repository.ts';
import {
  CalendarNotLoadedError,
  WorkingDayCalendar,
  yearOf,
  yearsReachable,
  type CalendarDay,
} from './working-days.ts';

/**
 * The calendar of the loaded years between `first` and `last` (every loaded year when omitted).
 * Days are selected by date, so a late-December day announced by the next year's notice counts
 * wherever that notice is loaded.
 */
export async function loadWorkingDayCalendar(
  db: Kysely<Database>,
  range: { first: number; last: number } | 'all' = 'all',
): Promise<WorkingDayCalendar> {
  const years =
    range === 'all'
      ? (await repo.listYearStates(db)).map((y) => y.year)
      : await repo.loadedYearsBetween(db, range.first, range.last);
  const [first, last] = [years[0], years.at(-1)];
  if (first === undefined || last === undefined) return new WorkingDayCalendar([], []);
  const days = await repo.daysBetween(db, `${first}-01-01`, `${last}-12-31`);
  return new WorkingDayCalendar(years, days);
}

/**
 * The calendar for a computation whose result the caller stores (a deadline's due date): holds
 * calendar changes off until the caller's transaction ends, so that a concurrent import either
 * comes first (and this sees it) or waits and then recomputes the stored row.
 */
export async function loadWorkingDayCalendarForWrite(
  trx: Transaction<Database>,
  range: { first: number; last: number } | 'all' = 'all',
): Promise<WorkingDayCalendar> {
  await repo.lockCalendarShared(trx);
  return loadWorkingDayCalendar(trx, range);
}

/** Takes the same lock without reading, before touching rows that a calendar change updates. */
export async function holdOffCalendarChanges(trx: Transaction<Database>): Promise<void> {
  await repo.lockCalendarShared(trx);
}

export interface CalendarYearView extends CalendarYearSummary {
  days: CalendarDay[];
}

export function createCalendarService(db: Kysely<Database>) {
  return {
    async addWorkingDays(from: string, days: number): Promise<{ date: string }> {
      const calendar = await loadWorkingDayCalendar(db, yearsReachable(from, days));
      return { date: calendar.addWorkingDays(from, days) };
    },

    async countWorkingDays(from: string, to: string): Promise<{ days: number }> {
      if (to < from) throw new AppError('INVALID_DATE_RANGE');
      // Only loaded years come back, so even a range of centuries loads little; the calendar
      // then refuses the first year missing.
      const calendar = await loadWorkingDayCalendar(db, { first: yearOf(from), last: yearOf(to) });
      return { days: calendar.countWorkingDays(from, to) };
    },

    listYears: () => repo.listYears(db),

    async getYear(year: number): Promise<CalendarYearView> {
      const [summary] = await repo.listYears(db, { first: year, last: year });
      if (!summary) throw new CalendarNotLoadedError(year);
      return { ...summary, days: await repo.daysOfNotice(db, year) };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
