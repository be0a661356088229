// A case's running periods as durable deadlines, through the API: the emergency start whose
// approval must follow within 24 hours (薛城区 附件2 第八条), the periods of 《行政处罚法》 across
// the 2026 holidays (劳动节, 国庆), suspensions and extensions, the agency's list of due and
// overdue deadlines, and the recomputation when a year's calendar is imported. The clock is the
// test's; nothing runs on a timer.
import { describe, expect, it } from 'vitest';
import { company, createScenario, directService } from './workflows/scenario.test-support.ts';

const s = await createScenario('2026-03-02');
const power = s.power('XC-SCJG-CF-001');
const party = company('枣庄市薛城区某食品有限公司', '91350100M000100Y43');
const transcript = (madeOn: string) => ({
  transcriptKind: 'inquiry',
  madeOn,
  place: '当事人经营场所',
  officers: s.officersShown,
  content: '问：库房内的食品原料是否超过保质期？答：是，共 12 包。',
  partySigned: true,
});
const penalty = (fineYuan: number, types = ['fine']) => ({
  types,
  ...(fineYuan > 0 ? { fineYuan } : {}),
  isMitigated: false,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
});

interface DeadlineRead {
  kind: string;
  state: string;
  bearer: string;
  unit: string;
  dueOn: string | null;
  dueAt: string | null;
  amount: number;
  caseId: string | null;
}
const deadlineOf = (view: unknown, kind: string, state?: string) =>
  (view as { deadlines: DeadlineRead[] }).deadlines.filter(
    (x) => x.kind === kind && (state === undefined || x.state === state),
  );

async function agencyDeadlines(status: 'due' | 'overdue', who: 'officer1' | 'head1' = 'head1') {
  const response = await s.t.app.inject({
    method: 'GET',
    url: `/api/agencies/${s.market}/deadlines?status=${status}&pageSize=200`,
    headers: { cookie: s.cookies[who] },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ total: number; items: DeadlineRead[] }>().items;
}

const at = (iso: string) => new Date(iso);
const EMERGENCY = 'case.emergency_filing_approval';
const reason = '当事人正在转移涉案食品，情况紧急，先行启动调查';

describe('emergency start (薛城区 附件2 第八条)', () => {
  it('lets an officer start before approval; an approval within 24 hours leaves no flag', async () => {
    s.setNow(at('2026-03-02T10:00:00+08:00'));
    const c = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.refused(c.id, 'head1', 'start_emergency', { reason }, 'STEP_ROLE_REQUIRED');
    const started = await s.done(c.id, 'officer1', 'start_emergency', { reason }, 'investigating');
    expect(started.filedOn).toBe('2026-03-02');
    expect(started.details.emergencyStart.approvalDueAt).toBe('2026-03-03T02:00:00.000Z');
    expect(deadlineOf(started, EMERGENCY, 'running')).toHaveLength(1);
    expect(started.flags).toEqual([]);

    // No decision on an unapproved start, however far the case has gone.
    await s.done(c.id, 'officer1', 'record_transcript', transcript('2026-03-02'), 'investigating');
    await s.done(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-03-02', proposed: penalty(0, ['warning']), isLargeAmount: false },
      'notified',
    );
    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-02' },
      'FILING_APPROVAL_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'ratify_emergency_start',
      { isApproved: true, opinion: '同意' },
      'STEP_ROLE_REQUIRED',
    );

    s.setNow(at('2026-03-03T09:00:00+08:00'));
    const ratified = await s.done(
      c.id,
      'head1',
      'ratify_emergency_start',
      { isApproved: true, opinion: '同意先行立案' },
      'notified',
    );
    expect(ratified.details.filing).toMatchObject({ afterEmergencyStart: true, isLate: false });
    expect(deadlineOf(ratified, EMERGENCY)).toMatchObject([{ state: 'met' }]);
    expect(ratified.flags).toEqual([]);
    await s.refused(
      c.id,
      'head1',
      'ratify_emergency_start',
      { isApproved: true, opinion: '再次同意' },
      'EMERGENCY_START_NOT_PENDING',
    );
  });

  it('flags an approval not given within 24 hours on the case and in the agency list', async () => {
    s.setNow(at('2026-03-02T10:00:00+08:00'));
    const c = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.done(c.id, 'officer1', 'start_emergency', { reason }, 'investigating');

    // One minute before the limit: due, not overdue.
    s.setNow(at('2026-03-03T09:59:00+08:00'));
    expect((await agencyDeadlines('due')).some((x) => x.caseId === c.id)).toBe(true);
    expect((await agencyDeadlines('overdue')).some((x) => x.caseId === c.id)).toBe(false);

    s.setNow(at('2026-03-03T10:01:00+08:00'));
    const late = await s.read(c.id);
    expect(late.flags).toEqual([expect.objectContaining({ kind: EMERGENCY, state: 'overdue' })]);
    expect(late.flags[0].message).toMatch(/补报负责人批准已逾期/);
    const overdue = await agencyDeadlines('overdue', 'officer1');
    expect(overdue.filter((x) => x.caseId === c.id)).toMatchObject([
      { kind: EMERGENCY, state: 'overdue', dueAt: '2026-03-03T02:00:00.000Z' },
    ]);

    const ratified = await s.done(
      c.id,
      'head1',
      'ratify_emergency_start',
      { isApproved: true, opinion: '同意，补报逾期' },
      'investigating',
    );
    expect(ratified.details.filing.isLate).toBe(true);
    expect(ratified.flags).toEqual([expect.objectContaining({ kind: EMERGENCY, state: 'missed' })]);
    expect((await agencyDeadlines('overdue')).some((x) => x.caseId === c.id)).toBe(false);
  });

  it('ends the case when the head does not approve, and refuses where there was no emergency', async () => {
    s.setNow(at('2026-03-02T10:00:00+08:00'));
    const c = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.done(c.id, 'officer1', 'start_emergency', { reason }, 'investigating');
    const ended = await s.done(
      c.id,
      'head1',
      'ratify_emergency_start',
      { isApproved: false, opinion: '不属于情况紧急' },
      'terminated',
    );
    expect(deadlineOf(ended, EMERGENCY)).toMatchObject([{ state: 'met' }]);

    const ordinary = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.done(ordinary.id, 'officer1', 'request_filing', {}, 'filing_pending');
    await s.done(ordinary.id, 'head1', 'approve_filing', {}, 'investigating');
    await s.refused(
      ordinary.id,
      'head1',
      'ratify_emergency_start',
      { isApproved: true, opinion: '同意' },
      'EMERGENCY_START_NOT_PENDING',
    );
    const noParty = await s.newCase('penalty', 'ordinary', power, []);
    await s.refused(noParty.id, 'officer1', 'start_emergency', { reason }, 'PARTY_REQUIRED');
  });
});

