// A durable job runner: jobs and schedules are rows in the database (jobs.repository.ts), so any
// number of server processes sharing one PostgreSQL database run each job once, and PGlite's
// single process works the same way. The only process-local state is this polling loop and the
// job it is running; a process that dies mid-job stops renewing its lease, and after the lease
// runs out another process runs the job again — so handlers must be idempotent (see README.md).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { jobsRepository as repo, type JobRow } from './jobs.repository.ts';

export interface JobContext {
  db: Kysely<Database>;
  /** Aborted when the runner stops or this process loses the job's lease: stop promptly. */
  signal: AbortSignal;
  job: { id: number; name: string; attempt: number; payload: Record<string, unknown> };
}

export interface JobDefinition {
  name: string;
  run(ctx: JobContext): Promise<Record<string, unknown> | void>;
  /** Recurring: one run per slot of this length, across all processes. */
  everySeconds?: number;
  maxAttempts?: number;
  /** First retry after this many seconds, doubling each attempt (capped at one hour). */
  backoffSeconds?: number;
}

export interface RunnerOptions {
  db: Kysely<Database>;
  definitions: readonly JobDefinition[];
  pollMilliseconds?: number;
  leaseSeconds?: number;
  owner?: string;
  log?: { info(o: object, m: string): void; error(o: object, m: string): void };
}

export interface JobRunner {
  readonly owner: string;
  /** Creates or updates the schedules of recurring definitions, then polls until stop(). */
  start(): Promise<void>;
  /** Materialises due schedules and runs at most one job; true when a job ran. */
  runOnce(): Promise<boolean>;
  /** Stops polling, aborts the running job (it is queued again, uncounted) and waits for it. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_SECONDS = 3600;

class Aborted extends Error {}

export function backoffSeconds(base: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, base * 2 ** Math.max(0, attempt - 1));
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const { db } = options;
  const pollMs = options.pollMilliseconds ?? 5000;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  const recurring = options.definitions.filter((d) => d.everySeconds !== undefined);

  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const stopController = new AbortController();

  async function execute(row: JobRow, definition: JobDefinition): Promise<void> {
    const jobAbort = new AbortController();
    const onStop = () => jobAbort.abort(new Aborted('runner stopping'));
    if (stopController.signal.aborted) onStop();
    else stopController.signal.addEventListener('abort', onStop, { once: true });
    // Renew the lease at a third of its length; losing it means another process may take over.
    const heartbeat = setInterval(
      () => {
        repo.renewLease(db, row.id, owner, leaseSeconds).then(
          (held) => {
            if (!held) jobAbort.abort(new Aborted('lease lost'));
          },
          () => undefined,
        );
      },
      Math.max(100, (leaseSeconds * 1000) / 3),
    );
    try {
      if (row.attempts > row.max_attempts) {
        // A holder died during the last allowed attempt: give up rather than loop forever.
        await repo.finish(db, row.id, owner, {
          state: 'failed',
          error: row.last_error ?? '执行中断（租约过期）且已达最大重试次数',
        });
        return;
      }
      const result = await definition.run({
        db,
        signal: jobAbort.signal,
        job: { id: row.id, name: row.name, attempt: row.attempts, payload: row.payload },
      });
      await repo.finish(db, row.id, owner, { state: 'succeeded', result: result ?? null });
      options.log?.info({ job: row.id, name: row.name }, 'job succeeded');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const aborted = jobAbort.signal.aborted;
      if (aborted || row.attempts < row.max_attempts) {
        // An abort by our own stop is not the job's failure: run it again soon, uncounted.
        await repo.finish(db, row.id, owner, {
          state: 'queued',
          error: message,
          retryInSeconds: aborted
            ? 0
            : backoffSeconds(definition.backoffSeconds ?? 30, row.attempts),
          countAttempt: !aborted,
        });
      } else {
        await repo.finish(db, row.id, owner, { state: 'failed', error: message });
      }
      options.log?.error({ job: row.id, name: row.name, err: message }, 'job failed');
    } finally {
      clearInterval(heartbeat);
      stopController.signal.removeEventListener('abort', onStop);
    }
  }

  async function runOnce(): Promise<boolean> {
    await repo.materialiseDueSchedules(
      db,
      recurring.map((d) => d.name),
    );
    const row = await repo.claim(db, names, owner, leaseSeconds);
    if (!row) return false;
    const definition = byName.get(row.name);
    if (definition) await execute(row, definition);
    return true;
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      let worked = false;
      try {
        worked = await runOnce();
      } catch (error) {
        // The database may be briefly unreachable; the loop outlives that.
        options.log?.error({ err: (error as Error).message }, 'job runner poll failed');
      }
      if (worked || stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    owner,
    async start() {
      for (const d of recurring) {
        await repo.upsertSchedule(db, {
          name: d.name,
          everySeconds: d.everySeconds ?? 0,
          payload: {},
        });
      }
      loop ??= poll();
    },
    runOnce,
    async stop() {
      stopping = true;
      stopController.abort();
      wake?.();
      await loop;
    },
  };
}

/** Queues a one-off job (a key makes it idempotent: a second enqueue with it does nothing). */
export async function enqueueJob(
  db: Kysely<Database>,
  job: {
    name: string;
    payload?: Record<string, unknown>;
    key?: string;
    runAt?: Date;
    maxAttempts?: number;
  },
): Promise<number | undefined> {
  return repo.enqueue(db, {
    name: job.name,
    payload: job.payload ?? {},
    key: job.key ?? null,
    runAt: job.runAt ?? null,
    maxAttempts: job.maxAttempts ?? 5,
  });
}
