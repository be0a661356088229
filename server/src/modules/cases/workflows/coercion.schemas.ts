// Inputs of the coercion workflows: 行政强制措施 (查封、扣押、冻结) and 行政强制执行 (催告,
// 决定, 代履行, 申请人民法院强制执行).
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../../shared/schemas.ts';
import {
  DateTime,
  LegalBasis,
  LongText,
  onSiteRecordFields,
  Reason,
  ServiceInput,
  Yuan,
} from './kinds.schemas.ts';

export const MEASURE_KINDS = ['seal', 'seize', 'freeze'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const ProposeMeasureInput = StrictObject({
  measures: Type.Array(Type.Enum(MEASURE_KINDS), { minItems: 1, uniqueItems: true }),
  items: Type.String({
    minLength: 2,
    maxLength: 8000,
    description: '查封、扣押的场所、设施、财物清单或冻结的存款、汇款',
  }),
  seizedValueYuan: Type.Optional(Yuan),
  seizedAreaSquareMetres: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
  reasons: Reason,
  legalBasis: LegalBasis,
  /** 情况紧急，需要当场实施 (art.19): approval follows within 24 hours. */
  isEmergency: Type.Boolean(),
  emergencyReason: Type.Optional(Reason),
});
export type ProposeMeasureInput = Static<typeof ProposeMeasureInput>;

export const ImplementMeasureInput = StrictObject({
  implementedAt: DateTime,
  ...onSiteRecordFields,
  isPartyPresent: Type.Boolean({ description: '当事人是否到场' }),
  isPartyInformed: Type.Boolean({ description: '是否当场告知理由、依据及当事人的权利、救济途径' }),
  statementHeard: Type.String({
    minLength: 1,
    maxLength: 4000,
    description: '当事人的陈述和申辩（未陈述的注明）',
  }),
  decisionDocNo: Type.String({
    minLength: 1,
    maxLength: 100,
    description: '查封、扣押（冻结）决定书文号',
  }),
  /** 查封、扣押: the decision and the list are handed over on the spot (art.24). */
  isListDelivered: Type.Boolean(),
  /** 冻结: the financial institution that received the freeze notice (art.30). */
  financialInstitution: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  partyNotifiedOn: Type.Optional(IsoDate),
});

export const RatifyInput = StrictObject({ isApproved: Type.Boolean(), reason: Reason });

export const ExtendMeasureInput = StrictObject({
  approvedOn: IsoDate,
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  reason: Reason,
  notifiedOn: IsoDate,
});

export const MeasureExcludedInput = StrictObject({
  kind: Type.Enum(['testing', 'inspection', 'quarantine', 'appraisal']),
  from: IsoDate,
  to: IsoDate,
  notifiedOn: IsoDate,
});

export const RELEASE_REASONS = [
  'no_violation',
  'unrelated',
  'decided_no_longer_needed',
  'period_expired',
  'no_longer_needed',
] as const;
export const ReleaseInput = StrictObject({
  releasedOn: IsoDate,
  reason: Type.Enum(RELEASE_REASONS),
  /** Art.28: the property is returned at once (or the proceeds of its sale). */
  returnNote: Type.String({ minLength: 2, maxLength: 2000 }),
});

export const DISPOSALS = ['confiscate', 'destroy', 'transfer_to_judicial'] as const;
export const ProposeDisposalInput = StrictObject({
  outcome: Type.Enum(DISPOSALS),
  reasons: Reason,
  legalBasis: LegalBasis,
  relatedCaseNo: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export const DisposeInput = StrictObject({ decidedOn: IsoDate });

// --- Execution ----------------------------------------------------------------------------------

export const BasisInput = StrictObject({
  decision: StrictObject({
    docNo: Type.String({ minLength: 1, maxLength: 100 }),
    decidedOn: IsoDate,
    /** The day the party received it: remedy periods run from here. */
    servedOn: IsoDate,
    obligation: Type.String({ minLength: 2, maxLength: 4000 }),
    isMonetary: Type.Boolean(),
    amountYuan: Type.Optional(Yuan),
    performanceDueOn: IsoDate,
  }),
  /** Whether a law gives this agency the power to execute itself; otherwise it applies to a court. */
  enforcementPower: Type.Enum(['own', 'court']),
  legalBasis: LegalBasis,
});
export type BasisInput = Static<typeof BasisInput>;

/** 催告书 (art.35): the period, the manner, the amount, and the right to state and defend. */
export const ExecutionReminderInput = StrictObject({
  performByOn: IsoDate,
  obligation: Type.String({ minLength: 2, maxLength: 4000 }),
  amountYuan: Type.Optional(Yuan),
  paymentMethod: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
  statesRightToBeHeard: Type.Boolean(),
  service: ServiceInput,
});

export const PerformanceInput = StrictObject({ performedOn: IsoDate, note: Reason });

export const EXECUTION_MEANS = [
  'transfer',
  'auction',
  'demolition',
  'remove_obstruction',
  'substitute_performance',
  'court',
] as const;
export type ExecutionMeans = (typeof EXECUTION_MEANS)[number];

export const ProposeExecutionInput = StrictObject({
  means: Type.Enum(EXECUTION_MEANS),
  reasons: Reason,
  legalBasis: LegalBasis,
  /** 代履行 (arts.50–51): who performs, what, and the cost budget the party will bear. */
  substitute: Type.Optional(
    StrictObject({
      performer: Type.String({ minLength: 2, maxLength: 200 }),
      subject: Type.String({ minLength: 2, maxLength: 2000 }),
      costBudgetYuan: Yuan,
    }),
  ),
});
export type ProposeExecutionInput = Static<typeof ProposeExecutionInput>;

export const DecideExecutionInput = StrictObject({ decidedOn: IsoDate });

export const AnnouncementInput = StrictObject({
  announcedOn: IsoDate,
  selfDemolishBy: IsoDate,
  place: Type.String({ minLength: 2, maxLength: 200 }),
});

export const SubstituteReminderInput = StrictObject({ servedOn: IsoDate });

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
export const RecordExecutionInput = StrictObject({
  executedOn: IsoDate,
  startTime: Time,
  endTime: Time,
  /** Art.43: execution at night or on a day off only in an emergency. */
  emergencyReason: Type.Optional(Reason),
  ...onSiteRecordFields,
  /** 代履行: the agency's officer who supervised on site (art.51). */
  supervisorPersonId: Type.Optional(Uuid),
});

export const CourtApplicationInput = StrictObject({
  appliedOn: IsoDate,
  court: Type.String({ minLength: 2, maxLength: 200 }),
});
export const CourtRulingInput = StrictObject({
  ruledOn: IsoDate,
  rulingNo: Type.String({ minLength: 1, maxLength: 100 }),
  outcome: Type.Enum(['enforced', 'refused']),
  note: Type.Optional(LongText),
});

export const END_REASONS = [
  'party_died_no_estate',
  'organisation_ended_no_successor',
  'object_lost',
  'decision_revoked',
  'other',
] as const;
export const EndExecutionInput = StrictObject({ reason: Type.Enum(END_REASONS), note: Reason });
