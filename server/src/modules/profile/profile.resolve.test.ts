// Stricter wins, and what an override may do: pure rules, no database.
import { describe, expect, it } from 'vitest';
import { PROFILES } from './profiles/index.ts';
import {
  judgeListOverride,
  judgeScalarOverride,
  resolveBase,
  resolveRules,
  type ActiveOverride,
} from './profile.resolve.ts';
import { compareDeadlines, compareDurations, RULE_SPECS, type RuleKey } from './profile.rules.ts';
import { activeOverrides } from './profile.service.ts';
import type { StoredOverride } from './profile.repository.ts';

const wd = (amount: number) => ({ mode: 'within' as const, amount, unit: 'working_days' as const });
const days = (amount: number) => ({ mode: 'within' as const, amount, unit: 'days' as const });
const hours = (amount: number) => ({ mode: 'within' as const, amount, unit: 'hours' as const });
const PROMPTLY = { mode: 'promptly' as const };

function override(
  rule: RuleKey,
  value: unknown,
  kind: 'tighten' | 'loosen' = 'tighten',
): ActiveOverride {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    rule,
    value,
    kind,
    reason: '测试理由',
    actorName: '测试',
    createdAt: '2026-11-21T00:00:00.000Z',
  };
}

function judge(profile: keyof typeof PROFILES, rule: RuleKey, value: unknown) {
  const { spec, base } = resolveBase(PROFILES[profile], rule);
  if (spec.shape === 'scalar' && base.shape === 'scalar')
    return judgeScalarOverride(spec, base, value);
  if (spec.shape === 'list' && base.shape === 'list') return judgeListOverride(spec, base, value);
  throw new Error('shape mismatch');
}

describe('comparing periods', () => {
  it('orders periods of the same unit by length', () => {
    expect(
      compareDurations({ amount: 7, unit: 'working_days' }, { amount: 20, unit: 'working_days' }),
    ).toBe('stricter');
    expect(
      compareDurations({ amount: 20, unit: 'working_days' }, { amount: 7, unit: 'working_days' }),
    ).toBe('laxer');
    expect(compareDurations({ amount: 5, unit: 'days' }, { amount: 5, unit: 'days' })).toBe(
      'equal',
    );
  });

  it('compares across units only where every calendar agrees', () => {
    // 7 calendar days never last longer than 7 working days.
    expect(compareDurations({ amount: 7, unit: 'days' }, { amount: 7, unit: 'working_days' })).toBe(
      'stricter',
    );
    expect(
      compareDurations({ amount: 20, unit: 'working_days' }, { amount: 7, unit: 'days' }),
    ).toBe('laxer');
    // 5 working days may be shorter or longer than 7 calendar days (holidays decide).
    expect(compareDurations({ amount: 5, unit: 'working_days' }, { amount: 7, unit: 'days' })).toBe(
      'incomparable',
    );
    expect(compareDurations({ amount: 24, unit: 'hours' }, { amount: 1, unit: 'days' })).toBe(
      'equal',
    );
    expect(compareDurations({ amount: 6, unit: 'months' }, { amount: 180, unit: 'days' })).toBe(
      'incomparable',
    );
    expect(compareDurations({ amount: 6, unit: 'months' }, { amount: 150, unit: 'days' })).toBe(
      'laxer',
    );
  });

  it('treats a number as stricter than 及时, and never compares two different non-numeric limits', () => {
    expect(compareDeadlines(wd(7), PROMPTLY)).toBe('stricter');
    expect(compareDeadlines(PROMPTLY, wd(3))).toBe('laxer');
    expect(compareDeadlines(PROMPTLY, PROMPTLY)).toBe('equal');
    expect(compareDeadlines(PROMPTLY, { mode: 'per_archive_rules' })).toBe('incomparable');
  });

  it('every shipped local value is comparable with the national one', () => {
    for (const id of ['shanghai', 'caoyang', 'nanchang', 'xuecheng'] as const) {
      for (const { key, section } of RULE_SPECS) {
        if (section === 'statute') continue;
        const { base } = resolveBase(PROFILES[id], key);
        expect(base.note ?? '', `${id} ${key}`).not.toContain('无法比较');
      }
    }
  });
});

