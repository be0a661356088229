// Inputs of the permit workflows (行政许可: 许可, 变更, 延续, 撤销/撤回, 注销) and the shape of
// the proposal the decision is taken on.
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject } from '../../../shared/schemas.ts';
import { LegalBasis, LongText, onSiteRecordFields, Reason, Yuan } from './kinds.schemas.ts';

export const PERMIT_PROCEDURES = ['grant', 'change', 'renew', 'revoke', 'cancel'] as const;
export type PermitProcedure = (typeof PERMIT_PROCEDURES)[number];

const ExistingPermit = StrictObject({
  permitNo: Type.String({ minLength: 1, maxLength: 100 }),
  decidedOn: Type.Optional(IsoDate),
  validUntil: Type.Optional(IsoDate),
});
export type ExistingPermit = Static<typeof ExistingPermit>;

export const ApplicationInput = StrictObject({
  receivedOn: IsoDate,
  requested: Type.String({ minLength: 2, maxLength: 4000, description: '申请事项及内容' }),
  materials: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1 }),
  /** 变更 and 延续 name the permit they concern. */
  existingPermit: Type.Optional(ExistingPermit),
});

export const CorrectionRequestInput = StrictObject({
  requestedOn: IsoDate,
  items: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1 }),
});
export const CorrectionDoneInput = StrictObject({ completedOn: IsoDate });

/** Why a hearing is held: required (art.46), or a right of those whose major interests it touches (art.47). */
export const HEARING_BASES = [
  'none',
  'required_by_law',
  'public_interest',
  'major_interest',
] as const;
export type HearingBasis = (typeof HEARING_BASES)[number];

export const AcceptInput = StrictObject({
  acceptedOn: IsoDate,
  isSiteCheckRequired: Type.Boolean({ description: '是否需要对申请材料的实质内容进行现场核查' }),
  hearingBasis: Type.Enum(HEARING_BASES),
});

export const RejectApplicationInput = StrictObject({
  decidedOn: IsoDate,
  reason: Reason,
  /** Where the applicant should apply instead, when the matter is not this agency's (art.32). */
  referTo: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
});

export const SiteCheckInput = StrictObject({ checkedOn: IsoDate, ...onSiteRecordFields });

export const HearingRightNoticeInput = StrictObject({
  servedOn: IsoDate,
  notified: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1 }),
});

/** Time not counted in the decision period (art.45), told to the applicant in writing. */
export const ExcludedPeriodInput = StrictObject({
  kind: Type.Enum([
    'hearing',
    'tender',
    'auction',
    'inspection_test',
    'quarantine',
    'appraisal',
    'expert_review',
  ]),
  from: IsoDate,
  to: IsoDate,
  notifiedOn: IsoDate,
});

export const PermitExtendInput = StrictObject({
  approvedOn: IsoDate,
  reason: Reason,
  notifiedOn: IsoDate,
});

export const PERMIT_OUTCOMES = ['grant', 'deny', 'revoke', 'withdraw', 'keep', 'cancel'] as const;
export type PermitOutcome = (typeof PERMIT_OUTCOMES)[number];

export const PermitProposal = StrictObject({
  outcome: Type.Enum(PERMIT_OUTCOMES),
  content: Type.String({ minLength: 2, maxLength: 4000, description: '决定内容' }),
  legalBasis: LegalBasis,
  reasons: Type.Optional(Type.String({ minLength: 2, maxLength: 4000 })),
  /** 申请行政复议或者提起行政诉讼的权利 (art.38: required when refusing). */
  remedyNotice: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  validUntil: Type.Optional(IsoDate),
  issuesCertificate: Type.Boolean({ description: '是否颁发行政许可证件' }),
  /** Decided on the hearing record (art.48 para.2), where a hearing was held. */
  isBasedOnHearingRecord: Type.Optional(Type.Boolean()),
  /** 撤销 that would seriously harm the public interest is not made (art.69 para.3). */
  harmsPublicInterest: Type.Optional(Type.Boolean()),
  /** 撤回 (art.8) is compensated; 撤销 for the agency's fault is indemnified (art.69 para.4). */
  compensation: Type.Optional(
    StrictObject({ amountYuan: Yuan, description: Type.String({ minLength: 2, maxLength: 2000 }) }),
  ),
});
export type PermitProposal = Static<typeof PermitProposal>;
export const ProposePermitInput = StrictObject({ proposed: PermitProposal });

export const PermitDecideInput = StrictObject({ decidedOn: IsoDate });

export const CertificateInput = StrictObject({
  issuedOn: IsoDate,
  certificateNo: Type.String({ minLength: 1, maxLength: 100 }),
  validUntil: Type.Optional(IsoDate),
});

/** Grounds to start a 撤销/撤回 (arts.69, 8) or a 注销 (art.70). */
export const WITHDRAWAL_GROUNDS = [
  'abuse_of_power',
  'beyond_authority',
  'procedure_violation',
  'unqualified_applicant',
  'fraud_or_bribery',
  'law_changed',
  'circumstances_changed',
  'expired_not_renewed',
  'holder_died_or_incapacitated',
  'organisation_terminated',
  'revoked_or_withdrawn',
  'force_majeure',
  'other',
] as const;
export type WithdrawalGround = (typeof WITHDRAWAL_GROUNDS)[number];

export const StartWithdrawalInput = StrictObject({
  startedOn: IsoDate,
  initiatedBy: Type.Enum(['ex_officio', 'interested_party', 'permittee']),
  permit: ExistingPermit,
  ground: Type.Enum(WITHDRAWAL_GROUNDS),
  facts: LongText,
});

export const AdverseNoticeInput = StrictObject({
  servedOn: IsoDate,
  summary: Type.String({ minLength: 2, maxLength: 4000 }),
  /** The permit directly touches major interests of the holder or others (art.47). */
  isHearingEligible: Type.Boolean(),
});
