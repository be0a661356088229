// The only code that reads and writes the deadlines table.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DeadlinesTables, DeadlineStatus, DeadlineUnit } from './deadlines.tables.ts';

export interface Deadline {
  id: string;
  agencyId: string;
  caseId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  ruleKey: string;
  unit: DeadlineUnit;
  amount: number;
  startOn: string | null;
  startAt: Date | null;
  rollsToWorkingDay: boolean;
  dueOn: string | null;
  dueAt: Date | null;
  isCalendarMissing: boolean;
  computedWithCalendarYears: number[];
  status: DeadlineStatus;
  closedAt: Date | null;
  closeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Selectable<DeadlinesTables['deadlines']>;

function toDeadline(row: Row): Deadline {
  return {
    id: row.id,
    agencyId: row.agency_id,
    caseId: row.case_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    kind: row.kind,
    ruleKey: row.rule_key,
    unit: row.unit,
    amount: row.amount,
    startOn: row.start_on,
    startAt: row.start_at,
    rollsToWorkingDay: row.rolls_to_working_day,
    dueOn: row.due_on,
    dueAt: row.due_at,
    isCalendarMissing: row.is_calendar_missing,
    computedWithCalendarYears: row.computed_with_calendar_years,
    status: row.status,
    closedAt: row.closed_at,
    closeNote: row.close_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An integer[] literal; PGlite and node-postgres both bind it as one parameter. */
function intArray(values: readonly number[]) {
  return sql<number[]>`cast(${`{${values.map((v) => Math.trunc(v)).join(',')}}`} as integer[])`;
}

export interface DeadlineComputedFields {
  dueOn: string | null;
  dueAt: Date | null;
  isCalendarMissing: boolean;
  computedWithCalendarYears: number[];
}

export const deadlinesRepository = {
  async insert(
    db: Kysely<Database>,
    input: Omit<Deadline, 'id' | 'status' | 'closedAt' | 'closeNote' | 'createdAt' | 'updatedAt'>,
  ): Promise<Deadline> {
    const row = await db
      .insertInto('deadlines')
      .values({
        agency_id: input.agencyId,
        case_id: input.caseId,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        kind: input.kind,
        rule_key: input.ruleKey,
        unit: input.unit,
        amount: input.amount,
        start_on: input.startOn,
        start_at: input.startAt,
        rolls_to_working_day: input.rollsToWorkingDay,
        due_on: input.dueOn,
        due_at: input.dueAt,
        is_calendar_missing: input.isCalendarMissing,
        computed_with_calendar_years: intArray(input.computedWithCalendarYears),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDeadline(row);
  },

  async findForUpdate(db: Kysely<Database>, id: string): Promise<Deadline | undefined> {
    const row = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? toDeadline(row) : undefined;
  },

  async close(
    db: Kysely<Database>,
    id: string,
    status: Exclude<DeadlineStatus, 'open'>,
    note: string | null,
  ): Promise<Deadline> {
    const row = await db
      .updateTable('deadlines')
      .set({ status, close_note: note, closed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDeadline(row);
  },

  /** Open deadlines whose due date was computed with (or waits for) any of these years. */
  async listOpenTouchingYearsForUpdate(
    db: Kysely<Database>,
    years: readonly number[],
  ): Promise<Deadline[]> {
    if (years.length === 0) return [];
    const rows = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('status', '=', 'open')
      .where(sql<boolean>`computed_with_calendar_years && ${intArray(years)}`)
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map(toDeadline);
  },

  async updateComputed(
    db: Kysely<Database>,
    id: string,
    fields: DeadlineComputedFields,
  ): Promise<void> {
    await db
      .updateTable('deadlines')
      .set({
        due_on: fields.dueOn,
        due_at: fields.dueAt,
        is_calendar_missing: fields.isCalendarMissing,
        computed_with_calendar_years: intArray(fields.computedWithCalendarYears),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  async listOpenOfSubjectForUpdate(
    db: Kysely<Database>,
    subjectType: string,
    subjectId: string,
  ): Promise<Deadline[]> {
    const rows = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('status', '=', 'open')
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map(toDeadline);
  },

  /**
   * An agency's open deadlines, passed (`overdue`) or not yet (`due`), soonest first; rights of a
   * party (`excludeKinds`) never count as overdue. `today` and `now` come from the clock.
   */
  async listOpenOfAgency(
    db: Kysely<Database>,
    filter: {
      agencyId: string;
      status: 'due' | 'overdue';
      today: string;
      now: Date;
      excludeKinds: readonly string[];
      limit: number;
      offset: number;
    },
  ): Promise<{ rows: Deadline[]; total: number }> {
    const passed = sql<boolean>`((due_at is not null and due_at < ${filter.now}) or (due_at is null and due_on is not null and due_on < ${filter.today}))`;
    let query = db
      .selectFrom('deadlines')
      .where('agency_id', '=', filter.agencyId)
      .where('status', '=', 'open');
    if (filter.status === 'overdue') {
      query = query.where(passed);
      if (filter.excludeKinds.length > 0)
        query = query.where('kind', 'not in', filter.excludeKinds);
    } else {
      query = query.where(sql<boolean>`not (${passed})`);
    }
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy(sql`coalesce(due_at, cast(due_on as timestamptz))`, (ob) => ob.asc().nullsLast())
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toDeadline), total: Number(count.n) };
  },

  /** Every deadline about a case (its own periods, its reviews, uploads, publications). */
  async listOfCase(db: Kysely<Database>, caseId: string): Promise<Deadline[]> {
    const rows = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDeadline);
  },

  async listOfSubject(
    db: Kysely<Database>,
    subjectType: string,
    subjectId: string,
  ): Promise<Deadline[]> {
    const rows = await db
      .selectFrom('deadlines')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDeadline);
  },
};
