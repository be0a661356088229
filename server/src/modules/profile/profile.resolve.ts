// Stricter wins. For every rule, the effective value is the stricter of the deployment profile's
// own (declared) value and the national one, then an agency's override: tightening always applies;
// loosening applies only when an administrator restored the declared local value with a reason.
// Pure functions: the service feeds in the stored overrides, tests feed in literals.
import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { NATIONAL, STATUTE } from './profiles/index.ts';
import type { Profile } from './profile.model.ts';
import {
  RULE_SPECS,
  type ListRuleSpec,
  type RuleCatalog,
  type RuleKey,
  type ScalarRuleSpec,
  type SectionName,
} from './profile.rules.ts';
import type { Citation, Cited, OverrideCitation } from './profile.values.ts';

export type RuleBasis =
  | 'statute'
  | 'declared'
  | 'national'
  | 'national_stricter'
  | 'merged'
  | 'agency_tightened'
  | 'admin_loosened'
  | 'not_stated';

export type OverrideKind = 'tighten' | 'loosen';

/** The newest override of one rule for one agency, as stored. */
export interface ActiveOverride {
  id: string;
  rule: string;
  value: unknown;
  kind: OverrideKind;
  reason: string;
  actorName: string;
  createdAt: string;
}

export interface AppliedOverride extends ActiveOverride {
  /** False when the rules changed since and the override no longer fits; it is then ignored. */
  isApplied: boolean;
}

interface ResolvedCommon {
  key: RuleKey;
  label: string;
  basis: RuleBasis;
  override: AppliedOverride | null;
  /** Why the effective value is what it is, in Chinese, where that is not obvious. */
  note: string | null;
  isOverridable: boolean;
}

export interface ResolvedScalar<V> extends ResolvedCommon {
  shape: 'scalar';
  effective: V | null;
  display: string | null;
  source: Citation | null;
  declared: Cited<V> | null;
  national: Cited<V> | null;
}

export interface ResolvedList<E> extends ResolvedCommon {
  shape: 'list';
  effective: E[];
  declared: E[] | null;
  national: E[] | null;
}

type Resolved<T> =
  T extends ScalarRuleSpec<infer S>
    ? ResolvedScalar<Static<S>>
    : T extends ListRuleSpec<infer S>
      ? ResolvedList<Static<S>>
      : never;

export interface ProfileRef {
  id: Profile['id'];
  name: string;
  version: string;
  effectiveFrom: string;
  validUntil: string | null;
  inherits: Profile['inherits'];
}

/** The rules in force for one agency: `rules.disclosure.penaltyDecision.effective`. */
export type EffectiveRules = { profile: ProfileRef } & {
  [S in SectionName]: { [K in keyof RuleCatalog[S]]: Resolved<RuleCatalog[S][K]> };
};

interface Entry {
  code: string;
  source: Citation;
}

type Judgement =
  | { kind: OverrideKind }
  | {
      error: 'not_overridable' | 'invalid_value' | 'incomparable' | 'loosen_beyond_declared';
      details?: Record<string, unknown>;
    };

// --- Base values: declared against national -----------------------------------------------------

function resolveScalarBase(
  key: RuleKey,
  spec: ScalarRuleSpec,
  national: Cited<unknown> | null,
  declared: Cited<unknown> | null,
): ResolvedScalar<unknown> {
  const out: ResolvedScalar<unknown> = {
    key,
    label: spec.label,
    shape: 'scalar',
    effective: null,
    display: null,
    source: null,
    basis: 'not_stated',
    declared,
    national,
    override: null,
    note: null,
    isOverridable: spec.isOverridable,
  };
  const take = (c: Cited<unknown>, basis: RuleBasis, note: string | null = null) =>
    Object.assign(out, { effective: c.value, source: c.source, basis, note });
  if (!declared) return national ? take(national, 'national') : out;
  if (!national || !spec.compare) return take(declared, 'declared');
  switch (spec.compare(declared.value, national.value)) {
    case 'stricter':
    case 'equal':
      return take(declared, 'declared');
    case 'laxer':
      return take(
        national,
        'national_stricter',
        `本地规定（${spec.describe(declared.value)}）宽于国家规定（${spec.describe(national.value)}），适用更严格的国家规定`,
      );
    case 'incomparable':
      // Shipped data never gets here (a test compares every pair); should it, the national
      // guideline is the one every agency is bound by.
      return take(national, 'national', '本地规定与国家规定无法比较宽严，适用国家规定');
  }
}

