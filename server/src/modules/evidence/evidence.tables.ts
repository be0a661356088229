// Row types of evidence, audio/video records and uploads in progress, as Kysely sees them.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type EvidenceKind = 'photo' | 'audio' | 'video' | 'document' | 'other';
export type UploadState = 'receiving' | 'storing' | 'completed';

export interface AvInterruptionRow {
  startedAt: string;
  endedAt: string;
  reason: string;
  /** Where the reason was given: said in the recording, or written down afterwards. */
  reasonStatedIn: 'recording' | 'written';
}

export interface EvidenceTables {
  evidence: {
    id: string;
    case_id: string;
    agency_id: string;
    step: string;
    kind: EvidenceKind;
    original_name: string | null;
    content_type: string | null;
    size: number | null;
    sm3: string | null;
    sha256: string | null;
    upload_id: string | null;
    uploaded_by: string | null;
    uploaded_at: ColumnType<Date, Date | undefined, never>;
    recorded_at: Date | null;
    upload_due_at: Date | null;
    is_late: boolean;
    ledger_seq: number;
  };
  av_records: {
    evidence_id: string;
    act: string | null;
    device: string | null;
    officer_ids: ColumnType<string[], string[], never>;
    started_at: Date | null;
    ended_at: Date | null;
    place: string;
    is_party_notified: boolean | null;
    is_continuous: boolean | null;
    interruptions: JSONColumnType<AvInterruptionRow[]>;
    exemption_reason: string | null;
    exemption_explanation: string | null;
  };
  uploads: {
    id: Generated<string>;
    case_id: string;
    agency_id: string;
    created_by: string | null;
    state: UploadState;
    length: number;
    received: Generated<number>;
    step: string;
    original_name: string;
    metadata: JSONColumnType<Record<string, string>>;
    declared_sm3: string | null;
    declared_sha256: string | null;
    recorded_at: Date | null;
    av: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
    generation: Generated<number>;
    lock_token: string | null;
    lock_heartbeat_at: Date | null;
    final_sm3: string | null;
    final_sha256: string | null;
    content_type: string | null;
    deadline_id: string | null;
    evidence_id: string | null;
    created_at: ColumnType<Date, never, never>;
    updated_at: ColumnType<Date, never, Date>;
  };
}
