// A penalty case records what has happened: a step dated after the day it is recorded is refused
// (INVALID_DATE_RANGE), like the other case kinds' steps. Serving the 事先告知书 tomorrow cannot
// be recorded today — it would start the party's periods, and print them, from a service that has
// not taken place. The clock is the test's: every refusal below is one day ahead of it.
import { describe, expect, it } from 'vitest';
import {
  createScenario,
  directService,
  FOOD_COMPANY,
  type Who,
} from './workflows/scenario.test-support.ts';

const s = await createScenario('2026-03-02');
const penalty = (types: string[], fineYuan?: number) => ({
  types,
  ...(fineYuan === undefined ? {} : { fineYuan }),
  isMitigated: false,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
});
/** Refused as a date after today, with the day named; the same step dated today is accepted. */
async function aheadRefused(id: string, who: Who, action: string, input: unknown) {
  const refused = await s.refused(id, who, action, input, 'INVALID_DATE_RANGE');
  expect(refused.message).toMatch(/不能晚于今天（\d{4}-\d{2}-\d{2}）/);
}

describe('行政处罚: no step dated after the day it is recorded', () => {
  it('refuses a 事先告知 served tomorrow, and so the defence, the decision and what follows', async () => {
    const id = await s.investigatedPenalty('2026-03-02');
    await aheadRefused(id, 'officer1', 'record_transcript', s.inquiry('2026-03-03'));
    await s.done(id, 'officer1', 'record_transcript', s.inquiry('2026-03-02'), 'investigating');
    await aheadRefused(id, 'officer1', 'preserve_evidence', {
      preservedOn: '2026-03-03',
      items: '过期食品原料 12 包',
    });

    const tomorrow = {
      servedOn: '2026-03-03',
      proposed: penalty(['warning']),
      isLargeAmount: false,
    };
    const answer = await s.act(id, 'officer1', 'notify_intent', tomorrow);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      message: '告知日期不能晚于今天（2026-03-02）',
    });
    // Nothing was recorded: the case is still under investigation, with no party period running.
    const view = await s.read(id);
    expect(view.state).toBe('investigating');
    expect(view.details.notice).toBeUndefined();
    await s.done(
      id,
      'officer1',
      'notify_intent',
      { ...tomorrow, servedOn: '2026-03-02' },
      'notified',
    );

    const defence = {
      content: '初次违法，请求从轻处罚。',
      review: '经复核，当事人所述情节已在拟处罚中考虑。',
      isAccepted: false,
    };
    await aheadRefused(id, 'officer1', 'record_defence', { ...defence, receivedOn: '2026-03-03' });
    await aheadRefused(id, 'officer1', 'waive_defence', {
      waivedOn: '2026-03-03',
      expressedIn: 'waiver_statement',
      documentRef: '放弃陈述申辩声明书（当事人法定代表人周某签名）',
    });
    await s.done(
      id,
      'officer1',
      'record_defence',
      { ...defence, receivedOn: '2026-03-02' },
      'notified',
    );
    await aheadRefused(id, 'head1', 'decide', { decidedOn: '2026-03-03' });
    await s.done(id, 'head1', 'decide', { decidedOn: '2026-03-02' }, 'decided');
    await aheadRefused(id, 'officer1', 'serve', directService('2026-03-03'));
    await s.done(id, 'officer1', 'serve', directService('2026-03-02'), 'executed');
    await aheadRefused(id, 'head1', 'close', {
      closedOn: '2026-03-03',
      summary: '警告已送达，结案',
    });
    await s.done(
      id,
      'head1',
      'close',
      { closedOn: '2026-03-02', summary: '警告已送达，结案' },
      'closed',
    );
    await aheadRefused(id, 'archivist1', 'archive', {
      archivedOn: '2026-03-03',
      archiveNo: 'XCSJ-2026-WS-0101',
    });
  });

  it('refuses a hearing, a collective discussion or a suspension dated tomorrow', async () => {
    const id = await s.investigatedPenalty('2026-03-02');
    await s.done(id, 'officer1', 'record_transcript', s.inquiry('2026-03-02'), 'investigating');
    const notice = {
      servedOn: '2026-03-02',
      proposed: penalty(['fine'], 60000),
      isLargeAmount: true,
    };
    await s.done(id, 'officer1', 'notify_intent', notice, 'notified');
    await aheadRefused(id, 'head1', 'record_collective_decision', {
      heldOn: '2026-03-03',
      participants: ['孙志强', '副局长甲', '副局长乙'],
      minutes: '经集体讨论，同意罚款六万元。',
    });
    await aheadRefused(id, 'head1', 'suspend', { from: '2026-03-03', reason: '等待检验结果' });
    await s.done(
      id,
      'head1',
      'suspend',
      { from: '2026-03-02', reason: '等待检验结果' },
      'notified',
    );
    await aheadRefused(id, 'head1', 'resume', { on: '2026-03-03' });
    await s.done(id, 'head1', 'resume', { on: '2026-03-02' }, 'notified');

    await aheadRefused(id, 'officer1', 'request_hearing', { requestedOn: '2026-03-03' });
    await s.done(
      id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-03-02' },
      'hearing_requested',
    );
    await aheadRefused(id, 'officer1', 'notify_hearing', {
      noticeServedOn: '2026-03-03',
      hearingOn: '2026-03-16',
    });
    const hearing = { noticeServedOn: '2026-03-02', hearingOn: '2026-03-16' };
    await s.done(id, 'officer1', 'notify_hearing', hearing, 'hearing_scheduled');
    s.setToday('2026-03-16');
    await aheadRefused(id, 'officer1', 'record_hearing', {
      heldOn: '2026-03-17',
      record: '当事人对事实无异议，请求从轻处罚。',
    });
  });

  it('refuses an on-the-spot decision, a payment, a reminder or an enforcement dated tomorrow', async () => {
    s.setToday('2026-03-02');
    const { id } = await s.newCase('penalty', 'summary', s.power('XC-SCJG-CF-001'), [FOOD_COMPANY]);
    const spot = { decidedOn: '2026-03-03', penalty: penalty(['fine'], 100) };
    await aheadRefused(id, 'officer1', 'decide_on_spot', spot);
    await s.done(id, 'officer1', 'decide_on_spot', { ...spot, decidedOn: '2026-03-02' }, 'decided');
    await s.done(id, 'officer1', 'serve', directService('2026-03-02'), 'served');
    await aheadRefused(id, 'officer1', 'record_payment', { paidOn: '2026-03-03', amountYuan: 100 });
    // Payment was due on 17 March (fifteen days from service); overdue on the 18th.
    s.setToday('2026-03-18');
    await aheadRefused(id, 'officer1', 'remind', { servedOn: '2026-03-19' });
    await s.done(id, 'officer1', 'remind', { servedOn: '2026-03-18' }, 'served');
    await aheadRefused(id, 'head1', 'apply_enforcement', { appliedOn: '2026-03-19', means: 'own' });
  });
});
