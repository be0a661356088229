// 查封、扣押 through the API: the head's approval, the on-site procedure of 《行政强制法》 art.18
// (two officers, the party or a witness, rights told, record signed, decision and list handed
// over), the video 薛城区 requires (uploaded for real here), the 30-day period and its one
// extension, disposal within the period and the legal review; then an emergency measure taken
// first and not ratified by the head, and a seizure large enough to be a major decision.
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../../shared/validators.ts';
import { tusClient } from '../../evidence/evidence.test-support.ts';
import { company, createScenario, record } from './scenario.test-support.ts';

const s = await createScenario('2026-07-01');
const party = company('枣庄市薛城区某食品批发部', withCreditCodeCheck('92370403MA3R5T8Y1'));
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom\0\0\0\0isommp41 扣押录像'),
]);

const proposal = {
  measures: ['seize'],
  items: '涉嫌超过保质期的预包装食品 120 箱（清单附后）',
  seizedValueYuan: 8000,
  reasons: '有证据证明不符合食品安全标准',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条第（四）项',
  isEmergency: false,
};
const onSite = (date: string, extra: Record<string, unknown> = {}) => ({
  implementedAt: `${date}T09:00:00+08:00`,
  ...record(s.officersShown),
  isPartyPresent: true,
  isPartyInformed: true,
  statementHeard: '当事人称食品系正常进货，未提出其他意见',
  decisionDocNo: '薛市监扣字〔2026〕3号',
  isListDelivered: true,
  ...extra,
});

