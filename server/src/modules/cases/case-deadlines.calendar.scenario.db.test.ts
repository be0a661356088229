// A corrected holiday notice moves every open deadline counted in working days or rolled to a
// working day — a permit's decision period (《行政许可法》art.82) and a seizure ending on a day off
// (《民法典》第二百零三条) — and leaves calendar-day periods alone. A penalty's 陈述申辩 period
// stays on the day the 事先告知 kept when it was served, the day the party was told in writing:
// its deadline row, the decision guard and the 告知书 all keep it; only a notice recorded before
// the day was kept is counted again. The test imports its own 2026 notice (国庆 one day longer),
// so it has an app of its own.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withCreditCodeCheck } from '../../shared/validators.ts';
import { company, createScenario, record } from './workflows/scenario.test-support.ts';

const s = await createScenario('2026-09-07');
const party = company('枣庄市薛城区某食品有限公司', '91350100M000100Y43');

interface DeadlineRead {
  kind: string;
  state: string;
  dueOn: string | null;
  unit: string;
  amount: number;
}
const running = (view: unknown, kind: string) =>
  (view as { deadlines: DeadlineRead[] }).deadlines.filter(
    (x) => x.kind === kind && x.state === 'running',
  );

/** The 2026 notice as shipped, but with 国庆 lasting until 8 October. */
const CORRECTED_2026 = {
  year: 2026,
  source: '测试数据：国庆节假期延长一日的更正通知（非真实通知）',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-08' },
  ],
  workdays: [
    { date: '2026-01-04', name: '元旦' },
    { date: '2026-02-14', name: '春节' },
    { date: '2026-02-28', name: '春节' },
    { date: '2026-05-09', name: '劳动节' },
    { date: '2026-09-20', name: '国庆节' },
    { date: '2026-10-10', name: '国庆节' },
  ],
};

/** A penalty case filed on 28 September, its 事先告知 (a warning) served on the 29th. */
async function noticed() {
  const warning = {
    types: ['warning'],
    isMitigated: false,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
  };
  const { id, notified } = await s.noticedPenalty('2026-09-28', '2026-09-29', warning, {
    parties: [party],
  });
  return { id, view: notified };
}

async function seizureInEffect(takenOn: string) {
  s.setToday(takenOn);
  const c = await s.newCase('coercion', 'measure', s.power('XC-SCJG-QZ-001'), [
    company('枣庄市薛城区某食品批发部', withCreditCodeCheck('92370403MA3R5T8Y1')),
  ]);
  await s.done(
    c.id,
    'officer1',
    'propose_measure',
    {
      measures: ['seize'],
      items: '涉嫌超过保质期的预包装食品 120 箱（清单附后）',
      seizedValueYuan: 8000,
      reasons: '有证据证明不符合食品安全标准',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条第（四）项',
      isEmergency: false,
    },
    'approval_pending',
  );
  await s.done(c.id, 'head1', 'approve_measure', {}, 'approved');
  await s.avExemption(c.id, 'implement_measure');
  const view = await s.done(
    c.id,
    'officer1',
    'implement_measure',
    {
      implementedAt: `${takenOn}T09:00:00+08:00`,
      ...record(s.officersShown),
      isPartyPresent: true,
      isPartyInformed: true,
      statementHeard: '当事人称食品系正常进货，未提出其他意见',
      decisionDocNo: '薛市监扣字〔2026〕9号',
      isListDelivered: true,
    },
    'in_effect',
  );
  return { id: c.id, view };
}

