// Inputs shared by the permit, coercion, inspection and expropriation workflows: the on-site
// record (笔录) every act in front of a party produces, service (送达), statements, closing and
// archiving. Each kind's own schemas build on these.
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../../shared/schemas.ts';
import { SERVICE_METHODS } from './penalty.schemas.ts';

export const Reason = Type.String({ minLength: 2, maxLength: 2000 });
export const LongText = Type.String({ minLength: 2, maxLength: 20000 });
export const Yuan = Type.Number({ minimum: 0, maximum: 1e12, multipleOf: 0.01 });
export const LegalBasis = Type.String({ minLength: 2, maxLength: 2000, description: '法律依据' });
export const DateTime = Type.String({
  format: 'date-time',
  description: 'ISO 8601 时间（含时区）',
});

export const NoInput = StrictObject({});
export const ReasonInput = StrictObject({ reason: Reason });

/** An officer present, named with the credential number shown to the party. */
export const OfficerShown = StrictObject({
  personId: Uuid,
  credentialNo: Type.String({ minLength: 1, maxLength: 50 }),
});

/**
 * What every on-site record holds: the officers present with the credentials shown, what
 * happened, and the party's signature — or the refusal noted, with a witness.
 */
export const onSiteRecordFields = {
  place: Type.String({ minLength: 1, maxLength: 200 }),
  officers: Type.Array(OfficerShown, { minItems: 1, maxItems: 10 }),
  content: LongText,
  partySigned: Type.Boolean(),
  refusalNote: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  witness: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};
export interface OnSiteRecord {
  officers: { personId: string; credentialNo: string }[];
  partySigned: boolean;
  refusalNote?: string;
  witness?: string;
}

export const ServiceInput = StrictObject({
  method: Type.Enum(SERVICE_METHODS),
  servedOn: IsoDate,
  receiptNo: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  leaveReason: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  witness: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  otherMethodsFailed: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  consentReference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type ServiceInput = Static<typeof ServiceInput>;

/** The party's statement (陈述申辩) and the agency's review of it. */
export const StatementInput = StrictObject({
  receivedOn: IsoDate,
  content: LongText,
  review: Type.String({ minLength: 2, maxLength: 4000, description: '对陈述申辩的复核意见' }),
  isAccepted: Type.Boolean(),
});

export const HearingRequestInput = StrictObject({
  requestedOn: IsoDate,
  requester: Type.String({ minLength: 1, maxLength: 100 }),
});
export const HearingNoticeInput = StrictObject({
  noticeServedOn: IsoDate,
  hearingOn: IsoDate,
  presider: StrictObject({
    name: Type.String({ minLength: 1, maxLength: 50 }),
    personId: Type.Optional(Uuid),
  }),
  /** Hearings the law requires (行政许可法 art.46) are announced to the public. */
  announcedOn: Type.Optional(IsoDate),
});
export const HearingRecordInput = StrictObject({ heldOn: IsoDate, record: LongText });

export const CollectiveDecisionInput = StrictObject({
  heldOn: IsoDate,
  participants: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 3 }),
  minutes: LongText,
});

export const CloseInput = StrictObject({ closedOn: IsoDate, summary: Reason });
export const ArchiveInput = StrictObject({
  archivedOn: IsoDate,
  archiveNo: Type.String({ minLength: 1, maxLength: 100 }),
});