describe('stricter wins', () => {
  const xc = resolveRules(PROFILES.xuecheng);

  it('薛城区 2017: 20 working days for penalty and permit decisions yield to the national 7', () => {
    for (const rule of [xc.disclosure.penaltyDecision, xc.disclosure.permitDecision]) {
      expect(rule.effective).toEqual(wd(7));
      expect(rule.declared?.value).toEqual(wd(20));
      expect(rule.basis).toBe('national_stricter');
      expect(rule.source?.type === 'seed' && rule.source.document).toBe('国办发〔2018〕118号');
      expect(rule.note).toBe(
        '本地规定（20个工作日内）宽于国家规定（7个工作日内），适用更严格的国家规定',
      );
      expect(rule.display).toBe('7个工作日内');
    }
  });

  it('keeps a local value equal to or stricter than the national one, with its own citation', () => {
    expect(xc.disclosure.otherDecision.effective).toEqual(wd(20));
    expect(xc.disclosure.otherDecision.basis).toBe('declared');
    expect(xc.disclosure.preDisclosureUpdate.effective).toEqual(days(7));
    expect(xc.av.uploadDeadline.effective).toEqual(hours(24));
    expect(xc.archive.caseFileDeadline.effective).toEqual(days(30));
    const sh = resolveRules(PROFILES.shanghai);
    // Shanghai's 7 working days make the national 及时 measurable.
    expect(sh.disclosure.withdrawal.effective).toEqual(wd(7));
    expect(sh.disclosure.withdrawal.basis).toBe('declared');
    expect(resolveRules(PROFILES.nanchang).disclosure.withdrawal.effective).toEqual(wd(3));
  });

  it('falls back to the national value where the local document is silent', () => {
    const nc = resolveRules(PROFILES.nanchang);
    expect(nc.disclosure.correctionAnswer.effective).toEqual(PROMPTLY);
    expect(nc.disclosure.correctionAnswer.basis).toBe('national');
    expect(xc.review.reviewerRatio.effective).toBe(5);
    expect(xc.disclosure.annualReport.effective).toEqual({ month: 1, day: 31 });
    expect(resolveRules(PROFILES.national).review.timeLimit.basis).toBe('not_stated');
  });

  it('takes the local outcome set and review route as they are (no order exists)', () => {
    expect(xc.review.outcomes.effective.map((o) => o.label)).toEqual([
      '同意',
      '退回补充',
      '不同意',
    ]);
    expect(xc.review.disagreementPath.effective).toBe('re_review_once_then_collective');
    expect(resolveRules(PROFILES.caoyang).review.body.effective?.primary).toBe('judicial_office');
  });

  it('unites catalogues and AV lists with the national ones', () => {
    const codes = xc.majorCatalog.entries.effective.map((e) => e.code);
    expect(codes).toContain('xc-penalty-fine');
    expect(codes).toContain('n-complex');
    expect(xc.majorCatalog.entries.basis).toBe('merged');
    const always = xc.av.alwaysRecord.effective.map((e) => e.code);
    expect(always).toEqual(
      expect.arrayContaining(['seal', 'forced_demolition', 'remove_obstruction_restore']),
    );
    // 听证 must always be recorded in 薛城区, so it is no longer "as circumstances require".
    const maybe = xc.av.asCircumstances.effective.map((e) => e.code);
    expect(maybe).not.toContain('hearing');
    expect(maybe).toEqual(expect.arrayContaining(['investigation', 'on_site_enforcement']));
  });

  it('applies the statute to every profile, unchanged', () => {
    for (const profile of Object.values(PROFILES)) {
      const rules = resolveRules(profile);
      expect(rules.statute.officersRequired.effective).toBe(2);
      expect(rules.statute.penaltyDisclosureWithdrawal.effective).toEqual(wd(3));
      expect(rules.statute.decisionDeadline.basis).toBe('statute');
    }
  });

  it('refuses to let resolved rules change the shipped data', () => {
    const rules = resolveRules(PROFILES.xuecheng);
    const entries = rules.majorCatalog.entries.effective;
    expect(() => ((entries[0] as { label: string }).label = 'x')).toThrow(TypeError);
  });
});

