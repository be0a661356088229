// `verify` on a ledger that is not standing still, and against a position no append could have
// drawn: entries appended, chained and signed while it reads must not look like tampering, and a
// row forged at a far position must be named at once, not walked to.
import { sql, type Kysely, type Transaction } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { sm3, toHex } from './crypto/hash.ts';
import { loadOrCreateSigningKey } from './crypto/keys.ts';
import { auditLedger } from './ledger.audit.ts';
import { signCurrentTreeHead } from './ledger.heads.ts';
import { appendLedgerEntry } from './ledger.repository.ts';
import { verifyLedger } from './ledger.verify.ts';

const closers: (() => Promise<void>)[] = [];
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-live-verify-'));
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  fs.rmSync(keyDir, { recursive: true, force: true });
}, 300_000);

async function ledgerOf(entries: number, poolSize?: number): Promise<Kysely<Database>> {
  const handle = await createTestDatabase(poolSize === undefined ? {} : { poolSize });
  closers.push(() => handle.close());
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < entries; i++) await append(trx, i);
  });
  return handle.db;
}

const append = (db: Kysely<Database> | Transaction<Database>, i: number) => {
  const entry = {
    kind: 'test.entry',
    subjectType: 'test',
    subjectId: String(i),
    payload: { i, note: `第 ${i} 条` },
  };
  return db.isTransaction
    ? appendLedgerEntry(db as Transaction<Database>, SYSTEM_ACTOR, entry)
    : db.transaction().execute((trx) => appendLedgerEntry(trx, SYSTEM_ACTOR, entry));
};

describe('verify while the ledger grows', () => {
  it('sees one instant: appends, chaining and signed tree heads meanwhile raise nothing', async () => {
    // Enough connections for the snapshot's readers and for the writer beside them.
    const db = await ledgerOf(60, 8);
    const key = await loadOrCreateSigningKey({ dataDir: keyDir, isProduction: false });
    const trusted = [
      { keyId: key.keyId, publicKey: key.publicKey, publicKeyPem: key.publicKeyPem },
    ];
    let isRunning = true;
    let appended = 0;
    const writer = (async () => {
      while (isRunning) {
        await append(db, 1000 + appended);
        appended += 1;
        if (appended % 5 === 0) await signCurrentTreeHead(db, key, undefined);
      }
    })();
    try {
      // Small pages: many queries, each a chance for a commit to land between them.
      for (let pass = 0; pass < 6; pass++) {
        const verified = await verifyLedger(db, [], { pageSize: 4 });
        expect(verified.issues).toEqual([]);
        const audited = await auditLedger(db, trusted, []);
        expect(audited.issues).toEqual([]);
        expect(audited.entriesChecked).toBeGreaterThanOrEqual(verified.entriesChecked);
      }
    } finally {
      isRunning = false;
      await writer;
    }
    // The checks above ran while entries were being added, not before or after.
    expect(appended).toBeGreaterThan(5);
    const after = await verifyLedger(db, []);
    expect(after).toMatchObject({ issues: [] });
    expect(after.entriesChecked).toBeGreaterThanOrEqual(60 + appended);
  }, 120_000);
});

describe('an entry forged far beyond the head', () => {
  it('is named inserted without walking the positions before it', async () => {
    const db = await ledgerOf(10);
    const head = await db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    const far = 10 ** 12;
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      const { seq, ...copy } = await trx
        .selectFrom('ledger_entries')
        .selectAll()
        .where('leaf_index', '=', head.tree_size - 1)
        .executeTakeFirstOrThrow();
      expect(seq).toBeGreaterThan(0);
      const forged = { forged: true };
      await trx
        .insertInto('ledger_entries')
        .values({
          ...copy,
          payload: JSON.stringify(forged),
          payload_canonical: canonicalJson(forged),
          payload_hash: toHex(sm3(canonicalJson(forged))),
          leaf_index: far,
        })
        .execute();
    });
    const started = Date.now();
    const report = await verifyLedger(db, [], { pageSize: 4 });
    // Walking 10^12 positions (or 2.5·10^11 empty pages) would not end within the test.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(report.issues).toEqual([
      expect.objectContaining({
        kind: 'inserted',
        seq: far,
        detail: expect.stringContaining('账本头'),
      }),
    ]);
  }, 120_000);

  it('still names entries dropped at the end of the chain before it', async () => {
    const db = await ledgerOf(10);
    const head = await db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    const last = head.tree_size - 1;
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      const { seq, ...copy } = await trx
        .selectFrom('ledger_entries')
        .selectAll()
        .where('leaf_index', '=', last)
        .executeTakeFirstOrThrow();
      expect(seq).toBeGreaterThan(0);
      await trx
        .deleteFrom('ledger_entries')
        .where('leaf_index', '>=', last - 1)
        .execute();
      await trx
        .insertInto('ledger_entries')
        .values({ ...copy, payload: JSON.stringify(copy.payload), leaf_index: last + 500 })
        .execute();
    });
    const report = await verifyLedger(db, []);
    expect(report.issues.map((i) => [i.kind, i.seq])).toEqual([
      ['head_mismatch', undefined],
      ['missing', last - 1],
      ['inserted', last + 500],
    ]);
  });
});
