// 撤销 and 注销 of a permit through the API: the grounds that fit each, the public-interest bar and
// the compensation of art.69, the holder told before an adverse decision, service by leaving the
// document (recorded on video where the profile says so), and 注销 for expiry only after expiry.
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../../shared/validators.ts';
import { company, createScenario } from './scenario.test-support.ts';

const s = await createScenario('2026-06-01');
const holder = company('枣庄市薛城区惠民超市有限公司', withCreditCodeCheck('91370403MA3Q7W2E5'));
const permit = { permitNo: 'JY13704030099999', decidedOn: '2025-06-01', validUntil: '2026-12-31' };

const revocation = {
  outcome: 'revoke',
  content: '撤销食品经营许可',
  legalBasis: '《中华人民共和国行政许可法》第六十九条第一款第（四）项',
  reasons: '申请时不具备法定条件，原许可决定错误',
  remedyNotice: '可于六十日内申请行政复议或者六个月内提起行政诉讼',
  issuesCertificate: false,
};

describe('行政许可 撤销', () => {
  it('revokes only on a fitting ground, with compensation, after telling the holder', async () => {
    s.setToday('2026-06-01');
    const c = await s.newCase('permit', 'revoke', s.power('XC-SCJG-XK-001'), [holder]);
    const start = {
      startedOn: '2026-06-01',
      initiatedBy: 'ex_officio',
      permit,
      ground: 'expired_not_renewed',
      facts: '复查发现申请时经营场所面积不符合条件',
    };
    await s.refused(c.id, 'officer1', 'open_proceeding', start, 'PERMIT_GROUND_MISMATCH');
    await s.done(
      c.id,
      'officer1',
      'open_proceeding',
      { ...start, ground: 'unqualified_applicant' },
      'reviewing',
    );

    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: revocation },
      'VALIDATION_FAILED',
    );
    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: { ...revocation, harmsPublicInterest: true } },
      'PERMIT_REVOCATION_HARMS_PUBLIC_INTEREST',
    );
    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: { ...revocation, harmsPublicInterest: false } },
      'PERMIT_COMPENSATION_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: { ...revocation, outcome: 'grant' } },
      'PERMIT_OUTCOME_NOT_AVAILABLE',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_decision',
      {
        proposed: {
          ...revocation,
          harmsPublicInterest: false,
          compensation: { amountYuan: 12000, description: '赔偿装修及设备损失' },
        },
      },
      'reviewing',
    );
    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-06-01' },
      'ADVERSE_NOTICE_REQUIRED',
    );

    s.setToday('2026-06-02');
    const notified = await s.done(
      c.id,
      'officer1',
      'notify_intent',
      { servedOn: '2026-06-02', summary: '拟撤销食品经营许可', isHearingEligible: true },
      'reviewing',
    );
    expect(notified.details.notice.hearingRequestDueOn).toBe('2026-06-09');
    await s.done(
      c.id,
      'officer1',
      'record_statement',
      {
        receivedOn: '2026-06-03',
        content: '经营场所已扩建，请求不予撤销',
        review: '扩建发生在许可之后，不影响原许可决定的合法性',
        isAccepted: false,
      },
      'reviewing',
    );
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-06-02' }, 'HEARING_PERIOD_OPEN');

    s.setToday('2026-06-10');
    const decided = await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-06-10' }, 'decided');
    expect(decided.details.decision.permitActions).toEqual(['revoke']);

    const leave = {
      method: 'leave',
      servedOn: '2026-06-10',
      leaveReason: '当事人拒绝签收',
      witness: '社区工作人员赵某',
    };
    await s.refused(
      c.id,
      'officer1',
      'serve',
      { ...leave, witness: undefined },
      'SERVICE_RECORD_INCOMPLETE',
    );
    // 薛城区 records 留置送达 on audio/video.
    await s.refused(c.id, 'officer1', 'serve', leave, 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'serve');
    await s.done(c.id, 'officer1', 'serve', leave, 'served');
    await s.done(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-06-10', summary: '撤销决定已送达' },
      'closed',
    );
    await s.done(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-06-10', archiveNo: 'XCSJ-2026-XK-0002' },
      'archived',
    );
  });
});

describe('行政许可 注销', () => {
  it('cancels for expiry only once the permit has expired', async () => {
    s.setToday('2026-06-15');
    const c = await s.newCase('permit', 'cancel', s.power('XC-SCJG-XK-001'), [holder]);
    const start = {
      startedOn: '2026-06-15',
      initiatedBy: 'ex_officio',
      permit,
      ground: 'unqualified_applicant',
      facts: '许可有效期届满未申请延续',
    };
    await s.refused(c.id, 'officer1', 'open_proceeding', start, 'PERMIT_GROUND_MISMATCH');
    await s.done(
      c.id,
      'officer1',
      'open_proceeding',
      { ...start, ground: 'expired_not_renewed' },
      'reviewing',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_decision',
      {
        proposed: {
          outcome: 'cancel',
          content: '注销食品经营许可',
          legalBasis: '《中华人民共和国行政许可法》第七十条第（一）项',
          reasons: '有效期届满未延续',
          remedyNotice: '可于六十日内申请行政复议或者六个月内提起行政诉讼',
          issuesCertificate: false,
        },
      },
      'reviewing',
    );
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-06-15' }, 'PERMIT_NOT_EXPIRED');
    await s.done(
      c.id,
      'head1',
      'terminate',
      { reason: '许可尚在有效期内，终止注销程序' },
      'terminated',
    );
    await s.done(c.id, 'head1', 'close', { closedOn: '2026-06-15', summary: '终止' }, 'closed');
  });
});
