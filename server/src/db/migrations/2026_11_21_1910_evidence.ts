// Frozen: evidence (证据) attached to a case and a step, the audio/video metadata of recordings
// (and the exemptions where none was made), and resumable uploads in progress. Evidence and AV
// records are write-once: a correction is a new row. Uploads are mutable scratch state shared by
// every process: offset, lock (lease) and metadata live here, the partial bytes in BLOB_DIR.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;
const HEX64 = '^[0-9a-f]{64}$';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('photo', 'audio', 'video', 'document', 'other')`),
    )
    // Blob columns are all set (a file) or all null (an AV exemption: no recording was made).
    .addColumn('original_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'bigint')
    .addColumn('sm3', 'text', (c) => c.check(sql`sm3 ~ ${sql.lit(HEX64)}`))
    .addColumn('sha256', 'text', (c) => c.check(sql`sha256 ~ ${sql.lit(HEX64)}`))
    .addColumn('upload_id', 'uuid', (c) => c.unique())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('recorded_at', 'timestamptz')
    .addColumn('upload_due_at', 'timestamptz')
    .addColumn('is_late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'evidence_blob_ck',
      sql`(original_name is null and content_type is null and size is null and sm3 is null
          and sha256 is null)
        or (original_name is not null and content_type is not null and size is not null
          and sm3 is not null and sha256 is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('evidence_case_idx')
    .on('evidence')
    .columns(['case_id', 'uploaded_at'])
    .execute();
  await db.schema.createIndex('evidence_sm3_idx').on('evidence').column('sm3').execute();

  await db.schema
    .createTable('av_records')
    .addColumn('evidence_id', 'uuid', (c) => c.primaryKey().references('evidence.id'))
    .addColumn('act', 'text')
    .addColumn('device', 'text')
    .addColumn('officer_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('is_party_notified', 'boolean')
    .addColumn('is_continuous', 'boolean')
    .addColumn('interruptions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('exemption_reason', 'text')
    .addColumn('exemption_explanation', 'text')
    .addCheckConstraint(
      'av_records_shape_ck',
      sql`(exemption_reason is null and started_at is not null and ended_at >= started_at
          and device is not null and is_party_notified is not null and is_continuous is not null)
        or (exemption_reason is not null and exemption_explanation is not null)`,
    )
    .execute();

  for (const table of ['evidence', 'av_records']) {
    await sql`create trigger ${sql.id(`${table}_write_once`)} before update or delete
      on ${sql.table(table)} for each row execute function sanxiang_refuse_change()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate
      on ${sql.table(table)} for each statement execute function sanxiang_refuse_change()`.execute(
      db,
    );
    await sql`revoke update, delete, truncate on ${sql.table(table)} from public`.execute(db);
  }

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('receiving', 'storing', 'completed')`),
    )
    .addColumn('length', 'bigint', (c) => c.notNull().check(sql`length >= 0`))
    // Bytes durably received (fsynced before this is raised); the partial file may hold more.
    .addColumn('received', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`received >= 0 and received <= length`),
    )
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('metadata', 'jsonb', (c) => c.notNull())
    .addColumn('declared_sm3', 'text')
    .addColumn('declared_sha256', 'text')
    .addColumn('recorded_at', 'timestamptz')
    .addColumn('av', 'jsonb')
    // Which partial file holds the bytes: a new one is started when a lapsed lock is taken over.
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lock_token', 'uuid')
    .addColumn('lock_heartbeat_at', 'timestamptz')
    .addColumn('final_sm3', 'text')
    .addColumn('final_sha256', 'text')
    .addColumn('content_type', 'text')
    .addColumn('deadline_id', 'uuid', (c) => c.references('deadlines.id'))
    .addColumn('evidence_id', 'uuid', (c) => c.references('evidence.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('uploads_case_idx')
    .on('uploads')
    .columns(['case_id', 'state'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['uploads', 'av_records', 'evidence']) {
    await db.schema.dropTable(table).execute();
  }
}
