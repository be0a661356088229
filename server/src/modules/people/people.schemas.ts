import { Type, type Static } from 'typebox';
import { IdCardNo, IsoDate, Name, Phone, StrictObject, Uuid } from '../../shared/schemas.ts';

export const CREDENTIAL_KINDS = ['enforcement', 'supervision'] as const;
export const CREDENTIAL_STATUSES = ['valid', 'suspended', 'revoked'] as const;
export const QUALIFICATION_KINDS = [
  'legal_professional',
  'public_lawyer',
  'legal_adviser',
] as const;
/** What a credential means today: its recorded status, or expired once past its end date. */
export const CREDENTIAL_VALIDITIES = ['valid', 'suspended', 'revoked', 'expired'] as const;

const LawAreas = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  minItems: 1,
  maxItems: 20,
  uniqueItems: true,
});
const CredentialNo = Type.String({ pattern: '^[0-9A-Z]{6,20}$', description: '执法证号' });

export const CredentialView = Type.Object({
  id: Uuid,
  personId: Uuid,
  credentialNo: Type.String(),
  kind: Type.Enum(CREDENTIAL_KINDS),
  lawAreas: Type.Array(Type.String()),
  issuingAuthority: Type.String(),
  issuedOn: IsoDate,
  expiresOn: IsoDate,
  status: Type.Enum(CREDENTIAL_STATUSES),
  statusReason: Type.Union([Type.String(), Type.Null()]),
  validity: Type.Enum(CREDENTIAL_VALIDITIES),
});
export type CredentialView = Static<typeof CredentialView>;

export const QualificationView = Type.Object({
  id: Uuid,
  kind: Type.Enum(QUALIFICATION_KINDS),
  certificateNo: Type.String(),
  obtainedOn: IsoDate,
});
export type QualificationView = Static<typeof QualificationView>;

export const PersonView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  unitId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  // Staff screens never need the whole number; the masked form identifies without exposing it.
  idCardNoMasked: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  position: Type.Union([Type.String(), Type.Null()]),
  isActive: Type.Boolean(),
  hasPhoto: Type.Boolean(),
  credentials: Type.Array(CredentialView),
  qualifications: Type.Array(QualificationView),
});
export type PersonView = Static<typeof PersonView>;

export const PeopleListQuery = StrictObject({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  withCredential: Type.Optional(Type.Boolean()),
});

export const CreatePersonBody = StrictObject({
  unitId: Type.Union([Uuid, Type.Null()]),
  name: Name,
  idCardNo: Type.Union([IdCardNo, Type.Null()]),
  phone: Type.Union([Phone, Type.Null()]),
  position: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
});
export type CreatePersonInput = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = StrictObject(
  {
    unitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    name: Type.Optional(Name),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    position: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    isActive: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type UpdatePersonInput = Static<typeof UpdatePersonBody>;

export const CreateCredentialBody = StrictObject({
  credentialNo: CredentialNo,
  kind: Type.Enum(CREDENTIAL_KINDS),
  lawAreas: LawAreas,
  issuingAuthority: Type.String({ minLength: 1, maxLength: 100 }),
  issuedOn: IsoDate,
  expiresOn: IsoDate,
});
export type CreateCredentialInput = Static<typeof CreateCredentialBody>;

export const UpdateCredentialBody = StrictObject({
  status: Type.Optional(Type.Enum(CREDENTIAL_STATUSES)),
  expiresOn: Type.Optional(IsoDate),
  lawAreas: Type.Optional(LawAreas),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type UpdateCredentialInput = Static<typeof UpdateCredentialBody>;

export const CreateQualificationBody = StrictObject({
  kind: Type.Enum(QUALIFICATION_KINDS),
  certificateNo: Type.String({ pattern: '^[0-9A-Za-z-]{6,30}$' }),
  obtainedOn: IsoDate,
});
export type CreateQualificationInput = Static<typeof CreateQualificationBody>;
