// The calendar file parser on its own: what an administrator's file must say, and the Chinese
// reasons it gives, all at once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { checksumOfDays, parseCalendarFile, parseCalendarFileText } from './calendar-file.ts';

const VALID = {
  year: 2099,
  source: '测试用安排（不是真实通知）',
  holidays: [
    { name: '元旦', from: '2098-12-31', to: '2099-01-02' },
    { name: '春节', from: '2099-01-21', to: '2099-01-27' },
  ],
  workdays: [{ date: '2099-01-17', name: '春节' }],
};

function problemsOf(input: unknown): { field: string; reason: string }[] {
  try {
    parseCalendarFile(input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_FILE_INVALID') {
      return error.details as { field: string; reason: string }[];
    }
    throw error;
  }
  throw new Error('expected CALENDAR_FILE_INVALID');
}

describe('parseCalendarFile', () => {
  it('expands holiday periods to days and keeps the make-up days', () => {
    const data = parseCalendarFile(VALID);
    expect(data.year).toBe(2099);
    expect(data.days.filter((d) => d.kind === 'holiday')).toHaveLength(10);
    expect(data.days[0]).toEqual({ date: '2098-12-31', kind: 'holiday', name: '元旦' });
    expect(data.days).toContainEqual({ date: '2099-01-17', kind: 'workday', name: '春节' });
    expect(data.checksum).toBe(checksumOfDays(data.days));
    expect(data.note).toBeNull();
  });

  it('gives the same checksum whatever the order of the entries', () => {
    const reordered = { ...VALID, holidays: [...VALID.holidays].reverse() };
    expect(parseCalendarFile(reordered).checksum).toBe(parseCalendarFile(VALID).checksum);
    const renamed = { ...VALID, workdays: [{ date: '2099-01-17', name: '春节调休' }] };
    expect(parseCalendarFile(renamed).checksum).not.toBe(parseCalendarFile(VALID).checksum);
  });

  it('refuses structural problems with Chinese reasons naming each field', () => {
    const problems = problemsOf({
      year: 1999,
      holidays: [{ name: '', from: '2099-02-30', to: '2099-01-01', extra: true }],
      workdays: [],
      unknown: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'year', reason: '不能小于 2000' },
        { field: 'source', reason: '缺少必填字段' },
        { field: 'unknown', reason: '不允许的字段' },
        { field: 'holidays.0.name', reason: '长度不能少于 1 个字符' },
        { field: 'holidays.0.from', reason: '日期（YYYY-MM-DD）不正确' },
        { field: 'holidays.0.extra', reason: '不允许的字段' },
      ]),
    );
  });

  it('names a wrong type', () => {
    expect(problemsOf({ ...VALID, workdays: 'none' })).toEqual([
      { field: 'workdays', reason: '类型应为 数组' },
    ]);
  });

  it('lists every content problem at once', () => {
    const problems = problemsOf({
      ...VALID,
      holidays: [
        { name: '元旦', from: '2098-12-20', to: '2099-01-01' }, // starts too early
        { name: '春节', from: '2099-01-01', to: '2099-01-03' }, // overlaps 元旦 on 1 January
        { name: '劳动节', from: '2099-05-05', to: '2099-05-01' },
        { name: '国庆节', from: '2099-09-01', to: '2099-10-07' }, // 37 days
      ],
      workdays: [
        { date: '2099-01-05', name: '春节' }, // a Monday
        { date: '2099-01-03', name: '春节' }, // a Saturday inside 春节
        { date: '2099-01-03', name: '春节' },
        { date: '2100-01-02', name: '元旦' },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'holidays.0.from',
      'holidays.1',
      'holidays.2',
      'holidays.3',
      'workdays.0',
      'workdays.1',
      'workdays.2',
      'workdays.3',
    ]);
    expect(problems[0]?.reason).toContain('2098-12-25');
    expect(problems[1]?.reason).toBe(
      '“春节”的 2099-01-01 已在“元旦”的放假日期中，放假安排不能重叠',
    );
    expect(problems[2]?.reason).toContain('早于开始日期');
    expect(problems[3]?.reason).toContain('超过 31 天');
    expect(problems[4]?.reason).toContain('是周一，本来就是工作日');
    expect(problems[5]?.reason).toContain('同时在“春节”的放假日期中');
    expect(problems[6]?.reason).toContain('重复');
    expect(problems[7]?.reason).toContain('不在 2099 年内');
  });

  it('reads JSON text, with or without a byte-order mark, and refuses what is not JSON', () => {
    expect(parseCalendarFileText(`\uFEFF${JSON.stringify(VALID)}`).year).toBe(2099);
    expect(() => parseCalendarFileText('{"year": 2099,')).toThrow(/不是有效的 JSON/);
  });
});

describe('the shipped example file', () => {
  const text = readFileSync(new URL('./examples/2027.example.json', import.meta.url), 'utf8');

  it('is refused as it stands, because it is only an example', () => {
    const problems = problemsOf(JSON.parse(text));
    expect(problems).toEqual([{ field: 'example', reason: expect.stringContaining('示例文件') }]);
  });

  it('follows the format: without the example flag it parses', () => {
    const file = JSON.parse(text) as Record<string, unknown>;
    delete file.example;
    const data = parseCalendarFile(file);
    expect(data.year).toBe(2027);
    expect(data.days.filter((d) => d.kind === 'workday')).toHaveLength(3);
  });
});
