// Reads of the stored blobs to check, and the write-once record of each fixity run.
import { sql, type Kysely, type Insertable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface StoredBlob {
  sm3: string;
  sha256: string;
  size: number;
  evidenceIds: string[];
}

export const fixityRepository = {
  /** Blobs in SM3 order after `after`, one row per content (evidence may share a blob). */
  async blobsAfter(db: Kysely<Database>, after: string, limit: number): Promise<StoredBlob[]> {
    const rows = await db
      .selectFrom('evidence')
      .select([
        'sm3',
        sql<string>`min(sha256)`.as('sha256'),
        sql<number>`min(size)`.as('size'),
        sql<string[]>`array_agg(id order by id)`.as('evidence_ids'),
      ])
      .where('sm3', 'is not', null)
      .where('sm3', '>', after)
      // Disposed content is gone on purpose (destruction register): nothing to re-hash.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('blob_disposals')
              .select('blob_disposals.sm3')
              .whereRef('blob_disposals.sm3', '=', 'evidence.sm3'),
          ),
        ),
      )
      .groupBy('sm3')
      .orderBy('sm3')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      sm3: r.sm3 ?? '',
      sha256: r.sha256,
      size: Number(r.size),
      evidenceIds: r.evidence_ids,
    }));
  },

  async insertRun(trx: Transaction<Database>, row: Insertable<Database['fixity_runs']>) {
    await trx.insertInto('fixity_runs').values(row).execute();
  },

  async insertWarnings(
    trx: Transaction<Database>,
    rows: Insertable<Database['fixity_warnings']>[],
  ) {
    if (rows.length > 0) await trx.insertInto('fixity_warnings').values(rows).execute();
  },

  async warningsOfRun(db: Kysely<Database>, runId: string) {
    return db
      .selectFrom('fixity_warnings')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('id')
      .execute();
  },
};
