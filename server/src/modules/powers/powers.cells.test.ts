import { describe, expect, it } from 'vitest';
import {
  parseBenchmarks,
  parseCategory,
  parseChineseNumber,
  parseDuration,
  parseLegalBasis,
  parseList,
  parseProcedureSteps,
  parseRatio,
  parseYuanRange,
  percentInText,
} from './powers.cells.ts';
import { powerContentIssues, type PowerContent } from './powers.rules.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['124', 124],
    ['一百二十四', 124],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零二十', 1020],
    ['三十', 30],
  ])('%s → %d', (text, value) => expect(parseChineseNumber(text)).toBe(value));

  it('refuses what is not a number', () => {
    expect(parseChineseNumber('十五日')).toBeNull();
    expect(parseChineseNumber('')).toBeNull();
  });
});

describe('parseCategory', () => {
  it('reads the short and the full Chinese names and the code', () => {
    expect(parseCategory('处罚')).toEqual({ ok: true, value: 'penalty' });
    expect(parseCategory(' 行政许可 ')).toEqual({ ok: true, value: 'permit' });
    expect(parseCategory('征用')).toEqual({ ok: true, value: 'requisition' });
    expect(parseCategory('inspection')).toEqual({ ok: true, value: 'inspection' });
  });

  it('names the allowed values when it cannot read one', () => {
    const result = parseCategory('确认');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons[0]).toContain('处罚、许可、强制、检查、征收、征用、其他');
  });
});

describe('parseLegalBasis', () => {
  it('reads several laws and several articles of one law', () => {
    const result = parseLegalBasis(
      '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项、第一百二十六条；\n《中华人民共和国行政处罚法》第 28 条',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { law: '中华人民共和国食品安全法', article: '第一百二十四条第一款第（五）项' },
        { law: '中华人民共和国食品安全法', article: '第一百二十六条' },
        { law: '中华人民共和国行政处罚法', article: '第28条' },
      ],
    });
  });

  it('accepts 条之一 and half-width brackets', () => {
    expect(parseLegalBasis('《中华人民共和国刑法》第一百三十三条之一第(二)项').ok).toBe(true);
  });

  it('reports every bad entry, not just the first', () => {
    const result = parseLegalBasis(
      '食品安全法第一百二十四条；《产品质量法》；《价格法》第四十二款',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[0]).toContain('书名号');
    expect(result.reasons[1]).toContain('缺少条款');
    expect(result.reasons[2]).toContain('“第四十二款”格式不正确');
  });

  it('refuses an empty cell', () => {
    expect(parseLegalBasis('  ').ok).toBe(false);
  });
});

describe('parseDuration', () => {
  it.each([
    ['20个工作日', { amount: 20, unit: 'working_days' }],
    ['二十个工作日', { amount: 20, unit: 'working_days' }],
    ['90日', { amount: 90, unit: 'days' }],
    ['60 天', { amount: 60, unit: 'days' }],
    ['30日内', { amount: 30, unit: 'days' }],
    ['即办', { amount: 0, unit: 'working_days' }],
  ])('%s', (text, value) => expect(parseDuration(text)).toEqual({ ok: true, value }));

  it('treats an empty cell as not given', () => {
    expect(parseDuration('')).toEqual({ ok: true, value: null });
  });

  it('asks for months to be converted, and refuses nonsense', () => {
    const months = parseDuration('三个月');
    expect(months.ok === false && months.reasons[0]).toContain('换算');
    expect(parseDuration('尽快').ok).toBe(false);
  });
});

describe('parseProcedureSteps', () => {
  it('splits on arrows and line breaks and reads bracketed time limits', () => {
    const result = parseProcedureSteps(
      '立案（7个工作日）→调查取证->告知（听证告知）\n决定→送达(7日)',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { name: '立案', timeLimit: { amount: 7, unit: 'working_days' } },
        { name: '调查取证' },
        { name: '告知（听证告知）' },
        { name: '决定' },
        { name: '送达', timeLimit: { amount: 7, unit: 'days' } },
      ],
    });
  });

  it('allows an empty cell', () => {
    expect(parseProcedureSteps('')).toEqual({ ok: true, value: [] });
  });
});

