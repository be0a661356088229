// 行政征收征用 through the API: a house expropriation on state land (30 days of public comment,
// risk assessment, funds in place, the executive meeting, the announcement, compensation by
// agreement and by decision, the court for who does not move), an old-city renewal whose owners
// objected (hearing, then the legal review), and a requisition returned after use.
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../../shared/validators.ts';
import { company, createScenario } from './scenario.test-support.ts';

const s = await createScenario('2026-01-05');
const owners = [
  company('枣庄市薛城区甲商贸有限公司', withCreditCodeCheck('91370403MA3W1J2K3')),
  company('枣庄市薛城区乙物流有限公司', withCreditCodeCheck('91370403MA3X4L5M6')),
];

const created = await s.t.app.inject({
  method: 'POST',
  url: `/api/agencies/${s.market}/powers`,
  headers: { cookie: await s.t.login('admin') },
  payload: {
    code: 'TEST-ZS-001',
    name: '国有土地上房屋征收（测试事项）',
    category: 'levy',
    legalBasis: [{ law: '国有土地上房屋征收与补偿条例', article: '第八条' }],
    procedureSteps: [{ name: '拟定补偿方案' }, { name: '作出征收决定' }],
    timeLimit: {},
    discretionBenchmarks: [],
  },
});
expect(created.statusCode, created.body).toBe(201);
const levyPower = created.json<{ id: string }>().id;

const plan = {
  object: 'house_on_state_land',
  includesHouses: true,
  purpose: 'infrastructure',
  scope: '薛城区某路拓宽工程用地范围内房屋',
  compensationPlan: '货币补偿或者产权调换，补偿标准不低于类似房地产市场价格',
  legalBasis: '《国有土地上房屋征收与补偿条例》第八条第（二）项',
  partiesCount: 60,
  isManyParties: true,
};
const proposed = {
  scope: plan.scope,
  compensationSummary: '货币补偿或者产权调换',
  signingPeriod: '公告之日起30日',
  remedyNotice: '可于六十日内申请行政复议或者六个月内提起行政诉讼',
  legalBasis: plan.legalBasis,
};
const consultation = (closedOn: string, extra: Record<string, unknown> = {}) => ({
  closedOn,
  opinionsSummary: '收到意见 12 条，主要涉及补偿标准',
  revisions: '提高搬迁补助标准',
  resultsPublishedOn: '2026-02-05',
  majorityObjected: false,
  ...extra,
});

