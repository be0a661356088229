// Request and response shapes of the public disclosure API (API.md, "Public disclosure data") and
// of the agency's disclosure commands. Public inputs are bounded: short queries, shallow pages.
import { Type } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../shared/schemas.ts';
import { TRACKING_NO_PATTERN } from './disclosure.corrections.ts';
import { WITHHOLD_REASONS, WITHHOLDABLE_FIELDS } from './disclosure.project.ts';
import { DISCLOSURE_CATEGORIES } from './disclosure.tables.ts';

/** Text a person types: no NUL or other control characters except line breaks and tabs. */
const NO_CONTROL = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]*$';

/** Deep pages cost the database more than they are worth: 100 × 100 rows at most. */
export const MAX_PAGE = 100;
const PageNo = Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 });
const PageSize = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
const Timestamp = Type.String({ description: 'ISO 8601' });
const Category = Type.Enum(DISCLOSURE_CATEGORIES, {
  description:
    'penalty 行政处罚；permit 行政许可；coercion 行政强制；inspection 行政检查；expropriation 行政征收征用；other 其他',
});

export const DecisionListQuery = StrictObject({
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: '文号、当事人、事项名称或正文中的文字（可多个，以空格分隔）',
    }),
  ),
  agency: Type.Optional(Uuid),
  category: Type.Optional(Category),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  page: Type.Optional(PageNo),
  pageSize: Type.Optional(PageSize),
});

export const Decision = Type.Object(
  {
    id: Uuid,
    docNo: Type.String(),
    agency: Type.String(),
    agencyId: Uuid,
    category: Category,
    categoryLabel: Type.String(),
    power: Type.String(),
    party: Type.String({ description: '当事人；自然人姓名已隐去（张某某）' }),
    partyCreditCode: Type.Optional(
      Type.String({ description: '法人或者其他组织的统一社会信用代码' }),
    ),
    facts: Type.String(),
    legalBasis: Type.String(),
    result: Type.String(),
    decidedOn: Type.String(),
    publishedAt: Timestamp,
    status: Type.Enum(['published', 'corrected', 'withdrawn']),
    correctedAt: Type.Optional(Timestamp),
    withdrawal: Type.Optional(Type.Object({ at: Timestamp, reason: Type.String() })),
    displayUntil: Type.Union([Type.String(), Type.Null()], { description: '公示截止日期' }),
    ledgerIndex: Type.Integer({ description: '最近一次公示事件在全过程记录账本中的序号' }),
  },
  { description: '公示的行政执法决定' },
);

/** Search counts exactly up to a bound (SEARCH_COUNT_BOUND); beyond it `total` is that bound. */
export const DecisionPage = Type.Object({
  total: Type.Integer({
    description: '符合条件的决定数；totalIsLowerBound 为 true 时为下限（实际更多）',
  }),
  totalIsLowerBound: Type.Boolean({
    description: 'true：符合条件的决定超过 total 条，只精确计数到 total 为止',
  }),
  items: Type.Array(Decision),
});

export const CsvBody = Type.String({ description: 'CSV（UTF-8，带 BOM）' });

export const PublicationRecord = Type.Object(
  {
    leafIndex: Type.Integer(),
    leaf: Type.Object({
      v: Type.Literal(1),
      leafIndex: Type.Integer(),
      kind: Type.String(),
      agencyId: Type.Union([Type.String(), Type.Null()]),
      caseId: Type.Null(),
      subjectType: Type.String(),
      subjectId: Type.String(),
      actor: Type.Object({
        userId: Type.Union([Type.String(), Type.Null()]),
        name: Type.String(),
        ip: Type.Null(),
        userAgent: Type.Null(),
      }),
      recordedAt: Type.String(),
      payloadHash: Type.String(),
      prevHash: Type.String(),
    }),
    payload: Type.Record(Type.String(), Type.Unknown()),
    leafHash: Type.String(),
  },
  {
    description:
      '公示事件的账本条目：leafHash = SM3(0x00 ‖ RFC 8785 规范化 JSON(leaf))，payloadHash = SM3(规范化 JSON(payload))；可用包含性证明与签名树头核验',
  },
);

const AgencyQuery = StrictObject({
  agency: Type.Optional(Uuid),
  page: Type.Optional(PageNo),
  pageSize: Type.Optional(PageSize),
});
export const CatalogueQuery = AgencyQuery;
export const OfficerQuery = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 50, description: '姓名或执法证号' })),
  agency: Type.Optional(Uuid),
  page: Type.Optional(PageNo),
  pageSize: Type.Optional(PageSize),
});

export const PublicAgency = Type.Object({
  id: Uuid,
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  creditCode: Type.String(),
  region: Type.String(),
  lawAreas: Type.Array(Type.String()),
  jurisdictionArea: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  supervisionPhone: Type.Union([Type.String(), Type.Null()]),
});

export const PublicOfficer = Type.Object({
  name: Type.String(),
  agency: Type.String(),
  agencyId: Uuid,
  credentialNo: Type.String(),
  credentialKind: Type.String(),
  lawAreas: Type.Array(Type.String()),
  issuingAuthority: Type.String(),
  issuedOn: Type.String(),
  expiresOn: Type.String(),
  validity: Type.Enum(['valid', 'suspended', 'revoked', 'expired']),
  validityLabel: Type.String(),
});

export const CredentialParams = StrictObject({
  credentialNo: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }),
});

export const PublicPower = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  agency: Type.String(),
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  categoryLabel: Type.String(),
  handlingUnit: Type.Union([Type.String(), Type.Null()]),
  legalBasis: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  procedureSteps: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  timeLimit: Type.Record(Type.String(), Type.Unknown()),
  discretionBenchmarks: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});

