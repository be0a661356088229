// Frozen: the powers catalogue (权力清单) and the random-inspection list (随机抽查事项清单).
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('powers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`category in ('penalty', 'permit', 'coercion', 'inspection', 'levy', 'requisition', 'other')`,
        ),
    )
    .addColumn('handling_unit_id', 'uuid', (c) => c.references('units.id'))
    // The structured parts are JSON documents validated by the API's schemas: they are read and
    // written whole (a power is one disclosure item), never queried piecewise.
    .addColumn('legal_basis', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('procedure_steps', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('time_limit', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('discretion_benchmarks', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('service_guide', 'jsonb')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'repealed')`),
    )
    .addColumn('repealed_at', 'timestamptz')
    .addColumn('repeal_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('powers_agency_code_uq', ['agency_id', 'code'])
    .addCheckConstraint('powers_legal_basis_ck', sql`jsonb_typeof(legal_basis) = 'array'`)
    .addCheckConstraint('powers_steps_ck', sql`jsonb_typeof(procedure_steps) = 'array'`)
    .addCheckConstraint('powers_benchmarks_ck', sql`jsonb_typeof(discretion_benchmarks) = 'array'`)
    // A permit is applied for, so the public needs its service guide (服务指南).
    .addCheckConstraint(
      'powers_permit_guide_ck',
      sql`category <> 'permit' or service_guide is not null`,
    )
    .addCheckConstraint('powers_repeal_ck', sql`(status = 'repealed') = (repealed_at is not null)`)
    .execute();
  await db.schema
    .createIndex('powers_agency_category_idx')
    .on('powers')
    .columns(['agency_id', 'category'])
    .execute();

  await db.schema
    .createTable('random_check_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('power_id', 'uuid', (c) => c.references('powers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    // The share of the inspected population: a number where the list states one, and always the
    // wording of the list itself ("不低于5%").
    .addColumn('ratio_percent', sql`numeric(5, 2)`, (c) =>
      c.check(sql`ratio_percent > 0 and ratio_percent <= 100`),
    )
    .addColumn('ratio_text', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'repealed')`),
    )
    .addColumn('repealed_at', 'timestamptz')
    .addColumn('repeal_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('random_check_items_agency_code_uq', ['agency_id', 'code'])
    .addCheckConstraint(
      'random_check_items_repeal_ck',
      sql`(status = 'repealed') = (repealed_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('random_check_items_power_idx')
    .on('random_check_items')
    .column('power_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('random_check_items').execute();
  await db.schema.dropTable('powers').execute();
}
