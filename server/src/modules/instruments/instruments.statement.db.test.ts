// The party's periods on paper, through the API on a real database: a 事先告知书 served on Thursday
// 30 April 2026 prints the last day to state and defend, and to ask for a hearing, after 劳动节
// (1–5 May off, Saturday 9 May worked): 11 May, the day the decision guard waits for. Before the
// notice's service is recorded it cannot be issued. The 决定书 says the party waived its statement,
// or let the period pass, as the case recorded it. A period running into a year whose holidays are
// not loaded leaves the day missing from the list and refuses the notice, naming the year.
import { describe, expect, it } from 'vitest';
import { company, createScenario } from '../cases/workflows/scenario.test-support.ts';
import { extractPdfText } from './instruments.render.test-support.ts';
import type { InstrumentKind } from './instruments.templates.ts';

const s = await createScenario('2026-04-29');
const party = {
  ...company('枣庄市薛城区某食品有限公司', '91350100M000100Y43'),
  address: '枣庄市薛城区常庄街道光明路6号',
};
const basis = {
  isMitigated: false,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
};
const warning = { types: ['warning'], ...basis };
const largeFine = { types: ['fine'], fineYuan: 80000, ...basis };
/** What no case step records: the facts were not entered at registration. */
const facts = { facts: '当事人在经营场所存放超过保质期的食品原料 12 包。' };

/** A case filed and investigated on 29 April (or `filedOn`), its notice served the next day. */
async function noticedCase(
  proposed: object,
  isLargeAmount: boolean,
  [filedOn, servedOn] = ['2026-04-29', '2026-04-30'],
) {
  const id = await s.investigatedPenalty(filedOn, [party]);
  s.setToday(servedOn);
  const refused = await s.issue(id, 'penalty_prior_notice', facts);
  await s.notifyIntent(id, servedOn, proposed, isLargeAmount);
  return { id, refusedBeforeNotice: refused };
}

const issue = (caseId: string, kind: InstrumentKind, data: Record<string, string> = {}) =>
  s.issue(caseId, kind, data);

async function issued(caseId: string, kind: InstrumentKind, data: Record<string, string> = {}) {
  const response = await issue(caseId, kind, data);
  expect(response.status, `${kind}: ${JSON.stringify(response.body)}`).toBe(201);
  const id = response.body.id;
  const read = (url: string) =>
    s.t.app.inject({ method: 'GET', url, headers: { cookie: s.cookies.officer1 } });
  const version = (await read(`/api/instruments/${id}/versions/1`)).json<{
    fields: Record<string, string>;
  }>();
  const text = await extractPdfText((await read(`/api/instruments/${id}/pdf`)).rawPayload);
  return { id, fields: version.fields, text };
}

