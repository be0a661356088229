// The only code that touches the jobs tables. Every decision that must hold across processes is
// taken by the database: which job is due (its clock, not ours), who holds it (a lease row
// locked with FOR UPDATE SKIP LOCKED), which schedule slot has already become a job (unique key).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type JobRow = Selectable<Database['jobs']>;

const seconds = (n: number) => sql<Date>`now() + make_interval(secs => ${n})`;

export const jobsRepository = {
  async enqueue(
    db: Db,
    job: {
      name: string;
      payload: Record<string, unknown>;
      key: string | null;
      runAt: Date | null;
      maxAttempts: number;
    },
  ): Promise<number | undefined> {
    const row = await db
      .insertInto('jobs')
      .values({
        name: job.name,
        key: job.key,
        payload: JSON.stringify(job.payload),
        run_at: job.runAt ?? sql<Date>`now()`,
        max_attempts: job.maxAttempts,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  async upsertSchedule(
    db: Db,
    schedule: { name: string; everySeconds: number; payload: Record<string, unknown> },
  ) {
    await db
      .insertInto('job_schedules')
      .values({
        name: schedule.name,
        every_seconds: schedule.everySeconds,
        payload: JSON.stringify(schedule.payload),
        next_run_at: sql<Date>`now()`,
      })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          every_seconds: schedule.everySeconds,
          payload: JSON.stringify(schedule.payload),
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  },

  /**
   * Turns every due slot of the named schedules into one job and moves each schedule to its next
   * slot after now (missed slots while everything was down collapse into one run). Schedules
   * another process is advancing right now are skipped, not waited for.
   */
  async materialiseDueSchedules(db: Kysely<Database>, names: readonly string[]): Promise<number> {
    if (names.length === 0) return 0;
    return db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('job_schedules')
        .selectAll()
        .where('name', 'in', names)
        .where('next_run_at', '<=', sql<Date>`now()`)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const schedule of due) {
        await jobsRepository.enqueue(trx, {
          name: schedule.name,
          payload: schedule.payload,
          key: `${schedule.name}@${schedule.next_run_at.toISOString()}`,
          runAt: schedule.next_run_at,
          maxAttempts: 5,
        });
        await trx
          .updateTable('job_schedules')
          .set({
            next_run_at: sql<Date>`next_run_at + make_interval(secs => every_seconds *
              (floor(extract(epoch from (now() - next_run_at)) / every_seconds) + 1))`,
            updated_at: sql<Date>`now()`,
          })
          .where('name', '=', schedule.name)
          .execute();
      }
      return due.length;
    });
  },

  /**
   * Claims the oldest due job this process can run: a queued one whose time has come, or a
   * running one whose holder let its lease run out (it died). The row lock with SKIP LOCKED makes
   * two processes claiming at once take different jobs, never the same one.
   */
  async claim(
    db: Kysely<Database>,
    names: readonly string[],
    owner: string,
    leaseSeconds: number,
  ): Promise<JobRow | undefined> {
    if (names.length === 0) return undefined;
    return db
      .updateTable('jobs')
      .set({
        state: 'running',
        lease_owner: owner,
        lease_until: seconds(leaseSeconds),
        attempts: sql<number>`attempts + 1`,
        started_at: sql<Date>`now()`,
      })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('name', 'in', names)
          .where((w) =>
            w.or([
              w.and([w('state', '=', 'queued'), w('run_at', '<=', sql<Date>`now()`)]),
              w.and([w('state', '=', 'running'), w('lease_until', '<', sql<Date>`now()`)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
  },

  /** Extends the lease; false when this process no longer holds the job. */
  async renewLease(db: Db, id: number, owner: string, leaseSeconds: number): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({ lease_until: seconds(leaseSeconds) })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Records the end of a run, only if this process still holds the job. */
  async finish(
    db: Db,
    id: number,
    owner: string,
    outcome:
      | { state: 'succeeded'; result: Record<string, unknown> | null }
      | { state: 'failed'; error: string }
      | { state: 'queued'; error: string; retryInSeconds: number; countAttempt: boolean },
  ): Promise<boolean> {
    const base = db
      .updateTable('jobs')
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'running');
    const released = { lease_owner: null, lease_until: null };
    const query =
      outcome.state === 'succeeded'
        ? base.set({
            ...released,
            state: 'succeeded',
            result: outcome.result === null ? null : JSON.stringify(outcome.result),
            finished_at: sql<Date>`now()`,
          })
        : outcome.state === 'failed'
          ? base.set({
              ...released,
              state: 'failed',
              last_error: outcome.error,
              finished_at: sql<Date>`now()`,
            })
          : base.set({
              ...released,
              state: 'queued',
              last_error: outcome.error,
              run_at: seconds(outcome.retryInSeconds),
              ...(outcome.countAttempt ? {} : { attempts: sql<number>`attempts - 1` }),
            });
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async find(db: Db, id: number): Promise<JobRow | undefined> {
    return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listByName(db: Db, name: string): Promise<JobRow[]> {
    return db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('id').execute();
  },
};
