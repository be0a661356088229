// What a classification says besides the answer: unanswered questions, thresholds explained,
// several party types, and an agency's own catalogue entry cited with its 备案.
import { describe, expect, it } from 'vitest';
import type { EvaluatedEntry } from './review.catalog.ts';
import { classify, org, pen, person } from './review.catalog.test-support.ts';

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
