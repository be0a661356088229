// The calendar through HTTP on a real database: the shipped years, the two public computations
// with their refusals, and the administrator's import (all or nothing).
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp();
const admin = await t.login('admin');

async function get(url: string) {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
}

async function putYear(year: number, payload: unknown, cookie = admin) {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/calendar/years/${year}`,
    payload: payload as object,
    headers: { cookie },
  });
  return { status: response.statusCode, body: response.json() };
}

async function calendarState() {
  const years = await t.handle.db
    .selectFrom('calendar_years')
    .selectAll()
    .orderBy('year')
    .execute();
  const days = await t.handle.db
    .selectFrom('calendar_days')
    .selectAll()
    .orderBy('notice_year')
    .orderBy('date')
    .execute();
  const ledger = await t.handle.db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { years, days, ledgerEntries: Number(ledger.n) };
}

// An illustration of the format with made-up dates, for a year far from any real notice.
const FILE_2099 = {
  year: 2099,
  source: '测试用安排（不是真实通知）',
  holidays: [
    { name: '元旦', from: '2099-01-01', to: '2099-01-03' },
    { name: '春节', from: '2099-01-21', to: '2099-01-27' },
  ],
  workdays: [{ date: '2099-01-17', name: '春节' }],
};

describe('shipped calendar', () => {
  it('lists the years of the bundled package, 2004 to 2026, as shipped', async () => {
    const { status, body } = await get('/api/calendar/years');
    expect(status).toBe(200);
    const years = body.items.map((y: { year: number }) => y.year);
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).not.toContain(2027);
    const y2026 = body.items.find((y: { year: number }) => y.year === 2026);
    expect(y2026).toMatchObject({ origin: 'shipped', holidayCount: 33, workdayCount: 6 });
    expect(y2026.source).toMatch(/^chinese-days /);
  });

  it('answers the days of 2026 with Chinese festival names', async () => {
    const { status, body } = await get('/api/calendar/years/2026');
    expect(status).toBe(200);
    const workdays = body.days.filter((d: { kind: string }) => d.kind === 'workday');
    expect(workdays).toEqual([
      { date: '2026-01-04', kind: 'workday', name: '元旦' },
      { date: '2026-02-14', kind: 'workday', name: '春节' },
      { date: '2026-02-28', kind: 'workday', name: '春节' },
      { date: '2026-05-09', kind: 'workday', name: '劳动节' },
      { date: '2026-09-20', kind: 'workday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
    expect(body.days).toContainEqual({ date: '2026-09-25', kind: 'holiday', name: '中秋节' });
  });

  it('answers CALENDAR_NOT_LOADED for the days of a year without data', async () => {
    const { status, body } = await get('/api/calendar/years/2027');
    expect(status).toBe(422);
    expect(body.code).toBe('CALENDAR_NOT_LOADED');
    expect(body.message).toContain('2027');
  });
});

describe('GET /api/calendar/add-working-days', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'], // the Saturday make-up day before the Spring Festival
    ['2026-02-14', 1, '2026-02-24'], // nine days off
    ['2026-02-27', 1, '2026-02-28'], // the Saturday make-up day after it
    ['2026-09-30', 1, '2026-10-08'], // National Day
    ['2026-09-18', 1, '2026-09-20'], // the Sunday make-up day
    ['2025-12-31', 1, '2026-01-04'], // New Year 2026 off, Sunday 4 January on
    ['2025-12-30', 3, '2026-01-05'],
  ])('from %s plus %i working day(s) is %s', async (from, days, date) => {
    const { status, body } = await get(`/api/calendar/add-working-days?from=${from}&days=${days}`);
    expect(status).toBe(200);
    expect(body).toEqual({ date });
  });

  it('answers CALENDAR_NOT_LOADED when the count runs into 2027', async () => {
    const { status, body } = await get('/api/calendar/add-working-days?from=2026-12-28&days=5');
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'CALENDAR_NOT_LOADED', details: { year: 2027 } });
  });

  it('answers CALENDAR_NOT_LOADED for a start date in 2027', async () => {
    const { status, body } = await get('/api/calendar/add-working-days?from=2027-03-01&days=1');
    expect(status).toBe(422);
    expect(body.code).toBe('CALENDAR_NOT_LOADED');
  });

  it.each([
    ['from=2026-02-30&days=1', 'querystring.from'],
    ['from=2026-2-3&days=1', 'querystring.from'],
    ['days=1', 'querystring.from'],
    ['from=2026-02-13', 'querystring.days'],
    ['from=2026-02-13&days=0', 'querystring.days'],
    ['from=2026-02-13&days=-3', 'querystring.days'],
    ['from=2026-02-13&days=1001', 'querystring.days'],
    ['from=2026-02-13&days=99999999999999999999', 'querystring.days'],
    ['from=2026-02-13&days=1.5', 'querystring.days'],
    ['from=2026-02-13&days=abc', 'querystring.days'],
    ['from=2026-02-13&days=1&extra=1', 'querystring.extra'],
  ])('refuses %s with VALIDATION_FAILED naming %s in Chinese', async (query, field) => {
    const { status, body } = await get(`/api/calendar/add-working-days?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^请求参数不符合要求：/);
    expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('GET /api/calendar/count-working-days', () => {
  it.each([
    ['2026-02-13', '2026-02-28', 6], // 14th, 24th–27th, 28th
    ['2026-09-30', '2026-10-10', 3], // 8th, 9th, 10th
    ['2026-09-30', '2026-09-30', 0],
    ['2025-12-26', '2026-01-05', 5], // 29th–31st, 4th, 5th
  ])('from %s to %s counts %i', async (from, to, days) => {
    const { status, body } = await get(`/api/calendar/count-working-days?from=${from}&to=${to}`);
    expect(status).toBe(200);
    expect(body).toEqual({ days });
  });

  it('refuses an end before the start with INVALID_DATE_RANGE', async () => {
    const { status, body } = await get(
      '/api/calendar/count-working-days?from=2026-03-02&to=2026-03-01',
    );
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_DATE_RANGE');
  });

  it('answers CALENDAR_NOT_LOADED for a range reaching a year without data', async () => {
    const { status, body } = await get(
      '/api/calendar/count-working-days?from=2026-12-01&to=9999-12-31',
    );
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'CALENDAR_NOT_LOADED', details: { year: 2027 } });
  });

  it('refuses a missing or impossible date with VALIDATION_FAILED', async () => {
    for (const query of ['from=2026-01-01', 'from=2026-01-01&to=2026-13-01']) {
      const { status, body } = await get(`/api/calendar/count-working-days?${query}`);
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('PUT /api/calendar/years/:year', () => {
  it('refuses anyone but an administrator', async () => {
    const officer = await t.login('officer1');
    expect((await putYear(2099, FILE_2099, officer)).body.code).toBe('FORBIDDEN');
    expect((await putYear(2099, FILE_2099, '')).body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a file with content problems, listing each one, and changes nothing', async () => {
    const before = await calendarState();
    const { status, body } = await putYear(2099, {
      ...FILE_2099,
      holidays: [
        { name: '元旦', from: '2099-01-01', to: '2099-01-03' },
        { name: '春节', from: '2099-01-03', to: '2099-01-05' }, // overlaps 元旦
        { name: '国庆节', from: '2099-10-07', to: '2099-10-01' }, // reversed
        { name: '劳动节', from: '2100-05-01', to: '2100-05-02' }, // another year
      ],
      workdays: [
        { date: '2099-01-19', name: '春节' }, // a Monday
        { date: '2099-01-03', name: '元旦' }, // a Saturday inside a holiday
      ],
    });
    expect(status).toBe(400);
    expect(body.code).toBe('CALENDAR_FILE_INVALID');
    expect(body.message).toMatch(/^节假日安排文件格式不正确：/);
    const fields = body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual([
      'holidays.1',
      'holidays.2',
      'holidays.3.from',
      'holidays.3.to',
      'workdays.0',
      'workdays.1',
    ]);
    expect(body.message).toContain('放假安排不能重叠');
    expect(body.message).toContain('调休上班日应为周六或周日');
    expect(await calendarState()).toEqual(before);
  });

  it('refuses a structurally wrong file with VALIDATION_FAILED and changes nothing', async () => {
    const before = await calendarState();
    const { status, body } = await putYear(2099, { ...FILE_2099, holidays: [], surprise: 1 });
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(await calendarState()).toEqual(before);
  });

  it('refuses a file whose year differs from the URL', async () => {
    const { status, body } = await putYear(2098, FILE_2099);
    expect(status).toBe(400);
    expect(body.code).toBe('CALENDAR_FILE_INVALID');
    expect(body.message).toContain('不一致');
  });

  it('imports a year with its change record, then computes with it', async () => {
    const before = await get('/api/calendar/add-working-days?from=2099-01-16&days=1');
    expect(before.body.code).toBe('CALENDAR_NOT_LOADED');

    const { status, body } = await putYear(2099, FILE_2099);
    expect(status).toBe(200);
    expect(body).toMatchObject({ year: 2099, isChanged: true, holidayCount: 10, workdayCount: 1 });

    const year = await get('/api/calendar/years/2099');
    expect(year.body).toMatchObject({ origin: 'imported', source: FILE_2099.source });
    // Friday 16 January → Saturday 17 (make-up day); the holiday runs from the 21st to the 27th.
    expect((await get('/api/calendar/add-working-days?from=2099-01-16&days=1')).body).toEqual({
      date: '2099-01-17',
    });
    expect((await get('/api/calendar/add-working-days?from=2099-01-20&days=1')).body).toEqual({
      date: '2099-01-28',
    });

    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('kind', '=', 'calendar.year.loaded')
      .where('subject_id', '=', '2099')
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(t.ids.users.admin);
    expect(entry.payload).toMatchObject({ year: 2099, origin: 'imported', previousChecksum: null });
  });

  it('answers isChanged false for the same file again and writes nothing', async () => {
    const before = await calendarState();
    const { status, body } = await putYear(2099, FILE_2099);
    expect(status).toBe(200);
    expect(body.isChanged).toBe(false);
    expect(await calendarState()).toEqual(before);
  });

  it('replaces a shipped year entirely when an administrator imports it', async () => {
    const { status } = await putYear(2025, {
      year: 2025,
      source: '测试：管理员更正',
      holidays: [{ name: '元旦', from: '2025-01-01', to: '2025-01-01' }],
      workdays: [],
    });
    expect(status).toBe(200);
    const year = await get('/api/calendar/years/2025');
    expect(year.body).toMatchObject({ origin: 'imported', holidayCount: 1, workdayCount: 0 });
    // The Spring Festival of the package's 2025 is gone with the replaced data.
    expect((await get('/api/calendar/add-working-days?from=2025-01-27&days=1')).body).toEqual({
      date: '2025-01-28',
    });
  });
});
