// Every kind of tampering `sanxiang verify` must name, each on its own fresh database: the
// tamperer works as a database superuser who can switch the write-once triggers off.
import { sql, type Kysely, type Transaction } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { fromHex, sm3, toHex } from './crypto/hash.ts';
import { entryHashOf } from './ledger.entry.ts';
import { loadOrCreateSigningKey } from './crypto/keys.ts';
import { frontierAt, rootFromFrontier } from './crypto/merkle.ts';
import { auditLedger } from './ledger.audit.ts';
import { readWitness, signCurrentTreeHead } from './ledger.heads.ts';
import { databaseNodeSource } from './ledger.nodes.ts';
import { appendLedgerEntry } from './ledger.repository.ts';
import { verifyLedger } from './ledger.verify.ts';

const ENTRIES = 12;
const closers: (() => Promise<void>)[] = [];
const witnessDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-witness-'));
// Each close drops a PostgreSQL database (a checkpoint each): in parallel, with time to spare on
// a loaded machine.
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  fs.rmSync(witnessDir, { recursive: true, force: true });
}, 300_000);

/** A fresh database whose ledger holds the template's entries plus ENTRIES more. */
async function freshLedger(): Promise<{ db: Kysely<Database>; first: number; size: number }> {
  const handle = await createTestDatabase();
  closers.push(() => handle.close());
  const first = await handle.db.transaction().execute(async (trx) => {
    let seq = -1;
    for (let i = 0; i < ENTRIES; i++) {
      const s = await appendLedgerEntry(trx, SYSTEM_ACTOR, {
        kind: 'test.entry',
        subjectType: 'test',
        subjectId: String(i),
        payload: { i, note: `第 ${i} 条`, nested: { b: 2, a: [1, '二'] } },
      });
      if (seq < 0) seq = s;
    }
    return seq;
  });
  return { db: handle.db, first, size: first + ENTRIES };
}

async function asSuperuser(
  db: Kysely<Database>,
  tamper: (trx: Transaction<Database>) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await tamper(trx);
  });
}

async function row(db: Kysely<Database> | Transaction<Database>, leafIndex: number) {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('leaf_index', '=', leafIndex)
    .executeTakeFirstOrThrow();
}

/** What a careful tamperer does after editing a row: recompute its own hashes. */
async function rehash(trx: Transaction<Database>, leafIndex: number) {
  const r = await row(trx, leafIndex);
  const payloadCanonical = JSON.stringify(r.payload); // keys already sorted by jsonb for these
  const payloadHash = toHex(sm3(r.payload_canonical ?? payloadCanonical));
  const entryHash = toHex(
    entryHashOf({
      leafIndex,
      kind: r.kind,
      agencyId: r.agency_id,
      caseId: r.case_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      actor: {
        userId: r.actor_user_id,
        name: r.actor_name,
        ip: r.actor_ip,
        userAgent: r.actor_user_agent,
      },
      recordedAt: r.recorded_at.toISOString(),
      payloadHash: r.payload_hash ?? payloadHash,
      prevHash: r.prev_hash ?? '',
    }),
  );
  await trx
    .updateTable('ledger_entries')
    .set({ entry_hash: entryHash })
    .where('seq', '=', r.seq)
    .execute();
}