describe('行政征收 国有土地上房屋', () => {
  it('consults, assesses, funds, decides, announces, compensates and goes to court', async () => {
    s.setToday('2026-01-05');
    const wrong = await s.newCase('expropriation', 'ordinary', s.power('XC-SCJG-CF-001'), owners);
    await s.refused(wrong.id, 'officer1', 'draft_plan', plan, 'POWER_KIND_MISMATCH');

    const c = await s.newCase('expropriation', 'ordinary', levyPower, owners);
    await s.refused(
      c.id,
      'officer1',
      'draft_plan',
      { ...plan, object: 'requisition' },
      'VALIDATION_FAILED',
    );
    await s.done(c.id, 'officer1', 'draft_plan', plan, 'planning');
    await s.refused(
      c.id,
      'officer1',
      'propose_decision',
      { proposed },
      'EXPROPRIATION_CONSULTATION_REQUIRED',
    );
    const publication = {
      publishedOn: '2026-01-05',
      commentUntil: '2026-01-20',
      medium: '区政府网站及征收范围内',
    };
    await s.refused(
      c.id,
      'officer1',
      'publish_for_comment',
      publication,
      'EXPROPRIATION_COMMENT_PERIOD_SHORT',
    );
    await s.done(
      c.id,
      'officer1',
      'publish_for_comment',
      { ...publication, commentUntil: '2026-02-04' },
      'consulting',
    );

    s.setToday('2026-02-05');
    await s.refused(
      c.id,
      'officer1',
      'record_consultation',
      consultation('2026-02-03'),
      'EXPROPRIATION_COMMENT_PERIOD_OPEN',
    );
    await s.done(c.id, 'officer1', 'record_consultation', consultation('2026-02-04'), 'consulted');
    await s.done(c.id, 'officer1', 'propose_decision', { proposed }, 'consulted');
    const decide = { decidedOn: '2026-02-05' };
    await s.refused(c.id, 'head1', 'decide', decide, 'EXPROPRIATION_RISK_ASSESSMENT_REQUIRED');
    await s.done(
      c.id,
      'officer1',
      'record_risk_assessment',
      { assessedOn: '2026-02-05', riskLevel: 'low', conclusion: '风险可控' },
      'consulted',
    );
    await s.refused(c.id, 'head1', 'decide', decide, 'EXPROPRIATION_FUNDS_NOT_IN_PLACE');
    const funds = {
      confirmedOn: '2026-02-05',
      amountYuan: 36000000,
      account: '征收补偿专户',
      isFullAmount: false,
    };
    await s.done(c.id, 'officer1', 'confirm_funds', funds, 'consulted');
    await s.refused(c.id, 'head1', 'decide', decide, 'EXPROPRIATION_FUNDS_NOT_IN_PLACE');
    await s.done(c.id, 'officer1', 'confirm_funds', { ...funds, isFullAmount: true }, 'consulted');
    await s.refused(c.id, 'head1', 'decide', decide, 'EXPROPRIATION_COLLECTIVE_DECISION_REQUIRED');
    await s.done(
      c.id,
      'head1',
      'record_collective_decision',
      {
        heldOn: '2026-02-05',
        participants: ['区长', '副区长甲', '副区长乙'],
        minutes: '同意作出房屋征收决定',
      },
      'consulted',
    );
    await s.done(c.id, 'head1', 'decide', decide, 'decided');

    const announcement = {
      announcedOn: '2026-02-05',
      medium: '征收范围内张贴公告',
      includesPlanAndRemedies: false,
    };
    await s.refused(
      c.id,
      'officer1',
      'announce',
      announcement,
      'EXPROPRIATION_ANNOUNCEMENT_INCOMPLETE',
    );
    await s.done(
      c.id,
      'officer1',
      'announce',
      { ...announcement, includesPlanAndRemedies: true },
      'compensating',
    );

    const [a, b] = owners.map((o) => o.name) as [string, string];
    const agreement = { partyName: a, form: 'agreement', on: '2026-02-05', amountYuan: 1200000 };
    await s.refused(
      c.id,
      'officer1',
      'record_compensation',
      { ...agreement, partyName: '某人' },
      'REFERENCE_INVALID',
    );
    await s.done(c.id, 'officer1', 'record_compensation', agreement, 'compensating');
    await s.refused(
      c.id,
      'head1',
      'complete',
      { completedOn: '2026-02-05', summary: '完成' },
      'EXPROPRIATION_COMPENSATION_INCOMPLETE',
    );
    const decision = { partyName: b, form: 'decision', on: '2026-02-05', amountYuan: 800000 };
    await s.refused(c.id, 'officer1', 'record_compensation', decision, 'VALIDATION_FAILED');
    await s.done(
      c.id,
      'officer1',
      'record_compensation',
      { ...decision, servedOn: '2026-02-05', movingDeadlineOn: '2026-03-05' },
      'compensating',
    );

    // 5 February + 6 months = 5 August; then 3 months to 5 November.
    s.setToday('2026-11-06');
    const court = '枣庄市薛城区人民法院';
    await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { partyName: a, appliedOn: '2026-09-01', court },
      'EXPROPRIATION_COMPENSATION_DECISION_REQUIRED',
    );
    await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { partyName: b, appliedOn: '2026-03-01', court },
      'COURT_APPLICATION_TOO_EARLY',
    );
    await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { partyName: b, appliedOn: '2026-08-05', court },
      'COURT_APPLICATION_TOO_EARLY',
    );
    await s.refused(
      c.id,
      'head1',
      'apply_to_court',
      { partyName: b, appliedOn: '2026-11-06', court },
      'COURT_APPLICATION_LATE',
    );
    await s.done(
      c.id,
      'head1',
      'apply_to_court',
      { partyName: b, appliedOn: '2026-09-01', court },
      'compensating',
    );
    await s.done(
      c.id,
      'head1',
      'complete',
      { completedOn: '2026-11-06', summary: '征收完成' },
      'completed',
    );
    await s.done(c.id, 'head1', 'close', { closedOn: '2026-11-06', summary: '结案' }, 'closed');
    await s.done(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-11-06', archiveNo: 'XCZS-2026-0001' },
      'archived',
    );
  });

  it('holds a hearing when most owners object to an old-city renewal, and then needs the legal review', async () => {
    s.setToday('2026-01-05');
    const c = await s.newCase('expropriation', 'ordinary', levyPower, owners);
    await s.done(
      c.id,
      'officer1',
      'draft_plan',
      { ...plan, purpose: 'old_city_renewal', isManyParties: false },
      'planning',
    );
    await s.done(
      c.id,
      'officer1',
      'publish_for_comment',
      { publishedOn: '2026-01-05', commentUntil: '2026-02-04', medium: '区政府网站' },
      'consulting',
    );
    s.setToday('2026-02-05');
    await s.refused(
      c.id,
      'officer1',
      'record_consultation',
      consultation('2026-02-04', { majorityObjected: true }),
      'EXPROPRIATION_HEARING_REQUIRED',
    );
    await s.done(
      c.id,
      'officer1',
      'record_consultation',
      consultation('2026-02-04', {
        majorityObjected: true,
        hearing: { heldOn: '2026-02-05', record: '听证会听取被征收人意见，修改补偿方案' },
      }),
      'consulted',
    );
    await s.done(
      c.id,
      'officer1',
      'record_risk_assessment',
      { assessedOn: '2026-02-05', riskLevel: 'medium', conclusion: '可控' },
      'consulted',
    );
    await s.done(
      c.id,
      'officer1',
      'confirm_funds',
      { confirmedOn: '2026-02-05', amountYuan: 1e7, account: '专户', isFullAmount: true },
      'consulted',
    );
    await s.done(c.id, 'officer1', 'propose_decision', { proposed }, 'consulted');
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-02-05' }, 'LEGAL_REVIEW_REQUIRED');
  });
});

