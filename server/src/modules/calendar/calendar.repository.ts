// The only code that reads and writes the calendar tables.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CalendarOrigin } from './calendar.tables.ts';
import type { CalendarDay } from './working-days.ts';

// One advisory-lock key for the whole calendar; any fixed 64-bit number unique to it will do.
const CALENDAR_LOCK = 0x5358_4341_4c;

export interface CalendarYearSummary {
  year: number;
  origin: CalendarOrigin;
  source: string;
  checksum: string;
  loadedAt: Date;
  holidayCount: number;
  workdayCount: number;
}

export interface CalendarYearState {
  year: number;
  origin: CalendarOrigin;
  checksum: string;
}

export const calendarRepository = {
  /** Origin and checksum of every loaded year: what start-up compares against shipped data. */
  async listYearStates(db: Kysely<Database>): Promise<CalendarYearState[]> {
    return db
      .selectFrom('calendar_years')
      .select(['year', 'origin', 'checksum'])
      .orderBy('year')
      .execute();
  },

  async listYears(
    db: Kysely<Database>,
    range: { first?: number; last?: number } = {},
  ): Promise<CalendarYearSummary[]> {
    let query = db
      .selectFrom('calendar_years as y')
      .leftJoin('calendar_days as d', 'd.notice_year', 'y.year')
      .select([
        'y.year',
        'y.origin',
        'y.source',
        'y.checksum',
        'y.loaded_at',
        sql<number>`count(d.date) filter (where d.kind = 'holiday')::int`.as('holiday_count'),
        sql<number>`count(d.date) filter (where d.kind = 'workday')::int`.as('workday_count'),
      ])
      .groupBy('y.year')
      .orderBy('y.year');
    if (range.first !== undefined) query = query.where('y.year', '>=', range.first);
    if (range.last !== undefined) query = query.where('y.year', '<=', range.last);
    const rows = await query.execute();
    return rows.map((r) => ({
      year: r.year,
      origin: r.origin,
      source: r.source,
      checksum: r.checksum,
      loadedAt: r.loaded_at,
      holidayCount: r.holiday_count,
      workdayCount: r.workday_count,
    }));
  },

  /** Loaded years in a range: a small list, so that a huge range costs nothing. */
  async loadedYearsBetween(db: Kysely<Database>, first: number, last: number): Promise<number[]> {
    const rows = await db
      .selectFrom('calendar_years')
      .select('year')
      .where('year', '>=', first)
      .where('year', '<=', last)
      .orderBy('year')
      .execute();
    return rows.map((r) => r.year);
  },

  /** Listed days between two dates, in notice order so that a later notice overrides. */
  async daysBetween(db: Kysely<Database>, from: string, to: string): Promise<CalendarDay[]> {
    return db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('notice_year')
      .orderBy('date')
      .execute();
  },

  async daysOfNotice(db: Kysely<Database>, year: number): Promise<CalendarDay[]> {
    return db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('notice_year', '=', year)
      .orderBy('date')
      .execute();
  },

  /** Replaces a year's row and days (inside the caller's transaction). */
  async replaceYear(
    db: Kysely<Database>,
    input: {
      year: number;
      origin: CalendarOrigin;
      source: string;
      checksum: string;
      loadedByUserId: string | null;
      days: readonly CalendarDay[];
    },
  ): Promise<void> {
    await db.deleteFrom('calendar_days').where('notice_year', '=', input.year).execute();
    await db
      .insertInto('calendar_years')
      .values({
        year: input.year,
        origin: input.origin,
        source: input.source,
        checksum: input.checksum,
        loaded_by_user_id: input.loadedByUserId,
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          origin: input.origin,
          source: input.source,
          checksum: input.checksum,
          loaded_by_user_id: input.loadedByUserId,
          loaded_at: sql<Date>`now()`,
        }),
      )
      .execute();
    if (input.days.length > 0) {
      await db
        .insertInto('calendar_days')
        .values(input.days.map((d) => ({ notice_year: input.year, ...d })))
        .execute();
    }
  },

  /**
   * Serialises calendar writers (several processes starting at once, an import racing start-up)
   * for the rest of the transaction.
   */
  async lockCalendar(db: Kysely<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(db);
  },

  /**
   * Taken by transactions that store a result computed from the calendar: a calendar change
   * waits for them (and they for it), so its recomputation never misses a row stored meanwhile.
   */
  async lockCalendarShared(db: Kysely<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`.execute(db);
  },
};
