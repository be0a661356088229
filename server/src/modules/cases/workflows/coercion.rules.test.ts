// Dates of 行政强制 on the real 2026 holiday notice: month periods (民法典 arts.201–203), the
// court-application window (行政强制法 art.53), the measure's period (art.25) and night (art.43);
// and how measures and means are named for the catalogue and for audio/video.
import { describe, expect, it } from 'vitest';
import { shippedCalendarYears } from '../../calendar/calendar.shipped.ts';
import { WorkingDayCalendar } from '../../calendar/working-days.ts';
import { STATUTE } from '../../profile/profiles/index.ts';
import {
  addMonths,
  avActsOfMeans,
  avActsOfMeasures,
  coercionActsOfMeans,
  coercionActsOfMeasures,
  courtApplicationWindow,
  isNight,
  measureEndsOn,
} from './coercion.rules.ts';

const calendar = new WorkingDayCalendar(
  [2026],
  shippedCalendarYears()
    .filter((y) => y.year === 2026)
    .flatMap((y) => y.days),
);

describe('month periods', () => {
  it('end on the corresponding day, or the month’s last day when there is none', () => {
    expect(addMonths('2026-01-06', 6)).toBe('2026-07-06');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
  });
});

describe('the court-application window (art.53)', () => {
  it('opens after the six-month litigation period and lasts three months, rolled past days off', () => {
    const window = courtApplicationWindow(
      calendar,
      '2026-01-06',
      // 行政诉讼法 art.46: 6 months; 行政强制法 art.53: 3 months (pinned in the profile's tests).
      6,
      3,
    );
    // 6 October is in the National Day holiday (1–7 October): the last day moves to 8 October.
    expect(window).toEqual({ remedyEndsOn: '2026-07-06', lastDayOn: '2026-10-08' });
  });

  it('rolls a litigation period ending on a Sunday to the Monday', () => {
    // 2 August 2026 is a Sunday.
    const window = courtApplicationWindow(calendar, '2026-02-02', 6, 3);
    expect(window.remedyEndsOn).toBe('2026-08-03');
    expect(window.lastDayOn).toBe('2026-11-03');
  });
});

describe('the measure’s period (art.25)', () => {
  it('is 30 days, once extended by at most 30, testing days excluded', () => {
    expect(STATUTE.coercionSeizurePeriod.value).toMatchObject({ amount: 30, unit: 'days' });
    expect(measureEndsOn('2026-07-01', 30, 0, 0)).toBe('2026-07-31');
    expect(measureEndsOn('2026-07-01', 30, 30, 5)).toBe('2026-09-04');
  });
});

describe('night (art.43)', () => {
  const night = STATUTE.coercionNight.value;
  it('runs from 22:00 to 06:00 across midnight', () => {
    expect(isNight('21:59', night)).toBe(false);
    expect(isNight('22:00', night)).toBe(true);
    expect(isNight('05:59', night)).toBe(true);
    expect(isNight('06:00', night)).toBe(false);
    expect(isNight('12:00', { from: '12:00', to: '13:00' })).toBe(true);
  });
});

describe('names of acts', () => {
  it('map measures and means to the catalogue and AV vocabularies', () => {
    expect(coercionActsOfMeasures(['seal', 'freeze'])).toEqual(['seal', 'freeze']);
    expect(coercionActsOfMeans('auction')).toEqual(['auction_or_dispose']);
    expect(coercionActsOfMeans('substitute_performance')).toEqual([]);
    expect(avActsOfMeasures(['seize'])).toEqual(['coercion', 'seal_seize_property', 'seize']);
    expect(avActsOfMeasures(['freeze'])).toEqual(['coercion']);
    expect(avActsOfMeans('demolition')).toContain('forced_demolition');
  });
});
