// Frozen: the durable job runner (server/src/jobs). Jobs are rows: any process sharing the
// database may claim a due one with a lease (FOR UPDATE SKIP LOCKED), so a job runs once however
// many processes poll; a recurring schedule turns each due slot into one job (unique key).
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // One job per key: a schedule's slot ('archive.fixity@2026-11-21T00:00:00.000Z'), or a
    // caller's idempotency key; null for jobs that may repeat.
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`state in ('queued', 'running', 'succeeded', 'failed')`),
    )
    .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // The claim query's access path: due queued jobs, and running ones whose lease ran out.
  await sql`create index jobs_due_idx on jobs (run_at) where state = 'queued'`.execute(db);
  await sql`create index jobs_lease_idx on jobs (lease_until) where state = 'running'`.execute(db);

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('every_seconds', 'integer', (c) => c.notNull().check(sql`every_seconds > 0`))
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('jobs').execute();
}
