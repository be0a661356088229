// 行政强制执行 through the API: 代履行 by an agency with the power to execute (催告 after the due
// date, the execution decision after the reminder period, by day on a working day, reminded three
// working days before, supervised); a fine enforced by the court (10 working days after the
// reminder, after the six-month litigation period, within three months); 强制拆除 as a major
// decision.
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../../shared/validators.ts';
import { company, createScenario, directService, record } from './scenario.test-support.ts';

const s = await createScenario('2026-01-15');
const party = company('枣庄市薛城区某建材经营部', withCreditCodeCheck('92370403MA3T2D6F9'));

const basis = (extra: Record<string, unknown> = {}, power = 'own') => ({
  decision: {
    docNo: '薛市监责改字〔2026〕2号',
    decidedOn: '2026-01-05',
    servedOn: '2026-01-06',
    obligation: '限期清除占用消防通道的堆放物',
    isMonetary: false,
    performanceDueOn: '2026-01-20',
    ...extra,
  },
  enforcementPower: power,
  legalBasis: '《中华人民共和国行政强制法》第五十条',
});
const reminder = (servedOn: string, extra: Record<string, unknown> = {}) => ({
  performByOn: '2026-01-31',
  obligation: '清除占用消防通道的堆放物',
  statesRightToBeHeard: true,
  service: directService(servedOn),
  ...extra,
});
const execution = (executedOn: string, extra: Record<string, unknown> = {}) => ({
  executedOn,
  startTime: '09:00',
  endTime: '11:30',
  ...record(
    [
      { personId: s.officer1, credentialNo: '37040320001' },
      { personId: s.officer2, credentialNo: '37040320002' },
    ],
    { content: '代履行人清除堆放物，执法人员到场监督。' },
  ),
  ...extra,
});

describe('行政强制执行 代履行', () => {
  it('reminds, decides, reminds again and performs by day, supervised', async () => {
    s.setToday('2026-01-15');
    const c = await s.newCase('coercion', 'execution', s.power('XC-SCJG-QZ-001'), [party]);
    const recorded = await s.done(
      c.id,
      'officer1',
      'record_basis',
      basis(),
      'awaiting_performance',
    );
    // Six months from 6 January (6 July), then three months; 6 October is in the National Day holiday.
    expect(recorded.details.basis.courtWindow).toEqual({
      remedyEndsOn: '2026-07-06',
      lastDayOn: '2026-10-08',
    });
    await s.refused(c.id, 'officer1', 'remind', reminder('2026-01-15'), 'EXECUTION_NOT_OVERDUE');

    s.setToday('2026-01-21');
    await s.refused(
      c.id,
      'officer1',
      'remind',
      reminder('2026-01-21', { statesRightToBeHeard: false }),
      'EXECUTION_REMINDER_INCOMPLETE',
    );
    await s.done(c.id, 'officer1', 'remind', reminder('2026-01-21'), 'reminded');
    await s.done(
      c.id,
      'officer1',
      'record_statement',
      { receivedOn: '2026-01-22', content: '无力清除', review: '理由不成立', isAccepted: false },
      'reminded',
    );
    const proposed = {
      means: 'substitute_performance',
      reasons: '经催告仍不履行，危害消防安全',
      legalBasis: '《中华人民共和国行政强制法》第五十条',
    };
    await s.refused(
      c.id,
      'officer1',
      'propose_execution',
      proposed,
      'EXECUTION_SUBSTITUTE_INCOMPLETE',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_execution',
      {
        ...proposed,
        substitute: {
          performer: '薛城区某保洁服务公司',
          subject: '清除堆放物',
          costBudgetYuan: 1500,
        },
      },
      'reminded',
    );

    s.setToday('2026-02-02');
    await s.refused(
      c.id,
      'head1',
      'decide_execution',
      { decidedOn: '2026-01-30' },
      'EXECUTION_REMINDER_PERIOD_OPEN',
    );
    await s.done(c.id, 'head1', 'decide_execution', { decidedOn: '2026-02-02' }, 'decided');
    await s.done(
      c.id,
      'officer1',
      'serve_decision',
      directService('2026-02-02'),
      'decision_served',
    );

    s.setToday('2026-02-09');
    // Saturday 7 February is a day off; 21:00 is night.
    await s.refused(
      c.id,
      'officer1',
      'record_execution',
      execution('2026-02-07'),
      'EXECUTION_TIME_NOT_ALLOWED',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_execution',
      execution('2026-02-09', { startTime: '21:00', endTime: '23:00' }),
      'EXECUTION_TIME_NOT_ALLOWED',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_execution',
      execution('2026-02-09'),
      'EXECUTION_SUBSTITUTE_REMINDER_REQUIRED',
    );
    await s.done(
      c.id,
      'officer1',
      'remind_before_substitute',
      { servedOn: '2026-02-09' },
      'decision_served',
    );
    const early = await s.refused(
      c.id,
      'officer1',
      'record_execution',
      execution('2026-02-09'),
      'EXECUTION_SUBSTITUTE_REMINDER_REQUIRED',
    );
    expect(early.details.earliest).toBe('2026-02-12');

    s.setToday('2026-02-12');
    await s.refused(
      c.id,
      'officer1',
      'record_execution',
      execution('2026-02-12'),
      'EXECUTION_SUPERVISOR_REQUIRED',
    );
    const supervised = execution('2026-02-12', { supervisorPersonId: s.officer1 });
    // 薛城区 records 排除妨碍、恢复原状 on audio/video.
    await s.refused(c.id, 'officer1', 'record_execution', supervised, 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'record_execution');
    await s.done(c.id, 'officer1', 'record_execution', supervised, 'executed');
    await s.done(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-02-12', summary: '代履行完毕' },
      'closed',
    );
    await s.done(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-02-12', archiveNo: 'XCSJ-2026-ZX-0001' },
      'archived',
    );
  });
});

