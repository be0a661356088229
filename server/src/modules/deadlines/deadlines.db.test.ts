// Deadlines on a real database: opening with or without the calendar they need, closing, and the
// hook that moves open deadlines when a year's calendar is imported or changed.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { shippedCalendarYears } from '../calendar/calendar.shipped.ts';
import {
  closeDeadline,
  listDeadlinesOfSubject,
  openDeadline,
  type OpenDeadlineInput,
} from './deadlines.service.ts';

const t = await createDemoApp();
const admin = await t.login('admin');
const db = t.handle.db;

function open(input: Partial<OpenDeadlineInput> & Pick<OpenDeadlineInput, 'unit' | 'amount'>) {
  return db.transaction().execute((trx) =>
    openDeadline(trx, SYSTEM_ACTOR, {
      agencyId: t.ids.agencies.market,
      subjectType: 'decision',
      subjectId: randomUUID(),
      kind: 'disclosure.publish',
      ruleKey: 'disclosure.publishPenaltyDecision',
      ...input,
    }),
  );
}

async function reload(id: string) {
  return db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function ledgerOf(id: string) {
  return db
    .selectFrom('ledger_entries')
    .select(['kind', 'payload', 'agency_id', 'case_id'])
    .where('subject_type', '=', 'deadline')
    .where('subject_id', '=', id)
    .orderBy('seq')
    .execute();
}

async function importYear(payload: object) {
  const year = (payload as { year: number }).year;
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/calendar/years/${year}`,
    payload,
    headers: { cookie: admin },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ deadlinesChanged: number }>();
}

// Test data for 2027 (made up; the real notice is imported by administrators).
const TEST_2027 = {
  year: 2027,
  source: '测试数据（不是真实通知）',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-05' }],
  workdays: [{ date: '2027-01-09', name: '元旦' }],
};

describe('openDeadline', () => {
  it('computes a working-day due date across National Day 2026 and records it', async () => {
    const caseId = randomUUID();
    const deadline = await open({ unit: 'working_days', amount: 1, startOn: '2026-09-30', caseId });
    expect(deadline).toMatchObject({
      dueOn: '2026-10-08',
      isCalendarMissing: false,
      computedWithCalendarYears: [2026],
      status: 'open',
    });
    const ledger = await ledgerOf(deadline.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      kind: 'deadline.opened',
      agency_id: t.ids.agencies.market,
      case_id: caseId,
      payload: { dueOn: '2026-10-08', ruleKey: 'disclosure.publishPenaltyDecision' },
    });
  });

  it('stores a deadline needing 2027 without a due date, flagged, instead of guessing', async () => {
    const deadline = await open({ unit: 'working_days', amount: 5, startOn: '2026-12-29' });
    expect(deadline).toMatchObject({
      dueOn: null,
      isCalendarMissing: true,
      computedWithCalendarYears: [2026, 2027],
    });
  });

  it('computes periods in days and hours', async () => {
    const plain = await open({ unit: 'days', amount: 5, startOn: '2026-09-26' });
    expect(plain.dueOn).toBe('2026-10-01');
    const rolled = await open({
      unit: 'days',
      amount: 5,
      startOn: '2026-09-26',
      rollsToWorkingDay: true,
    });
    expect(rolled.dueOn).toBe('2026-10-08');
    const startAt = new Date('2026-11-20T09:30:00+08:00');
    const hours = await open({ unit: 'hours', amount: 24, startAt });
    expect(hours.dueAt?.toISOString()).toBe('2026-11-21T01:30:00.000Z');
    expect(hours.dueOn).toBeNull();
  });

  it('refuses inconsistent terms with VALIDATION_FAILED and writes nothing', async () => {
    const subjectId = randomUUID();
    for (const input of [
      { unit: 'working_days', amount: 0, startOn: '2026-01-05' },
      { unit: 'working_days', amount: 1001, startOn: '2026-01-05' },
      { unit: 'working_days', amount: 3 },
      { unit: 'hours', amount: 3, startOn: '2026-01-05' },
      { unit: 'working_days', amount: 3, startOn: '2026-01-05', rollsToWorkingDay: true },
      { unit: 'days', amount: 3, startOn: '2026-02-30' },
    ] as const) {
      await expect(open({ ...input, subjectId })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await listDeadlinesOfSubject(db, 'decision', subjectId)).toEqual([]);
  });
});

describe('closeDeadline', () => {
  it('closes an open deadline once, with its record', async () => {
    const deadline = await open({ unit: 'working_days', amount: 3, startOn: '2026-03-02' });
    const closed = await db.transaction().execute((trx) =>
      closeDeadline(trx, SYSTEM_ACTOR, {
        deadlineId: deadline.id,
        status: 'met',
        note: '已公示',
      }),
    );
    expect(closed).toMatchObject({ status: 'met', closeNote: '已公示' });
    expect(closed.closedAt).toBeInstanceOf(Date);
    await expect(
      db
        .transaction()
        .execute((trx) =>
          closeDeadline(trx, SYSTEM_ACTOR, { deadlineId: deadline.id, status: 'cancelled' }),
        ),
    ).rejects.toMatchObject({ code: 'DEADLINE_NOT_OPEN' });
    expect((await ledgerOf(deadline.id)).map((e) => e.kind)).toEqual([
      'deadline.opened',
      'deadline.closed',
    ]);
  });
});

describe('the calendar hook', () => {
  it('computes waiting deadlines when 2027 is imported, leaving closed ones alone', async () => {
    const waiting = await open({ unit: 'working_days', amount: 5, startOn: '2026-12-29' });
    const inside2027 = await open({ unit: 'working_days', amount: 1, startOn: '2027-01-08' });
    const cancelled = await open({ unit: 'working_days', amount: 2, startOn: '2026-12-31' });
    await db
      .transaction()
      .execute((trx) =>
        closeDeadline(trx, SYSTEM_ACTOR, { deadlineId: cancelled.id, status: 'cancelled' }),
      );
    const untouched = await open({ unit: 'working_days', amount: 1, startOn: '2026-09-30' });
    expect(inside2027).toMatchObject({
      isCalendarMissing: true,
      computedWithCalendarYears: [2027],
    });

    const result = await importYear(TEST_2027);
    expect(result.deadlinesChanged).toBeGreaterThanOrEqual(2);

    // 30, 31 December; 1–5 January off; 6, 7, 8 January.
    expect(await reload(waiting.id)).toMatchObject({
      due_on: '2027-01-08',
      is_calendar_missing: false,
      computed_with_calendar_years: [2026, 2027],
    });
    // Friday 8 January → Saturday 9 January, the make-up day of the test data.
    expect(await reload(inside2027.id)).toMatchObject({ due_on: '2027-01-09' });
    expect(await reload(cancelled.id)).toMatchObject({
      status: 'cancelled',
      due_on: null,
      is_calendar_missing: true,
    });
    const before = await reload(untouched.id);
    expect(before.due_on).toBe('2026-10-08');

    const ledger = await ledgerOf(waiting.id);
    expect(ledger.at(-1)).toMatchObject({
      kind: 'deadline.recomputed',
      payload: {
        before: { dueOn: null, isCalendarMissing: true },
        after: { dueOn: '2027-01-08', isCalendarMissing: false },
      },
    });
    expect((await ledgerOf(untouched.id)).map((e) => e.kind)).toEqual(['deadline.opened']);
  });

  it('moves open deadlines when an administrator corrects a year already in use', async () => {
    const deadline = await open({ unit: 'working_days', amount: 1, startOn: '2026-09-30' });
    expect(deadline.dueOn).toBe('2026-10-08');

    // The shipped 2026 with 8 October added to National Day, as a correction would.
    const shipped2026 = shippedCalendarYears().find((y) => y.year === 2026);
    if (!shipped2026) throw new Error('2026 is not shipped');
    const holidays = shipped2026.days
      .filter((d) => d.kind === 'holiday')
      .map((d) => ({ name: d.name, from: d.date, to: d.date }))
      .filter((h) => h.name !== '国庆节');
    holidays.push({ name: '国庆节', from: '2026-10-01', to: '2026-10-08' });
    const workdays = shipped2026.days
      .filter((d) => d.kind === 'workday')
      .map((d) => ({ date: d.date, name: d.name }));
    // Single days of one festival are contiguous periods of their own: the format allows that.
    await importYear({ year: 2026, source: '测试：更正', holidays, workdays });

    expect(await reload(deadline.id)).toMatchObject({ due_on: '2026-10-09' });
    expect((await ledgerOf(deadline.id)).at(-1)).toMatchObject({
      kind: 'deadline.recomputed',
      payload: { calendarYears: [2026], after: { dueOn: '2026-10-09' } },
    });
  });

  it('rolls back the import when the hook fails: calendar and deadlines change together', async () => {
    const deadline = await open({ unit: 'working_days', amount: 1, startOn: '2028-03-01' });
    expect(deadline.isCalendarMissing).toBe(true);
    // A real failure inside the hook: the database refuses this deadline's update.
    await sql`create function refuse_update() returns trigger language plpgsql as $$
      begin raise exception 'refused by test'; end $$`.execute(db);
    await sql`create trigger refuse_update before update on deadlines for each row
      when (new.id = ${sql.lit(deadline.id)}::uuid) execute function refuse_update()`.execute(db);
    try {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/calendar/years/2028',
        payload: {
          year: 2028,
          source: '测试数据（不是真实通知）',
          holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }],
          workdays: [],
        },
        headers: { cookie: admin },
      });
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_update on deadlines`.execute(db);
      await sql`drop function refuse_update()`.execute(db);
    }
    const loaded = db.selectFrom('calendar_years').select('year').where('year', '=', 2028);
    expect(await loaded.execute()).toEqual([]);
    expect(await reload(deadline.id)).toMatchObject({ due_on: null, is_calendar_missing: true });
    const records = await db
      .selectFrom('ledger_entries')
      .select('seq')
      .where('kind', '=', 'calendar.year.loaded')
      .where('subject_id', '=', '2028')
      .execute();
    expect(records).toEqual([]);
  });
});
