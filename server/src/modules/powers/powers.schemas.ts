// Request and response shapes of the powers catalogue (权力清单) and the random-inspection list
// (随机抽查事项清单). The JSON documents stored with a power (legal basis, procedure, time
// limits, discretion benchmarks, service guide) are defined here once, so that the API and the
// bulk import accept exactly the same shapes.
import { Type, type Static } from 'typebox';
import { Page, Phone, StrictObject, Uuid } from '../../shared/schemas.ts';

export const POWER_CATEGORIES = [
  'penalty',
  'permit',
  'coercion',
  'inspection',
  'levy',
  'requisition',
  'other',
] as const;
export type PowerCategory = (typeof POWER_CATEGORIES)[number];

/** The names of DOMAIN.md §2.1 (处罚/许可/强制/检查/征收/征用/其他), as the import template uses them. */
export const POWER_CATEGORY_SHORT_LABELS: Record<PowerCategory, string> = {
  penalty: '处罚',
  permit: '许可',
  coercion: '强制',
  inspection: '检查',
  levy: '征收',
  requisition: '征用',
  other: '其他',
};

export const POWER_CATEGORY_LABELS: Record<PowerCategory, string> = {
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收',
  requisition: '行政征用',
  other: '其他行政权力',
};

export const CATALOG_STATUSES = ['active', 'repealed'] as const;

// Limits shared by the API schemas and the import's cell parsers.
export const LIMITS = {
  code: 64,
  name: 200,
  law: 200,
  article: 100,
  text: 4000,
  stepName: 50,
  circumstance: 50,
  shortText: 500,
  listItems: 50,
  materials: 100,
  durationAmount: 3650,
  yuan: 1_000_000_000_000,
} as const;

// Codes appear in URLs, file names and other systems' keys: letters, digits and - _ . only.
export const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const Code = Type.String({
  minLength: 1,
  maxLength: LIMITS.code,
  pattern: CODE_PATTERN,
  description: '事项编码（字母、数字及 - _ .），在本执法主体内唯一',
});
const ItemName = Type.String({ minLength: 1, maxLength: LIMITS.name });
const LongText = Type.String({ minLength: 1, maxLength: LIMITS.text });
const ShortText = Type.String({ minLength: 1, maxLength: LIMITS.shortText });

/** amount 0 means 即办 (handled on the spot). */
export const Duration = StrictObject(
  {
    amount: Type.Integer({ minimum: 0, maximum: LIMITS.durationAmount }),
    unit: Type.Enum(['working_days', 'days'], {
      description: 'working_days 工作日；days 自然日（法律写“日”而非“工作日”时）',
    }),
  },
  { description: '期限；amount 为 0 表示即办' },
);
export type Duration = Static<typeof Duration>;

export const LegalBasisRef = StrictObject({
  law: Type.String({
    minLength: 1,
    maxLength: LIMITS.law,
    description: '法律、法规或规章名称，不含书名号，如“中华人民共和国食品安全法”',
  }),
  article: Type.String({
    minLength: 1,
    maxLength: LIMITS.article,
    description: '条款项，如“第一百二十四条第一款第（五）项”',
  }),
  text: Type.Optional(Type.String({ maxLength: LIMITS.text, description: '条文内容' })),
});
export type LegalBasisRef = Static<typeof LegalBasisRef>;

export const ProcedureStep = StrictObject({
  name: Type.String({ minLength: 1, maxLength: LIMITS.stepName }),
  description: Type.Optional(Type.String({ maxLength: LIMITS.text })),
  timeLimit: Type.Optional(Duration),
});
export type ProcedureStep = Static<typeof ProcedureStep>;

export const TimeLimit = StrictObject({
  statutory: Type.Optional(Duration),
  promised: Type.Optional(Duration),
});
export type TimeLimit = Static<typeof TimeLimit>;

export const PenaltyRange = StrictObject({
  minYuan: Type.Optional(Type.Number({ minimum: 0, maximum: LIMITS.yuan })),
  maxYuan: Type.Optional(Type.Number({ minimum: 0, maximum: LIMITS.yuan })),
  otherMeasures: Type.Optional(
    Type.String({
      maxLength: LIMITS.shortText,
      description: '罚款以外的处理，如警告、没收违法所得、按货值金额倍数的罚款',
    }),
  ),
});
export type PenaltyRange = Static<typeof PenaltyRange>;

export const DiscretionBenchmark = StrictObject({
  circumstance: Type.String({
    minLength: 1,
    maxLength: LIMITS.circumstance,
    description: '裁量情形，如 轻微 / 一般 / 严重 / 不予处罚 / 从轻 / 从重',
  }),
  description: LongText,
  penalty: PenaltyRange,
});
export type DiscretionBenchmark = Static<typeof DiscretionBenchmark>;

const serviceGuideProperties = {
  acceptingBody: ShortText,
  approvingBody: ShortText,
  conditions: LongText,
  materials: Type.Array(ShortText, { minItems: 1, maxItems: LIMITS.materials }),
  fee: Type.Optional(Type.String({ maxLength: LIMITS.shortText })),
  supervision: ShortText,
  remedy: ShortText,
  officeHours: ShortText,
  address: ShortText,
};
const serviceGuideDescription =
  '服务指南：受理机构、审批机构、受理条件、申请材料、收费标准、监督方式、救济渠道、办公时间、地址、电话。' +
  '名称、依据、办理流程、办理时限取自权力事项本身，不重复填写。';

export const ServiceGuide = StrictObject(
  { ...serviceGuideProperties, phone: Phone },
  { description: serviceGuideDescription },
);
export type ServiceGuide = Static<typeof ServiceGuide>;