describe('sanxiang verify', () => {
  it('finds nothing wrong in an intact ledger and counts every entry', async () => {
    const { db, size } = await freshLedger();
    const report = await verifyLedger(db, []);
    expect(report).toEqual({ entriesChecked: size, issues: [] });
  });

  it('cannot be changed through SQL: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { db, first } = await freshLedger();
    await expect(
      db
        .updateTable('ledger_entries')
        .set({ actor_name: '别人' })
        .where('leaf_index', '=', first)
        .execute(),
    ).rejects.toMatchObject({ code: 'SX001' });
    await expect(
      db.deleteFrom('ledger_entries').where('leaf_index', '=', first).execute(),
    ).rejects.toMatchObject({
      code: 'SX001',
    });
    await expect(sql`truncate ledger_nodes`.execute(db)).rejects.toMatchObject({ code: 'SX001' });
    await expect(db.deleteFrom('ledger_nodes').execute()).rejects.toMatchObject({ code: 'SX001' });
    expect((await verifyLedger(db, [])).issues).toEqual([]);
  });

  it('names an entry whose payload was altered', async () => {
    const { db, first } = await freshLedger();
    await asSuperuser(db, (trx) =>
      trx
        .updateTable('ledger_entries')
        .set({ payload: JSON.stringify({ i: 99 }) })
        .where('leaf_index', '=', first + 3)
        .execute()
        .then(() => undefined),
    );
    const { issues } = await verifyLedger(db, []);
    expect(issues).toEqual([expect.objectContaining({ kind: 'altered', seq: first + 3 })]);
  });

  it('names an entry whose actor was altered', async () => {
    const { db, first } = await freshLedger();
    await asSuperuser(db, (trx) =>
      trx
        .updateTable('ledger_entries')
        .set({ actor_name: '冒名者' })
        .where('leaf_index', '=', first + 5)
        .execute()
        .then(() => undefined),
    );
    const { issues } = await verifyLedger(db, []);
    expect(issues.map((i) => [i.kind, i.seq])).toEqual([['altered', first + 5]]);
  });

  it('names an entry rewritten with freshly computed hashes', async () => {
    const { db, first } = await freshLedger();
    await asSuperuser(db, async (trx) => {
      await trx
        .updateTable('ledger_entries')
        .set({ actor_name: '冒名者' })
        .where('leaf_index', '=', first + 4)
        .execute();
      await rehash(trx, first + 4);
    });
    const { issues } = await verifyLedger(db, []);
    expect(issues.map((i) => [i.kind, i.seq])).toEqual([['altered', first + 4]]);
  });

  it('names a dropped entry', async () => {
    const { db, first } = await freshLedger();
    await asSuperuser(db, (trx) =>
      trx
        .deleteFrom('ledger_entries')
        .where('leaf_index', '=', first + 6)
        .execute()
        .then(() => undefined),
    );
    const { issues } = await verifyLedger(db, []);
    expect(issues).toEqual([expect.objectContaining({ kind: 'missing', seq: first + 6 })]);
  });

  it('names an inserted entry, even when the tamperer renumbered and rehashed the rest', async () => {
    const { db, first, size } = await freshLedger();
    const at = first + 5;
    await asSuperuser(db, async (trx) => {
      for (let i = size - 1; i >= at; i--) {
        await trx
          .updateTable('ledger_entries')
          .set({ leaf_index: i + 1 })
          .where('leaf_index', '=', i)
          .execute();
        await rehash(trx, i + 1);
      }
      const before = await row(trx, at - 1);
      const { seq, ...copy } = await row(trx, at + 1);
      expect(seq).toBeGreaterThan(0);
      const forged = { forged: true };
      await trx
        .insertInto('ledger_entries')
        .values({
          ...copy,
          subject_id: 'forged',
          payload: JSON.stringify(forged),
          payload_canonical: canonicalJson(forged),
          payload_hash: toHex(sm3(canonicalJson(forged))),
          leaf_index: at,
          prev_hash: before.entry_hash,
        })
        .execute();
      await rehash(trx, at);
    });
    const { issues } = await verifyLedger(db, []);
    expect(issues.filter((i) => i.kind !== 'head_mismatch' && i.kind !== 'node_altered')).toEqual([
      expect.objectContaining({ kind: 'inserted', seq: at }),
      expect.objectContaining({
        kind: 'altered',
        seq: at + 1,
        detail: expect.stringContaining('重新编号'),
      }),
    ]);
  });

  it('names a dropped entry whose successors were renumbered and rehashed', async () => {
    const { db, first, size } = await freshLedger();
    const gone = first + 4;
    await asSuperuser(db, async (trx) => {
      await trx.deleteFrom('ledger_entries').where('leaf_index', '=', gone).execute();
      for (let i = gone + 1; i < size; i++) {
        await trx
          .updateTable('ledger_entries')
          .set({ leaf_index: i - 1 })
          .where('leaf_index', '=', i)
          .execute();
        await rehash(trx, i - 1);
      }
    });
    const { issues } = await verifyLedger(db, []);
    expect(issues.filter((i) => i.kind !== 'head_mismatch')).toEqual([
      expect.objectContaining({ kind: 'missing', seq: gone }),
      expect.objectContaining({
        kind: 'altered',
        seq: gone,
        detail: expect.stringContaining('重新编号'),
      }),
    ]);
  });

  it('names reordered entries', async () => {
    const { db, first } = await freshLedger();
    const [a, b] = [first + 2, first + 3];
    await asSuperuser(db, async (trx) => {
      await trx
        .updateTable('ledger_entries')
        .set({ leaf_index: -1 })
        .where('leaf_index', '=', a)
        .execute();
      await trx
        .updateTable('ledger_entries')
        .set({ leaf_index: a })
        .where('leaf_index', '=', b)
        .execute();
      await trx
        .updateTable('ledger_entries')
        .set({ leaf_index: b })
        .where('leaf_index', '=', -1)
        .execute();
      await rehash(trx, a);
      await rehash(trx, b);
    });
    const { issues } = await verifyLedger(db, []);
    const named = issues.filter((i) =>
      ['inserted', 'missing', 'reordered', 'altered'].includes(i.kind),
    );
    expect(named.map((i) => [i.kind, i.seq])).toEqual([
      ['reordered', a],
      ['reordered', b],
    ]);
  });

  it('names a stored tree node or head that disagrees with the entries', async () => {
    const { db } = await freshLedger();
    await asSuperuser(db, async (trx) => {
      await trx
        .updateTable('ledger_nodes')
        .set({ hash: '0'.repeat(64) })
        .where('level', '=', 1)
        .where('index', '=', 2)
        .execute();
      await trx
        .updateTable('ledger_head')
        .set({ last_entry_hash: 'f'.repeat(64) })
        .execute();
    });
    const { issues } = await verifyLedger(db, []);
    expect(issues.map((i) => i.kind).sort()).toEqual(['head_mismatch', 'node_altered']);
  });
});

