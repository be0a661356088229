// Frozen: the law areas (执法领域) of a power, matched against the law areas on the officers'
// enforcement credentials before they may act on a case under it. Empty = not yet classified.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('powers')
    .addColumn('law_areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('powers').dropColumn('law_areas').execute();
}
