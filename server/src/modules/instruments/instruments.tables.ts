// Row types of the instrument (文书) tables, as Kysely sees them.
import type { ColumnType, JSONColumnType } from 'kysely';

export interface InstrumentsTables {
  instrument_numbering: {
    agency_id: string;
    abbreviation: string;
    pattern: string;
    kind_codes: JSONColumnType<Record<string, string>>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  instrument_counters: {
    agency_id: string;
    year: number;
    kind: string;
    last_no: number;
  };
  instruments: {
    id: string;
    agency_id: string;
    case_id: string | null;
    kind: string;
    doc_year: number;
    doc_seq: number;
    doc_no: string;
    created_at: ColumnType<Date, Date | undefined, never>;
  };
  instrument_versions: {
    id: string;
    instrument_id: string;
    version: number;
    reason: string | null;
    fields: JSONColumnType<Record<string, string>>;
    pdf_sm3: string;
    pdf_size: number;
    page_count: number;
    docx_sm3: string;
    docx_size: number;
    seal_payload: string;
    seal_signature: string;
    seal_key_id: string;
    seal_public_key_pem: string;
    issued_by: string | null;
    issued_by_name: string;
    issued_at: Date;
    ledger_seq: number;
  };
}
