// Fixed-window counters of public requests: only this file touches public_rate_limits.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const rateLimitRepository = {
  /** Counts one hit of the client in the window and returns the window's count so far. */
  async hit(db: Kysely<Database>, client: string, windowStart: number): Promise<number> {
    const row = await db
      .insertInto('public_rate_limits')
      .values({ client, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['client', 'window_start']).doUpdateSet({
          hits: sql<number>`public_rate_limits.hits + 1`,
        }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    return Number(row.hits);
  },

  /** Drops the counters of windows that have ended. */
  async prune(db: Kysely<Database>, before: number): Promise<void> {
    await db.deleteFrom('public_rate_limits').where('window_start', '<', before).execute();
  },
};
