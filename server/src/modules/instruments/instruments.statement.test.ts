// The party's rights in the documents: the 事先告知书 states the statement period and its last
// day (and the hearing's, where the proposal allows one), only from the case record; the 决定书
// says what became of the party's statement — adopted or not and why, waived, or the period
// passed — and cannot be made while the period runs and the party has not been heard.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { composeFields, validateOverrides } from './instruments.compose.ts';
import { FIELD_LABELS } from './instruments.fields.ts';
import { fillFromCase, type InstrumentCaseData } from './instruments.fill.ts';
import { conditionsOf, type PartyPeriods } from './instruments.statement.ts';
import { TEMPLATES, type InstrumentKind } from './instruments.templates.ts';
import { sampleCase } from './instruments.test-support.ts';

const SYSTEM = { agencyName: '枣庄市薛城区市场监督管理局', issuedOn: '2026年5月12日' };
const WD5 = { amount: 5, unit: 'working_days' } as const;

function compose(kind: InstrumentKind, c: InstrumentCaseData, data: Record<string, string> = {}) {
  const template = TEMPLATES[kind];
  return composeFields(
    template,
    fillFromCase(kind, c),
    validateOverrides(template, data),
    SYSTEM,
    conditionsOf(c.details),
  );
}

function refusalOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The sample case noticed on 30 April 2026 and decided, with the given periods. */
function noticed(
  notice: { isHearingEligible: boolean },
  periods: PartyPeriods | null,
  details: Record<string, unknown> = {},
): InstrumentCaseData {
  const base = sampleCase();
  const proposed = (base.details.notice as { proposed: unknown }).proposed;
  return sampleCase({
    state: 'notified',
    details: {
      transcripts: base.details.transcripts,
      decision: base.details.decision,
      notice: {
        servedOn: '2026-04-30',
        proposed,
        isHearingEligible: notice.isHearingEligible,
        hearingRequestDueOn: notice.isHearingEligible ? '2026-05-11' : null,
      },
      ...details,
    },
    partyPeriods: periods,
  });
}

const running = (hasLapsed: boolean): PartyPeriods => ({
  defence: { period: WD5, dueOn: '2026-05-11', hasLapsed },
  hearing: null,
});