describe('行政征用', () => {
  it('is decided without public comment, and completed only once the property is returned', async () => {
    s.setToday('2026-03-02');
    const c = await s.newCase('expropriation', 'ordinary', levyPower, owners.slice(0, 1));
    await s.done(
      c.id,
      'officer1',
      'draft_plan',
      {
        ...plan,
        object: 'requisition',
        purpose: 'emergency',
        includesHouses: false,
        isManyParties: false,
        partiesCount: 1,
      },
      'planning',
    );
    await s.refused(
      c.id,
      'officer1',
      'publish_for_comment',
      { publishedOn: '2026-03-02', commentUntil: '2026-04-02', medium: '网站' },
      'EXPROPRIATION_STEP_NOT_APPLICABLE',
    );
    await s.done(c.id, 'officer1', 'propose_decision', { proposed }, 'planning');
    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-03-02' }, 'decided');
    await s.done(
      c.id,
      'officer1',
      'announce',
      { announcedOn: '2026-03-02', medium: '书面通知', includesPlanAndRemedies: true },
      'compensating',
    );
    await s.done(
      c.id,
      'officer1',
      'record_compensation',
      { partyName: owners[0]?.name, form: 'agreement', on: '2026-03-02', amountYuan: 20000 },
      'compensating',
    );
    const complete = { completedOn: '2026-03-02', summary: '征用结束' };
    await s.refused(c.id, 'head1', 'complete', complete, 'EXPROPRIATION_PROPERTY_NOT_RETURNED');
    await s.done(
      c.id,
      'officer1',
      'return_property',
      { returnedOn: '2026-03-02', condition: '完好' },
      'compensating',
    );
    await s.done(c.id, 'head1', 'complete', complete, 'completed');
  });
});
