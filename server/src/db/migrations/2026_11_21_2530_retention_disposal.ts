// Frozen: legal holds, disposal proposals with their approvals, the destruction register
// (销毁清册) and the tombstones of disposed evidence and blobs. All write-once: a released hold is
// a release row, an approval is a row, an execution is a register entry. The content of a disposed
// blob leaves the blob store; the rows here and the ledger keep the proof that it existed.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('placed_by_name', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_holds_case_idx').on('legal_holds').column('case_id').execute();
  await db.schema
    .createTable('legal_hold_releases')
    .addColumn('hold_id', 'uuid', (c) => c.primaryKey().references('legal_holds.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('released_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('released_by_name', 'text', (c) => c.notNull())
    .addColumn('released_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('disposal_proposals')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('exception', 'text')
    .addColumn('retention', 'jsonb', (c) => c.notNull())
    .addColumn('proposed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('proposed_by_name', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disposal_proposals_case_idx')
    .on('disposal_proposals')
    .column('case_id')
    .execute();
  await db.schema
    .createTable('disposal_approvals')
    .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('disposal_proposals.id'))
    .addColumn('approver_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('approver_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('disposal_approvals_pk', ['proposal_id', 'approver_id'])
    .execute();

  await db.schema
    .createTable('destruction_register')
    .addColumn('register_no', 'bigserial', (c) => c.primaryKey())
    .addColumn('proposal_id', 'uuid', (c) =>
      c.notNull().unique().references('disposal_proposals.id'),
    )
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('approvers', 'jsonb', (c) => c.notNull())
    .addColumn('disposed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('evidence_tombstones')
    .addColumn('evidence_id', 'uuid', (c) => c.primaryKey().references('evidence.id'))
    .addColumn('register_no', 'bigint', (c) =>
      c.notNull().references('destruction_register.register_no'),
    )
    .execute();
  await db.schema
    .createTable('blob_disposals')
    .addColumn('sm3', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('register_no', 'bigint', (c) =>
      c.notNull().references('destruction_register.register_no'),
    )
    .execute();

  for (const table of [
    'legal_holds',
    'legal_hold_releases',
    'disposal_proposals',
    'disposal_approvals',
    'destruction_register',
    'evidence_tombstones',
    'blob_disposals',
  ]) {
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
  for (const table of [
    'blob_disposals',
    'evidence_tombstones',
    'destruction_register',
    'disposal_approvals',
    'disposal_proposals',
    'legal_hold_releases',
    'legal_holds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
