// Request and response schemas of the profile routes. The rule schemas are generated from the rule
// catalogue, so the OpenAPI document lists every rule with its value type and cannot drift.
import { Type, type TSchema } from 'typebox';
import { PROFILE_IDS } from '../../config.ts';
import { StrictObject, Uuid } from '../../shared/schemas.ts';
import { OVERRIDABLE_RULE_KEYS, RULE_CATALOG, RULE_SPECS, type RuleSpec } from './profile.rules.ts';
import { Citation, CitedSchema } from './profile.values.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProfileParams = StrictObject({
  profileId: Type.String({ minLength: 1, maxLength: 32, description: PROFILE_IDS.join(' | ') }),
});
export const AgencyParams = StrictObject({ agencyId: Uuid });

const SourceDocumentView = Type.Object({
  key: Type.String(),
  document: Type.String({ description: '文号或文件名称' }),
  title: Type.String(),
  issuer: Type.String(),
  issuedOn: Type.String({ format: 'date' }),
  seedFile: Type.String(),
  script: Type.Enum(['simplified', 'traditional']),
});

const ProfileFields = {
  id: Type.Enum(PROFILE_IDS),
  name: Type.String(),
  version: Type.String({ description: '规则包数据版本' }),
  effectiveFrom: Type.String({ format: 'date', description: '依据文件施行日期' }),
  validUntil: Nullable(Type.String({ format: 'date', description: '依据文件自述的有效期限' })),
  inherits: Nullable(Type.Enum(PROFILE_IDS)),
};

export const ProfileSummary = Type.Object({
  ...ProfileFields,
  isDeployed: Type.Boolean({ description: '是否为本系统部署选用的规则包' }),
  sources: Type.Array(SourceDocumentView),
});

export const ProfileList = Type.Object({
  deployed: Type.Enum(PROFILE_IDS),
  items: Type.Array(ProfileSummary),
});

function dataSchema(spec: RuleSpec): TSchema {
  return spec.shape === 'scalar'
    ? Nullable(CitedSchema(spec.schema))
    : Nullable(Type.Array(spec.entrySchema));
}

function sectionSchema(section: string, make: (spec: RuleSpec) => TSchema) {
  const rules = RULE_SPECS.filter((r) => r.section === section);
  return Type.Object(Object.fromEntries(rules.map((r) => [r.name, make(r.spec)])));
}

const PROFILE_SECTIONS = Object.keys(RULE_CATALOG).filter((s) => s !== 'statute');

export const ProfileDetail = Type.Object({
  ...ProfileSummary.properties,
  validUntilSource: Nullable(Citation),
  statute: sectionSchema('statute', (spec) =>
    CitedSchema(spec.shape === 'scalar' ? spec.schema : Type.Unknown()),
  ),
  rules: Type.Object(
    Object.fromEntries(PROFILE_SECTIONS.map((s) => [s, sectionSchema(s, dataSchema)])),
    { description: '规则包原文数据：每项取值附出处；null 表示该文件未作规定' },
  ),
});

const OVERRIDE_KINDS = ['tighten', 'loosen'] as const;

const AppliedOverride = Type.Object({
  id: Uuid,
  rule: Type.String(),
  value: Type.Unknown(),
  kind: Type.Enum(OVERRIDE_KINDS),
  reason: Type.String(),
  actorName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  isApplied: Type.Boolean({ description: '规则包变化后已不适用的调整为 false' }),
});

const Basis = Type.Enum(
  [
    'statute',
    'declared',
    'national',
    'national_stricter',
    'merged',
    'agency_tightened',
    'admin_loosened',
    'not_stated',
  ],
  {
    description:
      'statute 法律规定；declared 本地规定；national 本地未规定，适用国家规定；national_stricter 本地规定较宽，适用国家规定；merged 本地与国家合并；agency_tightened 本机关从严调整；admin_loosened 管理员恢复本地规定；not_stated 均未规定',
  },
);

function resolvedSchema(spec: RuleSpec): TSchema {
  const common = {
    key: Type.String(),
    label: Type.String(),
    basis: Basis,
    override: Nullable(AppliedOverride),
    note: Nullable(Type.String()),
    isOverridable: Type.Boolean(),
  };
  if (spec.shape === 'list') {
    return Type.Object({
      ...common,
      shape: Type.Literal('list'),
      effective: Type.Array(spec.entrySchema),
      declared: Nullable(Type.Array(spec.entrySchema)),
      national: Nullable(Type.Array(spec.entrySchema)),
    });
  }
  return Type.Object({
    ...common,
    shape: Type.Literal('scalar'),
    effective: Nullable(spec.schema),
    display: Nullable(Type.String({ description: '中文表述，如 7个工作日内' })),
    source: Nullable(Citation),
    declared: Nullable(CitedSchema(spec.schema)),
    national: Nullable(CitedSchema(spec.schema)),
  });
}

export const EffectiveRulesView = Type.Object({
  agencyId: Uuid,
  profile: Type.Object(ProfileFields),
  ...Object.fromEntries(
    Object.keys(RULE_CATALOG).map((s) => [s, sectionSchema(s, resolvedSchema)]),
  ),
});

export const OverrideView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  rule: Type.String(),
  ruleLabel: Type.String(),
  kind: Type.Enum(['tighten', 'loosen', 'withdraw'], {
    description: 'tighten 从严；loosen 放宽（恢复本地规定）；withdraw 撤销此前的调整',
  }),
  value: Type.Unknown(),
  reason: Type.String(),
  profileId: Type.String(),
  profileVersion: Type.String(),
  actorName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  isActive: Type.Boolean({ description: '是否为该规则当前有效的调整' }),
});

export const OverrideList = Type.Object({ items: Type.Array(OverrideView) });

export const CreateOverrideBody = StrictObject({
  rule: Type.Enum(OVERRIDABLE_RULE_KEYS, { description: '可调整的规则键' }),
  value: Type.Unknown({
    description:
      '与该规则同类型的取值：期限 {"mode":"within","amount":5,"unit":"working_days"}；保存期限 {"amount":6,"unit":"months"}；日期 {"month":1,"day":15}；比例（数字）；是否要求（布尔）；批准人 "head"；情形清单（编码数组）。null 表示撤销本机关此前的调整。',
  }),
  reason: Type.String({ maxLength: 2000, description: '调整理由（必填）' }),
});
