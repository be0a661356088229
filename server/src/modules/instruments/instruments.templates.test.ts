// Every template fills from a case (plus what an officer types for fields no step records), and
// refuses with one stable code naming each missing field and the law requiring it.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { composeFields, missingFields, validateOverrides } from './instruments.compose.ts';
import { FIELD_LABELS } from './instruments.fields.ts';
import { fillFromCase } from './instruments.fill.ts';
import { checkPattern, formatDocNo } from './instruments.numbering.ts';
import { conditionsOf } from './instruments.statement.ts';
import { INSTRUMENT_KINDS, TEMPLATES } from './instruments.templates.ts';
import { OFFICER_DATA, sampleCase } from './instruments.test-support.ts';
import { chineseNumber } from './instruments.wording.ts';

const SYSTEM = { agencyName: '枣庄市薛城区市场监督管理局', issuedOn: '2026年6月25日' };
/** The sample case's notice proposes a fine open to a hearing. */
const HEARING = conditionsOf(sampleCase().details);

function refusalOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('templates', () => {
  it('cover the standard set of the issue (25 kinds), each titled, coded and cited', () => {
    expect(INSTRUMENT_KINDS).toHaveLength(25);
    const codes = new Set<string>();
    for (const kind of INSTRUMENT_KINDS) {
      const t = TEMPLATES[kind];
      expect(t.kind).toBe(kind);
      expect(t.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(codes.has(t.code)).toBe(false);
      codes.add(t.code);
      expect(t.required.length).toBeGreaterThan(0);
      for (const r of t.required)
        expect(r.source.type === 'law' || r.source.type === 'seed').toBe(true);
    }
  });

  it.each(INSTRUMENT_KINDS)(
    '%s fills from the case and the officer data, nothing missing',
    (kind) => {
      const template = TEMPLATES[kind];
      const fields = composeFields(
        template,
        fillFromCase(kind, sampleCase()),
        validateOverrides(template, OFFICER_DATA[kind] ?? {}),
        SYSTEM,
        HEARING,
      );
      expect(missingFields(template, fields, HEARING)).toEqual([]);
      expect(fields.agencyName).toBe(SYSTEM.agencyName);
    },
  );

  it('the 决定书 carries what 《行政处罚法》第五十九条 requires, from the case alone', () => {
    const fields = fillFromCase('penalty_decision', sampleCase());
    expect(fields.partyName).toBe('枣庄市薛城区味美餐饮有限公司');
    expect(fields.partyAddress).toContain('泰山路18号');
    expect(fields.evidence).toContain('现场笔录');
    expect(fields.penalty).toBe('罚款人民币50,000元；没收违法所得人民币1,200元');
    expect(fields.performance).toContain('十五日内');
    expect(fields.performance).toContain('百分之三');
    expect(fields.remedies).toContain('六十日内向枣庄市薛城区人民政府申请行政复议');
    expect(fields.remedies).toContain('六个月内依法向人民法院提起行政诉讼');
  });

  it('a 决定书 without facts and address is refused, naming each field and 第五十九条', () => {
    const template = TEMPLATES.penalty_decision;
    const c = sampleCase({ facts: null });
    c.parties = c.parties.map((p) => ({ ...p, address: null }));
    const error = refusalOf(() =>
      composeFields(template, fillFromCase('penalty_decision', c), {}, SYSTEM, HEARING),
    );
    expect(error.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect(error.status).toBe(422);
    expect(error.message).toContain(FIELD_LABELS.facts);
    expect(error.message).toContain(FIELD_LABELS.partyAddress);
    expect(error.message).toContain('《中华人民共和国行政处罚法》（2021年修订）第五十九条');
    const details = error.details as { missing: { field: string }[] };
    expect(details.missing.map((m) => m.field).sort()).toEqual(['facts', 'partyAddress']);
  });

  it('the officer may supply a missing field, and the refusal goes away', () => {
    const template = TEMPLATES.penalty_decision;
    const c = sampleCase({ facts: null });
    const fields = composeFields(
      template,
      fillFromCase('penalty_decision', c),
      validateOverrides(template, { facts: '经查，当事人经营超过保质期的牛肉。' }),
      SYSTEM,
      HEARING,
    );
    expect(fields.facts).toBe('经查，当事人经营超过保质期的牛肉。');
  });

  it('a transcript without the party signature or refusal is refused (薛城区 附件2 第十条)', () => {
    const template = TEMPLATES.on_site_transcript;
    const error = refusalOf(() =>
      composeFields(
        template,
        fillFromCase('on_site_transcript', sampleCase({ details: {} })),
        {},
        SYSTEM,
        new Set(),
      ),
    );
    expect(error.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect(error.message).toContain('薛政办发〔2017〕74号附件2 第十条');
    expect(error.message).toContain(FIELD_LABELS.partySignature);
  });

  it('refuses fields the instrument does not print and the system fields', () => {
    const template = TEMPLATES.penalty_decision;
    expect(refusalOf(() => validateOverrides(template, { hearingHost: 'x' })).code).toBe(
      'INSTRUMENT_FIELD_UNKNOWN',
    );
    expect(refusalOf(() => validateOverrides(template, { docNo: 'x' })).code).toBe(
      'INSTRUMENT_FIELD_UNKNOWN',
    );
    expect(refusalOf(() => validateOverrides(template, { nonsense: 'x' })).code).toBe(
      'INSTRUMENT_FIELD_UNKNOWN',
    );
  });

  it('a receipt names the decision it serves, from the instruments already issued', () => {
    const fields = fillFromCase('service_receipt', sampleCase());
    expect(fields.documentServed).toBe('行政处罚决定书（薛市监罚决〔2026〕1号）');
    expect(fields.serviceMethod).toBe('直接送达');
  });
});

describe('numbering', () => {
  it('formats the agency pattern', () => {
    expect(
      formatDocNo('{abbr}{code}〔{year}〕{seq}号', {
        abbr: '薛市监',
        code: '罚决',
        year: 2026,
        seq: 12,
      }),
    ).toBe('薛市监罚决〔2026〕12号');
  });
  it('refuses a pattern without year or sequence, or with unknown names', () => {
    expect(() => checkPattern('{abbr}{code}〔{year}〕号')).toThrow(AppError);
    expect(() => checkPattern('{abbr}{kind}〔{year}〕{seq}号')).toThrow(AppError);
    expect(() => checkPattern('{abbr}{code}〔{year}〕{seq}号')).not.toThrow();
  });
  it('writes periods in Chinese numerals', () => {
    expect([5, 10, 15, 60, 99].map(chineseNumber)).toEqual(['五', '十', '十五', '六十', '九十九']);
  });
});
