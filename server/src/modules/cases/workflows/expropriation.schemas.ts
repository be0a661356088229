// Inputs of the expropriation workflow (征收征用).
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject } from '../../../shared/schemas.ts';
import { EXPROPRIATION_OBJECTS } from './expropriation.objects.ts';
import { LegalBasis, LongText, Reason, Yuan } from './kinds.schemas.ts';

/** The public interest served (条例 art.8), or the emergency a requisition answers (民法典 art.245). */
export const PURPOSES = [
  'defence_foreign_affairs',
  'infrastructure',
  'public_utilities',
  'affordable_housing',
  'old_city_renewal',
  'other_public_interest',
  'emergency',
] as const;

export const PlanInput = StrictObject({
  object: Type.Enum(EXPROPRIATION_OBJECTS),
  includesHouses: Type.Boolean({ description: '是否涉及房屋' }),
  purpose: Type.Enum(PURPOSES),
  scope: Type.String({ minLength: 2, maxLength: 4000, description: '征收（征用）范围' }),
  compensationPlan: LongText,
  legalBasis: LegalBasis,
  partiesCount: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  isManyParties: Type.Boolean({ description: '被征收人数量较多，须经政府常务会议讨论决定' }),
});
export type PlanInput = Static<typeof PlanInput>;

export const PublishInput = StrictObject({
  publishedOn: IsoDate,
  commentUntil: IsoDate,
  medium: Type.String({ minLength: 2, maxLength: 200 }),
});

export const ConsultationInput = StrictObject({
  closedOn: IsoDate,
  opinionsSummary: LongText,
  revisions: Type.String({ minLength: 2, maxLength: 8000, description: '根据公众意见修改的情况' }),
  resultsPublishedOn: IsoDate,
  majorityObjected: Type.Boolean({ description: '多数被征收人认为补偿方案不符合规定' }),
  hearing: Type.Optional(StrictObject({ heldOn: IsoDate, record: LongText })),
});

export const RiskAssessmentInput = StrictObject({
  assessedOn: IsoDate,
  riskLevel: Type.Enum(['low', 'medium', 'high']),
  conclusion: Type.String({ minLength: 2, maxLength: 4000 }),
});

export const FundsInput = StrictObject({
  confirmedOn: IsoDate,
  amountYuan: Yuan,
  account: Type.String({ minLength: 2, maxLength: 200, description: '专户' }),
  isFullAmount: Type.Boolean({ description: '补偿费用是否足额到位' }),
});

export const ProposeExpropriationInput = StrictObject({
  proposed: StrictObject({
    scope: Type.String({ minLength: 2, maxLength: 4000 }),
    compensationSummary: Type.String({ minLength: 2, maxLength: 4000 }),
    signingPeriod: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    remedyNotice: Type.String({ minLength: 2, maxLength: 1000 }),
    legalBasis: LegalBasis,
  }),
});

export const ExpropriationDecideInput = StrictObject({ decidedOn: IsoDate });

export const AnnounceInput = StrictObject({
  announcedOn: IsoDate,
  medium: Type.String({ minLength: 2, maxLength: 200 }),
  includesPlanAndRemedies: Type.Boolean({ description: '公告是否载明补偿方案和复议、诉讼权利' }),
});

export const CompensationInput = StrictObject({
  partyName: Type.String({ minLength: 1, maxLength: 100 }),
  form: Type.Enum(['agreement', 'decision']),
  on: IsoDate,
  amountYuan: Yuan,
  /** A compensation decision (条例 art.26): served on the owner, with the period to move. */
  servedOn: Type.Optional(IsoDate),
  movingDeadlineOn: Type.Optional(IsoDate),
});

export const ExpropriationCourtInput = StrictObject({
  partyName: Type.String({ minLength: 1, maxLength: 100 }),
  appliedOn: IsoDate,
  court: Type.String({ minLength: 2, maxLength: 200 }),
});

export const ReturnInput = StrictObject({
  returnedOn: IsoDate,
  condition: Reason,
  damageCompensationYuan: Type.Optional(Yuan),
});

export const CompleteInput = StrictObject({ completedOn: IsoDate, summary: Reason });
