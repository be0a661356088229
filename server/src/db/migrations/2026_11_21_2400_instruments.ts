// Frozen: legal documents (文书). Each agency's numbering pattern, a counter per agency, year and
// kind (locked in the issuing transaction: gap-free), the instruments with their 文号, and every
// issued version — write-once, with the hashes of its PDF and DOCX and the SM2 seal.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instrument_numbering')
    .addColumn('agency_id', 'uuid', (c) => c.primaryKey().references('agencies.id'))
    // e.g. 薛市监 for 枣庄市薛城区市场监督管理局
    .addColumn('abbreviation', 'text', (c) => c.notNull())
    // e.g. {abbr}{code}〔{year}〕{seq}号; placeholders checked by the service
    .addColumn('pattern', 'text', (c) => c.notNull())
    // per-kind overrides of the document code (罚决, 罚告 …)
    .addColumn('kind_codes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('instrument_counters')
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('instrument_counters_pk', ['agency_id', 'year', 'kind'])
    .execute();

  await db.schema
    .createTable('instruments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('doc_year', 'integer', (c) => c.notNull())
    .addColumn('doc_seq', 'integer', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('instruments_number_uq', ['agency_id', 'kind', 'doc_year', 'doc_seq'])
    .execute();
  await db.schema.createIndex('instruments_case_idx').on('instruments').column('case_id').execute();

  await db.schema
    .createTable('instrument_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('instrument_id', 'uuid', (c) => c.notNull().references('instruments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    // the filled fields, exactly as rendered
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('pdf_sm3', 'text', (c) => c.notNull())
    .addColumn('pdf_size', 'integer', (c) => c.notNull())
    .addColumn('page_count', 'integer', (c) => c.notNull())
    .addColumn('docx_sm3', 'text', (c) => c.notNull())
    .addColumn('docx_size', 'integer', (c) => c.notNull())
    // the canonical JSON that was signed (names the PDF's SM3), the DER signature and the key
    .addColumn('seal_payload', 'text', (c) => c.notNull())
    .addColumn('seal_signature', 'text', (c) => c.notNull())
    .addColumn('seal_key_id', 'text', (c) => c.notNull())
    .addColumn('seal_public_key_pem', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ledger_seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('instrument_versions_uq', ['instrument_id', 'version'])
    .execute();
  await db.schema
    .createIndex('instrument_versions_pdf_idx')
    .on('instrument_versions')
    .column('pdf_sm3')
    .execute();

  for (const table of ['instruments', 'instrument_versions']) {
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
  await db.schema.dropTable('instrument_versions').execute();
  await db.schema.dropTable('instruments').execute();
  await db.schema.dropTable('instrument_counters').execute();
  await db.schema.dropTable('instrument_numbering').execute();
}