describe('事先告知书: the party’s rights with their last days', () => {
  it('states the statement and hearing periods and their last days, from the periods given', () => {
    const c = noticed(
      { isHearingEligible: true },
      {
        defence: { period: WD5, dueOn: '2026-05-11', hasLapsed: false },
        hearing: { period: WD5, dueOn: '2026-05-11', hasLapsed: false },
      },
    );
    const fields = compose('penalty_prior_notice', c);
    expect(fields.rights).toBe(
      '你（单位）有权进行陈述和申辩，可自收到本告知书之日起五个工作日内提出；逾期未提出的，视为放弃此权利。',
    );
    expect(fields.defenceDueOn).toBe('2026年5月11日');
    expect(fields.hearingRights).toContain(
      '有权要求举行听证，可自收到本告知书之日起五个工作日内提出',
    );
    expect(fields.hearingRequestDueOn).toBe('2026年5月11日');
  });

  it('prints no hearing where the proposal allows none, and does not require one', () => {
    const fields = compose(
      'penalty_prior_notice',
      noticed({ isHearingEligible: false }, running(false)),
    );
    expect(fields.defenceDueOn).toBe('2026年5月11日');
    expect(fields.hearingRights).toBeUndefined();
    expect(fields.hearingRequestDueOn).toBeUndefined();
  });

  it('requires the hearing where the proposal allows one (第六十三条)', () => {
    // A hearing-eligible notice whose hearing period is not known: the notice cannot be made.
    const c = noticed({ isHearingEligible: true }, running(false));
    const error = refusalOf(() => compose('penalty_prior_notice', c));
    expect(error.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect((error.details as { missing: { field: string }[] }).missing.map((m) => m.field)).toEqual(
      ['hearingRights', 'hearingRequestDueOn'],
    );
    expect(error.message).toContain('第六十三条');
  });

  it('cannot be made before the notice’s service is recorded, nor its dates typed', () => {
    const c = sampleCase({ state: 'investigating', details: {}, partyPeriods: null });
    const data = {
      partyAddress: '枣庄市薛城区临城街道泰山路18号',
      proposed: '罚款人民币5,000元',
      reasons: '当事人经营超过保质期的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    };
    const error = refusalOf(() => compose('penalty_prior_notice', c, data));
    expect(error.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect((error.details as { missing: { field: string }[] }).missing.map((m) => m.field)).toEqual(
      ['defenceDueOn'],
    );
    expect(error.message).toContain(FIELD_LABELS.defenceDueOn);
    expect(error.message).toContain('《市场监督管理行政处罚程序规定》第五十七条');
    expect(error.message).toContain('由案件记录生成');

    const typed = refusalOf(() =>
      compose('penalty_prior_notice', c, { ...data, defenceDueOn: '2026年5月11日' }),
    );
    expect(typed.code).toBe('INSTRUMENT_FIELD_UNKNOWN');
    expect(typed.message).toContain('陈述、申辩的截止日期');
    expect(
      refusalOf(() => validateOverrides(TEMPLATES.hearing_rights_notice, { hearingRights: 'x' }))
        .code,
    ).toBe('INSTRUMENT_FIELD_UNKNOWN');
  });
});

describe('决定书: what became of the party’s statement', () => {
  const outcome = (c: InstrumentCaseData) => compose('penalty_decision', c).defenceOutcome;

  it('states each defence with the review and whether it was adopted', () => {
    const defence = (isAccepted: boolean) => ({
      receivedOn: '2026-05-06',
      content: '初次违法，请求从轻处罚',
      review: '经复核，当事人系初次违法且及时改正，从轻处罚。',
      isAccepted,
    });
    const adopted = outcome(
      noticed({ isHearingEligible: false }, running(false), { defences: [defence(true)] }),
    );
    expect(adopted).toBe(
      '当事人于2026年5月6日提出陈述、申辩：初次违法，请求从轻处罚。本机关经复核，予以采纳。' +
        '复核意见：经复核，当事人系初次违法且及时改正，从轻处罚。',
    );
    const refused = outcome(
      noticed({ isHearingEligible: false }, running(false), { defences: [defence(false)] }),
    );
    expect(refused).toContain('本机关经复核，不予采纳。');
  });

  it('states the party’s express waiver, and how it was given', () => {
    const waiver = {
      waivedOn: '2026-04-30',
      expressedIn: 'waiver_statement',
      documentRef: '放弃陈述申辩声明书（当事人法定代表人孙某签名）',
    };
    expect(
      outcome(noticed({ isHearingEligible: false }, running(false), { defenceWaiver: waiver })),
    ).toBe(
      '当事人于2026年4月30日签署书面声明，明确放弃陈述、申辩的权利（放弃陈述申辩声明书（当事人法定代表人孙某签名））。',
    );
  });

  it('a waiver given in a 笔录 is what the 陈述申辩笔录 records', () => {
    const c = noticed({ isHearingEligible: false }, running(false), {
      defenceWaiver: {
        waivedOn: '2026-04-30',
        expressedIn: 'waiver_transcript',
        documentRef: '询问笔录第3页',
      },
    });
    const fields = compose('defence_transcript', c, {
      time: '2026年4月30日',
      place: '区市场监管局',
      partySignature: '当事人已签名',
    });
    expect(fields.defenceContent).toBe('当事人于2026年4月30日明确表示放弃陈述、申辩的权利。');
    expect(compose('penalty_decision', c).defenceOutcome).toContain('在笔录中签名确认');
  });

  it('states that the period passed without a statement, and without a hearing request', () => {
    expect(outcome(noticed({ isHearingEligible: false }, running(true)))).toBe(
      '当事人自收到行政处罚事先告知书之日起五个工作日内（至2026年5月11日）未提出陈述、申辩，视为放弃此权利。',
    );
    const both = noticed(
      { isHearingEligible: true },
      {
        defence: { period: WD5, dueOn: '2026-05-11', hasLapsed: true },
        hearing: { period: WD5, dueOn: '2026-05-11', hasLapsed: true },
      },
    );
    expect(outcome(both)).toContain('当事人在规定期限内（至2026年5月11日）未要求听证。');
  });

  it('cannot be made while the period runs and the party has not been heard', () => {
    const error = refusalOf(() =>
      compose('penalty_decision', noticed({ isHearingEligible: false }, running(false))),
    );
    expect(error.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect((error.details as { missing: { field: string }[] }).missing.map((m) => m.field)).toEqual(
      ['defenceOutcome'],
    );
    expect(error.message).toContain('《市场监督管理行政处罚程序规定》第六十二条');
  });
});
