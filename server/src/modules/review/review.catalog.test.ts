// Table-driven: for each of the five profiles, proposed decisions classified major or not against
// the profile's effective catalogue (its own entries merged with the national ones), each answer
// checked for the entry that matched and the document and article it cites.
import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../../config.ts';
import { PROFILES } from '../profile/profiles/index.ts';
import { resolveRules } from '../profile/profile.resolve.ts';
import {
  classifyDecision,
  describeDecision,
  type CaseForClassification,
  type EvaluatedEntry,
} from './review.catalog.ts';

const org = [{ kind: 'organisation' as const }];
const person = [{ kind: 'person' as const }];

function pen(fineYuan: number | undefined, types: string[] = ['fine'], isMitigated = false) {
  return {
    types,
    ...(fineYuan === undefined ? {} : { fineYuan }),
    isMitigated,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    reasons: '事实清楚，证据确凿。',
  };
}

interface Row {
  name: string;
  c?: Partial<CaseForClassification>;
  proposal: unknown;
  declared?: Record<string, boolean>;
  /** Codes that must match; [] means "not major". */
  major: string[];
  /** A passage every matched citation must contain (document and article). */
  cites?: string;
}

function classify(profile: ProfileId, row: Row, extra: EvaluatedEntry[] = []) {
  const rules = resolveRules(PROFILES[profile]);
  const c: CaseForClassification = {
    kind: 'penalty',
    procedure: 'ordinary',
    details: {},
    parties: org,
    ...row.c,
  };
  const facts = describeDecision(c, row.proposal, row.declared ?? {});
  return classifyDecision(
    facts,
    [...rules.majorCatalog.entries.effective, ...extra],
    rules.profile,
  );
}

function runTable(profile: ProfileId, rows: Row[]) {
  describe(`profile ${profile}`, () => {
    it('has at least ten decisions in its table', () =>
      expect(rows.length).toBeGreaterThanOrEqual(10));
    for (const row of rows) {
      it(`${row.major.length > 0 ? 'major' : 'not major'}: ${row.name}`, () => {
        const result = classify(profile, row);
        expect(result.matched.map((m) => m.code).sort()).toEqual([...row.major].sort());
        expect(result.isMajor).toBe(row.major.length > 0);
        expect(result.profile.id).toBe(profile);
        if (result.isMajor) {
          expect(result.summary).toMatch(/^属于重大执法决定/);
          for (const m of result.matched) {
            expect(m.citation).toContain(row.cites ?? '');
            expect(result.summary).toContain(m.citation);
            expect(m.conditions.every((x) => x.holds)).toBe(true);
          }
        } else {
          expect(result.summary).toContain(`已对照${PROFILES[profile].name}重大执法决定目录`);
          expect(result.checked.length).toBeGreaterThan(0);
          expect(result.checked.every((e) => !e.isMatched)).toBe(true);
        }
      });
    }
  });
}

const XC = '薛政办发〔2017〕74号 附件3';
runTable('xuecheng', [
  {
    name: '对组织罚款五万元（标准含本数）',
    proposal: pen(50000),
    major: ['xc-penalty-fine'],
    cites: `${XC} 第五条`,
  },
  { name: '对组织罚款 49,999.99 元', proposal: pen(49999.99), major: [] },
  {
    name: '对公民罚款五千元',
    c: { parties: person },
    proposal: pen(5000),
    major: ['xc-penalty-fine'],
    cites: `${XC} 第五条`,
  },
  { name: '对公民罚款 4,999 元', c: { parties: person }, proposal: pen(4999), major: [] },
  {
    name: '对组织吊销许可证',
    proposal: pen(undefined, ['revoke_permit']),
    major: ['xc-penalty-revoke'],
    cites: `${XC} 第五条`,
  },
  {
    name: '对公民吊销许可证（薛城区只列组织）',
    c: { parties: person },
    proposal: pen(undefined, ['revoke_permit']),
    major: [],
  },
  {
    name: '责令停产停业',
    c: { parties: person },
    proposal: pen(undefined, ['suspend_business']),
    major: ['xc-penalty-suspend'],
    cites: `${XC} 第五条`,
  },
  {
    name: '减轻处罚（薛城区目录不列）',
    c: { parties: person },
    proposal: pen(1000, ['fine'], true),
    major: [],
  },
  {
    name: '认定对社会公共利益有重大影响',
    proposal: pen(2000),
    declared: { other_major_impact: true },
    major: ['xc-penalty-other'],
    cites: `${XC} 第五条`,
  },
  {
    name: '扣押财物价值十万元',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seize'], seizedValueYuan: 100000 },
    major: ['xc-coercion-seizure'],
    cites: `${XC} 第七条`,
  },
  {
    name: '查封 299 平方米、价值 99,999 元',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seal'], seizedAreaSquareMetres: 299, seizedValueYuan: 99999 },
    major: [],
  },
  {
    name: '冻结存款',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['freeze'] },
    major: ['xc-coercion-freeze-transfer'],
    cites: `${XC} 第七条`,
  },
  {
    name: '有限自然资源开发利用的许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: {},
    declared: { limited_resources_or_market_access: true },
    major: ['xc-permit-limited-resources'],
    cites: `${XC} 第六条`,
  },
  {
    name: '经过听证作出（国家指导意见，合并适用）',
    c: { details: { hearing: { heldOn: '2026-03-20' } } },
    proposal: pen(20000),
    major: ['n-after-hearing'],
    cites: '国办发〔2018〕118号 四（十二）',
  },
]);

