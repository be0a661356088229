// Which limit applies to each disclosure deadline under each profile, from the profile data
// itself: stricter wins (薛城区's 20 working days for penalties give way to the national 7), a
// number beats 及时, and 《行政处罚法》 art.48's 3 working days bind every penalty withdrawal.
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, type ProfileId } from '../../config.ts';
import { resolveRules } from '../profile/profile.resolve.ts';
import { PROFILES } from '../profile/profiles/index.ts';
import { correctionAnswerRule, publicationRule, withdrawalRule } from './disclosure.rules.ts';

const rulesOf = (id: ProfileId) => resolveRules(PROFILES[id]);

describe('disclosure limits per profile', () => {
  const expected: Record<
    ProfileId,
    { penalty: string; permit: string; other: string; withdrawPermit: string; answer: string }
  > = {
    national: {
      penalty: '7个工作日内',
      permit: '7个工作日内',
      other: '20个工作日内',
      withdrawPermit: '及时',
      answer: '及时',
    },
    shanghai: {
      penalty: '7个工作日内',
      permit: '7个工作日内',
      other: '20个工作日内',
      withdrawPermit: '7个工作日内',
      answer: '5个工作日内',
    },
    // 曹办〔2020〕7号 item 7 sets 7 working days for every 行政执法决定.
    caoyang: {
      penalty: '7个工作日内',
      permit: '7个工作日内',
      other: '7个工作日内',
      withdrawPermit: '7个工作日内',
      answer: '5个工作日内',
    },
    nanchang: {
      penalty: '7个工作日内',
      permit: '7个工作日内',
      other: '20个工作日内',
      withdrawPermit: '3个工作日内',
      answer: '及时',
    },
    xuecheng: {
      penalty: '7个工作日内',
      permit: '7个工作日内',
      other: '20个工作日内',
      withdrawPermit: '及时',
      answer: '及时',
    },
  };

  for (const id of PROFILE_IDS) {
    it(`${id}: publication, withdrawal and correction limits`, () => {
      const rules = rulesOf(id);
      const want = expected[id];
      expect(publicationRule(rules, 'penalty').text).toBe(want.penalty);
      expect(publicationRule(rules, 'permit').text).toBe(want.permit);
      expect(publicationRule(rules, 'coercion').text).toBe(want.other);
      expect(publicationRule(rules, 'penalty').ruleKey).toBe('disclosure.penaltyDecision');
      expect(withdrawalRule(rules, 'permit').text).toBe(want.withdrawPermit);
      // Penalties: never laxer than 3 working days (处罚法 art.48 with art.85).
      expect(withdrawalRule(rules, 'penalty').text).toBe('3个工作日内');
      expect(correctionAnswerRule(rules).text).toBe(want.answer);
    });
  }

  it('keeps 薛城区’s own 20 working days visible as the declared, laxer value', () => {
    const rule = rulesOf('xuecheng').disclosure.penaltyDecision;
    expect(rule.declared?.value).toEqual({ mode: 'within', amount: 20, unit: 'working_days' });
    expect(rule.effective).toEqual({ mode: 'within', amount: 7, unit: 'working_days' });
  });

  it('names the statute as the source of the penalty withdrawal limit where it is stricter', () => {
    expect(withdrawalRule(rulesOf('shanghai'), 'penalty').ruleKey).toBe(
      'statute.penaltyDisclosureWithdrawal',
    );
    expect(withdrawalRule(rulesOf('nanchang'), 'penalty').ruleKey).toBe('disclosure.withdrawal');
  });
});
