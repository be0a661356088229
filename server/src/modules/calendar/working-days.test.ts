// Working-day arithmetic on the real 2025–2026 notices as the bundled package transcribes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedCalendarYears } from './calendar.shipped.ts';
import {
  addCalendarDays,
  CalendarNotLoadedError,
  MAX_WORKING_DAYS,
  weekdayOf,
  WorkingDayCalendar,
} from './working-days.ts';

const shipped = shippedCalendarYears();
const calendarOf = (years: number[]) =>
  new WorkingDayCalendar(
    years,
    shipped.filter((y) => years.includes(y.year)).flatMap((y) => y.days),
  );
const calendar = calendarOf([2024, 2025, 2026]);

describe('the shipped 2026 data', () => {
  const days2026 = shipped.find((y) => y.year === 2026)?.days ?? [];
  const holidays = days2026.filter((d) => d.kind === 'holiday').map((d) => d.date);
  const workdays = days2026.filter((d) => d.kind === 'workday').map((d) => d.date);

  it('has the Spring Festival 15–23 February with make-up Saturdays 14 and 28 February', () => {
    for (let day = 15; day <= 23; day++) expect(holidays).toContain(`2026-02-${day}`);
    expect(holidays).not.toContain('2026-02-14');
    expect(holidays).not.toContain('2026-02-24');
    expect(workdays).toContain('2026-02-14');
    expect(workdays).toContain('2026-02-28');
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-02-28')).toBe(6);
  });

  it('has National Day 1–7 October with make-up Sunday 20 September and Saturday 10 October', () => {
    for (let day = 1; day <= 7; day++) expect(holidays).toContain(`2026-10-0${day}`);
    expect(holidays).not.toContain('2026-10-08');
    expect(workdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    expect(weekdayOf('2026-09-20')).toBe(0);
    expect(weekdayOf('2026-10-10')).toBe(6);
  });

  it('covers 2004 to 2026 and not 2027', () => {
    const years = shipped.map((y) => y.year);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true], // Friday before the holiday
    ['2026-02-14', true], // make-up Saturday
    ['2026-02-16', false], // Monday in the holiday
    ['2026-02-23', false], // last holiday day, a Monday
    ['2026-02-24', true],
    ['2026-02-21', false], // Saturday in the holiday
    ['2026-03-07', false], // ordinary Saturday
    ['2026-03-09', true], // ordinary Monday
    ['2026-09-20', true], // make-up Sunday
    ['2026-10-05', false],
    ['2026-10-10', true], // make-up Saturday
    ['2026-10-11', false], // ordinary Sunday
  ])('%s is a working day: %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-12', 7, '2026-02-28'], // 13, 14, 24, 25, 26, 27, 28
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 4, '2026-10-12'],
    ['2025-12-31', 1, '2026-01-04'], // New Year off 1–3 January, Sunday 4 January on
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-26', 3, '2025-12-31'],
    ['2026-02-15', 1, '2026-02-24'], // starting inside a holiday
  ])('%s + %i working day(s) = %s', (from, days, expected) => {
    expect(calendar.addWorkingDays(from, days)).toBe(expected);
  });

  it('refuses with CALENDAR_NOT_LOADED (naming 2027) when the answer lies in 2027', () => {
    const error = (() => {
      try {
        calendar.addWorkingDays('2026-12-30', 5);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CalendarNotLoadedError);
    expect(error).toMatchObject({ code: 'CALENDAR_NOT_LOADED', status: 422, year: 2027 });
  });

  it('refuses a start date in a year that is not loaded even when the answer would be', () => {
    const only2026 = calendarOf([2026]);
    expect(() => only2026.addWorkingDays('2025-12-31', 1)).toThrow(CalendarNotLoadedError);
  });

  it('refuses a year missing between two loaded ones', () => {
    const gap = calendarOf([2024, 2026]);
    expect(() => gap.addWorkingDays('2024-12-20', 30)).toThrow(/2025 年度/);
  });

  it('refuses day counts outside 1..MAX_WORKING_DAYS', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', 0)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-05', MAX_WORKING_DAYS + 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['2026-02-13', '2026-02-28', 6],
    ['2026-02-14', '2026-02-23', 0],
    ['2026-09-30', '2026-10-10', 3],
    ['2026-09-19', '2026-09-20', 1],
    ['2025-12-31', '2026-01-04', 1],
    ['2026-03-02', '2026-03-02', 0],
    ['2025-12-31', '2026-12-31', 248], // the whole of 2026
    ['2024-12-31', '2025-12-31', 248], // the whole of 2025
  ])('from %s to %s = %i', (from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toBe(expected);
  });

  it('refuses a range reaching a year that is not loaded', () => {
    expect(() => calendar.countWorkingDays('2026-12-01', '2027-01-10')).toThrow(
      CalendarNotLoadedError,
    );
  });
});

describe('later notices override earlier entries for the same date', () => {
  it('uses the last entry given for a date', () => {
    const cal = new WorkingDayCalendar(
      [2018, 2019],
      [
        { date: '2018-12-31', kind: 'holiday', name: '元旦' },
        { date: '2018-12-29', kind: 'workday', name: '元旦' },
        { date: '2018-12-31', kind: 'workday', name: '更正' },
      ],
    );
    expect(cal.isWorkingDay('2018-12-31')).toBe(true);
    expect(cal.isWorkingDay('2018-12-29')).toBe(true); // a Saturday, made a working day
  });
});

describe('properties over 2024–2026', () => {
  const fromDate = fc
    .integer({ min: 0, max: 3 * 365 - 40 })
    .map((offset) => addCalendarDays('2024-01-01', offset));

  it('counts back exactly what it added: count(from, add(from, n)) = n', () => {
    fc.assert(
      fc.property(fromDate, fc.integer({ min: 1, max: 25 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(calendar.countWorkingDays(from, due)).toBe(n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due > from).toBe(true);
      }),
    );
  });

  it('adds in steps: add(add(from, a), b) = add(from, a + b)', () => {
    fc.assert(
      fc.property(
        fromDate,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (from, a, b) => {
          expect(calendar.addWorkingDays(calendar.addWorkingDays(from, a), b)).toBe(
            calendar.addWorkingDays(from, a + b),
          );
        },
      ),
    );
  });

  it('counts additively: count(a, c) = count(a, b) + count(b, c)', () => {
    fc.assert(
      fc.property(
        fromDate,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (a, x, y) => {
          const b = addCalendarDays(a, x);
          const c = addCalendarDays(b, y);
          expect(calendar.countWorkingDays(a, c)).toBe(
            calendar.countWorkingDays(a, b) + calendar.countWorkingDays(b, c),
          );
        },
      ),
    );
  });

  it('never lands on a day off, and the day before the answer is counted one short', () => {
    fc.assert(
      fc.property(fromDate, fc.integer({ min: 1, max: 25 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(calendar.countWorkingDays(from, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });
});