const NC = '南昌市“三项制度”实施方案（2019） 二（三）12';
runTable('nanchang', [
  {
    name: '一般程序作出的警告',
    proposal: pen(undefined, ['warning']),
    major: ['nc-penalty-ordinary'],
    cites: `${NC}（1）`,
  },
  {
    name: '一般程序对公民罚款 100 元',
    c: { parties: person },
    proposal: pen(100),
    major: ['nc-penalty-ordinary'],
    cites: `${NC}（1）`,
  },
  {
    name: '简易程序罚款 200 元',
    c: { procedure: 'summary', parties: person },
    proposal: pen(200),
    major: [],
  },
  {
    name: '不予行政许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitAction: 'deny' },
    major: ['nc-permit-refusal'],
    cites: `${NC}（2）`,
  },
  {
    name: '以人民政府名义作出的许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: {},
    declared: { in_government_name: true },
    major: ['nc-permit-government-name'],
    cites: `${NC}（2）`,
  },
  { name: '准予一般许可', c: { kind: 'permit', procedure: 'ordinary' }, proposal: {}, major: [] },
  {
    name: '扣押财物（不论价值）',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seize'], seizedValueYuan: 10 },
    major: ['nc-coercion-acts'],
    cites: `${NC}（3）`,
  },
  {
    name: '申请人民法院强制执行',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['court_enforcement'], isCoercionExecution: true },
    major: ['nc-coercion-acts'],
    cites: `${NC}（3）`,
  },
  {
    name: '立即代履行',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['immediate_substitute_performance'], isCoercionExecution: true },
    major: [],
  },
  {
    name: '国有土地上房屋征收',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_state_land' },
    major: ['nc-expropriation-house'],
    cites: `${NC}（4）`,
  },
  {
    name: '征收补偿方案分歧较大',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: {},
    declared: { many_parties_or_disputed_compensation: true },
    major: ['nc-expropriation-disputed'],
    cites: `${NC}（4）`,
  },
  {
    name: '一般征收',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: {},
    major: [],
  },
]);

const SH = '沪府办发〔2019〕15号 附件3 二';
const shanghaiRows: Row[] = [
  {
    name: '符合听证条件的罚款（告知时认定）',
    c: { details: { notice: { isHearingEligible: true } } },
    proposal: pen(100000),
    major: ['sh-penalty-hearing'],
    cites: `${SH}（一）`,
  },
  {
    name: '不符合听证条件的罚款',
    c: { details: { notice: { isHearingEligible: false } } },
    proposal: pen(100000),
    major: [],
  },
  {
    name: '吊销许可证（可以要求听证的种类）',
    proposal: pen(undefined, ['revoke_permit']),
    major: ['sh-penalty-hearing'],
    cites: `${SH}（一）`,
  },
  {
    name: '减轻处罚',
    c: { parties: person },
    proposal: pen(300, ['fine'], true),
    major: ['sh-penalty-mitigated'],
    cites: `${SH}（二）`,
  },
  {
    name: '简易程序警告',
    c: { procedure: 'summary', parties: person },
    proposal: pen(undefined, ['warning']),
    major: [],
  },
  {
    name: '撤销行政许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitAction: 'revoke' },
    major: ['sh-permit-change'],
    cites: `${SH}（三）`,
  },
  {
    name: '为公共利益变更许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitActions: ['change_for_public_interest'] },
    major: ['sh-permit-change'],
    cites: `${SH}（三）`,
  },
  {
    name: '不予许可（上海目录不列）',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitAction: 'deny' },
    major: [],
  },
  {
    name: '强制拆除的强制执行决定',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['demolition'], isCoercionExecution: true },
    major: ['sh-coercion-execution'],
    cites: `${SH}（四）`,
  },
  {
    name: '加处罚款的强制执行',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['late_payment_penalty'], isCoercionExecution: true },
    major: [],
  },
  {
    name: '扣押财物（强制措施，不是强制执行）',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seize'], seizedValueYuan: 500000 },
    major: [],
  },
  {
    name: '国有土地上房屋征收决定',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_state_land' },
    major: ['sh-house-expropriation'],
    cites: `${SH}（五）`,
  },
  {
    name: '集体土地上房屋征收（上海目录不列）',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_collective_land' },
    major: [],
  },
  {
    name: '行政执法单位认定的其他重大决定',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: {},
    declared: { agency_designated: true },
    major: ['sh-agency-designated'],
    cites: `${SH}（六）`,
  },
];
runTable('shanghai', shanghaiRows);
// 曹杨新村 follows the Shanghai catalogue, cited to the Shanghai document it inherits.
runTable('caoyang', shanghaiRows);