describe('sanxiang verify across pages', () => {
  // Pages of 4 positions, so that a dozen entries cross several page boundaries.
  const small = { pageSize: 4 };

  it('finds nothing wrong in an intact ledger, and the roots tree heads claim', async () => {
    const { db, size } = await freshLedger();
    const head = await db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    const rootHash = toHex(rootFromFrontier(head.frontier.map(fromHex), sm3));
    const claimed = { treeSize: size, rootHash, isSignatureValid: true, source: '测试树头' };
    expect(await verifyLedger(db, [claimed], small)).toEqual({ entriesChecked: size, issues: [] });
    const wrong = { ...claimed, rootHash: '0'.repeat(64) };
    const { issues } = await verifyLedger(db, [wrong], small);
    expect(issues.map((i) => i.kind)).toEqual(['tree_head_mismatch']);
  });

  it('names entries dropped across a page boundary, and a run of whole pages dropped', async () => {
    const { db, first } = await freshLedger();
    const across = first + 4 - (first % 4) - 1; // the last position of a page, and the next
    const run = [across + 3, across + 12]; // two pages and more: read as empty pages
    await asSuperuser(db, async (trx) => {
      await trx
        .deleteFrom('ledger_entries')
        .where('leaf_index', 'in', [across, across + 1])
        .execute();
      await trx
        .deleteFrom('ledger_entries')
        .where('leaf_index', '>=', run[0] ?? 0)
        .where('leaf_index', '<', run[1] ?? 0)
        .execute();
    });
    // Enough entries after the run for it to be a gap, not the end of the ledger.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 6; i++) {
        await appendLedgerEntry(trx, SYSTEM_ACTOR, {
          kind: 'test.after',
          subjectType: 'test',
          subjectId: String(i),
          payload: { i },
        });
      }
    });
    const paged = await verifyLedger(db, [], small);
    expect(paged.issues.map((i) => [i.kind, i.seq])).toEqual([
      ['missing', across],
      ['missing', run[0]],
    ]);
    expect(paged.issues[1]?.detail).toContain(`${run[0]}–${(run[1] ?? 0) - 1}`);
    expect(await verifyLedger(db, [])).toEqual(paged);
  });
});

