// The working-day calendar for the pure date rules of the permit, coercion and expropriation
// workflows, loaded inside the action's transaction. A year that is not loaded is refused by the
// calendar itself (CALENDAR_NOT_LOADED) when a rule reaches it, never guessed.
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { loadWorkingDayCalendar } from '../../calendar/calendar.service.ts';
import { yearOf, type WorkingDayCalendar } from '../../calendar/working-days.ts';

/** Covers `from` through two years after `to`: room for periods that run past the last date. */
export function calendarAround(
  trx: Transaction<Database>,
  from: string,
  to: string = from,
): Promise<WorkingDayCalendar> {
  return loadWorkingDayCalendar(trx, { first: yearOf(from), last: yearOf(to) + 2 });
}
