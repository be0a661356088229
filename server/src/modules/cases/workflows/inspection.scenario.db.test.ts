// 行政检查 through the API: a 双随机 check (the draw recorded, the officers drawn, the credentials
// shown, the result and its publication date, 责令改正 and the re-check on video), a routine check
// on the wrong kind of power, and a check after a 告知承诺 permit referred for revocation.
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../../shared/validators.ts';
import { demoRecordId } from '../../powers/powers.demo.ts';
import { company, createScenario, record } from './scenario.test-support.ts';

const s = await createScenario('2026-08-03');
const party = company('枣庄市薛城区某便利店', withCreditCodeCheck('92370403MA3U4G7H2'));
const item = (agencyId: string, code: string) => demoRecordId('randomCheckItem', agencyId, code);

const inspection = (extra: Record<string, unknown> = {}) => ({
  inspectedOn: '2026-08-04',
  ...record(s.officersShown),
  credentialForm: 'electronic',
  itemsChecked: ['食品经营许可证公示', '从业人员健康证明', '进货查验记录'],
  result: 'problems',
  problems: '2 名从业人员健康证明过期；进货查验记录不全',
  ...extra,
});

describe('行政检查 双随机', () => {
  it('records the draw, the inspection and the rectification', async () => {
    s.setToday('2026-08-03');
    const c = await s.newCase(
      'inspection',
      'random',
      s.power('XC-SCJG-JC-001'),
      [party],
      'random_check',
    );
    const selection = {
      randomCheckItemId: item(s.market, 'XC-SCJG-SJ-001'),
      taskName: '2026年第三季度食品经营者双随机抽查',
      drawnOn: '2026-08-03',
      method: 'system',
      entityPoolSize: 420,
      entitiesDrawn: 21,
      officerPoolSize: 12,
      drawnOfficerIds: [s.officer1, s.officer2],
      recordRef: 'SJ-2026-Q3-0007',
    };
    await s.refused(
      c.id,
      'officer1',
      'record_selection',
      { ...selection, randomCheckItemId: item(s.t.ids.agencies.urban, 'XC-ZHZF-SJ-001') },
      'RANDOM_CHECK_ITEM_INVALID',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_selection',
      { ...selection, randomCheckItemId: item(s.market, 'XC-SCJG-SJ-002') },
      'RANDOM_CHECK_ITEM_INVALID',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_selection',
      { ...selection, drawnOfficerIds: [s.officer1] },
      'INSPECTION_OFFICERS_NOT_DRAWN',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_selection',
      { ...selection, entitiesDrawn: 500 },
      'VALIDATION_FAILED',
    );
    await s.done(c.id, 'officer1', 'record_selection', selection, 'planned');

    s.setToday('2026-08-04');
    await s.refused(
      c.id,
      'officer1',
      'record_inspection',
      inspection({ officers: s.officersShown.slice(1) }),
      'TRANSCRIPT_INCOMPLETE',
    );
    await s.refused(
      c.id,
      'officer1',
      'record_inspection',
      inspection({ problems: undefined }),
      'VALIDATION_FAILED',
    );
    await s.refused(c.id, 'officer1', 'record_inspection', inspection(), 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'record_inspection');
    const inspected = await s.done(
      c.id,
      'officer1',
      'record_inspection',
      inspection(),
      'problems_found',
    );
    // 薛城区: inspection results are published within 20 working days.
    expect(inspected.details.inspection.resultDisclosureDueOn).toBe('2026-09-01');
    expect(inspected.details.inspection.credentialsShown).toEqual(
      s.officersShown.map((o) => ({ ...o, form: 'electronic' })),
    );
    await s.refused(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-08-04', summary: '结案' },
      'CASE_ACTION_NOT_ALLOWED',
    );

    const order = {
      issuedOn: '2026-08-04',
      docNo: '薛市监责改〔2026〕15号',
      items: ['更新从业人员健康证明', '完善进货查验记录'],
      deadlineOn: '2026-08-04',
      legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
    };
    await s.refused(c.id, 'officer1', 'order_rectification', order, 'INVALID_DATE_RANGE');
    await s.done(
      c.id,
      'officer1',
      'order_rectification',
      { ...order, deadlineOn: '2026-08-14' },
      'rectifying',
    );

    s.setToday('2026-08-10');
    const recheck = (outcome: string) => ({
      recheckedOn: '2026-08-10',
      ...record(s.officersShown),
      outcome,
    });
    await s.refused(
      c.id,
      'officer1',
      'record_recheck',
      recheck('not_rectified'),
      'INSPECTION_RECHECK_TOO_EARLY',
    );
    await s.refused(c.id, 'officer1', 'record_recheck', recheck('rectified'), 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'record_recheck');
    await s.done(c.id, 'officer1', 'record_recheck', recheck('rectified'), 'rectified');
    await s.done(c.id, 'head1', 'close', { closedOn: '2026-08-10', summary: '已整改' }, 'closed');
    await s.done(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-08-10', archiveNo: 'XCSJ-2026-JC-0001' },
      'archived',
    );
  });
});

describe('行政检查 日常检查', () => {
  it('is run on an inspection power, and may not be referred for revocation', async () => {
    s.setToday('2026-08-04');
    const wrong = await s.newCase('inspection', 'routine', s.power('XC-SCJG-CF-001'), [party]);
    const plan = { plannedOn: '2026-08-04', reason: '投诉举报核查', items: ['过期食品'] };
    await s.done(wrong.id, 'officer1', 'plan_inspection', plan, 'planned');
    await s.refused(wrong.id, 'officer1', 'record_inspection', inspection(), 'POWER_KIND_MISMATCH');

    const c = await s.newCase('inspection', 'routine', s.power('XC-SCJG-JC-001'), [party]);
    await s.done(c.id, 'officer1', 'plan_inspection', plan, 'planned');
    await s.avExemption(c.id, 'record_inspection');
    await s.done(c.id, 'officer1', 'record_inspection', inspection(), 'problems_found');
    const referral = {
      referredOn: '2026-08-04',
      to: 'permit_revocation',
      reason: '不符合许可条件',
    };
    await s.refused(c.id, 'officer1', 'refer', referral, 'VALIDATION_FAILED');
    await s.done(
      c.id,
      'officer1',
      'refer',
      { ...referral, to: 'penalty', target: '另案立案查处' },
      'referred',
    );
    await s.done(c.id, 'head1', 'close', { closedOn: '2026-08-04', summary: '移送立案' }, 'closed');
  });
});

describe('行政检查 告知承诺后核查', () => {
  it('checks the commitment and refers an unmet one for the permit’s revocation', async () => {
    s.setToday('2026-08-05');
    const c = await s.newCase('inspection', 'commitment', s.power('XC-SCJG-JC-001'), [party]);
    await s.done(
      c.id,
      'officer1',
      'record_commitment_basis',
      { permitNo: 'JY13704030055555', permitDecidedOn: '2026-07-20', commitment: '具备冷藏设施' },
      'planned',
    );
    const checked = inspection({
      inspectedOn: '2026-08-05',
      problems: '未配备冷藏设施，与承诺不符',
    });
    await s.refused(c.id, 'officer1', 'record_inspection', checked, 'AV_RECORD_REQUIRED');
    await s.avExemption(c.id, 'record_inspection');
    await s.done(c.id, 'officer1', 'record_inspection', checked, 'problems_found');
    await s.done(
      c.id,
      'officer1',
      'refer',
      { referredOn: '2026-08-05', to: 'permit_revocation', reason: '承诺内容与实际不符' },
      'referred',
    );
  });
});
