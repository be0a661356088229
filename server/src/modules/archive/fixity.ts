// The fixity check (保管期内的完整性检测): every stored evidence blob is read back and re-hashed
// with SM3 and SHA-256, as recorded at upload, one streaming pass per blob, one blob at a time —
// memory stays flat whatever the sizes. A missing or changed blob becomes a write-once warning
// row; the run itself, with the problems it found, is one ledger entry. Scheduled through the job
// runner (server/src/jobs), so it runs once per slot however many server processes there are.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import type { FixityProblem } from './archive.tables.ts';
import { fixityRepository as repo, type StoredBlob } from './fixity.repository.ts';

export const FIXITY_JOB = 'archive.fixity';
export const FIXITY_CHECKED = 'archive.fixity.checked';
const BATCH = 200;

export interface FixityWarning {
  sm3: string;
  problem: FixityProblem;
  detail: string;
  evidenceIds: string[];
}

export interface FixityReport {
  runId: string;
  blobsChecked: number;
  bytesChecked: number;
  warnings: FixityWarning[];
}

async function hashesOf(blobs: BlobStore, sm3: string, signal?: AbortSignal) {
  const a = createHash('sm3');
  const b = createHash('sha256');
  for await (const chunk of blobs.openRead(sm3)) {
    signal?.throwIfAborted();
    a.update(chunk as Buffer);
    b.update(chunk as Buffer);
  }
  return { sm3: a.digest('hex'), sha256: b.digest('hex') };
}

async function checkBlob(
  blobs: BlobStore,
  blob: StoredBlob,
  signal?: AbortSignal,
): Promise<FixityWarning | undefined> {
  const warn = (problem: FixityProblem, detail: string) => ({
    sm3: blob.sm3,
    problem,
    detail,
    evidenceIds: blob.evidenceIds,
  });
  const stat = await blobs.stat(blob.sm3);
  if (!stat) return warn('missing', `证据文件 ${blob.sm3} 缺失`);
  if (stat.size !== blob.size) {
    return warn('size_changed', `证据文件大小为 ${stat.size} 字节，登记为 ${blob.size} 字节`);
  }
  const actual = await hashesOf(blobs, blob.sm3, signal);
  if (actual.sm3 !== blob.sm3) return warn('sm3_changed', `SM3 现为 ${actual.sm3}`);
  if (actual.sha256 !== blob.sha256) return warn('sha256_changed', `SHA-256 现为 ${actual.sha256}`);
  return undefined;
}

export async function runFixityCheck(
  db: Kysely<Database>,
  blobs: BlobStore,
  options: { jobId?: number; signal?: AbortSignal } = {},
): Promise<FixityReport> {
  const startedAt = new Date();
  const warnings: FixityWarning[] = [];
  let blobsChecked = 0;
  let bytesChecked = 0;
  for (let after = ''; ;) {
    const batch = await repo.blobsAfter(db, after, BATCH);
    const last = batch.at(-1);
    if (!last) break;
    after = last.sm3;
    for (const blob of batch) {
      options.signal?.throwIfAborted();
      const warning = await checkBlob(blobs, blob, options.signal);
      blobsChecked += 1;
      if (warning) warnings.push(warning);
      else bytesChecked += blob.size;
    }
  }

  const runId = randomUUID();
  await db.transaction().execute(async (trx) => {
    const seq = await appendLedgerEntry(trx, SYSTEM_ACTOR, {
      kind: FIXITY_CHECKED,
      subjectType: 'fixity_run',
      subjectId: runId,
      payload: {
        blobsChecked,
        bytesChecked,
        problems: warnings.map((w) => ({ sm3: w.sm3, problem: w.problem })),
      },
    });
    await repo.insertRun(trx, {
      id: runId,
      job_id: options.jobId ?? null,
      started_at: startedAt,
      blobs_checked: blobsChecked,
      bytes_checked: bytesChecked,
      problems: warnings.length,
      ledger_seq: seq,
    });
    await repo.insertWarnings(
      trx,
      warnings.map((w) => ({
        run_id: runId,
        sm3: w.sm3,
        problem: w.problem,
        detail: w.detail,
        evidence_ids: w.evidenceIds,
      })),
    );
  });
  return { runId, blobsChecked, bytesChecked, warnings };
}
