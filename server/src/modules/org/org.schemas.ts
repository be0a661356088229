import { Type, type Static } from 'typebox';
import { CreditCode, IsoDate, Name, Phone, StrictObject, Uuid } from '../../shared/schemas.ts';

export const AGENCY_KINDS = [
  'department',
  'street_office',
  'township',
  'justice_bureau',
  'government',
] as const;
export const UNIT_KINDS = ['internal', 'legal', 'judicial_office', 'archive'] as const;
export const REGION_LEVELS = ['province', 'city', 'district', 'street'] as const;

const LawAreas = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 50,
  uniqueItems: true,
});
const Postcode = Type.String({ pattern: '^[0-9]{6}$' });
const Email = Type.String({ format: 'email', maxLength: 200 });

export const RegionView = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  level: Type.Enum(REGION_LEVELS),
  parentId: Type.Union([Uuid, Type.Null()]),
  path: Type.String(),
});
export type RegionView = Static<typeof RegionView>;

export const CreateRegionBody = StrictObject({
  // 行政区划代码: 6 digits for province/city/district, 9 for a street or township.
  code: Type.String({ pattern: '^[1-9][0-9]{5}([0-9]{3})?$' }),
  name: Name,
  level: Type.Enum(REGION_LEVELS),
  parentId: Type.Union([Uuid, Type.Null()]),
});

const agencyFields = {
  regionId: Uuid,
  name: Name,
  shortName: Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()]),
  creditCode: CreditCode,
  kind: Type.Enum(AGENCY_KINDS),
  lawAreas: LawAreas,
  jurisdictionArea: Type.String({ minLength: 1, maxLength: 500 }),
  jurisdictionRegionIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
  address: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  postcode: Type.Union([Postcode, Type.Null()]),
  phone: Type.Union([Phone, Type.Null()]),
  email: Type.Union([Email, Type.Null()]),
  supervisionPhone: Type.Union([Phone, Type.Null()]),
};

// Views describe what the server sends: plain strings, since custom input formats mean nothing to
// the serialiser.
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const AgencyView = Type.Object({
  id: Uuid,
  ...agencyFields,
  creditCode: Type.String(),
  shortName: NullableString,
  address: NullableString,
  postcode: NullableString,
  phone: NullableString,
  email: NullableString,
  supervisionPhone: NullableString,
  regionName: Type.String(),
  isActive: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AgencyView = Static<typeof AgencyView>;

export const CreateAgencyBody = StrictObject(agencyFields);
export type CreateAgencyInput = Static<typeof CreateAgencyBody>;

export const UpdateAgencyBody = StrictObject(
  {
    name: Type.Optional(agencyFields.name),
    shortName: Type.Optional(agencyFields.shortName),
    lawAreas: Type.Optional(agencyFields.lawAreas),
    jurisdictionArea: Type.Optional(agencyFields.jurisdictionArea),
    jurisdictionRegionIds: Type.Optional(agencyFields.jurisdictionRegionIds),
    address: Type.Optional(agencyFields.address),
    postcode: Type.Optional(agencyFields.postcode),
    phone: Type.Optional(agencyFields.phone),
    email: Type.Optional(agencyFields.email),
    supervisionPhone: Type.Optional(agencyFields.supervisionPhone),
    isActive: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type UpdateAgencyInput = Static<typeof UpdateAgencyBody>;

export const AgencyListQuery = StrictObject({
  regionId: Type.Optional(Uuid),
  kind: Type.Optional(Type.Enum(AGENCY_KINDS)),
});

export const UnitView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  parentUnitId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  kind: Type.Enum(UNIT_KINDS),
  phone: NullableString,
});
export type UnitView = Static<typeof UnitView>;

export const CreateUnitBody = StrictObject({
  parentUnitId: Type.Union([Uuid, Type.Null()]),
  name: Name,
  kind: Type.Enum(UNIT_KINDS),
  phone: Type.Union([Phone, Type.Null()]),
});
export type CreateUnitInput = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = StrictObject(
  {
    parentUnitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    name: Type.Optional(Name),
    kind: Type.Optional(Type.Enum(UNIT_KINDS)),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  },
  { minProperties: 1 },
);
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;

const entrustmentFields = {
  entrustedName: Name,
  entrustedCreditCode: CreditCode,
  matters: Type.String({ minLength: 1, maxLength: 4000 }),
  legalBasis: Type.String({ minLength: 1, maxLength: 1000 }),
  terms: Type.String({ minLength: 1, maxLength: 4000 }),
  startsOn: IsoDate,
  endsOn: IsoDate,
};

export const ENTRUSTMENT_STATUSES = ['active', 'ended', 'revoked'] as const;

export const EntrustmentView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  ...entrustmentFields,
  entrustedCreditCode: Type.String(),
  status: Type.Enum(ENTRUSTMENT_STATUSES),
});
export type EntrustmentView = Static<typeof EntrustmentView>;

export const CreateEntrustmentBody = StrictObject(entrustmentFields);
export type CreateEntrustmentInput = Static<typeof CreateEntrustmentBody>;

export const UpdateEntrustmentBody = StrictObject(
  {
    matters: Type.Optional(entrustmentFields.matters),
    legalBasis: Type.Optional(entrustmentFields.legalBasis),
    terms: Type.Optional(entrustmentFields.terms),
    startsOn: Type.Optional(IsoDate),
    endsOn: Type.Optional(IsoDate),
    status: Type.Optional(Type.Enum(ENTRUSTMENT_STATUSES)),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { minProperties: 2 },
);
export type UpdateEntrustmentInput = Static<typeof UpdateEntrustmentBody>;
