// Frozen: agencies' overrides of jurisdiction-profile rules. Rows are never updated: the newest row
// per agency and rule is in force, a 'withdraw' row ends the previous one, and the history stays.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('profile_overrides')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Write order, so that "newest" does not depend on two clocks agreeing.
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('tighten', 'loosen', 'withdraw')`),
    )
    .addColumn('value', 'jsonb')
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(btrim(reason)) > 0`))
    // The profile and data version the override was judged against.
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('profile_version', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('profile_overrides_value_ck', sql`(kind = 'withdraw') = (value is null)`)
    .execute();
  await db.schema
    .createIndex('profile_overrides_agency_rule_idx')
    .on('profile_overrides')
    .columns(['agency_id', 'rule', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('profile_overrides').execute();
}