describe('overrides', () => {
  it('an agency tightening applies, cited to the override', () => {
    const rules = resolveRules(PROFILES.xuecheng, [override('disclosure.penaltyDecision', wd(5))]);
    const rule = rules.disclosure.penaltyDecision;
    expect(rule.effective).toEqual(wd(5));
    expect(rule.basis).toBe('agency_tightened');
    expect(rule.source).toMatchObject({ type: 'override', reason: '测试理由' });
    expect(rule.declared?.value).toEqual(wd(20));
    expect(rule.override?.isApplied).toBe(true);
  });

  it('an administrator may restore the laxer local value, and nothing laxer', () => {
    expect(judge('xuecheng', 'disclosure.penaltyDecision', wd(20))).toEqual({ kind: 'loosen' });
    expect(judge('xuecheng', 'disclosure.penaltyDecision', wd(15))).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    // Where the local value is not laxer there is nothing to restore.
    expect(judge('nanchang', 'disclosure.penaltyDecision', wd(10))).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    const rules = resolveRules(PROFILES.xuecheng, [
      override('disclosure.penaltyDecision', wd(20), 'loosen'),
    ]);
    expect(rules.disclosure.penaltyDecision.effective).toEqual(wd(20));
    expect(rules.disclosure.penaltyDecision.basis).toBe('admin_loosened');
    expect(
      rules.disclosure.penaltyDecision.source?.type === 'seed' &&
        rules.disclosure.penaltyDecision.source.document,
    ).toBe('薛政办发〔2017〕74号');
  });

  it('refuses values of the wrong type or unit', () => {
    expect(judge('xuecheng', 'disclosure.penaltyDecision', hours(100))).toMatchObject({
      error: 'invalid_value',
    });
    expect(judge('xuecheng', 'disclosure.penaltyDecision', true)).toMatchObject({
      error: 'invalid_value',
    });
    expect(
      judge('xuecheng', 'disclosure.penaltyDecision', {
        mode: 'within',
        amount: -1,
        unit: 'working_days',
      }),
    ).toMatchObject({
      error: 'invalid_value',
    });
    expect(judge('xuecheng', 'av.uploadDeadline', days(1))).toMatchObject({
      error: 'invalid_value',
    });
    expect(judge('xuecheng', 'av.alwaysRecord', ['no_such_act'])).toMatchObject({
      error: 'invalid_value',
    });
    expect(judge('xuecheng', 'review.outcomes', [])).toEqual({ error: 'not_overridable' });
    // 5 working days against 7 calendar days depends on the calendar.
    expect(judge('xuecheng', 'disclosure.preDisclosureUpdate', wd(5))).toMatchObject({
      error: 'incomparable',
    });
  });

  it('judges tightenings of every kind of rule', () => {
    expect(judge('xuecheng', 'av.uploadDeadline', hours(12))).toEqual({ kind: 'tighten' });
    expect(judge('xuecheng', 'av.uploadDeadline', hours(48))).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    expect(judge('xuecheng', 'review.reviewerRatio', 8)).toEqual({ kind: 'tighten' });
    expect(judge('xuecheng', 'review.reviewerRatio', 3)).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    expect(judge('nanchang', 'review.extensionApprover', 'head')).toEqual({ kind: 'tighten' });
    expect(judge('xuecheng', 'disclosure.annualReport', { month: 1, day: 15 })).toEqual({
      kind: 'tighten',
    });
    expect(
      judge('shanghai', 'archive.inspectionVideoRetention', { amount: 12, unit: 'months' }),
    ).toEqual({
      kind: 'tighten',
    });
    expect(
      judge('shanghai', 'archive.inspectionVideoRetention', { amount: 3, unit: 'months' }),
    ).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    // A rule nobody states may be set by the agency.
    expect(judge('nanchang', 'av.uploadDeadline', hours(24))).toEqual({ kind: 'tighten' });
    // 及时 may be made measurable.
    expect(judge('xuecheng', 'disclosure.withdrawal', wd(3))).toEqual({ kind: 'tighten' });
  });

  it('adds acts to the AV list, and removes exemptions, but not the reverse', () => {
    const current = resolveRules(PROFILES.xuecheng).av.alwaysRecord.effective.map((e) => e.code);
    expect(
      judge('xuecheng', 'av.alwaysRecord', [...current, 'coercion', 'evidence_preservation']),
    ).toEqual({
      kind: 'tighten',
    });
    expect(judge('xuecheng', 'av.alwaysRecord', current.slice(1))).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    expect(judge('xuecheng', 'av.exemptions', [])).toEqual({ kind: 'tighten' });
    expect(judge('xuecheng', 'av.exemptions', ['emergency', 'high_risk_site'])).toMatchObject({
      error: 'loosen_beyond_declared',
    });
    const rules = resolveRules(PROFILES.xuecheng, [
      override('av.alwaysRecord', [...current, 'evidence_preservation']),
    ]);
    const added = rules.av.alwaysRecord.effective.find((e) => e.code === 'evidence_preservation');
    expect(added).toMatchObject({ label: '证据先行登记保存', source: { type: 'override' } });
  });

  it('ignores a stored override that no longer fits the profile, and says so', () => {
    const rules = resolveRules(PROFILES.xuecheng, [override('disclosure.penaltyDecision', wd(10))]);
    expect(rules.disclosure.penaltyDecision.effective).toEqual(wd(7));
    expect(rules.disclosure.penaltyDecision.override?.isApplied).toBe(false);
    expect(rules.disclosure.penaltyDecision.note).toContain('未予适用');
  });

  it('the newest override of a rule is in force; a withdrawal ends it', () => {
    const row = (seq: number, rule: string, kind: StoredOverride['kind']): StoredOverride => ({
      id: `id-${seq}`,
      seq,
      agencyId: 'a',
      rule,
      kind,
      value: kind === 'withdraw' ? null : wd(seq),
      reason: 'r',
      profileId: 'xuecheng',
      profileVersion: '2026.1',
      actorUserId: null,
      actorName: 'x',
      createdAt: new Date('2026-11-21T00:00:00Z'),
    });
    const active = activeOverrides([
      row(1, 'disclosure.penaltyDecision', 'tighten'),
      row(3, 'disclosure.penaltyDecision', 'tighten'),
      row(2, 'disclosure.permitDecision', 'tighten'),
      row(4, 'disclosure.permitDecision', 'withdraw'),
    ]);
    expect(active.map((a) => [a.rule, a.id])).toEqual([['disclosure.penaltyDecision', 'id-3']]);
  });
});
