// Frozen: enforcement cases (案件), their parties and officers, and the write-once record of every
// action taken on a case. The party columns are indexed so that every record touching one party
// (by credit code or ID number) can be found across cases and agencies.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_year', 'integer', (c) => c.notNull())
    .addColumn('case_seq', 'integer', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('penalty', 'permit', 'coercion', 'inspection', 'expropriation')`),
    )
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`source in ('complaint', 'inspection', 'referral', 'transfer', 'application', 'random_check', 'other')`,
        ),
    )
    .addColumn('source_detail', 'text')
    .addColumn('power_id', 'uuid', (c) => c.references('powers.id'))
    .addColumn('handling_unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('facts', 'text')
    .addColumn('is_emergency_start', 'boolean', (c) => c.notNull().defaultTo(false))
    // Everything a workflow step records that has no column of its own (amounts, dates of
    // notices, hearing requests …), validated by the workflow's schemas.
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('filed_on', 'date')
    .addColumn('decided_on', 'date')
    .addColumn('closed_on', 'date')
    .addColumn('archived_on', 'date')
    // Optimistic concurrency: an action names the version it saw; a stale one is refused.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('cases_agency_year_seq_uq', ['agency_id', 'case_year', 'case_seq'])
    .execute();
  await db.schema
    .createIndex('cases_agency_state_idx')
    .on('cases')
    .columns(['agency_id', 'state'])
    .execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person', 'organisation')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_card_no', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'case_parties_identity_ck',
      sql`(kind = 'person' and credit_code is null) or (kind = 'organisation' and id_card_no is null)`,
    )
    .execute();
  await db.schema
    .createIndex('case_parties_case_idx')
    .on('case_parties')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('case_parties_credit_code_idx')
    .on('case_parties')
    .column('credit_code')
    .execute();
  await db.schema
    .createIndex('case_parties_id_card_idx')
    .on('case_parties')
    .column('id_card_no')
    .execute();

  await db.schema
    .createTable('case_officers')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('credential_id', 'uuid', (c) => c.notNull().references('credentials.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'assist')`))
    .addColumn('recusal_declared_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('case_officers_pk', ['case_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('case_actions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('acted_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    // A client's retry of the same action carries the same key and gets the first answer back.
    .addColumn('idempotency_key', 'text')
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('case_actions_idempotency_uq', ['case_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('case_actions_case_idx')
    .on('case_actions')
    .column('case_id')
    .execute();
  await sql`create trigger case_actions_write_once before update or delete on case_actions
    for each row execute function sanxiang_refuse_change()`.execute(db);
  await sql`create trigger case_actions_no_truncate before truncate on case_actions
    for each statement execute function sanxiang_refuse_change()`.execute(db);
  await sql`revoke update, delete, truncate on case_actions from public`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['case_actions', 'case_officers', 'case_parties', 'cases']) {
    await db.schema.dropTable(table).execute();
  }
}
