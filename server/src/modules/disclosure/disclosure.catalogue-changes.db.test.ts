// Pre-disclosure update deadlines: a change to an agency's pre-disclosure information must be
// public within the profile's limit — 薛城区 7 days (附件1 第十四条), 上海 20 working days (五（一）)
// across 国庆 — and is flagged overdue by the clock; confirming closes the deadline met or missed.
import { describe, expect, it, vi } from 'vitest';

// Each test drives several cases through the API; a shared, busy machine needs time.
vi.setConfig({ testTimeout: 120_000 });
import { createDemoApp } from '../../test/test-app.ts';
import { DEMO_CATALOGUE_CHANGES } from './disclosure.demo.ts';

// Answers are read as a client reads JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function setup(profile: string) {
  let now = new Date('2026-09-28T10:00:00+08:00');
  const t = await createDemoApp({ clock: () => now, env: { PROFILE: profile } });
  const cookies = { officer1: await t.login('officer1'), officer3: await t.login('officer3') };
  const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));
  const url = `/api/agencies/${t.ids.agencies.market}/disclosure/catalogue-changes`;
  async function call(method: 'GET' | 'POST', path: string, cookie: string, payload?: object) {
    const r = await t.app.inject({ method, url: path, headers: { cookie }, payload });
    return { status: r.statusCode, body: r.json<Json>() };
  }
  const deadline = (id: string) =>
    t.handle.db
      .selectFrom('deadlines')
      .select(['status', 'due_on', 'rule_key'])
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
  return { t, cookies, setToday, url, call, deadline };
}

const change = {
  subject: 'power',
  description: '《食品安全法》修正，调整执法事项依据',
  changedOn: '2026-09-28',
};

describe('pre-disclosure update deadline', () => {
  it('薛城区: 7 days, overdue the day after, confirmed late as missed', async () => {
    const s = await setup('xuecheng');
    const recorded = await s.call('POST', s.url, s.cookies.officer1, change);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ rule: '7日内', dueOn: '2026-10-05', state: 'pending' });
    expect(await s.deadline(recorded.body.id)).toMatchObject({
      rule_key: 'disclosure.preDisclosureUpdate',
      due_on: '2026-10-05',
      status: 'open',
    });
    s.setToday('2026-10-05');
    const onTime = await s.call('GET', `${s.url}?open=true`, s.cookies.officer1);
    expect(onTime.body.find((c: Json) => c.id === recorded.body.id).state).toBe('pending');
    s.setToday('2026-10-06');
    const late = await s.call('GET', `${s.url}?open=true`, s.cookies.officer1);
    expect(late.body.find((c: Json) => c.id === recorded.body.id).state).toBe('overdue');
    const confirmed = await s.call(
      'POST',
      `/api/disclosure/catalogue-changes/${recorded.body.id}/published`,
      s.cookies.officer1,
    );
    expect(confirmed.body.state).toBe('published_late');
    expect(await s.deadline(recorded.body.id)).toMatchObject({ status: 'missed' });
    const again = await s.call(
      'POST',
      `/api/disclosure/catalogue-changes/${recorded.body.id}/published`,
      s.cookies.officer1,
    );
    expect(again.body.code).toBe('CATALOGUE_CHANGE_PUBLISHED');
    // The demo change of the other agency is out of reach; bad input changes nothing.
    const other = await s.call(
      'POST',
      `/api/disclosure/catalogue-changes/${DEMO_CATALOGUE_CHANGES.urban}/published`,
      s.cookies.officer1,
    );
    expect(other.status).toBe(403);
    for (const bad of [
      { ...change, subject: 'nothing' },
      { ...change, changedOn: '2026-13-01' },
      { ...change, description: 'x' },
    ]) {
      expect((await s.call('POST', s.url, s.cookies.officer1, bad)).status).toBe(400);
    }
    const future = await s.call('POST', s.url, s.cookies.officer1, {
      ...change,
      changedOn: '2026-12-01',
    });
    expect(future.body.code).toBe('VALIDATION_FAILED');
  });

  it('上海: 20 working days across 国庆, confirmed in time as met', async () => {
    const s = await setup('shanghai');
    const recorded = await s.call('POST', s.url, s.cookies.officer1, change);
    // Mon 28 Sep + 20 working days (1–7 Oct off, Sat 10 Oct on) = Fri 30 Oct.
    expect(recorded.body).toMatchObject({ rule: '20个工作日内', dueOn: '2026-10-30' });
    s.setToday('2026-10-30');
    const confirmed = await s.call(
      'POST',
      `/api/disclosure/catalogue-changes/${recorded.body.id}/published`,
      s.cookies.officer1,
    );
    expect(confirmed.body.state).toBe('published');
    expect(await s.deadline(recorded.body.id)).toMatchObject({ status: 'met' });
  });

  it('national: "dynamic" invents no due date, so nothing is ever overdue', async () => {
    const s = await setup('national');
    const recorded = await s.call('POST', s.url, s.cookies.officer1, change);
    expect(recorded.body).toMatchObject({ dueOn: null, state: 'pending' });
    s.setToday('2027-09-28');
    const list = await s.call('GET', s.url, s.cookies.officer1);
    expect(list.body.find((c: Json) => c.id === recorded.body.id).state).toBe('pending');
  });
});
