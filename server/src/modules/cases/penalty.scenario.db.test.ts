// A penalty case under 一般程序 walked through the API by officer, head and archivist, with each
// guard's refusal on the way; then the 90-day period and the 简易程序 limits. The clock is moved
// by the test; every period comes from the statute rules and the 2026 working-day calendar.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { listTrustedPublicKeys } from '../ledger/crypto/keys.ts';
import { auditLedger } from '../ledger/ledger.audit.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { checklist } from '../review/review.fixtures.ts';

let now = new Date('2026-03-02T09:00:00+08:00');
const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));
const t = await createDemoApp({ clock: () => now });
const cookies = {
  officer1: await t.login('officer1'),
  officer2: await t.login('officer2'),
  head1: await t.login('head1'),
  archivist1: await t.login('archivist1'),
};

async function act(
  caseId: string,
  who: keyof typeof cookies,
  action: string,
  input: unknown = {},
  extra = {},
) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/actions/${action}`,
    headers: { cookie: cookies[who] },
    payload: { input, ...extra },
  });
  return { status: response.statusCode, body: response.json() };
}

async function expectRefused(
  caseId: string,
  who: keyof typeof cookies,
  action: string,
  input: unknown,
  code: string,
) {
  const result = await act(caseId, who, action, input);
  expect(
    result.body.code,
    `${action} should be refused with ${code}: ${JSON.stringify(result.body)}`,
  ).toBe(code);
  expect(result.body.message).toMatch(/[\u4e00-\u9fff]/);
}

async function expectDone(
  caseId: string,
  who: keyof typeof cookies,
  action: string,
  input: unknown,
  state: string,
) {
  const result = await act(caseId, who, action, input);
  expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
  expect(result.body.state).toBe(state);
  // The test reads whatever the case view holds, as a client would.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  return result.body;
}

async function newCase(title: string, parties: unknown[] = [organisation]) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/agencies/${t.ids.agencies.market}/cases`,
    headers: { cookie: cookies.officer1 },
    payload: {
      kind: 'penalty',
      procedure: 'ordinary',
      source: 'inspection',
      sourceDetail: null,
      powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
      handlingUnitId: null,
      title,
      facts: '经营超过保质期的食品',
      parties,
      officers: [
        { personId: t.ids.people.officer1, role: 'lead' },
        { personId: t.ids.people.officer2, role: 'assist' },
      ],
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; caseNo: string; state: string }>();
}

const organisation = {
  kind: 'organisation',
  name: '枣庄市薛城区某食品有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '周某',
  address: null,
  phone: null,
};

const transcript = {
  transcriptKind: 'inspection',
  madeOn: '2026-03-02',
  place: '当事人经营场所',
  officers: [
    { personId: t.ids.people.officer1, credentialNo: '37040320001' },
    { personId: t.ids.people.officer2, credentialNo: '37040320002' },
  ],
  content: '现场检查发现过期食品原料 12 包。',
  partySigned: true,
};

const fine = (fineYuan: number, types = ['fine']) => ({
  types,
  fineYuan,
  isMitigated: false,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
});

