// Appends racing one another on PostgreSQL: multi-entry transactions, new writers arriving while
// they run, transactions rolling back, writers under another database role. No append may fail
// with a unique violation on leaf_index (a position handed to two transactions), and whatever
// committed must form one gap-free chain that verifies. On PGlite (one connection, transactions
// in turn) only the mixed workload runs: there is nothing to race.
import { sql, type Kysely, type Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { appendLedgerEntry } from './ledger.repository.ts';
import {
  fillVoid,
  LEDGER_WRITERS_LOCK,
  sealAll,
  startLedgerSealer,
  VOID_KIND,
} from './ledger.seal.ts';
import { verifyLedger } from './ledger.verify.ts';

const isPostgres = inject('dbKind') === 'postgresql';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 300_000);

async function freshDatabase(poolSize = 4): Promise<Kysely<Database>> {
  const handle = await createTestDatabase({ poolSize });
  cleanups.push(() => handle.close());
  return handle.db;
}

function entry(subjectId: string) {
  return { kind: 'test.race', subjectType: 'test', subjectId, payload: { subjectId } };
}

function append(trx: Transaction<Database>, subjectId: string, defer = false) {
  return appendLedgerEntry(trx, SYSTEM_ACTOR, entry(subjectId), { defer });
}

/** Appends in a transaction that then rolls back: the sequence moves past the tree. */
async function appendAndRollBack(db: Kysely<Database>) {
  await expect(
    db.transaction().execute(async (trx) => {
      await append(trx, 'rolled-back');
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
}

function signal() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every committed position held by one chained entry, the subjects where the appends said. */
async function expectOneChain(db: Kysely<Database>, positions: ReadonlyMap<string, number>) {
  await sealAll(db, 10_000);
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['leaf_index', 'kind', 'subject_id', 'entry_hash'])
    .orderBy('leaf_index')
    .execute();
  expect(rows.map((r) => r.leaf_index)).toEqual(rows.map((_, i) => i));
  expect(rows.filter((r) => r.entry_hash === null)).toEqual([]);
  const bySubject = new Map(
    rows.filter((r) => r.kind === 'test.race').map((r) => [r.subject_id, r.leaf_index]),
  );
  expect(bySubject).toEqual(new Map(positions));
  expect(rows.every((r) => r.subject_id !== 'rolled-back')).toBe(true);
  expect(await verifyLedger(db, [])).toEqual({ entriesChecked: rows.length, issues: [] });
  return rows;
}

describe.runIf(isPostgres)('ledger appends racing on PostgreSQL', () => {
  it('lets a new writer start while a multi-entry transaction that reused a position runs', async () => {
    const db = await freshDatabase();
    await appendAndRollBack(db);
    const positions = new Map<string, number>();
    const [bStarted, cAppended] = [signal(), signal()];

    // B reuses the rolled-back position with its first entry, then keeps appending after C, a
    // new writer, has drawn the next position and not committed yet.
    const b = db.transaction().execute(async (trx) => {
      positions.set('b1', await append(trx, 'b1'));
      bStarted.resolve();
      await cAppended.promise;
      for (const subject of ['b2', 'b3', 'b4']) positions.set(subject, await append(trx, subject));
    });
    const c = db.transaction().execute(async (trx) => {
      await bStarted.promise;
      positions.set('c1', await append(trx, 'c1'));
      cAppended.resolve();
      // Still running while B appends: B must not take the position C holds.
      await sleep(300);
    });
    await Promise.all([b, c]);
    await expectOneChain(db, positions);
  });

  it('keeps another database role’s running writer out of the positions it reuses', async () => {
    const db = await freshDatabase();
    const role = `sanxiang_other_${randomBytes(4).toString('hex')}`;
    await sql`create role ${sql.id(role)} nologin`.execute(db);
    cleanups.push(async () => {
      await sql`drop owned by ${sql.id(role)}`.execute(db);
      await sql`drop role ${sql.id(role)}`.execute(db);
    });
    await sql`grant select, insert, update on ledger_entries, ledger_head, ledger_nodes
      to ${sql.id(role)}`.execute(db);
    await sql`grant usage, select, update on sequence ledger_leaf_index_seq, ledger_entries_seq_seq
      to ${sql.id(role)}`.execute(db);
    await appendAndRollBack(db);
    const positions = new Map<string, number>();
    const [cAppended, bDone] = [signal(), signal()];

    // C (the superuser) holds a drawn position, uncommitted; B runs as a role that cannot see
    // C in pg_stat_activity.
    const c = db.transaction().execute(async (trx) => {
      positions.set('c1', await append(trx, 'c1', true));
      cAppended.resolve();
      await Promise.race([bDone.promise, sleep(1000)]);
    });
    const b = db.transaction().execute(async (trx) => {
      await cAppended.promise;
      await sql`set local role ${sql.id(role)}`.execute(trx);
      for (const subject of ['b1', 'b2', 'b3']) positions.set(subject, await append(trx, subject));
      bDone.resolve();
    });
    await Promise.all([b, c]);
    await expectOneChain(db, positions);
  });
});

describe('ledger appends, a mixed workload', () => {
  it('gives every committed entry its own position under multi-entry transactions and rollbacks', async () => {
    const db = await freshDatabase(isPostgres ? 6 : 4);
    const sealer = startLedgerSealer(db, { intervalMs: 5 });
    const positions = new Map<string, number>();
    const errors: unknown[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (let t = 0; t < 12; t++) {
          const isRollback = (w + t) % 4 === 0;
          const size = 1 + ((w * 7 + t) % 4);
          const got = new Map<string, number>();
          try {
            await db.transaction().execute(async (trx) => {
              for (let i = 0; i < size; i++) {
                const subject = `${w}:${t}:${i}`;
                got.set(subject, await append(trx, subject, (w + t + i) % 5 === 0));
                if (isPostgres && i === 0) await sleep((w * 3 + t) % 7);
              }
              if (isRollback) throw new Error('rollback');
            });
            for (const [subject, position] of got) positions.set(subject, position);
          } catch (error) {
            if (!(error instanceof Error && error.message === 'rollback')) errors.push(error);
          }
        }
      }),
    );
    await sealer.stop();
    expect(errors).toEqual([]);
    const rows = await expectOneChain(db, positions);
    // Rolled-back positions were reused or became voids; nothing else was written.
    const added = rows.filter((r) => r.kind === 'test.race' || r.kind === VOID_KIND);
    expect(added.length).toBeGreaterThanOrEqual(positions.size);
  }, 120_000);
});

