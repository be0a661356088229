// Frozen: changes to an agency's pre-disclosure information (事前公开: powers, officers and their
// credentials, entrusted organisations, units, service guides, random-check items) and when the
// updated information went public. The profile's disclosure.preDisclosureUpdate sets the limit
// (上海 五（一）: 20 working days; 薛城区 附件1 第十四条: 7 days); a deadline row tracks it.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_catalogue_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('subject', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`subject in ('agency', 'unit', 'entrustment', 'officer', 'power', 'service_guide', 'random_check_item')`,
        ),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    // The day the law, organisation or credential changed: the limit runs from it.
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('rule_text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('deadline_id', 'uuid')
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_on', 'date')
    .addColumn('recorded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('disclosure_catalogue_changes_agency_idx')
    .on('disclosure_catalogue_changes')
    .columns(['agency_id', 'changed_on'])
    .execute();
}