describe('parseYuanRange', () => {
  it.each([
    ['0-5000', { minYuan: 0, maxYuan: 5000 }],
    ['5000～2万', { minYuan: 5000, maxYuan: 20000 }],
    ['1.5万至3万元', { minYuan: 15000, maxYuan: 30000 }],
    ['50,000-100,000', { minYuan: 50000, maxYuan: 100000 }],
    ['5万以上', { minYuan: 50000 }],
    ['2000以下', { minYuan: 0, maxYuan: 2000 }],
    ['200', { minYuan: 200, maxYuan: 200 }],
    ['', {}],
    ['无', {}],
  ])('%s', (text, value) => expect(parseYuanRange(text)).toEqual({ ok: true, value }));

  it('refuses what is not an amount', () => {
    expect(parseYuanRange('若干').ok).toBe(false);
    expect(parseYuanRange('1-2-3').ok).toBe(false);
  });
});

describe('parseBenchmarks', () => {
  it('reads one benchmark per line with an optional fourth part', () => {
    const result = parseBenchmarks(
      '轻微|首次违法|0-5000\n严重|货值金额一万元以上|无|货值金额十倍以上二十倍以下罚款',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { circumstance: '轻微', description: '首次违法', penalty: { minYuan: 0, maxYuan: 5000 } },
        {
          circumstance: '严重',
          description: '货值金额一万元以上',
          penalty: { otherMeasures: '货值金额十倍以上二十倍以下罚款' },
        },
      ],
    });
  });

  it('numbers its complaints by line', () => {
    const result = parseBenchmarks('轻微|首次违法\n一般||许多\n严重|情节严重|');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toEqual([
      expect.stringContaining('第1条应为'),
      '第2条缺少适用条件',
      expect.stringContaining('第2条罚款金额“许多”格式不正确'),
      '第3条罚款金额与其他处理不能都为空',
    ]);
  });
});

describe('parseList and parseRatio', () => {
  it('splits materials and drops their numbering', () => {
    expect(parseList('1. 申请书\n2、营业执照；（3）健康证明')).toEqual([
      '申请书',
      '营业执照',
      '健康证明',
    ]);
  });

  it('keeps the wording of a ratio and reads a single percentage', () => {
    expect(parseRatio('不低于5%')).toEqual({ ok: true, value: { percent: 5, text: '不低于5%' } });
    expect(parseRatio('3%-5%')).toEqual({ ok: true, value: { percent: null, text: '3%-5%' } });
    expect(parseRatio('120%').ok).toBe(false);
    expect(parseRatio('').ok).toBe(false);
    expect(percentInText('抽取12.345％')).toBe(12.35);
  });
});

describe('powerContentIssues', () => {
  const base: PowerContent = {
    name: '测试事项',
    category: 'penalty',
    handlingUnitId: null,
    legalBasis: [{ law: '中华人民共和国价格法', article: '第四十二条' }],
    procedureSteps: [],
    timeLimit: {},
    discretionBenchmarks: [],
    serviceGuide: null,
    lawAreas: [],
  };

  it('accepts a plain penalty', () => {
    expect(powerContentIssues(base)).toEqual([]);
  });

  it('requires a service guide and a time limit for permits', () => {
    expect(powerContentIssues({ ...base, category: 'permit' }).map((i) => i.field)).toEqual([
      'serviceGuide',
      'timeLimit',
    ]);
  });

  it('refuses a promise longer than the statutory limit', () => {
    const issues = powerContentIssues({
      ...base,
      timeLimit: {
        statutory: { amount: 20, unit: 'days' },
        promised: { amount: 25, unit: 'working_days' },
      },
    });
    expect(issues).toEqual([{ field: 'timeLimit.promised', reason: '承诺时限不能超过法定时限' }]);
    // 15 working days may or may not exceed 20 days: that needs a calendar, so it passes.
    expect(
      powerContentIssues({
        ...base,
        timeLimit: {
          statutory: { amount: 15, unit: 'working_days' },
          promised: { amount: 20, unit: 'days' },
        },
      }),
    ).toEqual([]);
  });

  it('refuses inverted ranges, repeated circumstances and repeated bases', () => {
    const issues = powerContentIssues({
      ...base,
      legalBasis: [...base.legalBasis, ...base.legalBasis],
      discretionBenchmarks: [
        { circumstance: '轻微', description: 'a', penalty: { minYuan: 5000, maxYuan: 200 } },
        { circumstance: '轻微', description: 'b', penalty: {} },
      ],
    });
    expect(issues.map((i) => i.field)).toEqual([
      'legalBasis.1',
      'discretionBenchmarks.0.penalty',
      'discretionBenchmarks.1.circumstance',
    ]);
    expect(issues[1]?.reason).toBe('第1条裁量基准的最低罚款（5000元）高于最高罚款（200元）');
  });
});
