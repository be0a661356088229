// The value types a jurisdiction profile is made of, as TypeBox schemas: one definition gives the
// TypeScript type, the validation of an agency's override and the OpenAPI description.
import { Type, type Static, type TSchema } from 'typebox';
import {
  AV_ACTS,
  AV_EXEMPTIONS,
  COERCION_ACTS,
  DECISION_KINDS,
  DISAGREEMENT_PATHS,
  EXPROPRIATION_OBJECTS,
  MAJOR_FACTS,
  PARTY_TYPES,
  PENALTY_KINDS,
  PERMIT_ACTIONS,
  REVIEW_BODY_KINDS,
  REVIEW_OUTCOMES,
  APPROVERS,
  CATALOG_EXTENSION_MODES,
} from './profile.vocabulary.ts';

function Closed<T extends Parameters<typeof Type.Object>[0]>(properties: T, description?: string) {
  return Type.Object(properties, {
    additionalProperties: false,
    ...(description ? { description } : {}),
  });
}

// --- Where a value comes from -------------------------------------------------------------------

export const SeedCitation = Closed({
  type: Type.Literal('seed'),
  document: Type.String({ description: '文件名称或文号，如 薛政办发〔2017〕74号' }),
  article: Type.String({ description: '条款，如 附件1 第十四条' }),
  quote: Type.String({ description: '原文摘录（“…”表示省略）' }),
  seedFile: Type.String({ description: '原文文件（sources/ 目录）' }),
});

export const LawCitation = Closed({
  type: Type.Literal('law'),
  document: Type.String({ description: '法律名称' }),
  article: Type.String({ description: '条款' }),
});

