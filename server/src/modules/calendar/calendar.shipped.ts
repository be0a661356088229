// The holiday calendars every installation carries: the years the maintained `chinese-days`
// package transcribes from the State Council's notices (2004 up to the latest notice it knows).
// Read from the package's data file, split by year, with the festival names in Chinese.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checksumOfDays, type CalendarYearData } from './calendar-file.ts';
import type { CalendarDay } from './working-days.ts';

/** The package's own data: date → "English name,中文名,days in lieu". */
interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package abbreviates some names; users read the full ones.
const FULL_NAMES: Record<string, string> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

function chineseName(entry: string): string {
  const name = entry.split(',')[1]?.trim() || entry;
  return FULL_NAMES[name] ?? name;
}

function readPackage(): { version: string; data: PackageData } {
  const require = createRequire(import.meta.url);
  const dataPath = require.resolve('chinese-days/dist/chinese-days.json');
  const packagePath = require.resolve('chinese-days/package.json');
  const data = JSON.parse(readFileSync(dataPath, 'utf8')) as PackageData;
  const { version } = JSON.parse(readFileSync(packagePath, 'utf8')) as { version: string };
  return { version, data };
}

/**
 * One entry per year the package covers. The package files each date under its own year, so a
 * late-December day announced by the next year's notice belongs to its calendar year here.
 */
export function shippedCalendarYears(): CalendarYearData[] {
  const { version, data } = readPackage();
  const byYear = new Map<number, CalendarDay[]>();
  const add = (date: string, day: CalendarDay) => {
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(day);
    byYear.set(year, list);
  };
  for (const [date, entry] of Object.entries(data.holidays)) {
    add(date, { date, kind: 'holiday', name: chineseName(entry) });
  }
  for (const [date, entry] of Object.entries(data.workdays)) {
    add(date, { date, kind: 'workday', name: chineseName(entry) });
  }
  const source = `chinese-days ${version}（据国务院办公厅历年部分节假日安排的通知整理）`;
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => {
      days.sort((a, b) => (a.date < b.date ? -1 : 1));
      return { year, source, days, checksum: checksumOfDays(days), note: null };
    });
}
