// 行政处罚 beyond the main walk: a retried action taken once and a stale version refused, the
// 90-day decision period and its extension, 简易程序 within the statutory limits, and one party's
// records within the reader's scope.
import { describe, expect, it } from 'vitest';
import { demoRecordId } from '../powers/powers.demo.ts';
import { penaltyScenario } from './test/penalty.fixture.ts';

const {
  t,
  cookies,
  setToday,
  act,
  expectRefused,
  expectDone,
  newCase,
  declareRecusals,
  organisation,
  transcript,
  fine,
} = await penaltyScenario();

describe('行政处罚 一般程序: retries and the decision period', () => {
  it('takes a retried action once, and refuses a stale version', async () => {
    setToday('2026-05-04');
    const c = await newCase('重复提交测试');
    await declareRecusals(c.id);
    const first = await act(
      c.id,
      'officer1',
      'request_filing',
      {},
      { idempotencyKey: 'retry-key-0001' },
    );
    const retry = await act(
      c.id,
      'officer1',
      'request_filing',
      {},
      { idempotencyKey: 'retry-key-0001' },
    );
    expect(first.body.state).toBe('filing_pending');
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(first.body.version);
    const actions = await t.handle.db
      .selectFrom('case_actions')
      .select('action')
      .where('case_id', '=', c.id)
      .execute();
    expect(actions).toHaveLength(1);

    const stale = await act(
      c.id,
      'head1',
      'approve_filing',
      {},
      { expectedVersion: first.body.version - 1 },
    );
    expect(stale.body.code).toBe('CASE_VERSION_CONFLICT');
    const fresh = await act(
      c.id,
      'head1',
      'approve_filing',
      {},
      { expectedVersion: first.body.version },
    );
    expect(fresh.body.state).toBe('investigating');
  });

  it('refuses a decision after the 90-day period unless the head extended it', async () => {
    setToday('2026-01-05');
    const c = await newCase('期限测试');
    await declareRecusals(c.id);
    await expectDone(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
    await expectDone(c.id, 'head1', 'approve_filing', {}, 'investigating');
    // Filed on 5 January; investigated and noticed in the days after, each recorded that day.
    setToday('2026-01-06');
    await expectDone(
      c.id,
      'officer1',
      'record_transcript',
      { ...transcript, madeOn: '2026-01-06' },
      'investigating',
    );
    setToday('2026-01-07');
    await expectDone(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-01-07', proposed: fine(0, ['warning']), isLargeAmount: false },
      'notified',
    );
    // Filed 5 January: the 90th day is 5 April.
    setToday('2026-04-07');
    await expectRefused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-04-07' },
      'DECISION_PERIOD_EXPIRED',
    );
    await expectDone(
      c.id,
      'head1',
      'extend_decision_period',
      { days: 30, reason: '案情复杂，需补充检验' },
      'notified',
    );
    const decided = await expectDone(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-04-07' },
      'decided',
    );
    expect(decided.availableActions.map((a: { name: string }) => a.name)).toEqual([]);
  });
});

describe('行政处罚 简易程序', () => {
  it('is only for warnings and fines within the statutory limits', async () => {
    setToday('2026-06-01');
    const person = {
      kind: 'person',
      name: '张三',
      idCardNo: '11010519491231002X',
      address: null,
      phone: null,
    };
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${t.ids.agencies.market}/cases`,
      headers: { cookie: cookies.officer1 },
      payload: {
        kind: 'penalty',
        procedure: 'summary',
        source: 'inspection',
        sourceDetail: null,
        powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
        handlingUnitId: null,
        title: '当场处罚',
        facts: null,
        parties: [person],
        officers: [
          { personId: t.ids.people.officer1, role: 'lead' },
          { personId: t.ids.people.officer2, role: 'assist' },
        ],
      },
    });
    const c = response.json<{ id: string; parties: { idCardNoMasked: string }[] }>();
    expect(c.parties[0]?.idCardNoMasked).toBe('110105********002X');
    await declareRecusals(c.id);
    await expectRefused(
      c.id,
      'officer1',
      'decide_on_spot',
      { decidedOn: '2026-06-01', penalty: fine(500) },
      'SUMMARY_PROCEDURE_NOT_ALLOWED',
    );
    await expectRefused(
      c.id,
      'officer1',
      'decide_on_spot',
      {
        decidedOn: '2026-06-01',
        penalty: { ...fine(100, ['fine', 'confiscation']), confiscationYuan: 50 },
      },
      'SUMMARY_PROCEDURE_NOT_ALLOWED',
    );
    await expectDone(
      c.id,
      'officer1',
      'decide_on_spot',
      { decidedOn: '2026-06-01', penalty: fine(200) },
      'decided',
    );
  });
});

describe('records of one party', () => {
  it('lists every case of a credit code within the reader’s scope only', async () => {
    // This file's own cases of the company: two above, one more here.
    await newCase('当事人记录测试');
    const url = `/api/party-records?creditCode=${organisation.creditCode}`;
    const mine = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.officer2 } });
    expect(mine.json().length).toBeGreaterThanOrEqual(3);
    const other = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await t.login('officer3') },
    });
    expect(other.json()).toEqual([]);
  });
});