describe('ledger positions', () => {
  it('takes the writers lock the sealer names (the append function holds it as a literal)', async () => {
    const db = await freshDatabase();
    const source = await sql<{ prosrc: string }>`select prosrc from pg_proc
      where proname = 'sanxiang_ledger_append'`.execute(db);
    expect(source.rows).toHaveLength(1);
    const literals = source.rows[0]?.prosrc.match(/advisory_xact_lock(?:_shared)?\((\d+)\)/g);
    expect(literals).toEqual([
      `advisory_xact_lock_shared(${LEDGER_WRITERS_LOCK})`,
      `advisory_xact_lock(${LEDGER_WRITERS_LOCK})`,
    ]);
  });

  it('reuses the rolled-back position once and then draws in step with the tree again', async () => {
    const db = await freshDatabase();
    await appendAndRollBack(db);
    const size = Number(
      (await db.selectFrom('ledger_head').select('tree_size').executeTakeFirstOrThrow()).tree_size,
    );
    const positions = new Map<string, number>();
    for (const subject of ['a', 'b', 'c']) {
      positions.set(subject, await db.transaction().execute((trx) => append(trx, subject)));
    }
    expect([...positions.values()]).toEqual([size, size + 1, size + 2]);
    // Chained in place, no sealer involved; and the sequence follows the tree.
    const pending = await db
      .selectFrom('ledger_entries')
      .select('leaf_index')
      .where('entry_hash', 'is', null)
      .execute();
    expect(pending).toEqual([]);
    const next = await sql<{
      n: number;
    }>`select nextval('ledger_leaf_index_seq')::int as n`.execute(db);
    expect(next.rows[0]?.n).toBe(size + 3);
  });

  it('draws again when the sealer has filled its position with a void', async () => {
    const db = await freshDatabase();
    // A restored data directory's sequence may have jumped ahead (PostgreSQL logs it ahead of
    // use); the first append brings it back in step with the tree.
    const first = await db.transaction().execute((trx) => append(trx, 'first'));
    const size = Number(
      (await db.selectFrom('ledger_head').select('tree_size').executeTakeFirstOrThrow()).tree_size,
    );
    // What a sealer does to a position whose writer drew it and then stalled before inserting.
    expect(await fillVoid(db, size)).toBe(true);
    const position = await db.transaction().execute((trx) => append(trx, 'after-void'));
    expect(position).toBe(size + 1);
    const rows = await expectOneChain(
      db,
      new Map([
        ['first', first],
        ['after-void', position],
      ]),
    );
    expect(rows[size]?.kind).toBe(VOID_KIND);
  });
});
