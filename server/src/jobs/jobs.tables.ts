import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobsTables {
  jobs: {
    id: Generated<number>;
    name: string;
    key: string | null;
    payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
    state: Generated<JobState>;
    run_at: ColumnType<Date, Date | undefined, Date>;
    attempts: Generated<number>;
    max_attempts: Generated<number>;
    lease_owner: string | null;
    lease_until: Date | null;
    last_error: string | null;
    result: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
    created_at: ColumnType<Date, never, never>;
    started_at: Date | null;
    finished_at: Date | null;
  };
  job_schedules: {
    name: string;
    every_seconds: number;
    payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
    next_run_at: Date;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
}
