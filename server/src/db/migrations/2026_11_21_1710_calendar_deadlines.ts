// Frozen: the working-day calendar (holidays and make-up working days per year's notice) and the
// legal deadlines computed from it.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One row per year whose State Council notice is loaded. A year without a row is "not loaded":
  // working-day arithmetic touching it is refused rather than guessed.
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 2000 and 2100`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('shipped', 'imported')`))
    .addColumn('source', 'text', (c) => c.notNull())
    // SHA-256 of the canonical day list: start-up compares it to skip unchanged years.
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('loaded_by_user_id', 'uuid', (c) => c.references('users.id'))
    .execute();

  // The days a notice lists; every other day is a working day from Monday to Friday. A notice for
  // year Y may list late-December days of Y-1 (a New Year holiday bridging the turn of the year).
  await db.schema
    .createTable('calendar_days')
    .addColumn('notice_year', 'integer', (c) =>
      c.notNull().references('calendar_years.year').onDelete('cascade'),
    )
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_days_pk', ['notice_year', 'date'])
    .addCheckConstraint(
      'calendar_days_date_in_notice_year',
      sql`date between make_date(notice_year - 1, 12, 25) and make_date(notice_year, 12, 31)`,
    )
    .execute();
  await db.schema
    .createIndex('calendar_days_date_idx')
    .on('calendar_days')
    .column('date')
    .execute();

  // Every legal deadline any module registers. Due dates counted in working days depend on the
  // calendar: `computed_with_calendar_years` names the years consulted, so that loading a year
  // recomputes exactly the open deadlines it can move; a due date that needs a year not yet loaded
  // stays null with `is_calendar_missing` set instead of being guessed.
  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    // The case the deadline belongs to, when it belongs to one (no foreign key until cases exist).
    .addColumn('case_id', 'uuid')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The jurisdiction-profile rule the period comes from, e.g. 'disclosure.publishDecision'.
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) =>
      c.notNull().check(sql`unit in ('working_days', 'days', 'hours')`),
    )
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('start_on', 'date')
    .addColumn('start_at', 'timestamptz')
    // For periods in days: "期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期".
    .addColumn('rolls_to_working_day', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('due_on', 'date')
    .addColumn('due_at', 'timestamptz')
    .addColumn('is_calendar_missing', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('computed_with_calendar_years', sql`integer[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'met', 'missed', 'cancelled')`),
    )
    .addColumn('closed_at', 'timestamptz')
    .addColumn('close_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'deadlines_start_matches_unit',
      sql`(unit = 'hours' and start_at is not null and start_on is null)
        or (unit <> 'hours' and start_on is not null and start_at is null)`,
    )
    .addCheckConstraint(
      'deadlines_due_matches_unit',
      sql`(unit = 'hours' and due_at is not null and due_on is null and not is_calendar_missing)
        or (unit <> 'hours' and due_at is null and (due_on is null) = is_calendar_missing)`,
    )
    .addCheckConstraint(
      'deadlines_roll_only_for_days',
      sql`not rolls_to_working_day or unit = 'days'`,
    )
    .addCheckConstraint('deadlines_closed_at', sql`(status = 'open') = (closed_at is null)`)
    .execute();
  await db.schema
    .createIndex('deadlines_subject_idx')
    .on('deadlines')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('deadlines_agency_open_idx')
    .on('deadlines')
    .columns(['agency_id', 'due_on'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('deadlines_case_idx')
    .on('deadlines')
    .column('case_id')
    .where(sql.ref('case_id'), 'is not', null)
    .execute();
  // Finds the open deadlines a year's calendar can move (the && operator).
  await db.schema
    .createIndex('deadlines_open_calendar_years_idx')
    .on('deadlines')
    .using('gin')
    .column('computed_with_calendar_years')
    .where(sql.ref('status'), '=', 'open')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['deadlines', 'calendar_days', 'calendar_years']) {
    await db.schema.dropTable(table).execute();
  }
}
