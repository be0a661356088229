// Due dates as a pure function of a period's terms and the calendar.
import { describe, expect, it } from 'vitest';
import { shippedCalendarYears } from '../calendar/calendar.shipped.ts';
import { WorkingDayCalendar } from '../calendar/working-days.ts';
import { calendarRangeFor, computeDue, type DeadlineTerms } from './deadline-due.ts';

const shipped = shippedCalendarYears().filter((y) => y.year >= 2025);
const calendar = new WorkingDayCalendar(
  shipped.map((y) => y.year),
  shipped.flatMap((y) => y.days),
);

const days = (startOn: string, amount: number, rollsToWorkingDay = false): DeadlineTerms => ({
  unit: 'days',
  amount,
  startOn,
  startAt: null,
  rollsToWorkingDay,
});
const workingDays = (startOn: string, amount: number): DeadlineTerms => ({
  unit: 'working_days',
  amount,
  startOn,
  startAt: null,
  rollsToWorkingDay: false,
});

describe('computeDue', () => {
  it('counts working days across National Day 2026', () => {
    expect(computeDue(workingDays('2026-09-29', 7), calendar)).toEqual({
      // 30 September; 8, 9, 10 (the Saturday make-up day), 12, 13, 14 October.
      dueOn: '2026-10-14',
      dueAt: null,
      isCalendarMissing: false,
      calendarYears: [2026],
    });
  });

  it('marks a working-day period reaching 2027 as missing its calendar, naming the years', () => {
    expect(computeDue(workingDays('2026-12-25', 7), calendar)).toEqual({
      dueOn: null,
      dueAt: null,
      isCalendarMissing: true,
      calendarYears: [2026, 2027],
    });
  });

  it('records every year a period crosses', () => {
    expect(computeDue(workingDays('2025-12-30', 3), calendar).calendarYears).toEqual([2025, 2026]);
  });

  it('counts calendar days without the calendar unless the period rolls to a working day', () => {
    expect(computeDue(days('2026-09-26', 5), calendar)).toMatchObject({
      dueOn: '2026-10-01',
      calendarYears: [],
    });
    expect(computeDue(days('2026-09-26', 5, true), calendar)).toMatchObject({
      dueOn: '2026-10-08',
      calendarYears: [2026],
    });
    expect(computeDue(days('2026-12-20', 15, true), calendar)).toMatchObject({
      dueOn: null,
      isCalendarMissing: true,
      calendarYears: [2027],
    });
  });

  it('adds hours to a moment, with no calendar at all', () => {
    const startAt = new Date('2026-10-01T10:00:00+08:00');
    const due = computeDue(
      { unit: 'hours', amount: 24, startOn: null, startAt, rollsToWorkingDay: false },
      new WorkingDayCalendar([], []),
    );
    expect(due.dueAt?.toISOString()).toBe('2026-10-02T02:00:00.000Z');
    expect(due).toMatchObject({ dueOn: null, isCalendarMissing: false, calendarYears: [] });
  });
});

describe('calendarRangeFor', () => {
  it('asks for no calendar when none is needed', () => {
    expect(calendarRangeFor(days('2026-01-01', 15))).toBeNull();
  });

  it('asks for the years a working-day period can reach', () => {
    expect(calendarRangeFor(workingDays('2026-12-01', 5))).toEqual({ first: 2026, last: 2028 });
  });
});
