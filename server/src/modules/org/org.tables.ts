// Row types of the organisation tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

export type AgencyKind =
  'department' | 'street_office' | 'township' | 'justice_bureau' | 'government';
export type UnitKind = 'internal' | 'legal' | 'judicial_office' | 'archive';
export type RegionLevel = 'province' | 'city' | 'district' | 'street';
export type CredentialStatus = 'valid' | 'suspended' | 'revoked';
export type QualificationKind = 'legal_professional' | 'public_lawyer' | 'legal_adviser';

export interface OrgTables {
  regions: {
    id: Generated<string>;
    code: string;
    name: string;
    level: RegionLevel;
    parent_id: string | null;
    path: string;
    created_at: CreatedAt;
  };
  agencies: {
    id: Generated<string>;
    region_id: string;
    name: string;
    short_name: string | null;
    credit_code: string;
    kind: AgencyKind;
    law_areas: ColumnType<string[], string[] | undefined, string[]>;
    jurisdiction_area: string;
    jurisdiction_region_ids: ColumnType<string[], string[] | undefined, string[]>;
    address: string | null;
    postcode: string | null;
    phone: string | null;
    email: string | null;
    supervision_phone: string | null;
    is_active: Generated<boolean>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  units: {
    id: Generated<string>;
    agency_id: string;
    parent_unit_id: string | null;
    name: string;
    kind: UnitKind;
    phone: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  entrustments: {
    id: Generated<string>;
    agency_id: string;
    entrusted_name: string;
    entrusted_credit_code: string;
    matters: string;
    legal_basis: string;
    terms: string;
    starts_on: string;
    ends_on: string;
    status: Generated<'active' | 'ended' | 'revoked'>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  people: {
    id: Generated<string>;
    agency_id: string;
    unit_id: string | null;
    name: string;
    id_card_no: string | null;
    phone: string | null;
    position: string | null;
    photo: Uint8Array | null;
    photo_type: string | null;
    is_active: Generated<boolean>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  credentials: {
    id: Generated<string>;
    person_id: string;
    credential_no: string;
    kind: Generated<'enforcement' | 'supervision'>;
    law_areas: string[];
    issuing_authority: string;
    issued_on: string;
    expires_on: string;
    status: Generated<CredentialStatus>;
    status_reason: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  qualifications: {
    id: Generated<string>;
    person_id: string;
    kind: QualificationKind;
    certificate_no: string;
    obtained_on: string;
    created_at: CreatedAt;
  };
}