function resolveListBase(
  key: RuleKey,
  spec: ListRuleSpec,
  national: Entry[] | null,
  declared: Entry[] | null,
): ResolvedList<Entry> {
  const out: ResolvedList<Entry> = {
    key,
    label: spec.label,
    shape: 'list',
    effective: [],
    basis: 'not_stated',
    declared,
    national,
    override: null,
    note: null,
    isOverridable: spec.vocabulary !== null,
  };
  if (!declared) return national ? { ...out, effective: national, basis: 'national' } : out;
  if (!national || spec.merge === 'local')
    return { ...out, effective: declared, basis: 'declared' };
  if (spec.merge === 'union') {
    const extra = national.filter((e) => !declared.some((d) => d.code === e.code));
    return extra.length === 0
      ? { ...out, effective: declared, basis: 'declared' }
      : {
          ...out,
          effective: [...declared, ...extra],
          basis: 'merged',
          note: '本地与国家规定合并适用',
        };
  }
  const kept = declared.filter((d) => national.some((e) => e.code === d.code));
  return kept.length === declared.length
    ? { ...out, effective: declared, basis: 'declared' }
    : { ...out, effective: kept, basis: 'merged', note: '仅适用国家规定也认可的情形' };
}

// --- Judging an override ------------------------------------------------------------------------

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

/** Whether `value` would tighten or loosen `base`, or why it cannot be an override at all. */
export function judgeScalarOverride(
  spec: ScalarRuleSpec,
  base: ResolvedScalar<unknown>,
  value: unknown,
): Judgement {
  if (!spec.isOverridable || !spec.compare) return { error: 'not_overridable' };
  if (!Value.Check(spec.schema, value)) return { error: 'invalid_value' };
  const unit = (value as { unit?: unknown }).unit;
  if (spec.units && typeof unit === 'string' && !spec.units.includes(unit as never)) {
    return { error: 'invalid_value', details: { allowedUnits: spec.units } };
  }
  if (base.effective === null) return { kind: 'tighten' };
  switch (spec.compare(value, base.effective)) {
    case 'stricter':
    case 'equal':
      return { kind: 'tighten' };
    case 'incomparable':
      return { error: 'incomparable', details: { current: base.effective } };
    case 'laxer': {
      const declared = base.declared;
      const restoresDeclared =
        base.basis === 'national_stricter' &&
        declared !== null &&
        spec.compare(value, declared.value) === 'equal';
      return restoresDeclared
        ? { kind: 'loosen' }
        : { error: 'loosen_beyond_declared', details: { declared: declared?.value ?? null } };
    }
  }
}

export function judgeListOverride(
  spec: ListRuleSpec,
  base: ResolvedList<Entry>,
  value: unknown,
): Judgement {
  const vocabulary = spec.vocabulary;
  if (!vocabulary || spec.merge === 'local') return { error: 'not_overridable' };
  const isCodeList =
    Array.isArray(value) &&
    value.every((c) => typeof c === 'string' && c in vocabulary) &&
    new Set(value).size === value.length;
  if (!isCodeList)
    return { error: 'invalid_value', details: { allowedCodes: Object.keys(vocabulary) } };
  const codes = value as string[];
  const current = base.effective.map((e) => e.code);
  const isTighter =
    spec.merge === 'union'
      ? current.every((c) => codes.includes(c))
      : codes.every((c) => current.includes(c));
  if (isTighter) return { kind: 'tighten' };
  const declared = base.declared?.map((e) => e.code) ?? null;
  return base.basis === 'merged' && declared && sameCodes(codes, declared)
    ? { kind: 'loosen' }
    : { error: 'loosen_beyond_declared', details: { declared } };
}

function overrideCitation(o: ActiveOverride): OverrideCitation {
  return {
    type: 'override',
    overrideId: o.id,
    reason: o.reason,
    actorName: o.actorName,
    createdAt: o.createdAt,
  };
}

function isApplicable(
  judgement: Judgement,
  stored: OverrideKind,
): judgement is { kind: OverrideKind } {
  // A stored loosening that has become a tightening (the national value moved) still applies.
  return 'kind' in judgement && (judgement.kind === stored || judgement.kind === 'tighten');
}

const STALE_NOTE = '机构对该规则的调整已不符合现行规则包，未予适用';

function applyScalarOverride(
  spec: ScalarRuleSpec,
  base: ResolvedScalar<unknown>,
  o: ActiveOverride,
): ResolvedScalar<unknown> {
  const judgement = judgeScalarOverride(spec, base, o.value);
  if (!isApplicable(judgement, o.kind)) {
    return { ...base, override: { ...o, isApplied: false }, note: STALE_NOTE };
  }
  const override = { ...o, isApplied: true };
  if (judgement.kind === 'loosen' && base.declared) {
    return {
      ...base,
      effective: base.declared.value,
      source: base.declared.source,
      basis: 'admin_loosened',
      override,
      note: `经系统管理员决定恢复适用本地规定，理由：${o.reason}`,
    };
  }
  return {
    ...base,
    effective: o.value,
    source: overrideCitation(o),
    basis: 'agency_tightened',
    override,
    note: `本机关在规则包基础上从严调整，理由：${o.reason}`,
  };
}

