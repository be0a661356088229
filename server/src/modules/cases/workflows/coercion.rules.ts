// Pure rules of 行政强制: month periods, the measure's period, the court-application window, the
// hours execution is allowed, and how measures and means map to the vocabularies of the major-
// decision catalogue and of audio/video recording.
import { addCalendarDays, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { AvAct } from '../../profile/profile.vocabulary.ts';
import type { ExecutionMeans, MeasureKind } from './coercion.schemas.ts';

/**
 * The last day of a period of `months` months starting the day after `startOn`: the same day of
 * the month `months` later, or that month's last day when it has no such day (《民法典》第二百零二条).
 */
export function addMonths(startOn: string, months: number): string {
  const [y, m, d] = startOn.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A last day that falls on a day off moves to the next working day (《民法典》第二百零三条). */
export function rollToWorkingDay(calendar: WorkingDayCalendar, date: string): string {
  return calendar.nextWorkingDayFrom(date);
}

export interface CourtWindow {
  /** The last day the party could still seek review or sue; the agency waits until after it. */
  remedyEndsOn: string;
  /** The last day to apply to the court (行政强制法 art.53). */
  lastDayOn: string;
}

/** Art.53: after the remedy period (the longer, litigation) has run out, within N months. */
export function courtApplicationWindow(
  calendar: WorkingDayCalendar,
  knownOn: string,
  litigationMonths: number,
  windowMonths: number,
): CourtWindow {
  const remedyEndsOn = rollToWorkingDay(calendar, addMonths(knownOn, litigationMonths));
  const lastDayOn = rollToWorkingDay(calendar, addMonths(remedyEndsOn, windowMonths));
  return { remedyEndsOn, lastDayOn };
}

/**
 * The last day of a 查封、扣押 or 冻结: the period from the day it was taken, lengthened by the
 * approved extension and by the testing or appraisal days that do not count (art.25 para.3).
 */
export function measureEndsOn(
  takenOn: string,
  periodDays: number,
  extensionDays: number,
  excludedDays: number,
): string {
  return addCalendarDays(takenOn, periodDays + extensionDays + excludedDays);
}

/** Whether a time of day ('HH:MM') falls in the night, a span that may cross midnight. */
export function isNight(time: string, night: { from: string; to: string }): boolean {
  return night.from > night.to
    ? time >= night.from || time < night.to
    : time >= night.from && time < night.to;
}

const MEASURE_ACTS: Record<MeasureKind, 'seal' | 'seize' | 'freeze'> = {
  seal: 'seal',
  seize: 'seize',
  freeze: 'freeze',
};

/** Catalogue codes (profile vocabulary COERCION_ACTS) of a measure. */
export function coercionActsOfMeasures(measures: readonly MeasureKind[]): string[] {
  return measures.map((m) => MEASURE_ACTS[m]);
}

/** Catalogue codes of an execution: 代履行 and 排除妨碍 have none of their own. */
export function coercionActsOfMeans(means: ExecutionMeans): string[] {
  switch (means) {
    case 'transfer':
      return ['transfer'];
    case 'auction':
      return ['auction_or_dispose'];
    case 'demolition':
      return ['demolition'];
    case 'court':
      return ['court_enforcement'];
    case 'remove_obstruction':
    case 'substitute_performance':
      return [];
  }
}

/** The AV codes profiles use for a measure: national wording, then the local ones. */
export function avActsOfMeasures(measures: readonly MeasureKind[]): AvAct[] {
  const acts = new Set<AvAct>(['coercion']);
  for (const m of measures) {
    if (m === 'seal' || m === 'seize') {
      acts.add('seal_seize_property');
      acts.add(m);
    }
  }
  return [...acts];
}

export function avActsOfMeans(means: ExecutionMeans): AvAct[] {
  switch (means) {
    case 'demolition':
      return ['forced_demolition', 'coercion'];
    case 'remove_obstruction':
    case 'substitute_performance':
      return ['remove_obstruction_restore', 'coercion'];
    case 'transfer':
    case 'auction':
    case 'court':
      return ['coercion'];
  }
}
