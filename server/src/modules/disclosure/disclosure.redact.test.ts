// Redaction, search normalisation and display periods as pure rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withIdCardCheck } from '../../shared/validators.ts';
import { addMonths, displayPeriodOf } from './disclosure.display.ts';
import {
  findPrivateData,
  maskPersonName,
  publicParties,
  redactText,
  REMOVED,
  type KnownParty,
} from './disclosure.redact.ts';
import { normaliseForSearch, parseQuery, selectPieces, tsqueryOf } from './disclosure.search.ts';

const person = (name: string, extra: Partial<KnownParty> = {}): KnownParty => ({
  kind: 'person',
  name,
  idCardNo: null,
  creditCode: null,
  legalRepresentative: null,
  address: null,
  phone: null,
  ...extra,
});

describe('masking natural persons', () => {
  it('keeps the surname, compound surnames included', () => {
    expect(maskPersonName('张三')).toBe('张某某');
    expect(maskPersonName('王芳')).toBe('王某某');
    expect(maskPersonName('李建华')).toBe('李某某');
    expect(maskPersonName('欧阳明月')).toBe('欧阳某某');
    expect(maskPersonName('张某某')).toBe('张某某');
  });

  it('shows organisations with name and credit code, persons masked', () => {
    expect(
      publicParties([
        person('赵六'),
        {
          kind: 'organisation',
          name: '某某公司',
          idCardNo: null,
          creditCode: '91350100M000100Y43',
          legalRepresentative: '钱七',
          address: null,
          phone: null,
        },
      ]),
    ).toEqual({ party: '赵某某、某某公司', partyCreditCode: '91350100M000100Y43' });
  });
});

describe('removing private data from text', () => {
  const idNo = withIdCardCheck('37040319800101123');

  it('removes the known party data wherever it appears, however it is written', () => {
    const party = person('张三', {
      idCardNo: idNo,
      phone: '13906329876',
      address: '幸福小区5号楼',
    });
    const text = `当事人张三（${idNo.slice(0, 6)} ${idNo.slice(6)}），电话139-0632-9876，住在幸福小区5号楼。张三的法定代表人周大海。`;
    const out = redactText(text, [
      party,
      { ...person('某公司'), kind: 'organisation', legalRepresentative: '周大海' },
    ]);
    expect(out).not.toMatch(/张三|9876|幸福小区|周大海|370403/);
    expect(out).toContain('张某某');
    expect(out).toContain('周某某');
    expect(out).toContain(REMOVED);
  });

  it('removes any identity, mobile, fixed-line number, e-mail and address by pattern', () => {
    const out = redactText(
      `王五身份证号：${idNo}，手机+86 159 1234 5678，座机0632-4412315，邮箱wang@example.com，家庭住址：薛城区某街1号，另一人身份证号码 110105 1949 1231 002X。`,
    );
    expect(findPrivateData(out)).toEqual([]);
    expect(out).not.toMatch(/0632-4412315|wang@example|某街1号|002X/);
  });

  it('leaves credit codes, credential numbers, amounts, dates and hashes alone', () => {
    const text =
      '统一社会信用代码91370403MA3F2Q8K1X，执法证号37040320001，罚款人民币20,000元，2026-10-20，' +
      '哈希 a1b2c3d4e5f60718293a4b5c6d7e8f90139012345678aa，文号薛市监罚〔2026〕15号';
    expect(redactText(text)).toBe(text);
  });

  it('never leaves an identity or mobile number in any text (property)', () => {
    const digits = (n: number) =>
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
        .map((d) => d.join(''));
    const idNumber = fc
      .tuple(
        fc.integer({ min: 110000, max: 659999 }),
        fc.integer({ min: 1940, max: 2010 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        digits(3),
      )
      .map(([area, y, m, d, seq]) =>
        withIdCardCheck(
          `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`,
        ),
      );
    const mobile = fc
      .tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9))
      .map(([a, b]) => a + b);
    const filler = fc.string({ maxLength: 8 }).map((s) => s.replace(/[0-9A-Za-z]/g, '某'));
    fc.assert(
      fc.property(fc.array(fc.oneof(idNumber, mobile, filler), { maxLength: 6 }), (parts) => {
        expect(findPrivateData(redactText(parts.join('，')))).toEqual([]);
      }),
    );
  });
});

