// Upload state, in the database so that any process can serve any request of an upload and a
// restart loses nothing: length, bytes durably received, metadata, and the lock. The lock is a
// lease: a token with a heartbeat; a holder whose heartbeat lapsed (a crashed or stuck process)
// can be taken over. Every write by a holder names its token, so a process that lost its lease
// can no longer move the upload (compare-and-set).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { UploadState } from './evidence.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<Database['uploads']>;

export interface Upload {
  id: string;
  caseId: string;
  agencyId: string;
  createdBy: string | null;
  state: UploadState;
  length: number;
  received: number;
  step: string;
  originalName: string;
  metadata: Record<string, string>;
  declaredSm3: string | null;
  declaredSha256: string | null;
  recordedAt: Date | null;
  av: Record<string, unknown> | null;
  generation: number;
  lockToken: string | null;
  finalSm3: string | null;
  finalSha256: string | null;
  contentType: string | null;
  deadlineId: string | null;
  evidenceId: string | null;
  /** Last append, checkpoint or lock change: an unfinished upload expires counting from here. */
  updatedAt: Date;
}

function toUpload(row: Row): Upload {
  return {
    id: row.id,
    caseId: row.case_id,
    agencyId: row.agency_id,
    createdBy: row.created_by,
    state: row.state,
    length: row.length,
    received: row.received,
    step: row.step,
    originalName: row.original_name,
    metadata: row.metadata,
    declaredSm3: row.declared_sm3,
    declaredSha256: row.declared_sha256,
    recordedAt: row.recorded_at,
    av: row.av,
    generation: row.generation,
    lockToken: row.lock_token,
    finalSm3: row.final_sm3,
    finalSha256: row.final_sha256,
    contentType: row.content_type,
    deadlineId: row.deadline_id,
    evidenceId: row.evidence_id,
    updatedAt: row.updated_at,
  };
}

export interface NewUpload {
  id: string;
  caseId: string;
  agencyId: string;
  createdBy: string | null;
  length: number;
  step: string;
  originalName: string;
  metadata: Record<string, string>;
  declaredSm3: string | null;
  declaredSha256: string | null;
  recordedAt: Date | null;
  av: Record<string, unknown> | null;
  deadlineId: string | null;
}

export interface Claim {
  token: string;
  generation: number;
  /** The previous holder's lease had lapsed: its partial file must not be written again. */
  isTakeover: boolean;
}

const lapsed = (leaseSeconds: number) =>
  sql<boolean>`lock_heartbeat_at < now() - make_interval(secs => ${leaseSeconds})`;

export const uploadsRepository = {
  async insert(db: Db, input: NewUpload): Promise<void> {
    await db
      .insertInto('uploads')
      .values({
        id: input.id,
        case_id: input.caseId,
        agency_id: input.agencyId,
        created_by: input.createdBy,
        state: 'receiving',
        length: input.length,
        step: input.step,
        original_name: input.originalName,
        metadata: JSON.stringify(input.metadata),
        declared_sm3: input.declaredSm3,
        declared_sha256: input.declaredSha256,
        recorded_at: input.recordedAt,
        av: input.av === null ? null : JSON.stringify(input.av),
        deadline_id: input.deadlineId,
      })
      .execute();
  },

  async find(db: Db, caseId: string, uploadId: string): Promise<Upload | undefined> {
    const row = await db
      .selectFrom('uploads')
      .selectAll()
      .where('id', '=', uploadId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row ? toUpload(row) : undefined;
  },

  /**
   * Takes the lock when it is free or lapsed, and (for appends) only at the expected offset.
   * A takeover moves to a new generation of the partial file.
   */
  async claim(
    db: Kysely<Database>,
    input: {
      uploadId: string;
      token: string;
      state: UploadState;
      leaseSeconds: number;
      atOffset?: number;
    },
  ): Promise<Claim | undefined> {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('uploads')
        .select(['generation', 'lock_token', 'received', 'state'])
        .select(lapsed(input.leaseSeconds).as('is_lapsed'))
        .where('id', '=', input.uploadId)
        .forUpdate()
        .executeTakeFirst();
      if (!row || row.state !== input.state) return undefined;
      if (input.atOffset !== undefined && row.received !== input.atOffset) return undefined;
      if (row.lock_token !== null && !row.is_lapsed) return undefined;
      const isTakeover = row.lock_token !== null;
      // Only bytes still arriving move to a new file; a 'storing' upload's file is never written.
      const generation = row.generation + (isTakeover && input.state === 'receiving' ? 1 : 0);
      await trx
        .updateTable('uploads')
        .set({
          lock_token: input.token,
          lock_heartbeat_at: sql<Date>`now()`,
          generation,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', input.uploadId)
        .execute();
      return { token: input.token, generation, isTakeover };
    });
  },

  /** Raises the durable offset and renews the lease; false when the lease was lost. */
  async checkpoint(db: Db, uploadId: string, token: string, received?: number): Promise<boolean> {
    const result = await db
      .updateTable('uploads')
      .set({
        ...(received === undefined ? {} : { received }),
        lock_heartbeat_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', uploadId)
      .where('lock_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async release(db: Db, uploadId: string, token: string, received?: number): Promise<boolean> {
    const result = await db
      .updateTable('uploads')
      .set({
        ...(received === undefined ? {} : { received }),
        lock_token: null,
        lock_heartbeat_at: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', uploadId)
      .where('lock_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** All bytes are in and hashed: from here the upload can be finished by any process. */
  async markStoring(
    db: Db,
    uploadId: string,
    token: string,
    final: { length: number; sm3: string; sha256: string; contentType: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('uploads')
      .set({
        state: 'storing',
        received: final.length,
        final_sm3: final.sm3,
        final_sha256: final.sha256,
        content_type: final.contentType,
        lock_heartbeat_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', uploadId)
      .where('lock_token', '=', token)
      .where('state', '=', 'receiving')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async markCompleted(
    trx: Transaction<Database>,
    uploadId: string,
    token: string,
    evidenceId: string,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('uploads')
      .set({
        state: 'completed',
        evidence_id: evidenceId,
        lock_token: null,
        lock_heartbeat_at: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', uploadId)
      .where('lock_token', '=', token)
      .where('state', '=', 'storing')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /**
   * Unfinished uploads nobody has touched for `expiryHours` by the database's clock (every
   * append, checkpoint and heartbeat moves `updated_at`), oldest first; a live lease keeps an
   * upload however old.
   */
  async listAbandoned(
    db: Db,
    input: { expiryHours: number; leaseSeconds: number; limit: number },
  ): Promise<Upload[]> {
    const rows = await db
      .selectFrom('uploads')
      .selectAll()
      .where('state', '=', 'receiving')
      .where('updated_at', '<', sql<Date>`now() - make_interval(hours => ${input.expiryHours})`)
      .where((eb) => eb.or([eb('lock_token', 'is', null), lapsed(input.leaseSeconds)]))
      .orderBy('updated_at')
      .limit(input.limit)
      .execute();
    return rows.map(toUpload);
  },

  async remove(trx: Transaction<Database>, uploadId: string, token: string): Promise<boolean> {
    const result = await trx
      .deleteFrom('uploads')
      .where('id', '=', uploadId)
      .where('lock_token', '=', token)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },
};
