// Changing the calendar: an administrator's import of a year (CLI or HTTP) and the shipped years
// loaded at start. Each change is one transaction with its change record and the deadline hook,
// so a due date never disagrees with the calendar it was computed from.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { SYSTEM_ACTOR, type Actor } from '../../shared/policy.ts';
import { recomputeOpenDeadlines } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { parseCalendarFile, type CalendarYearData } from './calendar-file.ts';
import { calendarRepository as repo } from './calendar.repository.ts';
import { shippedCalendarYears } from './calendar.shipped.ts';
import type { CalendarOrigin } from './calendar.tables.ts';
import { yearOf } from './working-days.ts';

export interface CalendarImportResult {
  year: number;
  /** False when the same data was already imported: nothing was written. */
  isChanged: boolean;
  holidayCount: number;
  workdayCount: number;
  checksum: string;
  deadlinesExamined: number;
  deadlinesChanged: number;
}

/** The calendar years a notice's days can move: its own and any late-December year before it. */
function yearsTouched(data: CalendarYearData, previous: readonly { date: string }[]): number[] {
  const years = new Set<number>([data.year]);
  for (const day of [...data.days, ...previous]) years.add(yearOf(day.date));
  return [...years].sort((a, b) => a - b);
}

async function writeYear(
  trx: Transaction<Database>,
  actor: Actor,
  data: CalendarYearData,
  origin: CalendarOrigin,
  previousChecksum: string | null,
) {
  const previousDays = await repo.daysOfNotice(trx, data.year);
  await repo.replaceYear(trx, {
    year: data.year,
    origin,
    source: data.source,
    checksum: data.checksum,
    loadedByUserId: actor.userId,
    days: data.days,
  });
  await appendLedgerEntry(trx, actor, {
    kind: 'calendar.year.loaded',
    subjectType: 'calendar_year',
    subjectId: String(data.year),
    payload: {
      year: data.year,
      origin,
      source: data.source,
      checksum: data.checksum,
      previousChecksum,
      note: data.note,
      days: data.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    },
  });
  return recomputeOpenDeadlines(trx, actor, yearsTouched(data, previousDays));
}

/**
 * Imports one year from a calendar file (already read as JSON). Replaces whatever the year held,
 * shipped or imported; an import is never overwritten by shipped data afterwards.
 * `expectedYear` is the year the caller addressed (the URL's), which the file must agree with.
 */
export async function importCalendarYear(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
  expectedYear?: number,
): Promise<CalendarImportResult> {
  const data = parseCalendarFile(input);
  if (expectedYear !== undefined && data.year !== expectedYear) {
    throw new AppError('CALENDAR_FILE_INVALID', {
      message: `节假日安排文件格式不正确：文件中的年度 ${data.year} 与导入的年度 ${expectedYear} 不一致`,
      details: [{ field: 'year', reason: `应为 ${expectedYear}` }],
    });
  }
  const counts = {
    holidayCount: data.days.filter((d) => d.kind === 'holiday').length,
    workdayCount: data.days.filter((d) => d.kind === 'workday').length,
  };
  return db.transaction().execute(async (trx) => {
    await repo.lockCalendar(trx);
    const current = (await repo.listYearStates(trx)).find((y) => y.year === data.year);
    if (current?.origin === 'imported' && current.checksum === data.checksum) {
      return {
        year: data.year,
        isChanged: false,
        ...counts,
        checksum: data.checksum,
        deadlinesExamined: 0,
        deadlinesChanged: 0,
      };
    }
    const recomputed = await writeYear(trx, actor, data, 'imported', current?.checksum ?? null);
    return {
      year: data.year,
      isChanged: true,
      ...counts,
      checksum: data.checksum,
      deadlinesExamined: recomputed.examined,
      deadlinesChanged: recomputed.changed,
    };
  });
}

/**
 * Loads the years the bundled package covers, at every start. When nothing changed this is one
 * query; a year is (re)written only when it is new or the package's data for it changed, and a
 * year an administrator imported is never overwritten. Returns the years written.
 */
export async function loadShippedCalendar(db: Kysely<Database>): Promise<number[]> {
  const shipped = shippedCalendarYears();
  const pending = (states: { year: number; origin: CalendarOrigin; checksum: string }[]) => {
    const byYear = new Map(states.map((s) => [s.year, s]));
    return shipped.filter((data) => {
      const state = byYear.get(data.year);
      return !state || (state.origin === 'shipped' && state.checksum !== data.checksum);
    });
  };
  if (pending(await repo.listYearStates(db)).length === 0) return [];

  return db.transaction().execute(async (trx) => {
    // Another process may have loaded them meanwhile: decide again under the lock.
    await repo.lockCalendar(trx);
    const states = await repo.listYearStates(trx);
    const checksums = new Map(states.map((s) => [s.year, s.checksum]));
    const written: number[] = [];
    for (const data of pending(states)) {
      await writeYear(trx, SYSTEM_ACTOR, data, 'shipped', checksums.get(data.year) ?? null);
      written.push(data.year);
    }
    return written;
  });
}
