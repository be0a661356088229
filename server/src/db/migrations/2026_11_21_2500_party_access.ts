// Frozen: a party's request to read or copy the record of its case (薛城区 附件2 第三十二条: with
// the head's consent), and the head's decision. Both write-once: a decision is a row of its own,
// one per request; an approval carries the time limit and the hash of the access token (the token
// itself is shown once, to the approver, and never stored).
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('party_access_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'uuid', (c) => c.notNull().references('case_parties.id'))
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('read', 'copy')`))
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('stated_need', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('party_access_requests_case_idx')
    .on('party_access_requests')
    .columns(['case_id', 'requested_at'])
    .execute();

  await db.schema
    .createTable('party_access_decisions')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('party_access_requests.id'))
    .addColumn('is_approved', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('valid_until', 'timestamptz')
    .addColumn('token_sm3', 'text', (c) => c.unique())
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'party_access_decisions_grant_ck',
      sql`(is_approved and valid_until is not null and token_sm3 is not null)
        or (not is_approved and valid_until is null and token_sm3 is null)`,
    )
    .execute();

  for (const table of ['party_access_requests', 'party_access_decisions']) {
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
  await db.schema.dropTable('party_access_decisions').execute();
  await db.schema.dropTable('party_access_requests').execute();
}
