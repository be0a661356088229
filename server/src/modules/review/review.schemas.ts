// Requests and answers of the legal-review routes.
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../shared/schemas.ts';
import { MajorCondition } from '../profile/profile.values.ts';
import {
  DECISION_KINDS,
  MAJOR_FACT_LABELS,
  REVIEW_OUTCOMES,
} from '../profile/profile.vocabulary.ts';
import { DECLARED_FACTS } from './review.catalog.ts';

const Text = (max: number, min = 2) => Type.String({ minLength: min, maxLength: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

export const CaseParams = StrictObject({ caseId: Uuid });
export const AgencyParams = StrictObject({ agencyId: Uuid });
export const OpinionParams = StrictObject({ caseId: Uuid, opinionId: Uuid });

// --- Requests ----------------------------------------------------------------------------------

const factProperties = Object.fromEntries(
  DECLARED_FACTS.map((f) => [
    f,
    Type.Optional(Type.Boolean({ description: MAJOR_FACT_LABELS[f] })),
  ]),
);

export const FactsBody = StrictObject({
  facts: StrictObject(factProperties, {
    description: '需要人工认定的目录事实（true 是 / false 否）；未填写的保持原认定',
    minProperties: 1,
  }),
  note: Type.Optional(Text(2000)),
});
export type FactsInput = Static<typeof FactsBody>;

export const SubmissionBody = StrictObject({
  situation: Type.String({ minLength: 2, maxLength: 20000, description: '情况说明' }),
  factsAndEvidence: Type.Optional(Text(20000)),
  procedureMaterials: Type.Optional(Text(20000)),
  legalBasis: Type.Optional(Text(4000)),
  hearingRecord: Type.Optional(Text(20000)),
  kindSpecific: Type.Optional(
    StrictObject({
      compensationPlan: Type.Optional(Text(20000)),
      executionConditions: Type.Optional(Text(4000)),
      executor: Type.Optional(Text(200)),
      executionManner: Type.Optional(Text(2000)),
      executionTime: Type.Optional(Text(200)),
      consultation: Type.Optional(Text(20000)),
      fundsInPlace: Type.Optional(Text(4000)),
    }),
  ),
  attachments: Type.Optional(
    Type.Array(StrictObject({ title: Text(200, 1), reference: Text(500, 1) }), { maxItems: 100 }),
  ),
  fixNote: Type.Optional(Type.String({ minLength: 2, maxLength: 4000, description: '整改说明' })),
  reviewUnitId: Type.Optional(Uuid),
  timeLimit: Type.Optional(
    StrictObject(
      {
        amount: Type.Integer({ minimum: 1, maximum: 60 }),
        unit: Type.Enum(['working_days', 'days']),
      },
      { description: '机关确定的审核期限（规则包未规定具体期限时填写）' },
    ),
  ),
});
export type SubmissionInput = Static<typeof SubmissionBody>;

export const OpinionBody = StrictObject({
  outcome: Type.Enum(REVIEW_OUTCOMES),
  reasons: Type.Optional(Text(20000)),
  checklist: Type.Array(
    StrictObject({
      item: Type.String({ minLength: 1, maxLength: 100 }),
      conclusion: Type.Enum(['pass', 'problem', 'not_applicable']),
      note: Type.Optional(Text(4000, 1)),
    }),
    { maxItems: 50 },
  ),
  lawyers: Type.Optional(
    Type.Array(
      StrictObject({
        name: Text(50, 1),
        kind: Type.Enum(['public_lawyer', 'legal_adviser']),
        opinion: Text(8000),
        isAdopted: Type.Boolean(),
        reasonNotAdopted: Type.Optional(Text(4000)),
      }),
      { maxItems: 10 },
    ),
  ),
});
export type OpinionInput = Static<typeof OpinionBody>;

export const ExtensionBody = StrictObject({
  reason: Text(2000),
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
});
export type ExtensionInput = Static<typeof ExtensionBody>;

export const ObjectionBody = StrictObject({
  reasons: Text(8000),
  legalBasis: Type.Optional(Text(4000)),
  negotiation: Type.Optional(
    StrictObject({
      heldOn: IsoDate,
      participants: Type.Array(Text(50, 1), { minItems: 2, maxItems: 20 }),
      record: Text(20000),
      isAgreed: Type.Boolean({ description: '协商是否达成一致' }),
    }),
  ),
});
export type ObjectionInput = Static<typeof ObjectionBody>;

export const ResolutionBody = StrictObject({
  heldOn: IsoDate,
  participants: Type.Array(Text(50, 1), { minItems: 1, maxItems: 30 }),
  minutes: Text(20000),
  resolution: Type.Enum(['proceed_as_proposed', 'adopt_review_opinion', 'reconsider']),
});
export type ResolutionInput = Static<typeof ResolutionBody>;

export const CatalogExtensionBody = StrictObject({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,40}$' }),
  label: Text(200),
  decisionKind: Type.Enum(DECISION_KINDS),
  when: Type.Array(MajorCondition, { minItems: 1, maxItems: 10 }),
  reason: Text(2000),
  filing: Type.Optional(
    StrictObject({ authority: Text(100), filingNo: Text(100, 1), filedOn: IsoDate }),
  ),
});
export type CatalogExtensionInput = Static<typeof CatalogExtensionBody>;

// --- Answers -----------------------------------------------------------------------------------

const Source = Type.Unknown({
  description:
    '出处：规则包原文（seed）、法律条文（law）、本机关调整（override）或本机关目录清单（agency_extension，含备案）',
});

export const EntryResultView = Type.Object({
  code: Type.String(),
  label: Type.String(),
  decisionKind: Type.String(),
  isMatched: Type.Boolean(),
  conditions: Type.Array(Type.Object({ holds: Type.Boolean(), explanation: Type.String() })),
  source: Source,
  citation: Type.String(),
});

export const ClassificationView = Type.Object({
  proposalHash: Type.String({ description: '拟作出决定的 SM3 摘要（RFC 8785 规范化 JSON）' }),
  isMajor: Type.Boolean(),
  profile: Type.Object({ id: Type.String(), name: Type.String(), version: Type.String() }),
  matched: Type.Array(EntryResultView),
  checked: Type.Array(EntryResultView),
  unansweredFacts: Type.Array(Type.Object({ fact: Type.String(), label: Type.String() })),
  summary: Type.String(),
});

const OpinionView = Type.Object({
  id: Uuid,
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  isAgreement: Type.Boolean(),
  reasons: Nullable(Type.String()),
  checklist: Type.Array(Type.Unknown()),
  lawyers: Type.Array(Type.Unknown()),
  reviewerName: Type.String(),
  givenOn: IsoDate,
  isLate: Type.Boolean(),
  documentHash: Type.String(),
});

const RoundView = Type.Object({
  id: Uuid,
  roundNo: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  status: Type.Enum(['pending', 'answered', 'superseded']),
  proposalHash: Type.String(),
  proposalSummary: Type.String(),
  materials: Type.Unknown(),
  diff: Nullable(Type.Array(Type.Unknown())),
  fixNote: Nullable(Type.String()),
  requestReason: Nullable(Type.String()),
  isMajor: Type.Boolean(),
  body: Type.Object({
    kind: Type.String(),
    agencyId: Uuid,
    unitId: Nullable(Uuid),
    name: Type.String(),
  }),
  timeLimit: Type.Object({
    amount: Type.Integer(),
    unit: Type.String(),
    ruleKey: Type.String(),
    basis: Type.String(),
  }),
  submittedByName: Type.String(),
  submittedOn: IsoDate,
  dueOn: Nullable(IsoDate),
  daysLeft: Nullable(Type.Integer({ description: '距审核期限届满的自然日数（负数为已超期）' })),
  isOverdue: Type.Boolean(),
  extension: Nullable(
    Type.Object({
      amount: Type.Integer(),
      unit: Type.String(),
      reason: Type.String(),
      approverTitle: Type.String(),
      approvedByName: Type.String(),
      approvedOn: IsoDate,
    }),
  ),
  opinion: Nullable(OpinionView),
});

const DisputeView = Type.Object({
  id: Uuid,
  roundNo: Type.Integer(),
  kind: Type.String(),
  path: Type.String(),
  content: Type.Unknown(),
  resolution: Nullable(Type.String()),
  recordedByName: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
});

export const ReviewView = Type.Object({
  caseId: Uuid,
  caseNo: Type.String(),
  state: Type.String(),
  proposalSummary: Type.String(),
  classification: ClassificationView,
  gate: Type.Object({
    state: Type.String(),
    canDecide: Type.Boolean({ description: '就法制审核而言，现在能否作出决定' }),
    message: Type.String(),
  }),
  outcomes: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      isAgreement: Type.Boolean(),
      isReasonRequired: Type.Boolean(),
    }),
  ),
  checklist: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  disagreementPath: Type.Object({ code: Nullable(Type.String()), label: Type.String() }),
  rounds: Type.Array(RoundView),
  disputes: Type.Array(DisputeView),
  responsibility: Type.Array(
    Type.Object({
      step: Type.String(),
      label: Type.String(),
      who: Type.String(),
      at: Type.String(),
      proposalHash: Nullable(Type.String()),
    }),
  ),
});
export type ReviewView = Static<typeof ReviewView>;

