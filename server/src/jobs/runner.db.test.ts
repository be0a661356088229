// The durable job runner: two runners (on PostgreSQL, two connection pools as two server
// processes would have) over one database run every job exactly once, a recurring slot becomes
// one job, failures are retried with backoff, a dead holder's job is taken over after its lease,
// and stopping requeues the running job without counting the attempt.
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectPostgres } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { withDatabase } from '../test/global-setup.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { jobsRepository } from './jobs.repository.ts';
import { backoffSeconds, createJobRunner, enqueueJob, type JobDefinition } from './runner.ts';

const first = await createTestDatabase();
/** A second "process": its own pool on PostgreSQL; PGlite has one process by nature. */
async function secondDatabase(): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  if (first.kind !== 'postgresql') return { db: first.db, close: async () => undefined };
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(first.db);
  const handle = connectPostgres(withDatabase(inject('postgresUrl'), rows[0]?.name ?? ''), 4);
  return { db: handle.db, close: () => handle.close() };
}
const second = await secondDatabase();
afterAll(async () => {
  await second.close();
  await first.close();
});

const runs = new Map<number, number>();
const countingJob = (name: string, extra: Partial<JobDefinition> = {}): JobDefinition => ({
  name,
  async run({ job }) {
    runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    // Hold the job for a moment so that the other runner really competes for it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { ranBy: 'test' };
  },
  ...extra,
});

function runners(definitions: JobDefinition[]) {
  return [
    createJobRunner({ db: first.db, definitions, owner: 'runner-a', pollMilliseconds: 10 }),
    createJobRunner({ db: second.db, definitions, owner: 'runner-b', pollMilliseconds: 10 }),
  ] as const;
}

/** Both runners drain the queue concurrently, as two processes' polling loops would. */
async function drain(pair: ReturnType<typeof runners>) {
  await Promise.all(
    pair.map(async (runner) => {
      while (await runner.runOnce()) {
        /* keep going */
      }
    }),
  );
}

describe('job runner', () => {
  it('runs each of many jobs exactly once across two runners', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const id = await enqueueJob(first.db, { name: 'test.count', payload: { i } });
      if (id !== undefined) ids.push(id);
    }
    const pair = runners([countingJob('test.count')]);
    await drain(pair);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    const rows = await jobsRepository.listByName(first.db, 'test.count');
    expect(rows.every((r) => r.state === 'succeeded' && r.attempts === 1)).toBe(true);
    expect(rows[0]?.result).toEqual({ ranBy: 'test' });
    expect(new Set(rows.map((r) => r.lease_owner))).toEqual(new Set([null]));
  });

  it('turns a due schedule slot into one job, whichever runner gets there', async () => {
    const definition = countingJob('test.recurring', { everySeconds: 3600 });
    const pair = runners([definition]);
    await Promise.all(
      pair.map(() =>
        jobsRepository.upsertSchedule(first.db, {
          name: definition.name,
          everySeconds: 3600,
          payload: {},
        }),
      ),
    );
    await drain(pair);
    await drain(pair);
    const rows = await jobsRepository.listByName(first.db, 'test.recurring');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toMatch(/^test\.recurring@/);
    const schedule = await first.db
      .selectFrom('job_schedules')
      .select('next_run_at')
      .where('name', '=', 'test.recurring')
      .executeTakeFirstOrThrow();
    expect(schedule.next_run_at.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('makes a keyed job idempotent', async () => {
    const a = await enqueueJob(first.db, { name: 'test.keyed', key: 'once-only' });
    const b = await enqueueJob(first.db, { name: 'test.keyed', key: 'once-only' });
    expect(a).toBeTypeOf('number');
    expect(b).toBeUndefined();
  });

  it('retries a failed job with backoff, then records the failure after the last attempt', async () => {
    let calls = 0;
    const flaky: JobDefinition = {
      name: 'test.flaky',
      maxAttempts: 2,
      backoffSeconds: 60,
      async run() {
        calls += 1;
        throw new Error(`磁盘不可用 ${calls}`);
      },
    };
    const id = await enqueueJob(first.db, { name: 'test.flaky', maxAttempts: 2 });
    const [a] = runners([flaky]);
    expect(await a.runOnce()).toBe(true);
    let row = await jobsRepository.find(first.db, id ?? -1);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, last_error: '磁盘不可用 1' });
    expect((row?.run_at.getTime() ?? 0) - Date.now()).toBeGreaterThan(50_000);
    expect(await a.runOnce()).toBe(false); // not due yet

    await sql`update jobs set run_at = now() where id = ${id}`.execute(first.db);
    expect(await a.runOnce()).toBe(true);
    row = await jobsRepository.find(first.db, id ?? -1);
    expect(row).toMatchObject({ state: 'failed', attempts: 2, last_error: '磁盘不可用 2' });
    expect(backoffSeconds(60, 1)).toBe(60);
    expect(backoffSeconds(60, 3)).toBe(240);
    expect(backoffSeconds(60, 30)).toBe(3600);
  });

  it('takes over a job whose holder died, once its lease has run out', async () => {
    const id = await enqueueJob(first.db, { name: 'test.takeover' });
    await jobsRepository.claim(first.db, ['test.takeover'], 'dead-process', 60);
    const [a, b] = runners([countingJob('test.takeover')]);
    expect(await b.runOnce()).toBe(false); // the lease still holds
    await sql`update jobs set lease_until = now() - interval '1 second' where id = ${id}`.execute(
      first.db,
    );
    expect(await a.runOnce()).toBe(true);
    expect(runs.get(id ?? -1)).toBe(1);
    expect(await jobsRepository.find(first.db, id ?? -1)).toMatchObject({
      state: 'succeeded',
      attempts: 2,
    });
  });

  it('stops cleanly: the running job is aborted and queued again without counting the attempt', async () => {
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const slow: JobDefinition = {
      name: 'test.slow',
      run: ({ signal }) =>
        new Promise((_, reject) => {
          started();
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    };
    const id = await enqueueJob(first.db, { name: 'test.slow' });
    const runner = createJobRunner({ db: first.db, definitions: [slow], pollMilliseconds: 10 });
    await runner.start();
    await isStarted;
    await runner.stop();
    expect(await jobsRepository.find(first.db, id ?? -1)).toMatchObject({
      state: 'queued',
      attempts: 0,
      lease_owner: null,
    });
  });
});
