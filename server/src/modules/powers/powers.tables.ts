// Row types of the powers catalogue, as Kysely sees them. The JSON documents are written as
// JSON text (both drivers would otherwise send a JS array as a PostgreSQL array literal).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  DiscretionBenchmark,
  LegalBasisRef,
  PowerCategory,
  ProcedureStep,
  ServiceGuide,
  TimeLimit,
} from './powers.schemas.ts';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
type Json<T extends object> = JSONColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Numeric = ColumnType<string | null, number | null, number | null>;

export type CatalogStatus = 'active' | 'repealed';

export interface PowersTables {
  powers: {
    id: Generated<string>;
    agency_id: string;
    code: string;
    name: string;
    category: PowerCategory;
    handling_unit_id: string | null;
    legal_basis: Json<LegalBasisRef[]>;
    procedure_steps: Json<ProcedureStep[]>;
    time_limit: Json<TimeLimit>;
    discretion_benchmarks: Json<DiscretionBenchmark[]>;
    service_guide: NullableJson<ServiceGuide>;
    /** 执法领域, matched against the officers' credentials. */
    law_areas: ColumnType<string[], string[] | undefined, string[]>;
    status: Generated<CatalogStatus>;
    repealed_at: Date | null;
    repeal_reason: string | null;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  random_check_items: {
    id: Generated<string>;
    agency_id: string;
    code: string;
    power_id: string | null;
    name: string;
    basis: string;
    subject: string;
    content: string;
    method: string;
    ratio_percent: Numeric;
    ratio_text: string;
    frequency: string;
    status: Generated<CatalogStatus>;
    repealed_at: Date | null;
    repeal_reason: string | null;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
}
