// `sanxiang verify` for evidence: a deleted blob file, a modified one (same size), an evidence row
// rewritten or deleted behind the write-once triggers — each named, on top of an intact ledger.
import { chmod, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { auditLedger } from '../ledger/ledger.audit.ts';
import { auditEvidence } from './evidence.audit.ts';
import { hashesOf, insertTestCase, randomFile, tusClient } from './evidence.test-support.ts';

const t = await createDemoApp();
const db = t.handle.db;
const tus = tusClient(() => t.app, await t.login('officer1'));
const caseId = await insertTestCase(db, t.ids.agencies.market);
const blobFile = (sm3: string) =>
  path.join(t.ctx.config.BLOB_DIR, sm3.slice(0, 2), sm3.slice(2, 4), sm3);

async function store(bytes: Buffer) {
  const created = await tus.create(
    caseId,
    bytes.length,
    { filename: 'f.bin', step: 'investigate' },
    { body: bytes },
  );
  const evidenceId = created.headers['evidence-id'] as string;
  const row = await db
    .selectFrom('evidence')
    .select('ledger_seq')
    .where('id', '=', evidenceId)
    .executeTakeFirstOrThrow();
  return { evidenceId, seq: row.ledger_seq, ...hashesOf(bytes) };
}

const kinds = async () => (await auditEvidence(db, t.ctx.blobs)).issues.map((i) => [i.kind, i.seq]);

describe('verify: evidence and blobs', () => {
  const files = [randomFile(70_000), randomFile(1_000), randomFile(2_000), randomFile(3_000)];

  it('finds nothing wrong with intact evidence, and re-hashes every blob', async () => {
    for (const file of files) await store(file);
    const report = await auditEvidence(db, t.ctx.blobs);
    expect(report).toMatchObject({ evidenceChecked: 4, blobsChecked: 4, issues: [] });
  });

  it('names a deleted blob and a modified one (same size, other bytes)', async () => {
    const [missing, altered] = [await store(randomFile(500)), await store(randomFile(600))];
    await rm(blobFile(missing.sm3));
    await chmod(blobFile(altered.sm3), 0o644);
    await writeFile(blobFile(altered.sm3), randomFile(600));
    expect(await kinds()).toEqual([
      ['blob_missing', missing.seq],
      ['blob_altered', altered.seq],
    ]);
    // The same check runs inside auditLedger, the function behind `sanxiang verify`.
    const report = await auditLedger(db, [], [], [(d) => auditEvidence(d, t.ctx.blobs)]);
    expect(report.issues.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['blob_missing', 'blob_altered']),
    );
  });

  it('names an evidence row rewritten or deleted with the triggers disabled', async () => {
    const rewritten = await store(randomFile(700));
    const deleted = await store(randomFile(800));
    await sql`alter table evidence disable trigger user`.execute(db);
    await sql`alter table av_records disable trigger user`.execute(db);
    try {
      await sql`update evidence set size = size + 1 where id = ${rewritten.evidenceId}`.execute(db);
      await sql`update uploads set evidence_id = null where evidence_id = ${deleted.evidenceId}`.execute(
        db,
      );
      await sql`delete from evidence where id = ${deleted.evidenceId}`.execute(db);
    } finally {
      await sql`alter table evidence enable trigger user`.execute(db);
      await sql`alter table av_records enable trigger user`.execute(db);
    }
    const issues = (await auditEvidence(db, t.ctx.blobs)).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'evidence_mismatch', seq: rewritten.seq }),
        expect.objectContaining({ kind: 'blob_altered', seq: rewritten.seq }),
        expect.objectContaining({ kind: 'evidence_mismatch', seq: deleted.seq }),
      ]),
    );
    expect(issues.find((i) => i.seq === deleted.seq)?.detail).toContain('被删除');
  });
});
