// The file an administrator writes from the State Council's annual notice (国务院办公厅关于XXXX年
// 部分节假日安排的通知) to load a new year. The same parser serves `npx sanxiang calendar import`
// and PUT /api/calendar/years/:year, and it lists every problem at once, in Chinese, so that one
// correction round is enough.
import { createHash } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../shared/errors.ts';
import { describeValidationErrors, type ValidationIssue } from '../../shared/formats.ts';
import { StrictObject } from '../../shared/schemas.ts';
import { isValidIsoDate } from '../../shared/validators.ts';
import {
  addCalendarDays,
  isWeekend,
  toDayNumber,
  weekdayOf,
  type CalendarDay,
} from './working-days.ts';

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;

/**
 * A notice for year Y may reach back into late December of Y-1 when the New Year holiday bridges
 * the turn of the year (the notices for 2007, 2008, 2012, 2019 and 2023 did: the earliest such
 * date was 29 December). Dates before this day of Y-1 are refused as typos.
 */
const PREVIOUS_YEAR_EARLIEST = '12-25';

/** A single holiday period is at most a few weeks; a longer one is a typo in a date. */
const MAX_HOLIDAY_SPAN_DAYS = 31;

const FileDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const FestivalName = Type.String({
  minLength: 1,
  maxLength: 40,
  description: '节日名称，如“春节”',
});

export const CalendarFileSchema = StrictObject(
  {
    year: Type.Integer({ minimum: CALENDAR_YEAR_MIN, maximum: CALENDAR_YEAR_MAX }),
    source: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        '依据：通知的标题和文号，如“国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）”',
    }),
    note: Type.Optional(Type.String({ maxLength: 2000, description: '备注（记入变更记录）' })),
    example: Type.Optional(
      Type.Boolean({ description: '示例文件的标记；为 true 时拒绝导入，防止把示例当作正式安排' }),
    ),
    holidays: Type.Array(StrictObject({ name: FestivalName, from: FileDate, to: FileDate }), {
      minItems: 1,
      maxItems: 30,
      description: '放假安排：每个节日一段连续日期（含调休形成的周末）',
    }),
    workdays: Type.Array(StrictObject({ date: FileDate, name: FestivalName }), {
      maxItems: 30,
      description: '调休上班日（均应为周六或周日）',
    }),
  },
  { description: '年度节假日安排文件' },
);

export type CalendarFile = Static<typeof CalendarFileSchema>;

/** One year's calendar, as stored: the listed days and a checksum that detects any change. */
export interface CalendarYearData {
  year: number;
  source: string;
  days: CalendarDay[];
  checksum: string;
  /** The administrator's remark, kept in the change record only. */
  note: string | null;
}

