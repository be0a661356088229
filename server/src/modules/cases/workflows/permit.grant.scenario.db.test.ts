// 行政许可 applications through the API: a food-business permit from application to archive with
// each guard's refusal, a renewal decided after the permit expired (deemed granted), and a permit
// that needs a hearing by law, which then needs the legal review. Periods come from the power's
// time limit (食品经营许可: 10 working days) or 《行政许可法》 and the 2026 working-day calendar.
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../../shared/validators.ts';
import { company, createScenario, directService, record } from './scenario.test-support.ts';

const s = await createScenario('2026-03-02');
const applicant = company('枣庄市薛城区鲜味餐饮有限公司', withCreditCodeCheck('91370403MA3P0K1L2'));

const application = {
  receivedOn: '2026-03-02',
  requested: '申请食品经营许可（热食类食品制售）',
  materials: ['食品经营许可申请书', '营业执照', '设备布局和工艺流程图'],
};
const grant = {
  outcome: 'grant',
  content: '准予食品经营许可，经营项目：热食类食品制售',
  legalBasis: '《中华人民共和国食品安全法》第三十五条第一款',
  validUntil: '2031-03-17',
  issuesCertificate: true,
};

describe('行政许可 许可申请', () => {
  it('walks from application to archive and refuses what the law refuses', async () => {
    s.setToday('2026-03-02');
    const c = await s.newCase(
      'permit',
      'grant',
      s.power('XC-SCJG-XK-001'),
      [applicant],
      'application',
    );
    await s.done(c.id, 'officer1', 'receive_application', application, 'applied');

    s.setToday('2026-03-04');
    // Five working days from Monday 2 March end on Monday 9 March.
    const late = await s.refused(
      c.id,
      'officer1',
      'request_correction',
      { requestedOn: '2026-03-10', items: ['健康证明'] },
      'PERMIT_CORRECTION_NOTICE_LATE',
    );
    expect(late.details.dueOn).toBe('2026-03-09');
    await s.done(
      c.id,
      'officer1',
      'request_correction',
      { requestedOn: '2026-03-04', items: ['从业人员健康证明', '食品安全管理制度'] },
      'correction_requested',
    );
    s.setToday('2026-03-06');
    await s.done(c.id, 'officer1', 'complete_correction', { completedOn: '2026-03-06' }, 'applied');
    await s.refused(
      c.id,
      'officer1',
      'request_correction',
      { requestedOn: '2026-03-06', items: ['其他'] },
      'PERMIT_CORRECTION_ALREADY_REQUESTED',
    );

    s.setToday('2026-03-09');
    const accepted = await s.done(
      c.id,
      'officer1',
      'accept',
      { acceptedOn: '2026-03-09', isSiteCheckRequired: true, hearingBasis: 'major_interest' },
      'reviewing',
    );
    // The power's own statutory limit (10 working days) and promise (5) apply, not art.42's 20.
    expect(accepted.details.decisionDueOn).toBe('2026-03-23');
    expect(accepted.details.acceptance.promisedDueOn).toBe('2026-03-16');

    const siteCheck = { checkedOn: '2026-03-09', ...record(s.officersShown) };
    await s.refused(
      c.id,
      'officer1',
      'record_site_check',
      { ...siteCheck, officers: s.officersShown.slice(0, 1) },
      'TRANSCRIPT_INCOMPLETE',
    );
    await s.refused(c.id, 'officer1', 'record_site_check', siteCheck, 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'record_site_check');
    await s.done(c.id, 'officer1', 'record_site_check', siteCheck, 'reviewing');

    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-09' },
      'DECISION_PROPOSAL_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: { ...grant, outcome: 'deny', reasons: '场所布局不符合要求' } },
      'PERMIT_REASONS_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: { ...grant, outcome: 'revoke' } },
      'PERMIT_OUTCOME_NOT_AVAILABLE',
    );
    await s.done(c.id, 'officer1', 'propose_decision', { proposed: grant }, 'reviewing');
    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-09' },
      'PERMIT_HEARING_RIGHT_NOT_NOTIFIED',
    );

    s.setToday('2026-03-10');
    const notified = await s.done(
      c.id,
      'officer1',
      'notify_hearing_right',
      { servedOn: '2026-03-10', notified: ['申请人', '相邻住户代表'] },
      'reviewing',
    );
    expect(notified.details.notice.hearingRequestDueOn).toBe('2026-03-17');
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-03-10' }, 'HEARING_PERIOD_OPEN');
    await s.refused(
      c.id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-03-18', requester: '相邻住户代表' },
      'HEARING_REQUEST_LATE',
    );

    const extension = { approvedOn: '2026-03-10', reason: '需补充核查', notifiedOn: '2026-03-10' };
    await s.refused(c.id, 'officer1', 'extend_decision_period', extension, 'STEP_ROLE_REQUIRED');
    const extended = await s.done(c.id, 'head1', 'extend_decision_period', extension, 'reviewing');
    // Ten more working days; 4–6 April are the 清明 holiday.
    expect(extended.details.decisionDueOn).toBe('2026-04-07');
    await s.refused(c.id, 'head1', 'extend_decision_period', extension, 'PERMIT_EXTENSION_USED');

    s.setToday('2026-03-18');
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-03-19' }, 'INVALID_DATE_RANGE');
    const decided = await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-03-18' }, 'decided');
    expect(decided.details.decision).toMatchObject({
      outcome: 'grant',
      isLate: false,
      dueOn: '2026-04-07',
    });
    expect(decided.decidedOn).toBe('2026-03-18');

    await s.refused(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-03-18', summary: '结案' },
      'CASE_ACTION_NOT_ALLOWED',
    );
    await s.refused(
      c.id,
      'officer1',
      'serve',
      { method: 'direct', servedOn: '2026-03-18' },
      'SERVICE_RECORD_INCOMPLETE',
    );
    await s.done(c.id, 'officer1', 'serve', directService('2026-03-18'), 'served');
    await s.refused(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-03-18', summary: '准予许可' },
      'PERMIT_CERTIFICATE_NOT_ISSUED',
    );
    s.setToday('2026-03-20');
    const certified = await s.done(
      c.id,
      'officer1',
      'issue_certificate',
      { issuedOn: '2026-03-19', certificateNo: 'JY13704030012345', validUntil: '2031-03-17' },
      'certified',
    );
    expect(certified.details.certificate).toMatchObject({ dueOn: '2026-04-01', isLate: false });
    const closed = await s.done(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-03-20', summary: '准予许可，证件已送达' },
      'closed',
    );
    // 薛城区: the case file is archived within 30 days after the act ends.
    expect(closed.details.closing.archiveDueOn).toBe('2026-04-19');
    s.setToday('2026-04-20');
    const archived = await s.done(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-04-20', archiveNo: 'XCSJ-2026-XK-0001' },
      'archived',
    );
    expect(archived.details.archive.isLate).toBe(true);

    const timeline = await s.t.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}/timeline`,
      headers: { cookie: s.cookies.officer2 },
    });
    const kinds = timeline.json<{ kind: string }[]>().map((e) => e.kind);
    expect(kinds).toContain('review.gate_passed');
    expect(kinds.at(-1)).toBe('case.archive');
  });

  it('refuses a permit case on a power that is not a permit', async () => {
    s.setToday('2026-03-02');
    const c = await s.newCase(
      'permit',
      'grant',
      s.power('XC-SCJG-CF-001'),
      [applicant],
      'application',
    );
    await s.refused(c.id, 'officer1', 'receive_application', application, 'POWER_KIND_MISMATCH');
  });
});

describe('行政许可 延续', () => {
  it('cannot refuse a renewal once the permit has expired without a decision', async () => {
    s.setToday('2026-04-10');
    const c = await s.newCase(
      'permit',
      'renew',
      s.power('XC-SCJG-XK-002'),
      [applicant],
      'application',
    );
    const renewal = {
      ...application,
      receivedOn: '2026-04-10',
      requested: '申请延续特种设备使用登记',
    };
    await s.refused(c.id, 'officer1', 'receive_application', renewal, 'PERMIT_EXISTING_REQUIRED');
    const received = await s.done(
      c.id,
      'officer1',
      'receive_application',
      { ...renewal, existingPermit: { permitNo: '容3SLQ鲁D00123(26)', validUntil: '2026-04-30' } },
      'applied',
    );
    // Applied for less than 30 days before expiry: flagged for the acceptance decision.
    expect(received.details.application.renewal).toEqual({
      latestOn: '2026-03-31',
      isTimely: false,
    });
    await s.done(
      c.id,
      'officer1',
      'accept',
      { acceptedOn: '2026-04-10', isSiteCheckRequired: false, hearingBasis: 'none' },
      'reviewing',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_decision',
      {
        proposed: {
          outcome: 'deny',
          content: '不予延续',
          legalBasis: '《中华人民共和国行政许可法》第五十条',
          reasons: '设备定期检验不合格',
          remedyNotice: '可于六十日内申请行政复议或者六个月内提起行政诉讼',
          issuesCertificate: false,
        },
      },
      'reviewing',
    );
    s.setToday('2026-05-06');
    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-05-06' },
      'PERMIT_RENEWAL_DEEMED_GRANTED',
    );
    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-04-29' }, 'decided');
  });
});

describe('行政许可 依法应当听证的事项', () => {
  it('holds the announced hearing, decides on its record, and then needs the legal review', async () => {
    s.setToday('2026-05-11');
    const c = await s.newCase(
      'permit',
      'grant',
      s.power('XC-SCJG-XK-001'),
      [applicant],
      'application',
    );
    await s.done(
      c.id,
      'officer1',
      'receive_application',
      { ...application, receivedOn: '2026-05-11' },
      'applied',
    );
    await s.done(
      c.id,
      'officer1',
      'accept',
      { acceptedOn: '2026-05-11', isSiteCheckRequired: false, hearingBasis: 'required_by_law' },
      'reviewing',
    );
    await s.done(c.id, 'officer1', 'propose_decision', { proposed: grant }, 'reviewing');
    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-05-11' },
      'PERMIT_HEARING_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-05-11', requester: '申请人' },
      'HEARING_NOT_AVAILABLE',
    );

    s.setToday('2026-05-12');
    const notice = {
      noticeServedOn: '2026-05-12',
      hearingOn: '2026-05-22',
      presider: { name: '陈静' },
      announcedOn: '2026-05-12',
    };
    await s.refused(
      c.id,
      'officer1',
      'notify_hearing',
      { ...notice, announcedOn: undefined },
      'PERMIT_HEARING_ANNOUNCEMENT_REQUIRED',
    );
    await s.refused(
      c.id,
      'officer1',
      'notify_hearing',
      { ...notice, presider: { name: '王建国', personId: s.officer1 } },
      'PERMIT_HEARING_PRESIDER_CONFLICT',
    );
    // Seven working days after Tuesday 12 May end on Thursday 21 May.
    const tooSoon = await s.refused(
      c.id,
      'officer1',
      'notify_hearing',
      { ...notice, hearingOn: '2026-05-20' },
      'HEARING_NOTICE_TOO_LATE',
    );
    expect(tooSoon.details.earliest).toBe('2026-05-21');
    await s.done(c.id, 'officer1', 'notify_hearing', notice, 'hearing_scheduled');

    s.setToday('2026-05-22');
    const held = { heldOn: '2026-05-22', record: '申请人陈述意见，利害关系人未提出异议。' };
    await s.refused(c.id, 'officer1', 'record_hearing', held, 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'record_hearing');
    await s.done(c.id, 'officer1', 'record_hearing', held, 'reviewing');

    s.setToday('2026-05-26');
    // Base: 10 working days from 11 May (25 May); the hearing (12–22 May: 8 working days) and a
    // day of expert review do not count (art.45).
    const excluded = await s.done(
      c.id,
      'officer1',
      'record_excluded_period',
      { kind: 'expert_review', from: '2026-05-25', to: '2026-05-26', notifiedOn: '2026-05-25' },
      'reviewing',
    );
    expect(excluded.details.decisionDueOn).toBe('2026-06-05');

    await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-05-26' },
      'PERMIT_HEARING_RECORD_NOT_CONSIDERED',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_decision',
      { proposed: { ...grant, isBasedOnHearingRecord: true } },
      'reviewing',
    );
    // Decided after a hearing: a major decision under the national guideline (N 十二).
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-05-26' }, 'LEGAL_REVIEW_REQUIRED');
  });
});
