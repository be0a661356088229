// `npx sanxiang calendar import <file>` loads a year's holiday calendar from the file an
// administrator wrote from the State Council's notice (format: modules/calendar/examples/);
// `npx sanxiang calendar show [year]` prints what is loaded.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { loadConfig } from '../config.ts';
import { parseCalendarFile, readCalendarJson } from '../modules/calendar/calendar-file.ts';
import { importCalendarYear } from '../modules/calendar/calendar.import.ts';
import { createCalendarService } from '../modules/calendar/calendar.service.ts';
import { openRuntime } from '../runtime.ts';
import { ERROR_CODES, isAppError } from '../shared/errors.ts';
import type { Actor } from '../shared/policy.ts';

const USAGE = `用法 (usage):
  npx sanxiang calendar import <file.json>   导入（替换）一个年度的节假日安排
  npx sanxiang calendar show [year]          显示已导入的年度，或某年度的放假与调休上班日`;

function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // Some containers run under a uid without a passwd entry; the record still says "CLI".
  }
  return {
    userId: null,
    name: `命令行 (${user}@${os.hostname()})`,
    ip: null,
    userAgent: 'sanxiang-cli',
  };
}

function printRefusal(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (!Array.isArray(error.details)) {
    console.error(`${error.code}: ${error.message}`);
    return true;
  }
  // The message repeats the problems on one line; a list reads better in a terminal.
  console.error(`${error.code}: ${ERROR_CODES[error.code].message}`);
  for (const item of error.details as { field?: string; reason?: string }[]) {
    console.error(`  - ${item.field ?? ''}：${item.reason ?? ''}`);
  }
  return true;
}

async function importFile(file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`无法读取文件 (cannot read) ${file}: ${(error as Error).message}`);
    return 66;
  }
  // Check the file before opening the database, so that a typo costs nothing.
  let input: unknown;
  try {
    input = readCalendarJson(text);
    parseCalendarFile(input);
  } catch (error) {
    if (printRefusal(error)) return 65;
    throw error;
  }
  const { handle } = await openRuntime(loadConfig(), { seed: false });
  try {
    const result = await importCalendarYear(handle.db, cliActor(), input);
    if (!result.isChanged) {
      console.log(`${result.year} 年度的节假日安排与已导入的相同，未作改动 (unchanged)`);
      return 0;
    }
    console.log(
      `已导入 ${result.year} 年度节假日安排：放假 ${result.holidayCount} 天，调休上班 ${result.workdayCount} 天 (imported)`,
    );
    console.log(
      `重新计算未结期限 ${result.deadlinesExamined} 个，其中 ${result.deadlinesChanged} 个到期日改变 (deadlines recomputed)`,
    );
    return 0;
  } catch (error) {
    if (printRefusal(error)) return 65;
    throw error;
  } finally {
    await handle.close();
  }
}

async function show(yearArg: string | undefined): Promise<number> {
  const { handle } = await openRuntime(loadConfig(), { seed: false });
  try {
    const calendar = createCalendarService(handle.db);
    if (yearArg === undefined) {
      for (const y of await calendar.listYears()) {
        const origin = y.origin === 'imported' ? '管理员导入' : '随系统提供';
        console.log(
          `${y.year}  ${origin}  放假 ${String(y.holidayCount).padStart(2)} 天  调休上班 ${y.workdayCount} 天  ${y.loadedAt.toISOString()}  ${y.source}`,
        );
      }
      return 0;
    }
    if (!/^\d{4}$/.test(yearArg)) {
      console.error(USAGE);
      return 2;
    }
    const year = await calendar.getYear(Number(yearArg));
    console.log(`${year.year} 年度（${year.source}）`);
    for (const day of year.days) {
      console.log(`  ${day.date}  ${day.kind === 'holiday' ? '放假' : '上班'}  ${day.name}`);
    }
    return 0;
  } catch (error) {
    if (printRefusal(error)) return 1;
    throw error;
  } finally {
    await handle.close();
  }
}

export async function runCalendar(args: string[]): Promise<number> {
  const [sub, arg, ...rest] = args;
  if (sub === 'import' && arg !== undefined && rest.length === 0) return importFile(arg);
  if (sub === 'show' && rest.length === 0) return show(arg);
  console.error(USAGE);
  return 2;
}