describe('行政强制执行 申请人民法院强制执行', () => {
  it('applies only after ten working days from the reminder, after the remedy period and within three months', async () => {
    s.setToday('2026-01-21');
    const c = await s.newCase('coercion', 'execution', s.power('XC-SCJG-QZ-001'), [party]);
    const money = { obligation: '缴纳罚款', isMonetary: true };
    await s.refused(c.id, 'officer1', 'record_basis', basis(money, 'court'), 'VALIDATION_FAILED');
    await s.done(
      c.id,
      'officer1',
      'record_basis',
      basis({ ...money, amountYuan: 5000 }, 'court'),
      'awaiting_performance',
    );
    await s.refused(
      c.id,
      'officer1',
      'remind',
      reminder('2026-01-21', { amountYuan: 5000 }),
      'EXECUTION_REMINDER_INCOMPLETE',
    );
    await s.done(
      c.id,
      'officer1',
      'remind',
      reminder('2026-01-21', { amountYuan: 5000, paymentMethod: '至指定银行账户缴纳' }),
      'reminded',
    );
    const proposed = {
      reasons: '经催告逾期仍不缴纳',
      legalBasis: '《中华人民共和国行政强制法》第五十三条',
    };
    await s.refused(
      c.id,
      'officer1',
      'propose_execution',
      { ...proposed, means: 'transfer' },
      'EXECUTION_POWER_REQUIRED',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_execution',
      { ...proposed, means: 'court' },
      'reminded',
    );
    await s.refused(
      c.id,
      'head1',
      'decide_execution',
      { decidedOn: '2026-01-21' },
      'EXECUTION_MEANS_MISMATCH',
    );

    const court = '枣庄市薛城区人民法院';
    s.setToday('2026-02-02');
    const wait = await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { appliedOn: '2026-02-02', court },
      'EXECUTION_REMINDER_PERIOD_OPEN',
    );
    expect(wait.message).toContain('2026-02-04');
    s.setToday('2026-10-09');
    await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { appliedOn: '2026-03-02', court },
      'COURT_APPLICATION_TOO_EARLY',
    );
    await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { appliedOn: '2026-10-09', court },
      'COURT_APPLICATION_LATE',
    );
    await s.done(
      c.id,
      'head1',
      'apply_to_court',
      { appliedOn: '2026-07-07', court },
      'court_applied',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_court_ruling',
      { ruledOn: '2026-07-01', rulingNo: '(2026)鲁0403行审12号', outcome: 'enforced' },
      'INVALID_DATE_RANGE',
    );
    await s.done(
      c.id,
      'officer1',
      'record_court_ruling',
      { ruledOn: '2026-08-01', rulingNo: '(2026)鲁0403行审12号', outcome: 'enforced' },
      'executed',
    );
    await s.done(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-10-09', summary: '法院强制执行完毕' },
      'closed',
    );
  });
});

describe('行政强制执行 强制拆除', () => {
  it('announces first, and is a major decision that needs the legal review', async () => {
    s.setToday('2026-01-21');
    const c = await s.newCase('coercion', 'execution', s.power('XC-SCJG-QZ-001'), [party]);
    await s.done(
      c.id,
      'officer1',
      'record_basis',
      basis({ obligation: '限期拆除违法搭建的仓棚' }),
      'awaiting_performance',
    );
    await s.done(c.id, 'officer1', 'remind', reminder('2026-01-21'), 'reminded');
    const announcement = {
      announcedOn: '2026-01-21',
      selfDemolishBy: '2026-01-20',
      place: '当事人仓棚外',
    };
    await s.refused(c.id, 'officer1', 'announce_demolition', announcement, 'INVALID_DATE_RANGE');
    await s.done(
      c.id,
      'officer1',
      'announce_demolition',
      { ...announcement, selfDemolishBy: '2026-02-20' },
      'reminded',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_execution',
      {
        means: 'demolition',
        reasons: '逾期不拆除',
        legalBasis: '《中华人民共和国行政强制法》第四十四条',
      },
      'reminded',
    );
    s.setToday('2026-02-02');
    await s.refused(
      c.id,
      'head1',
      'decide_execution',
      { decidedOn: '2026-02-02' },
      'LEGAL_REVIEW_REQUIRED',
    );
  });
});
