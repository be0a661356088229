// One consistent picture of the database for a long read that must not see writes made while it
// runs (`verify` against a server that keeps appending): every query of the read sees the same
// committed state. On PostgreSQL the snapshot is exported by one REPEATABLE READ transaction and
// imported by a few more, so the read can still send queries on several connections at once; on
// PGlite (one connection) it is a single REPEATABLE READ transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import { databaseConnectionsOf } from './database.ts';
import type { Database } from './schema.ts';

export interface Snapshot {
  /** The transaction that exported the snapshot: for the read's sequential queries. */
  db: Kysely<Database>;
  /**
   * Further transactions on the same snapshot, each its own connection, for queries sent side by
   * side; empty where the database has one connection. Each is used by one flow of queries at a
   * time (a savepoint in one must not interleave with another's).
   */
  readers: readonly Kysely<Database>[];
}

/**
 * Runs `read` on one snapshot, with up to `parallel` reader connections besides the exporting one
 * (fewer when the pool is smaller). The transactions are read only and end when `read` does.
 */
export async function withSnapshot<T>(
  db: Kysely<Database>,
  parallel: number,
  read: (snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  const readerCount = Math.max(0, Math.min(parallel, databaseConnectionsOf(db) - 1));
  return snapshotTransaction(db).execute(async (trx) => {
    if (readerCount === 0) return read({ db: trx, readers: [] });
    const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
    const id = rows[0]?.id ?? '';
    const readers = await openReaders(db, id, readerCount);
    try {
      return await read({ db: trx, readers: readers.map((r) => r.trx) });
    } finally {
      await Promise.allSettled(readers.map((r) => r.finish()));
    }
  });
}

const snapshotTransaction = (db: Kysely<Database>) =>
  db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');

interface OpenReader {
  trx: Transaction<Database>;
  finish(): Promise<void>;
}

/** Transactions that imported the snapshot and stay open until finished. */
async function openReaders(db: Kysely<Database>, id: string, count: number) {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => openReader(db, id)));
  const readers = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failed = opened.find((o) => o.status === 'rejected');
  if (failed) {
    await Promise.allSettled(readers.map((r) => r.finish()));
    throw failed.reason;
  }
  return readers;
}

function openReader(db: Kysely<Database>, id: string): Promise<OpenReader> {
  return new Promise((resolve, reject) => {
    let finish!: () => void;
    const finished = new Promise<void>((done) => (finish = done));
    const ended = snapshotTransaction(db).execute(async (trx) => {
      // Must be the transaction's first statement; the id is the server's own, quoted anyway.
      await sql`set transaction snapshot ${sql.lit(id)}`.execute(trx);
      resolve({ trx, finish: () => (finish(), ended) });
      await finished;
    });
    ended.catch(reject);
  });
}