describe('a corrected holiday notice', () => {
  it('moves the working-day and rolled deadlines of permit and coercion cases, not a told one', async () => {
    // A seizure of 7 September: 30 calendar days end on 7 October, a holiday, so on 8 October.
    const seizure = await seizureInEffect('2026-09-07');
    expect(seizure.view.details.measure.endsOn).toBe('2026-10-08');
    expect(running(seizure.view, 'case.coercion_measure')).toMatchObject([
      { unit: 'days', amount: 30, dueOn: '2026-10-08' },
    ]);

    // A food-business permit accepted on 21 September: the power's 10 working days skip 中秋
    // (25–27 September) and 国庆 (1–7 October) and count Saturday 10 October: 12 October.
    s.setToday('2026-09-21');
    const permit = await s.newCase(
      'permit',
      'grant',
      s.power('XC-SCJG-XK-001'),
      [company('枣庄市薛城区鲜味餐饮有限公司', withCreditCodeCheck('91370403MA3P0K1L2'))],
      'application',
    );
    await s.done(
      permit.id,
      'officer1',
      'receive_application',
      {
        receivedOn: '2026-09-21',
        requested: '申请食品经营许可（热食类食品制售）',
        materials: ['食品经营许可申请书', '营业执照'],
      },
      'applied',
    );
    const accepted = await s.done(
      permit.id,
      'officer1',
      'accept',
      { acceptedOn: '2026-09-21', isSiteCheckRequired: false, hearingBasis: 'none' },
      'reviewing',
    );
    expect(accepted.details.decisionDueOn).toBe('2026-10-12');
    expect(running(accepted, 'case.permit_decision')).toMatchObject([
      { unit: 'working_days', amount: 10, dueOn: '2026-10-12' },
    ]);

    // A 事先告知 served on 29 September: 5 working days to state and defend end on 12 October,
    // the day the notice keeps. A second one stands for a notice recorded before the day was
    // kept: its record has only the service date.
    const penalty = await noticed();
    const notified = penalty.view;
    expect(notified.details.notice).toMatchObject({
      defenceDueOn: '2026-10-12',
      defencePeriod: { amount: 5, unit: 'working_days' },
    });
    expect(running(notified, 'case.defence')).toMatchObject([{ dueOn: '2026-10-12' }]);
    // 90 calendar days from filing: no holiday notice moves them.
    expect(running(notified, 'case.penalty_decision')).toMatchObject([{ dueOn: '2026-12-27' }]);
    const older = await noticed();
    await sql`update cases set details = details #- '{notice,defenceDueOn}' #- '{notice,defencePeriod}' where id = ${older.id}`.execute(
      s.t.handle.db,
    );

    const admin = await s.t.login('admin');
    const imported = await s.t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/2026',
      headers: { cookie: admin },
      payload: CORRECTED_2026,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json<{ deadlinesChanged: number }>().deadlinesChanged).toBeGreaterThanOrEqual(
      2,
    );

    // 8 October is now a holiday: each period ends one working day later.
    expect(running(await s.read(seizure.id), 'case.coercion_measure')).toMatchObject([
      { dueOn: '2026-10-09' },
    ]);
    expect(running(await s.read(permit.id), 'case.permit_decision')).toMatchObject([
      { dueOn: '2026-10-13' },
    ]);
    const after = await s.read(penalty.id);
    expect(running(after, 'case.penalty_decision')).toMatchObject([{ dueOn: '2026-12-27' }]);

    // The party was told 12 October: its period, the guard and the 告知书 stay there.
    expect(running(after, 'case.defence')).toMatchObject([{ dueOn: '2026-10-12' }]);
    s.setToday('2026-10-12');
    const open = await s.refused(
      penalty.id,
      'head1',
      'decide',
      { decidedOn: '2026-10-12' },
      'STATEMENT_PERIOD_OPEN',
    );
    expect(open.details).toEqual({ dueOn: '2026-10-12' });
    const issued = await s.issue(penalty.id, 'penalty_prior_notice', {
      facts: '当事人存放超过保质期的食品原料。',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const printed = await s.t.app.inject({
      method: 'GET',
      url: `/api/instruments/${issued.body.id}/versions/1`,
      headers: { cookie: s.cookies.officer1 },
    });
    expect(printed.json<{ fields: Record<string, string> }>().fields).toMatchObject({
      defenceDueOn: '2026年10月12日',
    });
    s.setToday('2026-10-13');
    await s.done(penalty.id, 'head1', 'decide', { decidedOn: '2026-10-13' }, 'decided');

    // A notice recorded without its day is counted from its service with today's calendar.
    const counted = await s.refused(
      older.id,
      'head1',
      'decide',
      { decidedOn: '2026-10-13' },
      'STATEMENT_PERIOD_OPEN',
    );
    expect(counted.details).toEqual({ dueOn: '2026-10-13' });
  }, 180_000);
});
