// Entries chained after commit: concurrent writers get distinct positions and one gap-free chain,
// sealing happens exactly once whoever runs it, a rolled-back position becomes a void entry, and
// entries committed by a process that died before sealing are chained by the next one.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type AppContext } from '../../app.ts';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { testConfig } from '../../test/test-app.ts';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import { loadOrCreateSigningKey } from './crypto/keys.ts';
import { appendLedgerEntry } from './ledger.repository.ts';
import { sealAll, startLedgerSealer, VOID_KIND } from './ledger.seal.ts';
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

function append(db: Kysely<Database>, subjectId: string, defer = false) {
  return db
    .transaction()
    .execute((trx) =>
      appendLedgerEntry(
        trx,
        SYSTEM_ACTOR,
        { kind: 'test.seal', subjectType: 'test', subjectId, payload: { subjectId, 说明: '测试' } },
        { defer },
      ),
    );
}

/** Appends inside a transaction that then rolls back: its position is drawn and never used. */
async function appendAndRollBack(db: Kysely<Database>, defer = false) {
  await expect(
    db.transaction().execute(async (trx) => {
      await appendLedgerEntry(
        trx,
        SYSTEM_ACTOR,
        { kind: 'test.refused', subjectType: 'test', subjectId: 'refused', payload: {} },
        { defer },
      );
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
}

async function ledgerRows(db: Kysely<Database>) {
  return db
    .selectFrom('ledger_entries')
    .select(['leaf_index', 'kind', 'subject_id', 'entry_hash'])
    .orderBy('leaf_index')
    .execute();
}

async function treeSize(db: Kysely<Database>) {
  const head = await db.selectFrom('ledger_head').select('tree_size').executeTakeFirstOrThrow();
  return Number(head.tree_size);
}

describe('ledger sealing', () => {
  it('gives concurrent writers distinct positions in one gap-free chain, sealed exactly once', async () => {
    const db = await freshDatabase();
    const start = await treeSize(db);
    const sealers = [
      startLedgerSealer(db, { intervalMs: 5 }),
      startLedgerSealer(db, { intervalMs: 7 }),
    ];
    const workers = await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        const got = new Map<string, number>();
        for (let i = 0; i < 8; i++) {
          const subject = `${w}:${i}`;
          got.set(subject, await append(db, subject, i % 3 === 0));
          if (i === 4) await appendAndRollBack(db, w % 2 === 0);
        }
        return got;
      }),
    );
    await Promise.all(sealers.map((s) => s.stop()));
    await Promise.all([sealAll(db), sealAll(db)]);

    const positions = workers.flatMap((m) => [...m.values()]);
    expect(new Set(positions).size).toBe(48);
    const rows = await ledgerRows(db);
    // Every position from 0 to the head is held by exactly one chained entry.
    expect(rows.map((r) => r.leaf_index)).toEqual(rows.map((_, i) => i));
    expect(rows.every((r) => r.entry_hash !== null)).toBe(true);
    expect(await treeSize(db)).toBe(rows.length);
    for (const [subject, position] of workers.flatMap((m) => [...m.entries()])) {
      expect(rows[position]).toMatchObject({ kind: 'test.seal', subject_id: subject });
    }
    // Rolled-back positions are voids or were reused by a writer that found the head free.
    const added = rows.slice(start);
    expect(added.filter((r) => r.kind === 'test.seal')).toHaveLength(48);
    expect(added.filter((r) => r.kind === 'test.refused')).toHaveLength(0);
    expect(added.every((r) => r.kind === 'test.seal' || r.kind === VOID_KIND)).toBe(true);
    expect(await verifyLedger(db, [])).toEqual({ entriesChecked: rows.length, issues: [] });
  });

  it('chains in place when the head is free, even after a rolled-back append', async () => {
    const db = await freshDatabase();
    const first = await append(db, 'a');
    await appendAndRollBack(db);
    const second = await append(db, 'b');
    expect(second).toBe(first + 1);
    const rows = await ledgerRows(db);
    expect(rows.at(-1)).toMatchObject({ leaf_index: second, subject_id: 'b' });
    expect(rows.at(-1)?.entry_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await treeSize(db)).toBe(second + 1);
  });

  it('lets a pending entry receive its chain once, and nothing else', async () => {
    const db = await freshDatabase();
    const position = await append(db, 'pending', true);
    const refusedKind = db
      .updateTable('ledger_entries')
      .set({ kind: 'other' })
      .where('leaf_index', '=', position)
      .execute();
    await expect(refusedKind).rejects.toMatchObject({ code: 'SX001' });
    const refusedHash = db
      .updateTable('ledger_entries')
      .set({ payload_hash: '0'.repeat(64) })
      .where('leaf_index', '=', position)
      .execute();
    await expect(refusedHash).rejects.toMatchObject({ code: 'SX001' });
    await sealAll(db);
    const rechain = db
      .updateTable('ledger_entries')
      .set({ entry_hash: '0'.repeat(64), prev_hash: '0'.repeat(64) })
      .where('leaf_index', '=', position)
      .execute();
    await expect(rechain).rejects.toMatchObject({ code: 'SX001' });
    expect((await verifyLedger(db, [])).issues).toEqual([]);
  });

  it('names a pending entry whose payload no longer matches its hash', async () => {
    const db = await freshDatabase();
    const position = await append(db, 'pending', true);
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx
        .updateTable('ledger_entries')
        .set({ payload: JSON.stringify({ forged: true }) })
        .where('leaf_index', '=', position)
        .execute();
    });
    const report = await verifyLedger(db, []);
    expect(report.pendingEntries).toBe(1);
    expect(report.issues).toEqual([expect.objectContaining({ kind: 'altered', seq: position })]);
  });

  it('chains what a process committed before it died, in a fresh app over the same database', async () => {
    const db = await freshDatabase();
    const size = await treeSize(db);
    // The process that dies: its entries are committed, pending; one transaction rolled back.
    const positions = [await append(db, 'p0', true), await append(db, 'p1', true)];
    await appendAndRollBack(db, true);
    positions.push(await append(db, 'p2', true), await append(db, 'p3', true));
    const before = await verifyLedger(db, []);
    expect(before.issues).toEqual([]);
    expect(before.pendingEntries).toBe(4);
    expect(await treeSize(db)).toBe(size);

    // The restarted server: a new app on the same database. Its sealer chains them.
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-seal-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const ctx: AppContext = {
      db,
      dbKind: 'pglite',
      config,
      version: 'test',
      signingKey: await loadOrCreateSigningKey({ dataDir, isProduction: false }),
      blobs: createLocalBlobStore(config.BLOB_DIR),
      clock: () => new Date(),
    };
    const app = await buildApp(ctx);
    cleanups.push(async () => {
      await app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    });
    await app.ready();
    // Positions skipped by the sequence (a rollback here; after a crash, also those PostgreSQL
    // pre-allocates) become voids, so the tree ends right after the last entry.
    const end = (positions[3] ?? 0) + 1;
    for (let waited = 0; (await treeSize(db)) < end && waited < 10_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await treeSize(db)).toBe(end);
    const head = await app.inject({ url: '/api/ledger/head' });
    expect(head.json()).toMatchObject({ treeSize: end });

    const rows = await ledgerRows(db);
    expect(rows.map((r) => r.leaf_index)).toEqual(rows.map((_, i) => i));
    const expected = rows.slice(size).map((r) => {
      const at = positions.indexOf(r.leaf_index ?? -1);
      return at >= 0
        ? [r.leaf_index, 'test.seal', `p${at}`]
        : [r.leaf_index, VOID_KIND, String(r.leaf_index)];
    });
    expect(rows.slice(size).map((r) => [r.leaf_index, r.kind, r.subject_id])).toEqual(expected);
    expect(rows.find((r) => r.leaf_index === (positions[1] ?? 0) + 1)?.kind).toBe(VOID_KIND);
    expect(await verifyLedger(db, [])).toEqual({ entriesChecked: end, issues: [] });
  }, 120_000);
});
