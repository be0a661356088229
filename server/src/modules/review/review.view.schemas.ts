// Answers of the legal-review routes: exact shapes, so the workbench reads them as published.
import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../../shared/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

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

const ChecklistAnswerView = Type.Object({
  item: Type.String({ description: '审核要点代码（见 checklist）' }),
  conclusion: Type.Enum(['pass', 'problem', 'not_applicable']),
  note: Nullable(Type.String()),
});

const LawyerView = Type.Object({
  name: Type.String(),
  kind: Type.Enum(['public_lawyer', 'legal_adviser']),
  opinion: Type.String(),
  isAdopted: Type.Boolean({ description: '审核意见是否采纳其意见' }),
  reasonNotAdopted: Nullable(Type.String()),
});

const InstrumentLink = Type.Object(
  {
    id: Uuid,
    docNo: Type.String({ description: '文号' }),
    pdfUrl: Type.String(),
    docxUrl: Type.String(),
    verificationUrl: Type.String({ description: '公开核验（签章与文件）' }),
  },
  { description: '已签章的法制审核意见书（随案归档）' },
);

const OpinionView = Type.Object({
  id: Uuid,
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  isAgreement: Type.Boolean(),
  reasons: Nullable(Type.String()),
  checklist: Type.Array(ChecklistAnswerView),
  lawyers: Type.Array(LawyerView),
  reviewerName: Type.String(),
  givenOn: IsoDate,
  givenAt: Type.String({ format: 'date-time' }),
  isLate: Type.Boolean(),
  documentHash: Type.String(),
  instrument: Nullable(InstrumentLink),
});

const MaterialsView = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      content: Nullable(Type.String()),
      origin: Nullable(
        Type.Enum(['case', 'submission'], { description: '取自案件记录或送审时填写' }),
      ),
    }),
  ),
  attachments: Type.Array(Type.Object({ title: Type.String(), reference: Type.String() })),
});

const ChangeView = Type.Object({
  part: Type.Enum(['proposal', 'materials']),
  field: Type.String(),
  label: Type.String(),
  before: Type.Unknown({ description: '上一版本的值（JSON）' }),
  after: Type.Unknown({ description: '本版本的值（JSON）' }),
});

const Countdown = {
  dueOn: Nullable(IsoDate),
  daysLeft: Nullable(Type.Integer({ description: '距审核期限届满的自然日数（负数为已超期）' })),
  workingDaysLeft: Nullable(
    Type.Integer({ description: '距审核期限届满的工作日数（负数为已超期的工作日数）' }),
  ),
  isOverdue: Type.Boolean(),
};

const RoundView = Type.Object({
  id: Uuid,
  roundNo: Type.Integer(),
  kind: Type.Enum(['submission', 're_review', 'reconsideration']),
  kindLabel: Type.String(),
  status: Type.Enum(['pending', 'answered', 'superseded']),
  proposalHash: Type.String(),
  proposalVersion: Type.Integer({ description: '拟作出决定的版本号（内容变化时加一）' }),
  proposal: Type.Unknown({ description: '送审的拟作出决定（JSON）' }),
  proposalSummary: Type.String(),
  materials: MaterialsView,
  diff: Nullable(Type.Array(ChangeView, { description: '与上一次送审相比的变化' })),
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
  submittedAt: Type.String({ format: 'date-time' }),
  ...Countdown,
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

const ObjectionContent = Type.Object({
  reasons: Type.String(),
  legalBasis: Nullable(Type.String()),
  negotiation: Nullable(
    Type.Object({
      heldOn: IsoDate,
      participants: Type.Array(Type.String()),
      record: Type.String(),
      isAgreed: Type.Boolean(),
    }),
  ),
  reviewOpinion: Type.Object({ outcome: Type.String(), reasons: Nullable(Type.String()) }),
  pathLabel: Type.String(),
});

const ResolutionContent = Type.Object({
  heldOn: IsoDate,
  participants: Type.Array(Type.String()),
  minutes: Type.String(),
  reviewOpinion: Type.Object({ outcome: Type.String(), reasons: Nullable(Type.String()) }),
  objection: Nullable(ObjectionContent),
  responsibility: Nullable(Type.String()),
});

const DisputeView = Type.Object({
  id: Uuid,
  roundNo: Type.Integer(),
  kind: Type.Enum(['objection', 'resolution']),
  path: Type.String(),
  content: Type.Union([ObjectionContent, ResolutionContent]),
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
      citation: Type.String(),
    }),
    { description: '本辖区规则包规定的审核意见种类' },
  ),
  checklist: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      group: Type.Enum(['general', 'decision_kind'], {
        description: '通用审核要点或本类决定增加的要点',
      }),
    }),
    { description: '本案拟作出决定适用的审核要点（出具意见时逐项填写）' },
  ),
  timeLimit: Type.Object({
    display: Nullable(Type.String({ description: '规则包规定的审核期限，如 5个工作日' })),
    citation: Nullable(Type.String()),
    isSetByAgency: Type.Boolean({ description: '规则包未规定具体期限，由机关送审时确定' }),
  }),
  extensionRule: Nullable(
    Type.Object({
      amount: Type.Integer(),
      unit: Type.String(),
      display: Type.String(),
      approverTitle: Type.String(),
      citation: Type.String(),
    }),
  ),
  pending: Nullable(
    Type.Object(
      {
        roundId: Uuid,
        roundNo: Type.Integer(),
        ...Countdown,
        canExtend: Type.Boolean({ description: '现在能否批准延长（规则允许、未延长过、未届满）' }),
      },
      { description: '正在审核的一次送审及其倒计时' },
    ),
  ),
  disagreementPath: Type.Object({ code: Nullable(Type.String()), label: Type.String() }),
  rounds: Type.Array(RoundView),
  disputes: Type.Array(DisputeView),
  responsibility: Type.Array(
    Type.Object({
      step: Type.String(),
      label: Type.String(),
      who: Type.String(),
      at: Type.String({ format: 'date-time' }),
      roundNo: Nullable(Type.Integer()),
      proposalHash: Nullable(Type.String()),
      proposalVersion: Nullable(Type.Integer()),
      ledgerSeq: Type.Integer({ description: '账本序号（可在案件时间线和账本中核验）' }),
    }),
    { description: '谁承办谁负责、谁审核谁负责、谁审批谁负责：每一步由谁、何时、就哪一版本作出' },
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
  ...Countdown,
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