/** A value an agency set: the override record is its source. */
export const OverrideCitation = Closed({
  type: Type.Literal('override'),
  overrideId: Type.String({ format: 'uuid' }),
  reason: Type.String(),
  actorName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const Citation = Type.Union([SeedCitation, LawCitation, OverrideCitation]);
export type SeedCitation = Static<typeof SeedCitation>;
export type LawCitation = Static<typeof LawCitation>;
export type OverrideCitation = Static<typeof OverrideCitation>;
export type Citation = Static<typeof Citation>;

/** A value with the passage it comes from. */
export interface Cited<T> {
  value: T;
  source: Citation;
}

export function CitedSchema<T extends TSchema>(value: T) {
  return Closed({ value, source: Citation });
}

// --- Periods ------------------------------------------------------------------------------------

export const DURATION_UNITS = ['working_days', 'days', 'hours', 'months'] as const;
export const DurationUnit = Type.Enum(DURATION_UNITS, {
  description: 'working_days 工作日；days 日（自然日）；hours 小时；months 月',
});
export type DurationUnit = Static<typeof DurationUnit>;

const Amount = Type.Integer({ minimum: 0, maximum: 3650 });

/** A length of time without a mode (retention periods, statutory periods). */
export const Duration = Closed({ amount: Amount, unit: DurationUnit });
export type Duration = Static<typeof Duration>;

/**
 * A time limit. 'promptly' (及时) is kept explicit rather than turned into a number the document
 * never states; 'within_handling_period' is Shanghai's review limit set by the agency inside the
 * decision's own handling period; 'per_archive_rules' defers to archive regulations.
 */
export const Deadline = Type.Union(
  [
    Closed({ mode: Type.Literal('within'), amount: Amount, unit: DurationUnit }),
    Closed({ mode: Type.Literal('promptly') }, '及时（未规定具体期限）'),
    Closed({ mode: Type.Literal('within_handling_period') }, '在决定的办理期限内由机关确定'),
    Closed({ mode: Type.Literal('per_archive_rules') }, '按档案管理规定'),
  ],
  { description: '期限' },
);
export type Deadline = Static<typeof Deadline>;

/** A day of the year, e.g. the annual report's 31 January. */
export const AnnualDate = Closed({
  month: Type.Integer({ minimum: 1, maximum: 12 }),
  day: Type.Integer({ minimum: 1, maximum: 31 }),
});
export type AnnualDate = Static<typeof AnnualDate>;

export const Percent = Type.Number({ minimum: 0, maximum: 100, description: '百分比' });
export const Flag = Type.Boolean();
export const Approver = Type.Enum(APPROVERS, {
  description: 'head 机关负责人；deputy_head 分管领导',
});
export type Approver = Static<typeof Approver>;
export const DisagreementPath = Type.Enum(DISAGREEMENT_PATHS);
export type DisagreementPath = Static<typeof DisagreementPath>;
export const CatalogExtension = Type.Enum(CATALOG_EXTENSION_MODES);

export const ReviewBodyKind = Type.Enum(REVIEW_BODY_KINDS);
export const ReviewBody = Closed({
  primary: ReviewBodyKind,
  fallback: Type.Union([ReviewBodyKind, Type.Null()]),
  forGovernmentNameDecisions: Type.Union([ReviewBodyKind, Type.Null()]),
});
export type ReviewBody = Static<typeof ReviewBody>;

// --- Statutory values ---------------------------------------------------------------------------

export const Count = Type.Integer({ minimum: 0 });
export const FineByParty = Closed(
  { citizen: Type.Number({ minimum: 0 }), organisation: Type.Number({ minimum: 0 }) },
  '按当事人类型区分的金额（元）：citizen 公民；organisation 法人或者其他组织',
);
export type FineByParty = Static<typeof FineByParty>;
export const Surcharge = Closed({
  percentPerDay: Type.Number({ minimum: 0 }),
  isCappedAtFine: Type.Boolean(),
});
export const DayCounts = Type.Array(Type.Integer({ minimum: 1 }));
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
/** A span of the day that may cross midnight (e.g. the night: 22:00 to 06:00). */
export const DailySpan = Closed({ from: ClockTime, to: ClockTime });

// --- Entries of list rules: each carries its own citation, because a merged list mixes sources --

export const AvEntry = Closed({
  code: Type.Enum(AV_ACTS),
  label: Type.String(),
  source: Citation,
});
export type AvEntry = Static<typeof AvEntry>;

export const AvExemptionEntry = Closed({
  code: Type.Enum(AV_EXEMPTIONS),
  label: Type.String(),
  source: Citation,
});
export type AvExemptionEntry = Static<typeof AvExemptionEntry>;

export const OutcomeEntry = Closed({
  code: Type.Enum(REVIEW_OUTCOMES),
  label: Type.String({ description: '审核意见的名称，如 同意、暂不同意' }),
  isAgreement: Type.Boolean({ description: '只有同意的意见才允许作出决定' }),
  isReasonRequired: Type.Boolean({ description: '是否必须写明理由或具体意见' }),
  source: Citation,
});
export type OutcomeEntry = Static<typeof OutcomeEntry>;

/**
 * One condition of a "major decision" catalogue entry. An entry holds when ALL its conditions
 * hold; alternatives are separate entries. Facts that need judgement ('public_interest') are
 * answered by people; the others are read from the case. The evaluation engine is not here.
 */
export const MajorCondition = Type.Union([
  Closed({ type: Type.Literal('fact'), fact: Type.Enum(MAJOR_FACTS) }),
  Closed({ type: Type.Literal('penalty_kind'), kinds: Type.Array(Type.Enum(PENALTY_KINDS)) }),
  Closed({ type: Type.Literal('party_type'), partyTypes: Type.Array(Type.Enum(PARTY_TYPES)) }),
  Closed({
    type: Type.Literal('fine_at_least'),
    thresholds: FineByParty,
  }),
  Closed({ type: Type.Literal('permit_action'), actions: Type.Array(Type.Enum(PERMIT_ACTIONS)) }),
  Closed({ type: Type.Literal('coercion_act'), acts: Type.Array(Type.Enum(COERCION_ACTS)) }),
  Closed(
    { type: Type.Literal('coercion_execution_except'), acts: Type.Array(Type.Enum(COERCION_ACTS)) },
    '除所列方式以外的行政强制执行决定',
  ),
  Closed(
    {
      type: Type.Literal('seized_at_least'),
      areaSquareMetres: Type.Number({ minimum: 0 }),
      valueYuan: Type.Number({ minimum: 0 }),
    },
    '涉案面积或涉案价值达到其一即满足',
  ),
  Closed({
    type: Type.Literal('expropriation_object'),
    objects: Type.Array(Type.Enum(EXPROPRIATION_OBJECTS)),
  }),
]);
export type MajorCondition = Static<typeof MajorCondition>;

export const CatalogEntry = Closed({
  code: Type.String({ description: '条目编码，跨规则包唯一' }),
  label: Type.String(),
  decisionKind: Type.Enum(DECISION_KINDS),
  when: Type.Array(MajorCondition, { description: '全部满足时属于重大执法决定' }),
  source: Citation,
});
export type CatalogEntry = Static<typeof CatalogEntry>;