/** SHA-256 over the canonical list of days; equal data gives an equal checksum. */
export function checksumOfDays(days: readonly CalendarDay[]): string {
  const canonical = [...days]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((d) => [d.date, d.kind, d.name]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function invalid(problems: ValidationIssue[]): AppError {
  const summary = problems.map((p) => `${p.field}：${p.reason}`).join('；');
  return new AppError('CALENDAR_FILE_INVALID', {
    message: `节假日安排文件格式不正确：${summary}`,
    details: problems,
  });
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * TypeBox words some errors differently from ajv, whose shape the shared Chinese descriptions
 * expect: an unknown property is a failed `false` schema at the property's path (plus a summary
 * we drop), and `required` lists all missing properties at once.
 */
function toAjvShape(error: SchemaError): SchemaError[] {
  switch (error.keyword) {
    case 'additionalProperties':
      return [];
    case 'boolean': {
      const segments = error.instancePath.split('/');
      const name = segments.pop() ?? '';
      return [
        {
          instancePath: segments.join('/'),
          keyword: 'additionalProperties',
          params: { additionalProperty: name },
        },
      ];
    }
    case 'required': {
      const missing = error.params.requiredProperties;
      if (!Array.isArray(missing)) return [error];
      return missing.map((name) => ({ ...error, params: { missingProperty: String(name) } }));
    }
    default:
      return [error];
  }
}

function structuralProblems(input: unknown): ValidationIssue[] {
  const errors = [...Value.Errors(CalendarFileSchema, input)].flatMap(toAjvShape);
  return describeValidationErrors(errors, 'body');
}

/**
 * Parses and checks a calendar file. Throws CALENDAR_FILE_INVALID naming every problem; returns
 * the year's days (holiday periods expanded to single dates) ready to store.
 */
export function parseCalendarFile(input: unknown): CalendarYearData {
  const structural = structuralProblems(input);
  if (structural.length > 0) throw invalid(structural);
  const file = input as CalendarFile;
  const problems: ValidationIssue[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });

  if (file.example === true) {
    problem(
      'example',
      '这是示例文件，仅用于说明格式，其中日期不是正式安排；请按国务院办公厅通知填写并删除 example 字段后再导入',
    );
  }

  const earliest = `${file.year - 1}-${PREVIOUS_YEAR_EARLIEST}`;
  const latest = `${file.year}-12-31`;
  const outOfYear = (date: string) => date < earliest || date > latest;
  const yearRange = `${file.year} 年内（元旦安排可自 ${earliest} 起）`;

  const holidayOwner = new Map<string, string>();
  const days: CalendarDay[] = [];
  file.holidays.forEach((holiday, index) => {
    const field = `holidays.${index}`;
    const label = `“${holiday.name}”`;
    // The schema checked the format; isValidIsoDate keeps this function safe on its own.
    if (!isValidIsoDate(holiday.from) || !isValidIsoDate(holiday.to)) return;
    if (outOfYear(holiday.from)) {
      problem(`${field}.from`, `${label}的开始日期 ${holiday.from} 不在 ${yearRange}`);
    }
    if (outOfYear(holiday.to)) {
      problem(`${field}.to`, `${label}的结束日期 ${holiday.to} 不在 ${yearRange}`);
    }
    if (holiday.to < holiday.from) {
      problem(field, `${label}的结束日期 ${holiday.to} 早于开始日期 ${holiday.from}`);
      return;
    }
    const span = toDayNumber(holiday.to) - toDayNumber(holiday.from) + 1;
    if (span > MAX_HOLIDAY_SPAN_DAYS) {
      problem(field, `${label}放假 ${span} 天，超过 ${MAX_HOLIDAY_SPAN_DAYS} 天，请检查日期`);
      return;
    }
    for (let offset = 0; offset < span; offset++) {
      const date = addCalendarDays(holiday.from, offset);
      const owner = holidayOwner.get(date);
      if (owner !== undefined) {
        problem(field, `${label}的 ${date} 已在“${owner}”的放假日期中，放假安排不能重叠`);
        continue;
      }
      holidayOwner.set(date, holiday.name);
      days.push({ date, kind: 'holiday', name: holiday.name });
    }
  });

  const workdaySeen = new Set<string>();
  file.workdays.forEach((workday, index) => {
    const field = `workdays.${index}`;
    if (!isValidIsoDate(workday.date)) return;
    if (outOfYear(workday.date)) problem(field, `调休上班日 ${workday.date} 不在 ${yearRange}`);
    if (workdaySeen.has(workday.date)) {
      problem(field, `调休上班日 ${workday.date} 重复`);
      return;
    }
    workdaySeen.add(workday.date);
    if (!isWeekend(workday.date)) {
      problem(
        field,
        `调休上班日 ${workday.date} 是${WEEKDAY_NAMES[weekdayOf(workday.date)] ?? ''}，本来就是工作日；调休上班日应为周六或周日`,
      );
    }
    const owner = holidayOwner.get(workday.date);
    if (owner !== undefined) {
      problem(field, `调休上班日 ${workday.date} 同时在“${owner}”的放假日期中`);
    }
    days.push({ date: workday.date, kind: 'workday', name: workday.name });
  });

  if (problems.length > 0) throw invalid(problems);
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year: file.year,
    source: file.source,
    days,
    checksum: checksumOfDays(days),
    note: file.note ?? null,
  };
}

/** A file's text as JSON, refusing with CALENDAR_FILE_INVALID rather than a SyntaxError. */
export function readCalendarJson(text: string): unknown {
  try {
    // A UTF-8 byte-order mark is what Windows Notepad writes; it is not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid([
      {
        field: '文件',
        reason: `不是有效的 JSON（${error instanceof Error ? error.message : ''}）`,
      },
    ]);
  }
}

export function parseCalendarFileText(text: string): CalendarYearData {
  return parseCalendarFile(readCalendarJson(text));
}
