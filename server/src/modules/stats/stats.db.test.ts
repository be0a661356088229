// Oversight statistics over the demo district: the grouped figures agree with the rows they
// count, stay within the reader's scope, and move when deadlines and publications do.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../shared/dates.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { addCalendarDays } from '../calendar/working-days.ts';

// A fixed clock, so "today" and "due soon" do not drift while the file runs.
const NOW = new Date('2026-11-20T02:00:00Z');
const TODAY = chinaToday(NOW);
const t = await createDemoApp({ clock: () => NOW });
const db = t.handle.db;
const cookies = {
  admin: await t.login('admin'),
  head: await t.login('head1'),
  supervisor: await t.login('supervisor1'),
  officer: await t.login('officer1'),
};

interface Figures<R> {
  asOf: string;
  total: number;
  rows: R[];
}
interface CaseRow {
  agencyId: string;
  kind: string;
  procedure: string;
  state: string;
  workflowLabel: string;
  stateLabel: string;
  count: number;
}
interface DeadlineRow {
  agencyId: string;
  kind: string;
  label: string;
  bucket: string;
  count: number;
}
interface PublicationRow {
  agencyId: string;
  timeliness: string;
  count: number;
}

async function get<R>(url: string, cookie: string): Promise<Figures<R>> {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Figures<R>>();
}

function tally<R extends { count: number }>(rows: R[], key: (r: R) => string) {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.count);
  return out;
}

describe('case figures', () => {
  it('count every case once, by agency, kind, procedure and state, with Chinese labels', async () => {
    const figures = await get<CaseRow>('/api/stats/cases', cookies.admin);
    const cases = await db.selectFrom('cases').select(['agency_id', 'kind', 'state']).execute();
    expect(cases.length).toBeGreaterThan(0);
    expect(figures.total).toBe(cases.length);
    expect(figures.asOf).toBe(TODAY);
    const expected = new Map<string, number>();
    for (const c of cases) {
      const key = `${c.agency_id}|${c.kind}|${c.state}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(tally(figures.rows, (r) => `${r.agencyId}|${r.kind}|${r.state}`)).toEqual(expected);
    for (const row of figures.rows) {
      expect(row.workflowLabel).toMatch(/[\u4e00-\u9fa5]/);
      expect(row.stateLabel).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("keep a head to their agency and a supervisor to their region's agencies", async () => {
    const head = await get<CaseRow>('/api/stats/cases', cookies.head);
    expect(head.rows.length).toBeGreaterThan(0);
    expect(new Set(head.rows.map((r) => r.agencyId))).toEqual(new Set([t.ids.agencies.market]));

    const supervisor = await get<CaseRow>('/api/stats/cases', cookies.supervisor);
    const all = await get<CaseRow>('/api/stats/cases', cookies.admin);
    // Every demo agency lies in the supervisor's district.
    expect(supervisor.total).toBe(all.total);

    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/stats/cases?agencyId=${t.ids.agencies.urban}`,
      headers: { cookie: cookies.head },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });

    const officer = await t.app.inject({
      method: 'GET',
      url: '/api/stats/cases',
      headers: { cookie: cookies.officer },
    });
    expect(officer.statusCode).toBe(403);
  });

  it('filter by registration date and by agency', async () => {
    const future = await get<CaseRow>('/api/stats/cases?from=2099-01-01', cookies.admin);
    expect(future).toMatchObject({ total: 0, rows: [] });
    const past = await get<CaseRow>('/api/stats/cases?to=1999-12-31', cookies.admin);
    expect(past.total).toBe(0);
    const market = await get<CaseRow>(
      `/api/stats/cases?agencyId=${t.ids.agencies.market}`,
      cookies.admin,
    );
    const marketCases = await db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('agency_id', '=', t.ids.agencies.market)
      .executeTakeFirstOrThrow();
    expect(market.total).toBe(Number(marketCases.n));
  });

  it('refuse malformed filters with a stable code', async () => {
    const cases: [string, string][] = [
      ['agencyId=nope', 'INVALID_ID'],
      ['from=2026-13-01', 'VALIDATION_FAILED'],
      ['soonDays=x', 'VALIDATION_FAILED'],
      ['extra=1', 'VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/stats/cases?${query}`,
        headers: { cookie: cookies.admin },
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code });
    }
  });
});

