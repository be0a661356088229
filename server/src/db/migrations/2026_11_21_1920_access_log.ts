// Frozen: the access log (调阅监督): every reading of a case record or evidence file, write-once.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('reader_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('reader_name', 'text', (c) => c.notNull())
    .addColumn('is_handler', 'boolean', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('access_log_case_idx')
    .on('access_log')
    .columns(['case_id', 'read_at'])
    .execute();
  await db.schema
    .createIndex('access_log_agency_idx')
    .on('access_log')
    .columns(['agency_id', 'read_at'])
    .execute();
  await sql`create trigger access_log_write_once before update or delete on access_log
    for each row execute function sanxiang_refuse_change()`.execute(db);
  await sql`create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function sanxiang_refuse_change()`.execute(db);
  await sql`revoke update, delete, truncate on access_log from public`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_log').execute();
}