async function uploadVideo(caseId: string, step: string) {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const tus = tusClient(() => s.t.app, s.cookies.officer1);
  const av = JSON.stringify({
    act: 'seize',
    device: 'DSJ-3704-021',
    officerIds: [s.officer1, s.officer2],
    startedAt: hoursAgo(2),
    endedAt: hoursAgo(1),
    place: '当事人仓库',
    isPartyNotified: true,
    isContinuous: true,
    interruptions: [],
  });
  const created = await tus.create(
    caseId,
    MP4.length,
    { filename: '扣押.mp4', step, av },
    { body: MP4 },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}

describe('行政强制措施 扣押', () => {
  it('takes, extends, disposes of and closes a seizure as the law requires', async () => {
    s.setToday('2026-07-01');
    const c = await s.newCase('coercion', 'measure', s.power('XC-SCJG-QZ-001'), [party]);
    await s.done(c.id, 'officer1', 'propose_measure', proposal, 'approval_pending');
    await s.refused(
      c.id,
      'officer1',
      'implement_measure',
      onSite('2026-07-01'),
      'COERCION_APPROVAL_REQUIRED',
    );
    await s.refused(c.id, 'officer1', 'approve_measure', {}, 'STEP_ROLE_REQUIRED');
    await s.done(c.id, 'head1', 'approve_measure', {}, 'approved');

    const refusals: [Record<string, unknown>, string][] = [
      [{ officers: s.officersShown.slice(0, 1) }, 'TRANSCRIPT_INCOMPLETE'],
      [{ partySigned: false, refusalNote: '当事人拒绝签名' }, 'TRANSCRIPT_INCOMPLETE'],
      [{ isPartyPresent: false }, 'COERCION_WITNESS_REQUIRED'],
      [{ isPartyInformed: false }, 'COERCION_PARTY_NOT_INFORMED'],
      [{ isListDelivered: false }, 'COERCION_LIST_NOT_DELIVERED'],
      [{ implementedAt: '2026-07-02T09:00:00+08:00' }, 'INVALID_DATE_RANGE'],
      [{}, 'AV_RECORD_REQUIRED'],
    ];
    for (const [change, code] of refusals) {
      await s.refused(c.id, 'officer1', 'implement_measure', onSite('2026-07-01', change), code);
    }
    await uploadVideo(c.id, 'implement_measure');
    const taken = await s.done(
      c.id,
      'officer1',
      'implement_measure',
      onSite('2026-07-01', {
        partySigned: false,
        refusalNote: '当事人拒绝签名',
        witness: '村委会委员钱某',
      }),
      'in_effect',
    );
    // The power's own limit (30 days) from the day of the seizure.
    expect(taken.details.measure).toMatchObject({ takenOn: '2026-07-01', endsOn: '2026-07-31' });
    expect(taken.decidedOn).toBe('2026-07-01');

    const extend = {
      approvedOn: '2026-07-20',
      days: 40,
      reason: '需检验',
      notifiedOn: '2026-07-20',
    };
    s.setToday('2026-07-20');
    await s.refused(c.id, 'head1', 'extend_measure', extend, 'COERCION_EXTENSION_TOO_LONG');
    await s.done(c.id, 'head1', 'extend_measure', { ...extend, days: 30 }, 'in_effect');
    await s.refused(
      c.id,
      'head1',
      'extend_measure',
      { ...extend, days: 5 },
      'COERCION_EXTENSION_USED',
    );
    // Five days of testing do not count (art.25 para.3): the last day is 4 September.
    await s.done(
      c.id,
      'officer1',
      'record_excluded_period',
      { kind: 'testing', from: '2026-07-06', to: '2026-07-10', notifiedOn: '2026-07-06' },
      'in_effect',
    );

    await s.refused(
      c.id,
      'head1',
      'dispose',
      { decidedOn: '2026-07-20' },
      'DECISION_PROPOSAL_REQUIRED',
    );
    const disposal = {
      reasons: '经检验不合格',
      legalBasis: '《中华人民共和国行政强制法》第二十七条',
    };
    await s.done(
      c.id,
      'officer1',
      'propose_disposal',
      { ...disposal, outcome: 'destroy' },
      'in_effect',
    );
    // Disposing of seized property is a major decision in 薛城区 (附件3 第七条(二)).
    await s.refused(c.id, 'head1', 'dispose', { decidedOn: '2026-07-20' }, 'LEGAL_REVIEW_REQUIRED');
    await s.done(
      c.id,
      'officer1',
      'propose_disposal',
      { ...disposal, outcome: 'transfer_to_judicial', relatedCaseNo: '薛公刑〔2026〕7号' },
      'in_effect',
    );
    s.setToday('2026-09-07');
    const expired = await s.refused(
      c.id,
      'head1',
      'dispose',
      { decidedOn: '2026-09-07' },
      'COERCION_PERIOD_EXPIRED',
    );
    expect(expired.details.endsOn).toBe('2026-09-04');
    await s.done(c.id, 'head1', 'dispose', { decidedOn: '2026-09-04' }, 'disposed');
    await s.done(
      c.id,
      'head1',
      'close',
      { closedOn: '2026-09-07', summary: '移送司法机关' },
      'closed',
    );
    await s.done(
      c.id,
      'archivist1',
      'archive',
      { archivedOn: '2026-09-07', archiveNo: 'XCSJ-2026-QZ-0001' },
      'archived',
    );
  });

  it('takes an emergency measure first and releases it at once when the head does not ratify', async () => {
    s.setToday('2026-07-03');
    const c = await s.newCase('coercion', 'measure', s.power('XC-SCJG-QZ-001'), [party]);
    await s.refused(
      c.id,
      'officer1',
      'propose_measure',
      { ...proposal, isEmergency: true },
      'VALIDATION_FAILED',
    );
    await s.done(
      c.id,
      'officer1',
      'propose_measure',
      { ...proposal, isEmergency: true, emergencyReason: '当事人正在转移涉案食品' },
      'approval_pending',
    );
    await s.avExemption(c.id, 'implement_measure');
    const taken = await s.done(
      c.id,
      'officer1',
      'implement_measure',
      onSite('2026-07-03'),
      'in_effect',
    );
    expect(taken.details.emergency.reportDueAt).toBe('2026-07-04T01:00:00.000Z');
    await s.done(
      c.id,
      'officer1',
      'propose_disposal',
      {
        outcome: 'transfer_to_judicial',
        reasons: '涉嫌犯罪',
        legalBasis: '《中华人民共和国行政强制法》第二十一条',
      },
      'in_effect',
    );
    await s.refused(
      c.id,
      'head1',
      'dispose',
      { decidedOn: '2026-07-03' },
      'COERCION_EMERGENCY_NOT_RATIFIED',
    );
    const released = await s.done(
      c.id,
      'head1',
      'ratify_emergency',
      { isApproved: false, reason: '证据不足以采取扣押' },
      'released',
    );
    expect(released.details.emergency.ratification.isLate).toBe(false);
    expect(released.details.release.reason).toBe('not_ratified');
    await s.done(c.id, 'head1', 'close', { closedOn: '2026-07-03', summary: '已解除' }, 'closed');
  });

  it('releases an emergency measure at any time, but closes it only once the head has ruled on it', async () => {
    s.setToday('2026-07-03');
    const c = await s.newCase('coercion', 'measure', s.power('XC-SCJG-QZ-001'), [party]);
    await s.done(
      c.id,
      'officer1',
      'propose_measure',
      { ...proposal, isEmergency: true, emergencyReason: '当事人正在转移涉案食品' },
      'approval_pending',
    );
    await s.avExemption(c.id, 'implement_measure');
    await s.done(c.id, 'officer1', 'implement_measure', onSite('2026-07-03'), 'in_effect');
    const release = {
      releasedOn: '2026-07-03',
      reason: 'no_longer_needed',
      returnNote: '已当场退还',
    };
    await s.done(c.id, 'head1', 'release', release, 'released');
    const close = { closedOn: '2026-07-03', summary: '已解除' };
    await s.refused(c.id, 'head1', 'close', close, 'COERCION_EMERGENCY_NOT_RATIFIED');
    s.setToday('2026-07-06');
    const ratified = await s.done(
      c.id,
      'head1',
      'ratify_emergency',
      { isApproved: true, reason: '情况紧急，同意补办' },
      'released',
    );
    // Reported after the 24 hours: recorded, and flagged.
    expect(ratified.details.emergency.ratification.isLate).toBe(true);
    expect(ratified.details.release.reason).toBe('no_longer_needed');
    await s.done(c.id, 'head1', 'close', { ...close, closedOn: '2026-07-06' }, 'closed');
  });

  it('refuses a seizure worth 100,000 yuan or more without the legal review', async () => {
    s.setToday('2026-07-06');
    const c = await s.newCase('coercion', 'measure', s.power('XC-SCJG-QZ-001'), [party]);
    await s.done(
      c.id,
      'officer1',
      'propose_measure',
      { ...proposal, seizedValueYuan: 150000 },
      'approval_pending',
    );
    await s.done(c.id, 'head1', 'approve_measure', {}, 'approved');
    await s.avExemption(c.id, 'implement_measure');
    await s.refused(
      c.id,
      'officer1',
      'implement_measure',
      onSite('2026-07-06'),
      'LEGAL_REVIEW_REQUIRED',
    );
  });

  it('refuses a measure on a power that is not coercion', async () => {
    const c = await s.newCase('coercion', 'measure', s.power('XC-SCJG-CF-001'), [party]);
    await s.refused(c.id, 'officer1', 'propose_measure', proposal, 'POWER_KIND_MISMATCH');
  });
});
