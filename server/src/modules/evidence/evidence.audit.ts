// What `sanxiang verify` checks of evidence, beyond the ledger itself: every evidence row agrees
// with its ledger entry (hashes, size, case, step — so a row rewritten with the triggers disabled
// shows), no recorded evidence row has vanished, and every blob is present and re-hashes to its
// name. Blobs are re-hashed streaming, one at a time: memory stays flat whatever their size.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { LedgerIssue } from '../ledger/ledger.verify.ts';
import { AV_EXEMPTION_RECORDED, EVIDENCE_RECORDED } from './evidence.record.ts';

const BATCH = 500;
const COMPARED = ['sm3', 'sha256', 'size', 'step', 'kind'] as const;

export interface EvidenceAuditReport {
  evidenceChecked: number;
  blobsChecked: number;
  issues: LedgerIssue[];
  /** Blobs whose content was disposed of under the destruction register: not missing. */
  disposed: { sm3: string; registerNo: number }[];
}

async function sm3OfBlob(blobs: BlobStore, sm3: string): Promise<string> {
  const hash = createHash('sm3');
  for await (const chunk of blobs.openRead(sm3)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function checkBlob(
  blobs: BlobStore,
  blob: { sm3: string; size: number; seq: number },
): Promise<LedgerIssue | undefined> {
  const stat = await blobs.stat(blob.sm3);
  if (!stat) {
    return { kind: 'blob_missing', seq: blob.seq, detail: `证据文件 ${blob.sm3} 缺失` };
  }
  if (stat.size !== blob.size) {
    return {
      kind: 'blob_altered',
      seq: blob.seq,
      detail: `证据文件 ${blob.sm3} 的大小为 ${stat.size} 字节，记录为 ${blob.size} 字节`,
    };
  }
  const actual = await sm3OfBlob(blobs, blob.sm3);
  return actual === blob.sm3
    ? undefined
    : {
        kind: 'blob_altered',
        seq: blob.seq,
        detail: `证据文件 ${blob.sm3} 的内容被修改（现 SM3 为 ${actual}）`,
      };
}

export async function auditEvidence(
  db: Kysely<Database>,
  blobs: BlobStore,
  /** sm3 → destruction register number, from modules/archive (already checked against the ledger). */
  disposedBlobs: ReadonlyMap<string, number> = new Map(),
): Promise<EvidenceAuditReport> {
  const issues: LedgerIssue[] = [];
  const disposed: EvidenceAuditReport['disposed'] = [];
  const blobsSeen = new Set<string>();
  let evidenceChecked = 0;
  let blobsChecked = 0;

  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const rows = await db
      .selectFrom('evidence')
      .leftJoin('ledger_entries', 'ledger_entries.leaf_index', 'evidence.ledger_seq')
      .select([
        'evidence.id',
        'evidence.case_id',
        'evidence.step',
        'evidence.kind',
        'evidence.size',
        'evidence.sm3',
        'evidence.sha256',
        'evidence.ledger_seq',
        'ledger_entries.kind as entry_kind',
        'ledger_entries.subject_id as entry_subject',
        'ledger_entries.case_id as entry_case',
        'ledger_entries.payload as entry_payload',
      ])
      .where('evidence.id', '>', after)
      .orderBy('evidence.id')
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) break;
    after = last.id;
    for (const row of rows) {
      evidenceChecked += 1;
      const seq = row.ledger_seq;
      const payload = row.entry_payload ?? {};
      const isOwnEntry = row.entry_subject === row.id && row.entry_case === row.case_id;
      const differing = COMPARED.filter((field) => payload[field] !== row[field]);
      if (!isOwnEntry || differing.length > 0) {
        issues.push({
          kind: 'evidence_mismatch',
          seq,
          detail: isOwnEntry
            ? `证据 ${row.id} 与其账本记录不符（${differing.join('、')}）：证据记录被改写`
            : `证据 ${row.id} 没有对应的账本记录（序号 ${seq} 不是它的登记）`,
        });
      }
      if (row.sm3 === null || row.size === null || blobsSeen.has(row.sm3)) continue;
      blobsSeen.add(row.sm3);
      const registerNo = disposedBlobs.get(row.sm3);
      if (registerNo !== undefined) {
        disposed.push({ sm3: row.sm3, registerNo });
        continue;
      }
      blobsChecked += 1;
      const problem = await checkBlob(blobs, { sm3: row.sm3, size: row.size, seq });
      if (problem) issues.push(problem);
    }
  }

  // Recorded in the ledger, absent from the evidence table: a row deleted behind the triggers.
  const orphans = await db
    .selectFrom('ledger_entries')
    .leftJoin('evidence', (join) =>
      join.on((eb) => eb(eb.cast('evidence.id', 'text'), '=', eb.ref('ledger_entries.subject_id'))),
    )
    .select(['ledger_entries.leaf_index', 'ledger_entries.subject_id'])
    .where('ledger_entries.kind', 'in', [EVIDENCE_RECORDED, AV_EXEMPTION_RECORDED])
    .where('evidence.id', 'is', null)
    .execute();
  for (const orphan of orphans) {
    issues.push({
      kind: 'evidence_mismatch',
      seq: orphan.leaf_index ?? undefined,
      detail: `账本登记的证据 ${orphan.subject_id ?? ''} 在证据表中缺失（被删除）`,
    });
  }
  issues.sort((a, b) => (a.seq ?? -1) - (b.seq ?? -1));
  return { evidenceChecked, blobsChecked, issues, disposed };
}
