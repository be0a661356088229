// For `sanxiang verify`: the blobs disposed of under the destruction register, each tombstone
// checked against the ledger entry of its disposal — a tombstone the ledger does not vouch for
// (inserted behind the triggers to hide a deleted file) is itself an issue, and its blob is then
// reported missing as usual.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LedgerIssue } from '../ledger/ledger.verify.ts';
import { DISPOSAL_EXECUTED } from './disposal.service.ts';

export async function loadDisposedBlobs(
  db: Kysely<Database>,
): Promise<{ disposed: Map<string, number>; issues: LedgerIssue[] }> {
  const rows = await db
    .selectFrom('blob_disposals as b')
    .innerJoin('destruction_register as d', 'd.register_no', 'b.register_no')
    .leftJoin('ledger_entries as e', 'e.leaf_index', 'd.ledger_seq')
    .select(['b.sm3', 'b.register_no', 'd.ledger_seq', 'e.kind', 'e.payload'])
    .execute();
  const disposed = new Map<string, number>();
  const issues: LedgerIssue[] = [];
  for (const row of rows) {
    const registerNo = Number(row.register_no);
    const listed = (row.payload as { blobs?: unknown } | null)?.blobs;
    const vouched =
      row.kind === DISPOSAL_EXECUTED &&
      Array.isArray(listed) &&
      listed.includes(row.sm3) &&
      (row.payload as { registerNo?: unknown }).registerNo === registerNo;
    if (vouched) disposed.set(row.sm3, registerNo);
    else {
      issues.push({
        kind: 'evidence_mismatch',
        seq: Number(row.ledger_seq),
        detail: `证据文件 ${row.sm3} 的销毁记录（销毁清册第 ${registerNo} 号）没有对应的账本记录`,
      });
    }
  }
  return { disposed, issues };
}