export const PublicServiceGuide = Type.Object({
  powerId: Uuid,
  agencyId: Uuid,
  agency: Type.String(),
  code: Type.String(),
  name: Type.String(),
  legalBasis: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  procedureSteps: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  timeLimit: Type.Record(Type.String(), Type.Unknown()),
  guide: Type.Record(Type.String(), Type.Unknown()),
});

export const PublicRandomCheck = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  agency: Type.String(),
  code: Type.String(),
  name: Type.String(),
  basis: Type.String(),
  subject: Type.String(),
  content: Type.String(),
  method: Type.String(),
  ratio: Type.String(),
  frequency: Type.String(),
});

export const CorrectionRequestBody = StrictObject({
  decisionId: Uuid,
  name: Type.String({
    minLength: 1,
    maxLength: 50,
    pattern: NO_CONTROL,
    description: '申请人姓名或名称',
  }),
  contact: Type.String({
    minLength: 3,
    maxLength: 100,
    pattern: NO_CONTROL,
    description: '联系方式（仅用于答复，不公开）',
  }),
  content: Type.String({
    minLength: 5,
    maxLength: 2000,
    pattern: NO_CONTROL,
    description: '需要更正的内容及理由',
  }),
});

export const CorrectionRequestCreated = Type.Object({
  id: Type.String({ description: '受理编号' }),
  dueBy: Type.Union([IsoDate, Type.Null()], { description: '答复期限；规则为“及时”时为 null' }),
  rule: Type.String(),
});

export const TrackingParams = StrictObject({
  id: Type.String({ pattern: TRACKING_NO_PATTERN, description: '受理编号' }),
});

export const CorrectionRequestStatus = Type.Object({
  id: Type.String(),
  decisionId: Uuid,
  receivedOn: Type.String(),
  dueBy: Type.Union([Type.String(), Type.Null()]),
  rule: Type.String(),
  status: Type.Enum(['open', 'answered']),
  outcome: Type.Union([Type.Enum(['corrected', 'rejected']), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
});

// --- Staff ---------------------------------------------------------------------------------------

export const AgencyParams = StrictObject({ agencyId: Uuid });

export const QueueQuery = StrictObject({
  status: Type.Optional(Type.Enum(['pending_signoff', 'published', 'withheld'])),
});

export const QueueItem = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  agencyName: Type.String(),
  caseId: Uuid,
  caseNo: Type.String(),
  title: Type.String(),
  category: Type.String(),
  ruleText: Type.String(),
  decidedOn: Type.String(),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  publicationId: Type.Union([Uuid, Type.Null()]),
  queuedAt: Type.String(),
  isOverdue: Type.Optional(Type.Boolean()),
});

export const SignOffBody = StrictObject({
  withheldFields: Type.Optional(
    Type.Array(Type.Enum(WITHHOLDABLE_FIELDS), {
      uniqueItems: true,
      description: '不予公开的字段',
    }),
  ),
  withholdReason: Type.Optional(
    Type.Enum(Object.keys(WITHHOLD_REASONS) as (keyof typeof WITHHOLD_REASONS)[]),
  ),
  isWithheld: Type.Optional(Type.Boolean({ description: '整条决定依法不予公开' })),
  withholdNote: Type.Optional(Type.String({ minLength: 2, maxLength: 500, pattern: NO_CONTROL })),
});

export const SignOffResult = Type.Object({
  status: Type.String(),
  decision: Type.Union([Decision, Type.Null()]),
});

export const SettingsBody = StrictObject({ requiresSignoff: Type.Boolean() });
export const SettingsView = Type.Object({ agencyId: Uuid, requiresSignoff: Type.Boolean() });

const Reason = Type.String({ minLength: 2, maxLength: 1000, pattern: NO_CONTROL });
const PublicText = Type.String({ minLength: 1, maxLength: 4000, pattern: NO_CONTROL });

export const CorrectionBody = StrictObject({
  docNo: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: NO_CONTROL })),
  facts: Type.Optional(PublicText),
  legalBasis: Type.Optional(PublicText),
  result: Type.Optional(PublicText),
  reason: Reason,
});

export const WithdrawalBody = StrictObject({
  reason: Reason,
  revokedOn: IsoDate,
});

export const WithdrawalResult = Type.Object({
  decision: Decision,
  deadline: Type.Object({
    rule: Type.String(),
    dueOn: Type.Union([Type.String(), Type.Null()]),
    isLate: Type.Boolean(),
  }),
});

export const EndDisplayBody = StrictObject({ reason: Reason });
export const EndDisplayResult = Type.Object({ id: Uuid, displayUntil: Type.String() });

export const OverdueView = Type.Object({
  today: Type.String(),
  publications: Type.Array(QueueItem),
  correctionRequests: Type.Array(
    Type.Object({
      id: Uuid,
      trackingNo: Type.String(),
      agencyId: Uuid,
      decisionId: Uuid,
      receivedOn: Type.String(),
      dueOn: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const CorrectionRequestListQuery = StrictObject({
  status: Type.Optional(Type.Enum(['open', 'answered'])),
});

export const CorrectionRequestView = Type.Object({
  id: Uuid,
  trackingNo: Type.String(),
  decisionId: Uuid,
  agencyId: Uuid,
  requesterName: Type.String(),
  requesterContact: Type.String(),
  content: Type.String(),
  receivedOn: Type.String(),
  dueBy: Type.Union([Type.String(), Type.Null()]),
  rule: Type.String(),
  status: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
});

export const AnswerBody = StrictObject({
  outcome: Type.Enum(['corrected', 'rejected']),
  answer: Type.String({ minLength: 2, maxLength: 2000, pattern: NO_CONTROL }),
});