describe('search normalisation', () => {
  it('makes every bracket style of a 文号 the same', () => {
    const forms = [
      '薛市监罚〔2026〕15号',
      '薛市监罚[2026]15号',
      '薛市监罚（2026）15号',
      '薛市监罚 ［２０２６］ 15号',
    ];
    expect(new Set(forms.map(normaliseForSearch)).size).toBe(1);
  });

  it('turns terms into lexemes: up to 4 characters exact, longer by a cover', () => {
    expect(parseQuery('王芳  食品')).toEqual([
      { text: '王芳', lexemes: ['王芳'], needsRecheck: false },
      { text: '食品', lexemes: ['食品'], needsRecheck: false },
    ]);
    expect(parseQuery('华 王某某 恒通物流').map((t) => [t.lexemes, t.needsRecheck])).toEqual([
      [['华'], false],
      [['王某某'], false],
      [['恒通物流'], false],
    ]);
    // Every character of a longer term lies in a piece; the last piece ends with the term.
    expect(parseQuery('薛综执罚[2025]1234号')[0]).toEqual({
      text: '薛综执罚〔2025〕1234号',
      lexemes: ['薛综执罚', '〔202', '5〕12', '234号'],
      needsRecheck: true,
    });
    expect(parseQuery('abcde')[0]?.lexemes).toEqual(['abcd', 'bcde']);
    expect(parseQuery('a b c d e f g')).toHaveLength(5);
  });

  it('asks for the pieces of a longer term the statistics do not call common', () => {
    const [docNo] = parseQuery('薛综执罚〔2025〕1234号');
    if (!docNo) throw new Error('no term');
    const common = new Map([
      ['薛综执罚', 0.33],
      ['综执罚〔', 0.33],
      ['执罚〔2', 0.33],
      ['罚〔20', 1],
      ['〔202', 1],
      ['2025', 0.4],
      ['025〕', 0.33],
      ['1234', 0.06],
    ]);
    const frequencies = { common, rareBelow: 0.05, rows: 1_000_000 };
    expect(selectPieces(docNo, frequencies).lexemes).toEqual(['25〕1', '5〕12', '〕123', '234号']);
    // All common: the rarest, until they leave about one row (three at most).
    const [law] = parseQuery('食品安全法');
    if (!law) throw new Error('no term');
    const lawFrequencies = {
      common: new Map([
        ['食品安全', 0.25],
        ['品安全法', 0.2],
      ]),
      rareBelow: 0.05,
      rows: 1_000_000,
    };
    expect(selectPieces(law, lawFrequencies).lexemes).toEqual(['品安全法', '食品安全']);
    expect(selectPieces(law, { ...lawFrequencies, rows: 3 }).lexemes).toEqual(['品安全法']);
    // No statistics: the cover; short terms are never changed.
    expect(selectPieces(docNo, { common: new Map(), rareBelow: 1, rows: 0 })).toBe(docNo);
    const [short] = parseQuery('王某某');
    if (!short) throw new Error('no term');
    expect(selectPieces(short, frequencies)).toBe(short);
  });

  it('quotes lexemes for tsquery', () => {
    expect(tsqueryOf(parseQuery('王某某 华'))).toBe("'王某某' & '华'");
    // 'b\ (three characters): the quote doubled, the backslash escaped.
    expect(tsqueryOf(parseQuery("'b\\"))).toBe("'''b\\\\'");
    expect(tsqueryOf([])).toBeNull();
  });
});

describe('display period', () => {
  it('adds calendar months, clamped to the month’s end', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', 36)).toBe('2029-03-31');
  });

  it('is 3 months for 通报批评 or a small fine, 3 years otherwise, none for other decisions', () => {
    const base = { category: 'penalty', publishedOn: '2026-10-22', smallFineLimitYuan: 200 };
    expect(displayPeriodOf({ ...base, penalty: { types: ['criticism'] } }).until).toBe(
      '2027-01-22',
    );
    expect(displayPeriodOf({ ...base, penalty: { types: ['fine'], fineYuan: 200 } }).until).toBe(
      '2027-01-22',
    );
    expect(displayPeriodOf({ ...base, penalty: { types: ['fine'], fineYuan: 201 } }).until).toBe(
      '2029-10-22',
    );
    const barred = displayPeriodOf({
      ...base,
      penalty: { types: ['fine', 'suspend_business'], fineYuan: 100 },
    });
    expect(barred).toMatchObject({ until: '2029-10-22', isEarlyEndBarred: true });
    expect(displayPeriodOf({ ...base, category: 'permit', penalty: null }).until).toBeNull();
  });
});