export const OpinionDocumentView = Type.Object({
  opinionId: Uuid,
  documentHash: Type.String(),
  document: Type.Unknown(),
  text: Type.String(),
  html: Type.String(),
});

export const QueueItem = Type.Object({
  roundId: Uuid,
  caseId: Uuid,
  caseNo: Type.String(),
  caseTitle: Type.String(),
  agencyName: Type.String(),
  roundNo: Type.Integer(),
  kind: Type.String(),
  isMajor: Type.Boolean(),
  submittedOn: IsoDate,
  submittedByName: Type.String(),
  dueOn: Nullable(IsoDate),
  daysLeft: Nullable(Type.Integer()),
  isOverdue: Type.Boolean(),
});

export const StaffingView = Type.Object({
  agencyId: Uuid,
  officers: Type.Integer({ description: '持有效执法证的执法人员数' }),
  reviewers: Type.Integer(),
  requiredPercent: Nullable(Type.Number()),
  requiredReviewers: Type.Integer(),
  isSufficient: Type.Boolean(),
  basis: Nullable(Type.String()),
  reviewerList: Type.Array(
    Type.Object({
      userId: Uuid,
      name: Type.String(),
      hasLegalQualification: Type.Boolean(),
      qualificationKinds: Type.Array(Type.String()),
    }),
  ),
});

export const CatalogView = Type.Object({
  agencyId: Uuid,
  profile: Type.Object({ id: Type.String(), name: Type.String(), version: Type.String() }),
  extensionMode: Nullable(
    Type.Object({ code: Type.String(), label: Type.String(), citation: Type.String() }),
  ),
  entries: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      decisionKind: Type.String(),
      when: Type.Unknown(),
      source: Source,
      citation: Type.String(),
    }),
  ),
});