describe('rollback to an older copy of the database', () => {
  it('is invisible inside the database but caught against a witness kept elsewhere', async () => {
    const { db, size } = await freshLedger();
    const key = await loadOrCreateSigningKey({ dataDir: witnessDir, isProduction: false });
    const witnessFile = path.join(witnessDir, 'witness.json');
    const older = await signCurrentTreeHead(db, key, undefined);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) {
        await appendLedgerEntry(trx, SYSTEM_ACTOR, {
          kind: 'test.later',
          subjectType: 'test',
          subjectId: null,
          payload: { i },
        });
      }
    });
    const newer = await signCurrentTreeHead(db, key, witnessFile);
    expect(newer.treeSize).toBe(size + 3);

    // Restore "yesterday's backup": the database exactly as it stood at the older head.
    const frontier = await frontierAt(databaseNodeSource(db), older.treeSize);
    await asSuperuser(db, async (trx) => {
      await trx.deleteFrom('ledger_entries').where('leaf_index', '>=', older.treeSize).execute();
      await trx.deleteFrom('ledger_tree_heads').where('tree_size', '>', older.treeSize).execute();
      const lastEntry = await row(trx, older.treeSize - 1);
      await trx
        .updateTable('ledger_head')
        .set({
          tree_size: older.treeSize,
          frontier: frontier.map(toHex),
          last_entry_hash: lastEntry.entry_hash ?? '',
        })
        .execute();
      await trx
        .deleteFrom('ledger_nodes')
        .where((eb) =>
          eb.or(
            Array.from({ length: 8 }, (_, level) =>
              eb.and([
                eb('level', '=', level),
                eb('index', '>=', Math.ceil(older.treeSize / 2 ** level)),
              ]),
            ),
          ),
        )
        .execute();
    });

    const trusted = [
      { keyId: key.keyId, publicKey: key.publicKey, publicKeyPem: key.publicKeyPem },
    ];
    const inside = await auditLedger(db, trusted, []);
    expect(inside.issues).toEqual([]);

    const witness = await readWitness(witnessFile);
    if (!witness) throw new Error('witness not written');
    const outside = await auditLedger(db, trusted, [{ head: witness, origin: witnessFile }]);
    expect(outside.issues).toEqual([expect.objectContaining({ kind: 'rolled_back' })]);
    expect(outside.issues[0]?.detail).toContain(String(newer.treeSize));
  });

  it('names a tree head whose signature does not verify', async () => {
    const { db } = await freshLedger();
    const key = await loadOrCreateSigningKey({ dataDir: witnessDir, isProduction: false });
    const head = await signCurrentTreeHead(db, key, undefined);
    const forged = { ...head, treeSize: head.treeSize };
    const stranger = await loadOrCreateSigningKey({
      dataDir: path.join(witnessDir, 'other'),
      isProduction: false,
    });
    const trusted = [
      { keyId: stranger.keyId, publicKey: stranger.publicKey, publicKeyPem: stranger.publicKeyPem },
    ];
    const report = await auditLedger(db, trusted, [{ head: forged, origin: 'forged.json' }]);
    expect(report.issues.map((i) => i.kind)).toEqual(['bad_signature', 'bad_signature']);
  });
});