describe('the party’s last days on paper', () => {
  it('prints 11 May for the statement and the hearing request, from the recorded service', async () => {
    const c = await noticedCase(largeFine, true);
    // Before the service was recorded there was no day to count from.
    expect(c.refusedBeforeNotice.status).toBe(422);
    expect(c.refusedBeforeNotice.body.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect(c.refusedBeforeNotice.body.details?.missing.map((m) => m.field)).toContain(
      'defenceDueOn',
    );

    const notice = await issued(c.id, 'penalty_prior_notice', facts);
    expect(notice.fields).toMatchObject({
      defenceDueOn: '2026年5月11日',
      hearingRequestDueOn: '2026年5月11日',
    });
    expect(notice.text).toContain('陈述、申辩的截止日期：2026年5月11日');
    expect(notice.text).toContain('要求听证的截止日期：2026年5月11日');
    expect(notice.text).toContain('可自收到本告知书之日起五个工作日内提出');
    expect(notice.text).toContain('有权要求举行听证');
    // Counted without the holiday, the period would have ended on 7 May.
    expect(notice.text).not.toContain('2026年5月7日');

    const hearing = await issued(c.id, 'hearing_rights_notice', facts);
    expect(hearing.text).toContain('要求听证的截止日期：2026年5月11日');

    // The dates cannot be typed over, and a corrected version still counts them from the record.
    const typed = await issue(c.id, 'penalty_prior_notice', {
      ...facts,
      defenceDueOn: '2026年5月20日',
    });
    expect(typed.status).toBe(400);
    expect(typed.body.code).toBe('INSTRUMENT_FIELD_UNKNOWN');
    const reissued = await s.t.app.inject({
      method: 'POST',
      url: `/api/instruments/${notice.id}/versions`,
      headers: { cookie: s.cookies.officer1 },
      payload: {
        reason: '补正当事人地址',
        data: { partyAddress: '枣庄市薛城区常庄街道光明路8号' },
      },
    });
    expect(reissued.statusCode, reissued.body).toBe(201);
  });

  it('prints the day the decision guard waits for, and the 决定书 states the waiver', async () => {
    const c = await noticedCase(warning, false);
    const notice = await issued(c.id, 'penalty_prior_notice', facts);
    expect(notice.text).toContain('陈述、申辩的截止日期：2026年5月11日');
    expect(notice.text).not.toContain('要求听证');

    const refused = await s.refused(
      c.id,
      'head1',
      'decide',
      { decidedOn: '2026-04-30' },
      'STATEMENT_PERIOD_OPEN',
    );
    expect(refused.details).toEqual({ dueOn: '2026-05-11' });
    // While the period runs and the party has not been heard, the 决定书 has nothing to say of it.
    const early = await issue(c.id, 'penalty_decision', facts);
    expect(early.body.details?.missing.map((m) => m.field)).toContain('defenceOutcome');

    await s.done(
      c.id,
      'officer1',
      'waive_defence',
      {
        waivedOn: '2026-04-30',
        expressedIn: 'waiver_statement',
        documentRef: '放弃陈述申辩声明书（当事人法定代表人周某签名）',
      },
      'notified',
    );
    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-04-30' }, 'decided');
    const decision = await issued(c.id, 'penalty_decision', facts);
    expect(decision.text).toContain(
      '当事人陈述、申辩及采纳情况：当事人于2026年4月30日签署书面声明，明确放弃陈述、申辩的权利',
    );
  });

  it('the 决定书 states that the period passed without a statement', async () => {
    const c = await noticedCase(warning, false);
    s.setToday('2026-05-12');
    await s.done(c.id, 'head1', 'decide', { decidedOn: '2026-05-12' }, 'decided');
    const decision = await issued(c.id, 'penalty_decision', facts);
    expect(decision.text).toContain(
      '当事人自收到行政处罚事先告知书之日起五个工作日内（至2026年5月11日）未提出陈述、申辩，视为放弃此权利。',
    );
  });

  it('a period running into a year without its holidays: listed as missing, refused by name', async () => {
    // Served on the last day of 2026; the five working days run into 2027, whose calendar is not
    // loaded here.
    const c = await noticedCase(warning, false, ['2026-12-30', '2026-12-31']);
    const list = await s.t.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}/instruments`,
      headers: { cookie: s.cookies.officer1 },
    });
    expect(list.statusCode, list.body).toBe(200);
    const notice = list
      .json<{ available: { kind: string; missing: { field: string }[] }[] }>()
      .available.find((a) => a.kind === 'penalty_prior_notice');
    expect(notice?.missing.map((m) => m.field)).toContain('defenceDueOn');

    const refused = await issue(c.id, 'penalty_prior_notice', facts);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CALENDAR_NOT_LOADED');
    expect(refused.body.message).toContain('2027');
    // A document that prints no period of the party's is not held up by the calendar.
    await issued(c.id, 'rectification_order', {
      ...facts,
      rectification: '立即停止经营超过保质期的食品',
      rectifyBy: '2027年1月8日前',
    });
  });
});