// Responses carry what was validated on the way in; the serialiser needs no format checks.
const ServiceGuideView = Type.Object(
  { ...serviceGuideProperties, phone: Type.String() },
  { description: serviceGuideDescription },
);

/** 执法领域, in the words the enforcement credentials use (e.g. 食品安全、城乡规划). */
export const LawAreas = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 20,
  uniqueItems: true,
  description: '执法领域：执法人员的执法证须至少包含其中之一，方可办理该事项的案件',
});

const powerContent = {
  name: ItemName,
  category: Type.Enum(POWER_CATEGORIES),
  handlingUnitId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: '承办机构' })),
  legalBasis: Type.Array(LegalBasisRef, { minItems: 1, maxItems: LIMITS.listItems }),
  procedureSteps: Type.Array(ProcedureStep, { maxItems: LIMITS.listItems }),
  timeLimit: TimeLimit,
  discretionBenchmarks: Type.Array(DiscretionBenchmark, { maxItems: LIMITS.listItems }),
  serviceGuide: Type.Optional(
    Type.Union([ServiceGuide, Type.Null()], { description: '行政许可事项必填' }),
  ),
  lawAreas: Type.Optional(LawAreas),
};

export const PowerCreateBody = StrictObject({ code: Code, ...powerContent });
export type PowerCreateBody = Static<typeof PowerCreateBody>;

export const PowerUpdateBody = StrictObject({
  ...powerContent,
  expectedVersion: Type.Optional(
    Type.Integer({ minimum: 1, description: '修改所依据的版本号；与当前版本不符时拒绝（409）' }),
  ),
});
export type PowerUpdateBody = Static<typeof PowerUpdateBody>;

export const RepealBody = StrictObject({
  reason: Type.String({ minLength: 1, maxLength: LIMITS.shortText, description: '废止原因' }),
});

const Timestamp = Type.String({ format: 'date-time' });

export const PowerView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  code: Type.String(),
  name: Type.String(),
  category: Type.Enum(POWER_CATEGORIES),
  categoryLabel: Type.String(),
  handlingUnit: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  legalBasis: Type.Array(LegalBasisRef),
  procedureSteps: Type.Array(ProcedureStep),
  timeLimit: TimeLimit,
  discretionBenchmarks: Type.Array(DiscretionBenchmark),
  serviceGuide: Type.Union([ServiceGuideView, Type.Null()]),
  lawAreas: LawAreas,
  status: Type.Enum(CATALOG_STATUSES),
  repealedAt: Type.Union([Timestamp, Type.Null()]),
  repealReason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PowerPage = Page(PowerView);

export const AgencyParams = StrictObject({ agencyId: Uuid });

export const PowerListQuery = StrictObject({
  category: Type.Optional(Type.Enum(POWER_CATEGORIES)),
  status: Type.Optional(Type.Enum(CATALOG_STATUSES)),
  q: Type.Optional(Type.String({ maxLength: 100, description: '按编码或名称查找' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type PowerListQuery = Static<typeof PowerListQuery>;

const randomCheckContent = {
  name: ItemName,
  powerId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: '对应的权力事项' })),
  basis: LongText,
  subject: ShortText,
  content: LongText,
  method: ShortText,
  ratioPercent: Type.Optional(
    Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 100 }), Type.Null()], {
      description: '抽查比例（百分数）；省略时从 ratioText 中读取，如“不低于5%”',
    }),
  ),
  ratioText: ShortText,
  frequency: ShortText,
};

export const RandomCheckCreateBody = StrictObject({ code: Code, ...randomCheckContent });
export type RandomCheckCreateBody = Static<typeof RandomCheckCreateBody>;

export const RandomCheckUpdateBody = StrictObject({
  ...randomCheckContent,
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type RandomCheckUpdateBody = Static<typeof RandomCheckUpdateBody>;

export const RandomCheckView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  code: Type.String(),
  name: Type.String(),
  power: Type.Union([
    Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
    Type.Null(),
  ]),
  basis: Type.String(),
  subject: Type.String(),
  content: Type.String(),
  method: Type.String(),
  ratioPercent: Type.Union([Type.Number(), Type.Null()]),
  ratioText: Type.String(),
  frequency: Type.String(),
  status: Type.Enum(CATALOG_STATUSES),
  repealedAt: Type.Union([Timestamp, Type.Null()]),
  repealReason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const RandomCheckPage = Page(RandomCheckView);

export const RandomCheckListQuery = StrictObject({
  status: Type.Optional(Type.Enum(CATALOG_STATUSES)),
  powerId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type RandomCheckListQuery = Static<typeof RandomCheckListQuery>;

export const ImportQuery = StrictObject({
  dryRun: Type.Optional(
    Type.Boolean({ default: false, description: '只校验，不写入（true 时即使全部正确也不导入）' }),
  ),
});

const ImportCounts = Type.Object({
  created: Type.Array(Type.String(), { description: '新增的事项编码' }),
  updated: Type.Array(Type.String(), { description: '内容有变化而更新（版本号加一）的事项编码' }),
  unchanged: Type.Array(Type.String(), { description: '与现有记录完全相同的事项编码' }),
});

export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  format: Type.Enum(['csv', 'xlsx']),
  powers: ImportCounts,
  randomCheckItems: ImportCounts,
});
export type ImportResult = Static<typeof ImportResult>;

/** One problem of an import file, as the 422 IMPORT_ROWS_INVALID details list it. */
export const ImportIssue = Type.Object({
  sheet: Type.String({ description: '工作表名称（CSV 为“权力事项”）' }),
  row: Type.Integer({ description: '行号，与表格软件中看到的一致（表头为第 1 行）' }),
  column: Type.String({ description: '列名（表头文字）；整行问题时为空' }),
  reason: Type.String(),
});
export type ImportIssue = Static<typeof ImportIssue>;