describe('periods of 《行政处罚法》 as deadlines across the 2026 holidays', () => {
  it('先行登记保存 across 劳动节; the decision period with a suspension and an extension', async () => {
    s.setToday('2026-04-29');
    const c = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.done(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
    const filed = await s.done(c.id, 'head1', 'approve_filing', {}, 'investigating');
    // Art.60: 90 days from 29 April.
    expect(deadlineOf(filed, 'case.penalty_decision', 'running')).toMatchObject([
      { dueOn: '2026-07-28', amount: 90 },
    ]);
    const preserved = await s.done(
      c.id,
      'officer1',
      'preserve_evidence',
      { preservedOn: '2026-04-29', items: '过期食品原料 12 包' },
      'investigating',
    );
    // 7 working days (arts.56, 85): 30 April; 1–5 May off; 6, 7, 8, Saturday 9 (a working day),
    // 11 and 12 May.
    expect(deadlineOf(preserved, 'case.preservation_decision', 'running')).toMatchObject([
      { dueOn: '2026-05-12' },
    ]);
    expect(preserved.details.preservation.decideBy).toBe('2026-05-12');

    s.setToday('2026-05-12');
    expect((await s.read(c.id)).flags).toEqual([]);
    s.setToday('2026-05-13');
    expect((await agencyDeadlines('overdue')).filter((x) => x.caseId === c.id)).toMatchObject([
      { kind: 'case.preservation_decision', dueOn: '2026-05-12' },
    ]);
    const released = await s.done(
      c.id,
      'head1',
      'decide_preservation',
      { decidedOn: '2026-05-13', outcome: 'release' },
      'investigating',
    );
    expect(deadlineOf(released, 'case.preservation_decision')).toMatchObject([{ state: 'missed' }]);
    expect(released.flags).toMatchObject([{ kind: 'case.preservation_decision', state: 'missed' }]);

    // Suspended 13–23 May: the period stands still, then runs 10 days longer; an extension of 30.
    const suspended = await s.done(
      c.id,
      'head1',
      'suspend',
      { from: '2026-05-13', reason: '等待检验结果' },
      'investigating',
    );
    expect(deadlineOf(suspended, 'case.penalty_decision', 'running')).toEqual([]);
    expect(deadlineOf(suspended, 'case.penalty_decision', 'cancelled')).toHaveLength(1);
    s.setToday('2026-05-23');
    const resumed = await s.done(c.id, 'head1', 'resume', { on: '2026-05-23' }, 'investigating');
    expect(deadlineOf(resumed, 'case.penalty_decision', 'running')).toMatchObject([
      { dueOn: '2026-08-07', amount: 100 },
    ]);
    const extended = await s.done(
      c.id,
      'head1',
      'extend_decision_period',
      { days: 30, reason: '案情复杂' },
      'investigating',
    );
    expect(deadlineOf(extended, 'case.penalty_decision', 'running')).toMatchObject([
      { dueOn: '2026-09-06', amount: 130 },
    ]);
  });

  it('the hearing request period across 国庆 lapses without being overdue', async () => {
    s.setToday('2026-09-28');
    const c = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.done(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
    await s.done(c.id, 'head1', 'approve_filing', {}, 'investigating');
    await s.done(c.id, 'officer1', 'record_transcript', transcript('2026-09-28'), 'investigating');
    s.setToday('2026-09-29');
    const notified = await s.done(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-09-29', proposed: penalty(60000), isLargeAmount: true },
      'notified',
    );
    // 5 working days (arts.64, 85): 30 September; 1–7 October off; 8, 9, Saturday 10, 12. The
    // statement and defence run alongside (the same 5 working days). The notice keeps both last
    // days, told to the party in writing; the rows run the 13 calendar days to them, so that no
    // later holiday notice moves them.
    expect(notified.details.notice).toMatchObject({
      hearingRequestDueOn: '2026-10-12',
      hearingRequestPeriod: { amount: 5, unit: 'working_days' },
      defenceDueOn: '2026-10-12',
      defencePeriod: { amount: 5, unit: 'working_days' },
    });
    expect(deadlineOf(notified, 'case.hearing_request', 'running')).toMatchObject([
      { dueOn: '2026-10-12', unit: 'days', amount: 13 },
    ]);
    expect(deadlineOf(notified, 'case.defence', 'running')).toMatchObject([
      { dueOn: '2026-10-12', unit: 'days', amount: 13 },
    ]);
    s.setToday('2026-10-13');
    const after = await s.read(c.id);
    expect(deadlineOf(after, 'case.hearing_request', 'lapsed')).toHaveLength(1);
    expect(deadlineOf(after, 'case.defence', 'lapsed')).toHaveLength(1);
    expect(after.flags).toEqual([]);
    expect((await agencyDeadlines('overdue')).some((x) => x.caseId === c.id)).toBe(false);
  });

  it('the 事先告知 periods: statement and defence, hearing request and hearing notice across 中秋 and 国庆', async () => {
    s.setToday('2026-09-21');
    const c = await s.newCase('penalty', 'ordinary', power, [party]);
    await s.done(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
    await s.done(c.id, 'head1', 'approve_filing', {}, 'investigating');
    await s.done(c.id, 'officer1', 'record_transcript', transcript('2026-09-21'), 'investigating');
    s.setToday('2026-09-22');
    const notified = await s.done(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-09-22', proposed: penalty(60000), isLargeAmount: true },
      'notified',
    );
    // 5 working days: 23, 24; 25–27 September off (中秋); 28, 29, 30.
    for (const kind of ['case.defence', 'case.hearing_request']) {
      expect(deadlineOf(notified, kind, 'running')).toMatchObject([
        { dueOn: '2026-09-30', bearer: 'party' },
      ]);
    }

    s.setToday('2026-09-23');
    const defended = await s.done(
      c.id,
      'officer1',
      'record_defence',
      {
        receivedOn: '2026-09-23',
        content: '初次违法，请求从轻处罚。',
        review: '经复核，当事人所述情节不构成从轻情形。',
        isAccepted: false,
      },
      'notified',
    );
    expect(deadlineOf(defended, 'case.defence')).toMatchObject([{ state: 'met' }]);
    expect(deadlineOf(defended, 'case.hearing_request', 'running')).toHaveLength(1);

    s.setToday('2026-09-24');
    const requested = await s.done(
      c.id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-09-24' },
      'hearing_requested',
    );
    expect(deadlineOf(requested, 'case.hearing_request')).toMatchObject([{ state: 'met' }]);
    expect(deadlineOf(requested, 'case.defence', 'running')).toEqual([]);

    // Art.64(二): notice 7 working days before the hearing — from 29 September: 30; 1–7 October
    // off; 8, 9, Saturday 10, 12, 13, 14.
    s.setToday('2026-09-29');
    const tooSoon = await s.refused(
      c.id,
      'officer1',
      'notify_hearing',
      { noticeServedOn: '2026-09-29', hearingOn: '2026-10-13' },
      'HEARING_NOTICE_TOO_LATE',
    );
    expect(tooSoon.details.earliest).toBe('2026-10-14');
    const scheduled = await s.done(
      c.id,
      'officer1',
      'notify_hearing',
      { noticeServedOn: '2026-09-29', hearingOn: '2026-10-14' },
      'hearing_scheduled',
    );
    expect(deadlineOf(scheduled, 'case.hearing_notice', 'running')).toMatchObject([
      { dueOn: '2026-10-14', unit: 'working_days', amount: 7, bearer: 'party' },
    ]);
    expect(scheduled.flags).toEqual([]);

    s.setToday('2026-10-14');
    await s.avExemption(c.id, 'record_hearing');
    const heard = await s.done(
      c.id,
      'officer1',
      'record_hearing',
      { heldOn: '2026-10-14', record: '当事人对事实无异议，请求从轻处罚。' },
      'notified',
    );
    expect(deadlineOf(heard, 'case.hearing_notice')).toMatchObject([{ state: 'met' }]);
    expect(deadlineOf(heard, 'case.defence', 'running')).toEqual([]);
  });

  it('service within 7 working days, payment within 15 days, then archiving within 30 days', async () => {
    s.setToday('2026-06-01');
    const c = await s.newCase('penalty', 'summary', power, [party]);
    const decided = await s.done(
      c.id,
      'officer1',
      'decide_on_spot',
      { decidedOn: '2026-06-01', penalty: penalty(100) },
      'decided',
    );
    expect(deadlineOf(decided, 'case.decision_service', 'running')).toMatchObject([
      { dueOn: '2026-06-10' },
    ]);
    const served = await s.done(c.id, 'officer1', 'serve', directService('2026-06-01'), 'served');
    expect(deadlineOf(served, 'case.decision_service')).toMatchObject([{ state: 'met' }]);
    expect(deadlineOf(served, 'case.payment', 'running')).toMatchObject([{ dueOn: '2026-06-16' }]);
    s.setToday('2026-06-17');
    expect((await agencyDeadlines('overdue')).filter((x) => x.caseId === c.id)).toMatchObject([
      { kind: 'case.payment' },
    ]);
    const paid = await s.done(
      c.id,
      'officer1',
      'record_payment',
      { paidOn: '2026-06-17', amountYuan: 103 },
      'executed',
    );
    // A party paying late is not the agency's delay: no flag on the case.
    expect(deadlineOf(paid, 'case.payment')).toMatchObject([{ state: 'missed' }]);
    expect(paid.flags).toEqual([]);
    const closed = await s.done(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-06-17', summary: '罚款及加处罚款已缴清' },
      'closed',
    );
    // 薛城区 附件2 第三十一条: 30 days from the end of the enforcement act.
    expect(deadlineOf(closed, 'case.archive', 'running')).toMatchObject([{ dueOn: '2026-07-17' }]);
  });
});

describe('the calendar import', () => {
  it('computes a case deadline that waited for 2027 once 2027 is imported', async () => {
    s.setToday('2026-12-28');
    const c = await s.newCase('penalty', 'summary', power, [party]);
    const decided = await s.done(
      c.id,
      'officer1',
      'decide_on_spot',
      { decidedOn: '2026-12-28', penalty: penalty(0, ['warning']) },
      'decided',
    );
    expect(deadlineOf(decided, 'case.decision_service', 'running')).toMatchObject([
      { dueOn: null },
    ]);
    expect(decided.deadlines[0].isCalendarMissing).toBe(true);

    const admin = await s.t.login('admin');
    const imported = await s.t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      headers: { cookie: admin },
      payload: {
        year: 2027,
        source: '测试数据（非真实通知）',
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-05' }],
        workdays: [{ date: '2027-01-09', name: '元旦' }],
      },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    // 29, 30, 31 December; 1–5 January off; 6, 7, 8 and Saturday 9 January.
    const after = await s.read(c.id);
    expect(deadlineOf(after, 'case.decision_service', 'running')).toMatchObject([
      { dueOn: '2027-01-09' },
    ]);
  });
});

describe('emergency start where no document allows it', () => {
  it('refuses under the national profile, whose texts are silent', async () => {
    const national = await createScenario('2026-03-02', { PROFILE: 'national' });
    const c = await national.newCase('penalty', 'ordinary', national.power('XC-SCJG-CF-001'), [
      party,
    ]);
    await national.refused(
      c.id,
      'officer1',
      'start_emergency',
      { reason },
      'EMERGENCY_START_NOT_PROVIDED',
    );
    // A second demo app is built for this test.
  }, 120_000);
});
