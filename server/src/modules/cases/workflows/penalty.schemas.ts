// Inputs of the penalty workflow's actions, and the shape of what each records in case.details.
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../../shared/schemas.ts';

const Reason = Type.String({ minLength: 2, maxLength: 2000 });
const Yuan = Type.Number({ minimum: 0, maximum: 1e12, multipleOf: 0.01 });

export const PENALTY_TYPES = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'suspend_permit',
  'lower_qualification',
  'revoke_permit',
  'restrict_activity',
  'suspend_business',
  'close',
  'restrict_practice',
  'detention',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

/** Penalties after which the party may ask for a hearing whatever the amount (art.63). */
export const HEARING_TYPES: readonly PenaltyType[] = [
  'lower_qualification',
  'revoke_permit',
  'suspend_business',
  'close',
  'restrict_practice',
];

export const ProposedPenalty = StrictObject({
  types: Type.Array(Type.Enum(PENALTY_TYPES), { minItems: 1, uniqueItems: true }),
  fineYuan: Type.Optional(Yuan),
  confiscationYuan: Type.Optional(Yuan),
  isMitigated: Type.Boolean({ description: '是否减轻处罚' }),
  legalBasis: Type.String({ minLength: 2, maxLength: 2000 }),
  reasons: Type.String({ minLength: 2, maxLength: 4000 }),
});
export type ProposedPenalty = Static<typeof ProposedPenalty>;

export const NoInput = StrictObject({});
export const ReasonInput = StrictObject({ reason: Reason });

export const DeclineFilingInput = StrictObject({ reason: Reason });

/** 情况紧急, the officer starts before the head approves (薛城区 附件2 第八条): why it could not wait. */
export const EmergencyStartInput = StrictObject({ reason: Reason });
/** The head's later approval of an emergency start, or refusal (the case then ends). */
export const EmergencyRatifyInput = StrictObject({
  isApproved: Type.Boolean(),
  opinion: Reason,
});

/**
 * A 笔录 of an act in front of the party: 现场笔录, 询问笔录, 现场检查笔录, 勘验笔录, or the record
 * of 抽样取证 (its 抽样取证凭证), which also names the samples taken and how they were drawn.
 */
export const TranscriptInput = StrictObject({
  transcriptKind: Type.Enum(['on_site', 'inquiry', 'inspection', 'survey', 'sampling']),
  madeOn: IsoDate,
  place: Type.String({ minLength: 1, maxLength: 200 }),
  /** Officers present, each named with the credential number shown. */
  officers: Type.Array(StrictObject({ personId: Uuid, credentialNo: Type.String() }), {
    minItems: 1,
  }),
  content: Type.String({ minLength: 1, maxLength: 20000 }),
  partySigned: Type.Boolean(),
  refusalNote: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  /** 抽样取证: the samples (name, specification, quantity, batch), required for that kind. */
  samples: Type.Optional(Type.String({ minLength: 2, maxLength: 4000 })),
  /** 抽样取证: how the samples were drawn (e.g. 随机抽取, the standard followed). */
  samplingMethod: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
});
export type TranscriptInput = Static<typeof TranscriptInput>;

export const PreservationInput = StrictObject({
  preservedOn: IsoDate,
  items: Type.String({ minLength: 2, maxLength: 4000 }),
});

export const PreservationDecisionInput = StrictObject({
  decidedOn: IsoDate,
  outcome: Type.Enum(['release', 'confiscate', 'seize', 'transfer']),
});

export const NoticeInput = StrictObject({
  servedOn: IsoDate,
  proposed: ProposedPenalty,
  /** For fines and confiscations whose amount reaches the local 较大数额 threshold (art.63). */
  isLargeAmount: Type.Boolean(),
});

export const DefenceInput = StrictObject({
  receivedOn: IsoDate,
  content: Type.String({ minLength: 1, maxLength: 20000 }),
  review: Type.String({ minLength: 2, maxLength: 4000, description: '对陈述申辩的复核意见' }),
  isAccepted: Type.Boolean(),
});

/**
 * The party's express waiver of its right to state and defend (放弃陈述、申辩权利, arts.44–45):
 * when, and how it was expressed — a written statement it signed, or its words in a 笔录 it
 * signed — named so that the document can be found in the case file.
 */
export const DefenceWaiverInput = StrictObject({
  waivedOn: IsoDate,
  expressedIn: Type.Enum(['waiver_statement', 'waiver_transcript']),
  documentRef: Type.String({
    minLength: 2,
    maxLength: 200,
    description: '书面声明或笔录的名称、编号及当事人签名情况',
  }),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});
export type DefenceWaiverInput = Static<typeof DefenceWaiverInput>;

export const HearingRequestInput = StrictObject({ requestedOn: IsoDate });
export const HearingNoticeInput = StrictObject({ noticeServedOn: IsoDate, hearingOn: IsoDate });
export const HearingRecordInput = StrictObject({
  heldOn: IsoDate,
  record: Type.String({ minLength: 2, maxLength: 20000 }),
});

export const CollectiveDecisionInput = StrictObject({
  heldOn: IsoDate,
  participants: Type.Array(Type.String({ minLength: 1 }), { minItems: 3 }),
  minutes: Type.String({ minLength: 2, maxLength: 20000 }),
});

export const ProposeDecisionInput = StrictObject({ proposed: ProposedPenalty });

export const DecideInput = StrictObject({ decidedOn: IsoDate });

export const SERVICE_METHODS = ['direct', 'mail', 'leave', 'notice', 'electronic'] as const;
export const ServiceInput = StrictObject({
  method: Type.Enum(SERVICE_METHODS),
  servedOn: IsoDate,
  /** 直接送达: the signed 送达回证; 邮寄: the postal receipt number. */
  receiptNo: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** 留置送达: why, and who witnessed. */
  leaveReason: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  witness: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** 公告送达: why the other methods failed. */
  otherMethodsFailed: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  /** 电子送达: the party's written consent. */
  consentReference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type ServiceInput = Static<typeof ServiceInput>;

export const PaymentInput = StrictObject({ paidOn: IsoDate, amountYuan: Yuan });
export const ReminderInput = StrictObject({ servedOn: IsoDate });
export const EnforcementInput = StrictObject({
  appliedOn: IsoDate,
  means: Type.Enum(['court', 'own']),
});
export const SuspendInput = StrictObject({ from: IsoDate, reason: Reason });
export const ResumeInput = StrictObject({ on: IsoDate });
export const ExtendInput = StrictObject({
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  reason: Reason,
});
export const CloseInput = StrictObject({ closedOn: IsoDate, summary: Reason });
export const ArchiveInput = StrictObject({
  archivedOn: IsoDate,
  archiveNo: Type.String({ minLength: 1, maxLength: 100 }),
});
export const SummaryDecisionInput = StrictObject({
  decidedOn: IsoDate,
  penalty: ProposedPenalty,
});