describe('deadline figures', () => {
  async function addDeadline(kind: string, due: { dueOn?: string; dueAt?: Date }) {
    await db
      .insertInto('deadlines')
      .values({
        agency_id: t.ids.agencies.urban,
        case_id: null,
        subject_type: 'test',
        subject_id: randomUUID(),
        kind,
        rule_key: 'test',
        unit: due.dueAt ? 'hours' : 'days',
        amount: 1,
        start_on: due.dueAt ? null : TODAY,
        start_at: due.dueAt ? new Date(due.dueAt.getTime() - 3_600_000) : null,
        rolls_to_working_day: false,
        due_on: due.dueOn ?? null,
        due_at: due.dueAt ?? null,
        is_calendar_missing: !due.dueOn && !due.dueAt,
        computed_with_calendar_years: [],
      })
      .execute();
  }

  it('sort open deadlines into overdue, due soon, later and undated, leaving lapsed rights out', async () => {
    const url = `/api/stats/deadlines?agencyId=${t.ids.agencies.urban}`;
    const before = tally((await get<DeadlineRow>(url, cookies.admin)).rows, (r) => r.bucket);
    await addDeadline('review.opinion', { dueOn: addCalendarDays(TODAY, -1) });
    await addDeadline('review.opinion', { dueAt: new Date(NOW.getTime() - 60_000) });
    await addDeadline('review.opinion', { dueOn: TODAY });
    await addDeadline('review.opinion', { dueOn: addCalendarDays(TODAY, 3) });
    await addDeadline('review.opinion', { dueOn: addCalendarDays(TODAY, 4) });
    await addDeadline('review.opinion', {});
    // A party's right whose period passed has lapsed: nobody's delay.
    await addDeadline('case.hearing_request', { dueOn: addCalendarDays(TODAY, -5) });

    const after = await get<DeadlineRow>(url, cookies.admin);
    const delta = (bucket: string) =>
      (tally(after.rows, (r) => r.bucket).get(bucket) ?? 0) - (before.get(bucket) ?? 0);
    expect(delta('overdue')).toBe(2);
    expect(delta('soon')).toBe(2);
    expect(delta('later')).toBe(1);
    expect(delta('undated')).toBe(1);
    expect(
      after.rows.filter((r) => r.kind === 'case.hearing_request' && r.bucket === 'overdue'),
    ).toEqual([]);
    expect(after.rows.find((r) => r.kind === 'review.opinion')?.label).toBe('出具法制审核意见');

    // A wider "soon" takes the later one in.
    const wide = await get<DeadlineRow>(`${url}&soonDays=10`, cookies.admin);
    expect(tally(wide.rows, (r) => r.bucket).get('soon')).toBe(
      (tally(after.rows, (r) => r.bucket).get('soon') ?? 0) +
        (tally(after.rows, (r) => r.bucket).get('later') ?? 0),
    );
  });
});

describe('publication figures', () => {
  it('agree with the queue: on time, late, waiting, overdue and withheld', async () => {
    const figures = await get<PublicationRow>('/api/stats/publication', cookies.admin);
    const queue = await db
      .selectFrom('disclosure_queue as q')
      .leftJoin('disclosure_decisions as d', 'd.id', 'q.publication_id')
      .select(['q.agency_id', 'q.status', 'q.due_on', 'd.published_at'])
      .execute();
    expect(queue.length).toBeGreaterThan(0);
    const expected = new Map<string, number>();
    for (const q of queue) {
      const timeliness =
        q.status === 'withheld'
          ? 'withheld'
          : q.status === 'published'
            ? !q.due_on || (q.published_at && chinaToday(q.published_at) <= q.due_on)
              ? 'on_time'
              : 'late'
            : q.due_on && q.due_on < TODAY
              ? 'pending_overdue'
              : 'pending';
      const key = `${q.agency_id}|${timeliness}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(tally(figures.rows, (r) => `${r.agencyId}|${r.timeliness}`)).toEqual(expected);
    expect(figures.total).toBe(queue.length);
  });
});
