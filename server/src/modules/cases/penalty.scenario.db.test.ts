// A penalty case under 一般程序 walked through the API by officer, head and archivist, with each
// guard's refusal on the way. The clock is moved by the test; every period comes from the statute
// rules and the 2026 working-day calendar. Retries, the 90-day period, 简易程序 and a party's
// records are in penalty.periods.scenario.db.test.ts.
import { describe, expect, it } from 'vitest';
import { listTrustedPublicKeys } from '../ledger/crypto/keys.ts';
import { auditLedger } from '../ledger/ledger.audit.ts';
import { checklist } from '../review/review.fixtures.ts';
import { penaltyScenario } from './test/penalty.fixture.ts';

const {
  t,
  cookies,
  setToday,
  avExemption,
  expectRefused,
  expectDone,
  newCase,
  declareRecusals,
  transcript,
  fine,
} = await penaltyScenario();

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

    // Recorded on 11 March: a request made that day is late, one received on 9 March is not.
    setToday('2026-03-11');
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
    setToday('2026-03-20');
    await expectRefused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-20' },
      'CASE_ACTION_NOT_ALLOWED',
    );
    // 薛城区 records hearings on audio/video (附件2 第十三条): refused until recorded or exempted.
    const heard = { heldOn: '2026-03-20', record: '当事人对事实无异议，请求从轻处罚。' };
    await expectRefused(c.id, 'officer1', 'record_hearing', heard, 'AV_RECORD_REQUIRED');
    await avExemption(c.id, 'record_hearing');
    await expectDone(c.id, 'officer1', 'record_hearing', heard, 'notified');
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

    setToday('2026-03-24');
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
    setToday('2026-04-01');

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
    setToday('2026-04-11');
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

    setToday('2026-04-13');
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
    setToday('2026-04-20');
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
});
