// The party's statement and defence (陈述申辩) after the 事先告知, through the API (《行政处罚法》
// 第四十四条、第四十五条、第六十二条): no decision while the profile's statement period runs, unless the
// party's defence was recorded and reviewed or it expressly waived the right; after the period
// lapses — counted in working days across 劳动节 — the decision may be made. The clock is the test's.
import { describe, expect, it } from 'vitest';
import { createScenario, type Read } from './workflows/scenario.test-support.ts';

const s = await createScenario('2026-03-02');
// A warning: no hearing (art.63) and no legal review, so that only the statement period stands
// between the notice and the decision.
const warning = {
  types: ['warning'],
  isMitigated: false,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
};
const waiver = (waivedOn: string) => ({
  waivedOn,
  expressedIn: 'waiver_statement',
  documentRef: '放弃陈述申辩声明书（当事人法定代表人周某签名）',
});

/** A case filed and investigated on `filedOn`, noticed on `servedOn` with a warning. */
const noticedCase = (filedOn: string, servedOn: string) =>
  s.noticedPenalty(filedOn, servedOn, warning);

const defenceRows = (view: Read) =>
  (view.deadlines as unknown as { kind: string; state: string; dueOn: string }[]).filter(
    (x) => x.kind === 'case.defence',
  );

describe('陈述申辩 before a penalty decision', () => {
  it('refuses a decision inside the period; a recorded waiver allows it', async () => {
    const c = await noticedCase('2026-03-02', '2026-03-03');
    // Five working days from Tuesday 3 March: Wednesday 4 … Tuesday 10 March.
    expect(defenceRows(c.notified)).toMatchObject([{ state: 'running', dueOn: '2026-03-10' }]);
    const refused = await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-03-03' },
      'STATEMENT_PERIOD_OPEN',
    );
    expect(refused.message).toContain('2026-03-10');
    expect(refused.details).toEqual({ dueOn: '2026-03-10' });

    // The waiver is a step of the workbench, with its form, for the officers of the case.
    const offered = (await s.read(c.id)).availableActions as unknown as {
      name: string;
      inputSchema: { properties: Record<string, { title?: string }> };
    }[];
    const form = offered.find((a) => a.name === 'waive_defence');
    expect(form?.inputSchema.properties.expressedIn?.title).toBe('放弃方式');
    await s.refused(c.id, 'head1', 'waive_defence', waiver('2026-03-03'), 'STEP_ROLE_REQUIRED');
    await s.refused(c.id, 'officer1', 'waive_defence', waiver('2026-03-02'), 'INVALID_DATE_RANGE');
    await s.refused(c.id, 'officer1', 'waive_defence', waiver('2026-03-04'), 'INVALID_DATE_RANGE');
    const waived = await s.done(
      c.id,
      'officer1',
      'waive_defence',
      waiver('2026-03-03'),
      'notified',
    );
    expect(waived.details.defenceWaiver).toMatchObject(waiver('2026-03-03'));
    // The party's period ends with the waiver: it is no longer running.
    expect(defenceRows(waived)).toMatchObject([{ state: 'met' }]);
    await s.refused(
      c.id,
      'officer2',
      'waive_defence',
      waiver('2026-03-03'),
      'DEFENCE_ALREADY_WAIVED',
    );

    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-03-03' }, 'decided');
    const timeline = await s.t.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}/timeline`,
      headers: { cookie: s.cookies.officer1 },
    });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const entry = timeline
      .json<{ kind: string; payload: { input?: unknown } }[]>()
      .find((e) => e.kind === 'case.waive_defence');
    expect(entry?.payload.input).toMatchObject({ expressedIn: 'waiver_statement' });
  });

  it('allows the decision once the defence is recorded with its review', async () => {
    const c = await noticedCase('2026-03-02', '2026-03-03');
    s.setToday('2026-03-04');
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-03-04' }, 'STATEMENT_PERIOD_OPEN');
    const defence = { receivedOn: '2026-03-04', content: '初次违法，请求从轻处罚。' };
    // The defence is recorded with the agency's review of it (复核), never without.
    await s.refused(c.id, 'officer1', 'record_defence', defence, 'VALIDATION_FAILED');
    await s.done(
      c.id,
      'officer1',
      'record_defence',
      { ...defence, review: '经复核，当事人所述情节已在拟处罚中考虑。', isAccepted: false },
      'notified',
    );
    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-03-04' }, 'decided');
  });

  it('allows the decision after the period lapses, counted in working days across 劳动节', async () => {
    // Served Thursday 30 April; 1–5 May off; 6, 7, 8, Saturday 9 (a working day), 11 May.
    const c = await noticedCase('2026-04-29', '2026-04-30');
    expect(defenceRows(c.notified)).toMatchObject([{ state: 'running', dueOn: '2026-05-11' }]);

    // Without the holiday the period would have ended on 7 May.
    s.setToday('2026-05-08');
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-05-08' }, 'STATEMENT_PERIOD_OPEN');
    s.setToday('2026-05-11');
    const lastDay = await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-05-11' },
      'STATEMENT_PERIOD_OPEN',
    );
    expect(lastDay.details).toEqual({ dueOn: '2026-05-11' });

    s.setToday('2026-05-12');
    // A decision dated inside the period is refused even when it is taken after it.
    await s.refused(c.id, 'head1', 'decide', { decidedOn: '2026-05-11' }, 'STATEMENT_PERIOD_OPEN');
    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-05-12' }, 'decided');
  });
});