async function declareRecusals(caseId: string) {
  for (const who of ['officer1', 'officer2'] as const) {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/recusal`,
      headers: { cookie: cookies[who] },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
}

describe('行政处罚 一般程序, from source to archive', () => {
  it('walks every step and refuses what the law refuses', async () => {
    setToday('2026-03-02');
    const c = await newCase('过期食品案');
    expect(c.state).toBe('registered');
    expect(c.caseNo).toMatch(/^区市场监管局案〔2026〕\d+号$/);

    await expectRefused(c.id, 'officer1', 'request_filing', {}, 'RECUSAL_NOT_DECLARED');
    await declareRecusals(c.id);
    await expectDone(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
    await expectRefused(c.id, 'officer1', 'approve_filing', {}, 'STEP_ROLE_REQUIRED');
    const filed = await expectDone(c.id, 'head1', 'approve_filing', {}, 'investigating');
    expect(filed.filedOn).toBe('2026-03-02');

    await expectRefused(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-03-03', proposed: fine(20000), isLargeAmount: true },
      'TRANSCRIPT_REQUIRED',
    );
    await expectRefused(
      c.id,
      'officer1',
      'record_transcript',
      { ...transcript, officers: transcript.officers.slice(0, 1) },
      'TRANSCRIPT_INCOMPLETE',
    );
    await expectRefused(
      c.id,
      'officer1',
      'record_transcript',
      {
        ...transcript,
        officers: [
          transcript.officers[0],
          { personId: t.ids.people.officer2, credentialNo: '99999999' },
        ],
      },
      'TRANSCRIPT_INCOMPLETE',
    );
    await expectRefused(
      c.id,
      'officer1',
      'record_transcript',
      { ...transcript, partySigned: false },
      'TRANSCRIPT_INCOMPLETE',
    );
    await expectDone(
      c.id,
      'officer1',
      'record_transcript',
      { ...transcript, partySigned: false, refusalNote: '当事人拒绝签名，已录像' },
      'investigating',
    );

    await expectRefused(
      c.id,
      'officer1',
      'notify_intent',
      {
        servedOn: '2026-03-03',
        proposed: { ...fine(0), fineYuan: undefined },
        isLargeAmount: true,
      },
      'PENALTY_INCOMPLETE',
    );
    setToday('2026-03-03');
    const notified = await expectDone(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-03-03', proposed: fine(20000), isLargeAmount: true },
      'notified',
    );
    // Five working days from Tuesday 3 March: Wednesday 4 … Tuesday 10 March.
    expect(notified.details.notice.hearingRequestDueOn).toBe('2026-03-10');

    await expectRefused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: fine(30000) },
      'PENALTY_HEAVIER_THAN_NOTICE',
    );
    setToday('2026-03-04');
    await expectRefused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-04' },
      'HEARING_PERIOD_OPEN',
    );

    await expectRefused(
      c.id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-03-11' },
      'HEARING_REQUEST_LATE',
    );
    await expectDone(
      c.id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-03-09' },
      'hearing_requested',
    );
    await expectRefused(
      c.id,
      'officer1',
      'notify_hearing',
      { noticeServedOn: '2026-03-10', hearingOn: '2026-03-12' },
      'HEARING_NOTICE_TOO_LATE',
    );
    await expectDone(
      c.id,
      'officer1',
      'notify_hearing',
      { noticeServedOn: '2026-03-10', hearingOn: '2026-03-20' },
      'hearing_scheduled',
    );
    await expectRefused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-20' },
      'CASE_ACTION_NOT_ALLOWED',
    );
    await expectDone(
      c.id,
      'officer1',
      'record_hearing',
      { heldOn: '2026-03-20', record: '当事人对事实无异议，请求从轻处罚。' },
      'notified',
    );
    await expectDone(
      c.id,
      'officer1',
      'record_defence',
      {
        receivedOn: '2026-03-20',
        content: '初次违法，请求从轻。',
        review: '经复核，当事人所述情节不构成从轻情形。',
        isAccepted: false,
      },
      'notified',
    );

    setToday('2026-03-23');
    await expectRefused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-23' },
      'COLLECTIVE_DECISION_REQUIRED',
    );
    await expectDone(
      c.id,
      'head1',
      'record_collective_decision',
      {
        heldOn: '2026-03-23',
        participants: ['孙志强', '副局长甲', '副局长乙'],
        minutes: '经集体讨论，同意罚款二万元。',
      },
      'notified',
    );
    // A decision made after a hearing is major (国办发〔2018〕118号 (十二)): no decision without an
    // agreeing legal review of this very proposal.
    await expectRefused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-23' },
      'LEGAL_REVIEW_REQUIRED',
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/review/submissions`,
      headers: { cookie: cookies.officer1 },
      payload: { situation: '当事人经营过期食品原料，经听证后拟罚款二万元，现报送法制审核。' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const opinion = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/review/opinion`,
      headers: { cookie: await t.login('reviewer1') },
      payload: { outcome: 'agree', checklist: checklist() },
    });
    expect(opinion.statusCode, opinion.body).toBe(200);
    const decided = await expectDone(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-23' },
      'decided',
    );
    expect(decided.details.decision.penalty.fineYuan).toBe(20000);
    // The decision went into the disclosure queue in the same transaction.
    const queued = await t.handle.db
      .selectFrom('disclosure_queue')
      .select(['case_id', 'due_on'])
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    expect(queued?.case_id).toBe(c.id);

    await expectRefused(
      c.id,
      'officer1',
      'serve',
      { method: 'direct', servedOn: '2026-03-24' },
      'SERVICE_RECORD_INCOMPLETE',
    );
    await expectRefused(
      c.id,
      'officer1',
      'serve',
      { method: 'leave', servedOn: '2026-03-24', leaveReason: '当事人拒收' },
      'SERVICE_RECORD_INCOMPLETE',
    );
    const served = await expectDone(
      c.id,
      'officer1',
      'serve',
      { method: 'direct', servedOn: '2026-03-24', receiptNo: 'SD-2026-0012' },
      'served',
    );
    expect(served.details.services[0].paymentDueOn).toBe('2026-04-08');

    await expectRefused(
      c.id,
      'officer1',
      'remind',
      { servedOn: '2026-04-01' },
      'PAYMENT_NOT_OVERDUE',
    );
    await expectRefused(
      c.id,
      'head1',
      'apply_enforcement',
      { appliedOn: '2026-04-01', means: 'court' },
      'REMINDER_REQUIRED',
    );
    // Paid three days late: 3 % a day of the fine is owed on top (art.72).
    await expectDone(
      c.id,
      'officer1',
      'record_payment',
      { paidOn: '2026-04-11', amountYuan: 20000 },
      'served',
    );
    await expectDone(
      c.id,
      'officer1',
      'record_payment',
      { paidOn: '2026-04-11', amountYuan: 1800 },
      'executed',
    );

    await expectRefused(
      c.id,
      'officer1',
      'close',
      { closedOn: '2026-04-13', summary: '罚没款已缴清' },
      'STEP_ROLE_REQUIRED',
    );
    await expectDone(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-04-13', summary: '罚没款已缴清，结案' },
      'closed',
    );
    await expectDone(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-04-20', archiveNo: 'XCSJ-2026-WS-0012' },
      'archived',
    );
    await expectRefused(
      c.id,
      'officer1',
      'record_transcript',
      transcript,
      'CASE_ACTION_NOT_ALLOWED',
    );

    // The whole story is in the ledger, and the ledger still verifies.
    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}/timeline`,
      headers: { cookie: cookies.officer2 },
    });
    const kinds = timeline.json<{ kind: string }[]>().map((e) => e.kind);
    expect(kinds[0]).toBe('case.registered');
    expect(kinds).toContain('case.decide');
    expect(kinds.at(-1)).toBe('case.archive');
    const keys = await listTrustedPublicKeys(t.ctx.config.DATA_DIR);
    expect((await auditLedger(t.handle.db, keys, [])).issues).toEqual([]);
  });

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
    await expectDone(
      c.id,
      'officer1',
      'record_transcript',
      { ...transcript, madeOn: '2026-01-06' },
      'investigating',
    );
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
