// Frozen: fixity checks (保管期内的完整性检测) of stored evidence blobs. Each run of the scheduled
// job is a row; each blob found missing or changed is a write-once warning row (with its ledger
// entry), so that a damaged file is reported once per run and stays on record.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fixity_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('job_id', 'bigint')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('blobs_checked', 'integer', (c) => c.notNull())
    .addColumn('bytes_checked', 'bigint', (c) => c.notNull())
    .addColumn('problems', 'integer', (c) => c.notNull())
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('fixity_warnings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('fixity_runs.id'))
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) =>
      c
        .notNull()
        .check(sql`problem in ('missing', 'size_changed', 'sm3_changed', 'sha256_changed')`),
    )
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('found_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('fixity_warnings_sm3_idx')
    .on('fixity_warnings')
    .column('sm3')
    .execute();

  for (const table of ['fixity_runs', 'fixity_warnings']) {
    await sql`create trigger ${sql.id(`${table}_write_once`)} before update or delete
      on ${sql.table(table)} for each row execute function sanxiang_refuse_change()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate
      on ${sql.table(table)} for each statement execute function sanxiang_refuse_change()`.execute(
      db,
    );
    await sql`revoke update, delete, truncate on ${sql.table(table)} from public`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fixity_warnings').execute();
  await db.schema.dropTable('fixity_runs').execute();
}
