// Frozen: the public record of each on-site inspection (扫码入企). A company scans the code the
// officers show and reads which agency came, which officers (name and credential number), on
// what basis — and, once recorded, the result. The row holds public data only (the party is
// already redacted); the code is random so it cannot be guessed from a case number.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_inspections')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('agency_name', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('power_name', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('items', sql`text[]`, (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('party_credit_code', 'text')
    // [{name, credentialNo}] of the officers on the case: public data (执法人员清单).
    .addColumn('officers', 'jsonb', (c) => c.notNull())
    .addColumn('planned_on', 'date')
    .addColumn('inspected_on', 'date')
    .addColumn('result', 'text', (c) =>
      c.notNull().check(sql`result in ('pending', 'normal', 'problems')`),
    )
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('result_text', 'text')
    // Last day for publishing the result (the profile's disclosure.inspectionResults); the
    // published result itself is the case's row in disclosure_queue → disclosure_decisions.
    .addColumn('result_due_on', 'date')
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('disclosure_inspections_agency_idx')
    .on('disclosure_inspections')
    .columns(['agency_id', 'inspected_on'])
    .execute();
}