const N = '国办发〔2018〕118号 四（十二）';
runTable('national', [
  { name: '一般罚款', proposal: pen(100000), major: [] },
  { name: '吊销许可证（国家只列原则）', proposal: pen(undefined, ['revoke_permit']), major: [] },
  {
    name: '涉及重大公共利益',
    proposal: pen(1000),
    declared: { major_public_interest: true },
    major: ['n-major-public-interest'],
    cites: N,
  },
  {
    name: '可能引发社会风险',
    proposal: pen(1000),
    declared: { major_social_impact_or_risk: true },
    major: ['n-major-social-impact'],
    cites: N,
  },
  {
    name: '关系第三人重大权益',
    proposal: pen(1000),
    declared: { major_rights: true },
    major: ['n-major-rights'],
    cites: N,
  },
  {
    name: '经过听证程序',
    c: { details: { hearing: { heldOn: '2026-03-20' } } },
    proposal: pen(1000),
    major: ['n-after-hearing'],
    cites: N,
  },
  {
    name: '申请了听证但尚未举行',
    c: { details: { hearing: { requestedOn: '2026-03-09' } } },
    proposal: pen(1000),
    major: [],
  },
  {
    name: '疑难复杂、涉及多个法律关系',
    proposal: pen(1000),
    declared: { complex_or_multiple_legal_relations: true },
    major: ['n-complex'],
    cites: N,
  },
  {
    name: '认定为否的原则性事实',
    proposal: pen(1000),
    declared: { major_public_interest: false, major_rights: false },
    major: [],
  },
  {
    name: '强制拆除（国家只列原则）',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['demolition'], isCoercionExecution: true },
    major: [],
  },
  {
    name: '房屋征收（国家只列原则）',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_state_land' },
    major: [],
  },
]);

describe('what a classification says besides the answer', () => {
  it('lists the questions nobody answered, and drops them once answered', () => {
    const unanswered = classify('national', { name: '', proposal: pen(1000), major: [] });
    expect(unanswered.unansweredFacts.map((f) => f.fact)).toContain('major_public_interest');
    const answered = classify('national', {
      name: '',
      proposal: pen(1000),
      declared: { major_public_interest: false },
      major: [],
    });
    expect(answered.unansweredFacts.map((f) => f.fact)).not.toContain('major_public_interest');
  });

  it('explains a fine threshold by party type', () => {
    const result = classify('xuecheng', { name: '', proposal: pen(20000), major: [] });
    const fine = result.checked.find((e) => e.code === 'xc-penalty-fine');
    expect(fine?.isMatched).toBe(false);
    expect(fine?.conditions[0]?.explanation).toBe(
      '罚款 20000 元（标准：公民 5000 元以上，法人或者其他组织 50000 元以上；当事人为法人或者其他组织）',
    );
  });

  it('applies the lowest threshold when a citizen and an organisation are both parties', () => {
    const result = classify('xuecheng', {
      name: '',
      c: { parties: [...org, ...person] },
      proposal: pen(6000),
      major: [],
    });
    expect(result.matched.map((m) => m.code)).toEqual(['xc-penalty-fine']);
  });

  it('cites an agency extension with its 备案', () => {
    const extension: EvaluatedEntry = {
      code: 'market-food-recall',
      label: '责令召回食品',
      decisionKind: 'penalty',
      when: [{ type: 'fact', fact: 'other_major_impact' }],
      source: {
        type: 'agency_extension',
        extensionId: '00000000-0000-4000-8000-000000000001',
        reason: '食品安全风险大',
        filing: {
          authority: '区政府法制办公室',
          filingNo: '薛法备〔2026〕3号',
          filedOn: '2026-10-01',
        },
      },
    };
    const result = classify(
      'nanchang',
      {
        name: '',
        c: { procedure: 'summary' },
        proposal: pen(100),
        declared: { other_major_impact: true },
        major: [],
      },
      [extension],
    );
    expect(result.matched.map((m) => m.code)).toEqual(['market-food-recall']);
    expect(result.matched[0]?.citation).toContain('备案号 薛法备〔2026〕3号');
  });
});