function applyListOverride(
  spec: ListRuleSpec,
  base: ResolvedList<Entry>,
  o: ActiveOverride,
): ResolvedList<Entry> {
  const judgement = judgeListOverride(spec, base, o.value);
  if (!isApplicable(judgement, o.kind) || !spec.vocabulary) {
    return { ...base, override: { ...o, isApplied: false }, note: STALE_NOTE };
  }
  const override = { ...o, isApplied: true };
  if (judgement.kind === 'loosen' && base.declared) {
    return {
      ...base,
      effective: base.declared,
      basis: 'admin_loosened',
      override,
      note: `经系统管理员决定恢复适用本地规定，理由：${o.reason}`,
    };
  }
  const codes = o.value as string[];
  const vocabulary = spec.vocabulary;
  const added = codes
    .filter((c) => !base.effective.some((e) => e.code === c))
    .map((code) => ({ code, label: vocabulary[code] ?? code, source: overrideCitation(o) }));
  const effective =
    spec.merge === 'union'
      ? [...base.effective, ...added]
      : base.effective.filter((e) => codes.includes(e.code));
  return {
    ...base,
    effective,
    basis: 'agency_tightened',
    override,
    note: `本机关在规则包基础上从严调整，理由：${o.reason}`,
  };
}

// --- Putting it together ------------------------------------------------------------------------

type Loose = Record<string, Record<string, unknown>>;

function ruleData(profile: Profile, section: SectionName, name: string): unknown {
  return (profile.rules as unknown as Loose)[section]?.[name] ?? null;
}

export function profileRef(profile: Profile): ProfileRef {
  return {
    id: profile.id,
    name: profile.name,
    version: profile.version,
    effectiveFrom: profile.effectiveFrom,
    validUntil: profile.validUntil?.value ?? null,
    inherits: profile.inherits,
  };
}

/** One rule before overrides (what an override is judged against). */
export function resolveBase(profile: Profile, key: RuleKey) {
  const rule = RULE_SPECS.find((r) => r.key === key);
  if (!rule) throw new Error(`unknown rule ${key}`);
  const { section, name, spec } = rule;
  if (section === 'statute') {
    const statute = (STATUTE as unknown as Record<string, Cited<unknown>>)[name] ?? null;
    return { spec, base: resolveScalarBase(key, spec as ScalarRuleSpec, statute, statute) };
  }
  const national = ruleData(NATIONAL, section, name);
  const declared = ruleData(profile, section, name);
  return spec.shape === 'scalar'
    ? {
        spec,
        base: resolveScalarBase(
          key,
          spec,
          national as Cited<unknown> | null,
          declared as Cited<unknown> | null,
        ),
      }
    : {
        spec,
        base: resolveListBase(key, spec, national as Entry[] | null, declared as Entry[] | null),
      };
}

export function resolveRules(
  profile: Profile,
  overrides: readonly ActiveOverride[] = [],
): EffectiveRules {
  const out: Loose = {};
  for (const { key, section, name } of RULE_SPECS) {
    const { spec, base } = resolveBase(profile, key);
    const override = overrides.find((o) => o.rule === key);
    let resolved: unknown = base;
    if (section === 'statute') {
      resolved = { ...base, basis: 'statute', declared: null, national: null };
    } else if (override && spec.shape === 'scalar' && base.shape === 'scalar') {
      resolved = applyScalarOverride(spec, base, override);
    } else if (override && spec.shape === 'list' && base.shape === 'list') {
      resolved = applyListOverride(spec, base, override);
    }
    if (spec.shape === 'scalar') {
      const r = resolved as ResolvedScalar<unknown>;
      resolved = { ...r, display: r.effective === null ? null : spec.describe(r.effective) };
    }
    (out[section] ??= {})[name] = resolved;
  }
  const rules = { profile: profileRef(profile), ...out } as unknown as EffectiveRules;
  // An act that must always be recorded is not also "as circumstances require".
  const always = new Set(rules.av.alwaysRecord.effective.map((e) => e.code));
  const circumstances = rules.av.asCircumstances;
  circumstances.effective = circumstances.effective.filter((e) => !always.has(e.code));
  return rules;
}
