// The scheduled fixity check: run by the job runner, it re-hashes every stored blob (SM3 and
// SHA-256) and records a write-once warning and a ledger entry for a blob that is missing or was
// changed behind the system's back.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { jobDefinitions } from '../../jobs/registry.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { hashesOf, insertTestCase, tusClient } from '../evidence/evidence.test-support.ts';
import { FIXITY_CHECKED, FIXITY_JOB, runFixityCheck } from './fixity.ts';

const t = await createDemoApp();
const db = t.handle.db;
const tus = tusClient(() => t.app, await t.login('officer1'));
const caseId = await insertTestCase(db, t.ids.agencies.market);

async function upload(text: string): Promise<string> {
  const bytes = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
  const created = await tus.create(
    caseId,
    bytes.length,
    { filename: `${text}.pdf`, step: 'investigate' },
    { body: bytes },
  );
  expect(created.status).toBe(201);
  return hashesOf(bytes).sm3;
}

const blobFile = (sm3: string) =>
  path.join(t.ctx.config.BLOB_DIR, sm3.slice(0, 2), sm3.slice(2, 4), sm3);

const intact = await upload('询问笔录');
const altered = await upload('现场检查笔录');
const removed = await upload('抽样取证凭证');

describe('fixity check', () => {
  it('runs as a scheduled job and finds nothing wrong with intact blobs', async () => {
    const runner = createJobRunner({
      db,
      definitions: jobDefinitions(t.ctx),
      owner: 'test',
      pollMilliseconds: 20,
    });
    await runner.start();
    const job = await vi.waitFor(
      async () => {
        const row = await db
          .selectFrom('jobs')
          .selectAll()
          .where('name', '=', FIXITY_JOB)
          .where('state', '=', 'succeeded')
          .executeTakeFirst();
        if (!row) throw new Error('not yet');
        return row;
      },
      { timeout: 10_000, interval: 50 },
    );
    await runner.stop();
    expect(job).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(job.result).toMatchObject({ blobsChecked: 3, problems: 0 });
  });

  it('names a changed blob (same size) and a missing one, in warnings and in the ledger', async () => {
    const file = blobFile(altered);
    const original = await fs.readFile(file);
    await fs.chmod(file, 0o644);
    const flipped = Buffer.from(original);
    flipped[10] = (flipped[10] ?? 0) ^ 0x01;
    await fs.writeFile(file, flipped);
    await fs.rm(blobFile(removed));

    const report = await runFixityCheck(db, t.ctx.blobs);
    expect(report.blobsChecked).toBe(3);
    expect(report.warnings.map((w) => [w.sm3, w.problem]).sort()).toEqual(
      [
        [altered, 'sm3_changed'],
        [removed, 'missing'],
      ].sort(),
    );
    const warnings = await db
      .selectFrom('fixity_warnings')
      .select(['sm3', 'problem', 'evidence_ids'])
      .where('run_id', '=', report.runId)
      .execute();
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => w.evidence_ids.length === 1)).toBe(true);
    const entry = await db
      .selectFrom('ledger_entries')
      .select(['kind', 'payload'])
      .where('subject_id', '=', report.runId)
      .executeTakeFirstOrThrow();
    expect(entry.kind).toBe(FIXITY_CHECKED);
    expect(JSON.stringify(entry.payload)).toContain(removed);
    expect(report.warnings.some((w) => w.sm3 === intact)).toBe(false);
  });

  it('keeps its record write-once', async () => {
    await expect(sql`delete from fixity_warnings`.execute(db)).rejects.toMatchObject({
      code: 'SX001',
    });
  });
});
