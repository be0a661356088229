// The head row of a transaction that appends many entries (migrations 0200, 0210): written at its
// first chained entry and once more at commit, not once per entry (each write left a row version
// that every later look-up of the head walked); right at commit however the transaction ends its
// tip — a rolled-back savepoint, the constraint made immediate — and the chain verifies.
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { appendLedgerEntry } from './ledger.repository.ts';
import { verifyLedger } from './ledger.verify.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 300_000);

async function freshDatabase(): Promise<Kysely<Database>> {
  const handle = await createTestDatabase();
  cleanups.push(() => handle.close());
  return handle.db;
}

function append(trx: Transaction<Database>, subjectId: string) {
  return appendLedgerEntry(trx, SYSTEM_ACTOR, {
    kind: 'test.head',
    subjectType: 'test',
    subjectId,
    payload: { subjectId, 说明: '测试' },
  });
}

async function headSize(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const head = await db.selectFrom('ledger_head').select('tree_size').executeTakeFirstOrThrow();
  return Number(head.tree_size);
}

/** Counts the writes of the head row from now on. */
async function countHeadWrites(db: Kysely<Database>): Promise<() => Promise<number>> {
  await sql`create table test_head_writes (tree_size bigint not null)`.execute(db);
  await sql`create function test_count_head_write() returns trigger language plpgsql as $$
    begin
      insert into test_head_writes values (new.tree_size);
      return null;
    end $$`.execute(db);
  await sql`create trigger test_count_head_write after update on ledger_head
    for each row execute function test_count_head_write()`.execute(db);
  return async () => {
    const rows = await sql<{ n: number }>`select count(*)::int as n from test_head_writes`.execute(
      db,
    );
    return rows.rows[0]?.n ?? 0;
  };
}

async function expectChainedAndVerified(db: Kysely<Database>, size: number) {
  expect(await headSize(db)).toBe(size);
  const unchained = await db
    .selectFrom('ledger_entries')
    .select('leaf_index')
    .where('entry_hash', 'is', null)
    .execute();
  expect(unchained).toEqual([]);
  const report = await verifyLedger(db, []);
  expect(report.issues).toEqual([]);
  expect(report.entriesChecked).toBe(size);
}

describe('the ledger head in a transaction of many entries', () => {
  it('is written at the first chained entry and at commit, not once per entry', async () => {
    const db = await freshDatabase();
    const start = await headSize(db);
    const headWrites = await countHeadWrites(db);
    const positions = await db.transaction().execute(async (trx) => {
      const drawn: number[] = [];
      for (let i = 0; i < 40; i++) drawn.push(await append(trx, `many-${i}`));
      return drawn;
    });
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => start + i));
    expect(await headWrites()).toBe(2);
    await expectChainedAndVerified(db, start + 40);
    // Written at commit with the frontier read from the stored nodes (migration 0210).
    const frontier = await sql<{
      same: boolean;
    }>`select frontier = sanxiang_ledger_frontier(tree_size)
      as same from ledger_head`.execute(db);
    expect(frontier.rows[0]?.same).toBe(true);
    // A one-entry transaction writes it once.
    await db.transaction().execute((trx) => append(trx, 'one'));
    expect(await headWrites()).toBe(3);
    await expectChainedAndVerified(db, start + 41);
  });

  it('is written with each entry when the constraint is made immediate', async () => {
    const db = await freshDatabase();
    const start = await headSize(db);
    await db.transaction().execute(async (trx) => {
      await sql`set constraints ledger_entries_head_at_commit immediate`.execute(trx);
      for (let i = 0; i < 4; i++) {
        await append(trx, `immediate-${i}`);
        expect(await headSize(trx)).toBe(start + i + 1);
      }
    });
    await expectChainedAndVerified(db, start + 4);
  });

  it('ends at the tip a rolled-back savepoint leaves, the positions it drew used again', async () => {
    const db = await freshDatabase();
    const start = await headSize(db);
    const positions = await db.transaction().execute(async (trx) => {
      const drawn = [await append(trx, 'kept-1'), await append(trx, 'kept-2')];
      await sql`savepoint undone`.execute(trx);
      await append(trx, 'undone-1');
      await append(trx, 'undone-2');
      await sql`rollback to savepoint undone`.execute(trx);
      drawn.push(await append(trx, 'kept-3'));
      return drawn;
    });
    expect(positions).toEqual([start, start + 1, start + 2]);
    await expectChainedAndVerified(db, start + 3);
    const kinds = await db
      .selectFrom('ledger_entries')
      .select('subject_id')
      .where('leaf_index', '>=', start)
      .orderBy('leaf_index')
      .execute();
    expect(kinds.map((k) => k.subject_id)).toEqual(['kept-1', 'kept-2', 'kept-3']);
  });

  it("is left where it was when the transaction's entries went pending", async () => {
    const db = await freshDatabase();
    // A restored data directory's sequence may be ahead of the tree; an append brings it back.
    await db.transaction().execute((trx) => append(trx, 'first'));
    const start = await headSize(db);
    await db.transaction().execute(async (trx) => {
      await appendLedgerEntry(
        trx,
        SYSTEM_ACTOR,
        { kind: 'test.head', subjectType: 'test', subjectId: 'deferred', payload: {} },
        { defer: true },
      );
      // Not next in line (the deferred entry waits for the sealer): pending too.
      await append(trx, 'after-deferred');
    });
    const pending = await db
      .selectFrom('ledger_entries')
      .select('leaf_index')
      .where('entry_hash', 'is', null)
      .orderBy('leaf_index')
      .execute();
    expect(pending.map((p) => Number(p.leaf_index))).toEqual([start, start + 1]);
    expect(await headSize(db)).toBe(start);
  });
});
