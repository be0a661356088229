// Frozen: the disclosure projection (行政执法公示). Publishing copies an already-redacted record of
// a decision into `disclosure_decisions`, which is all the portal reads about decisions; the
// queue links a case to its publication and carries the due date; every publish, correction and
// withdrawal is also a write-once event (and a ledger entry). Correction requests from the
// public, per-agency disclosure settings and published annual reports complete the module.
//
// Search: Chinese has no word boundaries, and pg_trgm finds only terms of three or more
// characters, so every row keeps the set of its one- and two-character substrings of the
// normalised search text in a text[] with a GIN index; a query's bigrams must all be present,
// and a substring check on the text confirms the match.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;
const CATEGORIES = sql`('penalty', 'permit', 'coercion', 'inspection', 'expropriation', 'other')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_settings')
    .addColumn('agency_id', 'uuid', (c) => c.primaryKey().references('agencies.id'))
    // When true, a decision waits for the head's sign-off before it is published.
    .addColumn('requires_signoff', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // The public projection. Nothing here may hold private data: redaction happens before insert.
  await db.schema
    .createTable('disclosure_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('agency_name', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('doc_no_norm', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ${CATEGORIES}`))
    .addColumn('power_name', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('party_credit_code', 'text')
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('published', 'corrected', 'withdrawn')`),
    )
    .addColumn('corrected_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    // Last day shown; null when no rule ends the display (permits, other decisions).
    .addColumn('display_until', 'date')
    .addColumn('display_basis', 'text')
    // 停产停业 / 吊销: credit repair never ends the display early.
    .addColumn('is_early_end_barred', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('search_grams', sql`text[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'disclosure_decisions_withdrawal_ck',
      sql`(status = 'withdrawn') = (withdrawn_at is not null and withdrawal_reason is not null)`,
    )
    .execute();
  await sql`create index disclosure_decisions_grams_idx on disclosure_decisions
    using gin (search_grams)`.execute(db);
  await db.schema
    .createIndex('disclosure_decisions_published_idx')
    .on('disclosure_decisions')
    .columns(['published_at desc', 'id'])
    .execute();
  await db.schema
    .createIndex('disclosure_decisions_agency_idx')
    .on('disclosure_decisions')
    .columns(['agency_id', 'published_at desc'])
    .execute();
  await db.schema
    .createIndex('disclosure_decisions_decided_idx')
    .on('disclosure_decisions')
    .column('decided_on')
    .execute();

  // A decision waiting for (or past) publication: one row per case decision.
  await db.schema
    .createTable('disclosure_queue')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ${CATEGORIES}`))
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('rule_text', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('deadline_id', 'uuid', (c) => c.references('deadlines.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending_signoff', 'published', 'withheld')`),
    )
    .addColumn('withheld_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('withhold_reason', 'text')
    .addColumn('publication_id', 'uuid', (c) => c.references('disclosure_decisions.id'))
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('disclosure_queue_agency_idx')
    .on('disclosure_queue')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();

  // Write-once history of every publication event; the public row is the latest state.
  await db.schema
    .createTable('disclosure_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('decision_id', 'uuid', (c) => c.notNull().references('disclosure_decisions.id'))
    .addColumn('event', 'text', (c) =>
      c.notNull().check(sql`event in ('published', 'corrected', 'withdrawn', 'display_ended')`),
    )
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('reason', 'text')
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_events_decision_idx')
    .on('disclosure_events')
    .column('decision_id')
    .execute();
  await sql`create trigger disclosure_events_write_once before update or delete
    on disclosure_events for each row execute function sanxiang_refuse_change()`.execute(db);
  await sql`create trigger disclosure_events_no_truncate before truncate
    on disclosure_events for each statement execute function sanxiang_refuse_change()`.execute(db);
  await sql`revoke update, delete, truncate on disclosure_events from public`.execute(db);

  // A citizen's written request to correct a published decision (更正申请).
  await db.schema
    .createTable('disclosure_correction_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('decision_id', 'uuid', (c) => c.notNull().references('disclosure_decisions.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    // Who asked and how to answer them: staff-only, never shown on the portal.
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_contact', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('rule_text', 'text', (c) => c.notNull())
    .addColumn('deadline_id', 'uuid', (c) => c.references('deadlines.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'answered')`),
    )
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('corrected', 'rejected')`))
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('disclosure_correction_requests_agency_idx')
    .on('disclosure_correction_requests')
    .columns(['agency_id', 'status'])
    .execute();

  // A published annual report (年度行政执法数据): generated from case data, then frozen.
  await db.schema
    .createTable('disclosure_annual_reports')
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('agency_name', 'text', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_annual_reports_pk', ['agency_id', 'year'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'disclosure_annual_reports',
    'disclosure_correction_requests',
    'disclosure_events',
    'disclosure_queue',
    'disclosure_decisions',
    'disclosure_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
