// `npx sanxiang verify [--witness <file>]… [--json]`: recomputes the whole ledger and every
// signature; exits 0 with the number of entries checked, or 1 naming each problem.
import { loadConfig } from '../config.ts';
import { listTrustedPublicKeys } from '../modules/ledger/crypto/keys.ts';
import { auditLedger, type AuditCheck, type Witness } from '../modules/ledger/ledger.audit.ts';
import { openBlobStore } from '../modules/blobs/open-blob-store.ts';
import { loadDisposedBlobs } from '../modules/archive/disposal.audit.ts';
import { auditEvidence } from '../modules/evidence/evidence.audit.ts';
import { readWitness } from '../modules/ledger/ledger.heads.ts';
import { openDatabase } from '../db/database.ts';
import { loadSigningKey } from '../runtime.ts';

const KIND_LABELS: Record<string, string> = {
  altered: '被篡改',
  missing: '缺失',
  inserted: '被插入',
  reordered: '顺序被调换',
  unsealed: '未入链',
  node_altered: '树节点异常',
  head_mismatch: '账本头异常',
  bad_signature: '签名无效',
  tree_head_mismatch: '与签名树头不符',
  rolled_back: '数据库被回退',
  blob_missing: '证据文件缺失',
  blob_altered: '证据文件被修改',
  evidence_mismatch: '证据记录与账本不符',
};

export async function runVerify(args: string[]): Promise<number> {
  const witnessFiles: string[] = [];
  let isJson = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') isJson = true;
    else if (args[i] === '--witness' && args[i + 1]) witnessFiles.push(args[++i] ?? '');
    else {
      console.error('用法 (usage): npx sanxiang verify [--witness <file>]… [--json]');
      return 2;
    }
  }
  const config = loadConfig();
  // First, so that an unusable bucket stops the command before the database is opened.
  const blobs = await openBlobStore(config);
  // Read-only: no migration, no sealing, no shipped data — verify what is there.
  const handle = await openDatabase({ dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL });
  try {
    const signingKey = await loadSigningKey(config);
    const trusted = await listTrustedPublicKeys(config.DATA_DIR);
    if (!trusted.some((k) => k.keyId === signingKey.keyId)) trusted.push(signingKey);

    const witnesses: Witness[] = [];
    for (const file of [config.LEDGER_WITNESS_FILE, ...witnessFiles]) {
      const head = await readWitness(file);
      if (head) witnesses.push({ head, origin: file });
      else if (witnessFiles.includes(file)) {
        console.error(`见证文件不存在：${file} (witness file not found)`);
        return 2;
      }
    }

    let blobsChecked = 0;
    let disposed: { sm3: string; registerNo: number }[] = [];
    const checkEvidence: AuditCheck = async (db) => {
      // Disposed blobs (destruction register, modules/archive) are gone on purpose, not missing.
      const tombstones = await loadDisposedBlobs(db);
      const evidence = await auditEvidence(db, blobs, tombstones.disposed);
      blobsChecked = evidence.blobsChecked;
      disposed = evidence.disposed;
      return { issues: [...tombstones.issues, ...evidence.issues] };
    };
    const report = await auditLedger(handle.db, trusted, witnesses, [checkEvidence]);
    if (isJson) {
      console.log(JSON.stringify({ ...report, disposedBlobs: disposed }, null, 2));
    } else if (report.issues.length === 0) {
      console.log(
        `账本完整：已核验 ${report.entriesChecked} 条记录、${report.treeHeadsChecked} 个签名树头、${blobsChecked} 个证据文件 (verified ${report.entriesChecked} entries)`,
      );
    } else {
      console.log(
        `发现 ${report.issues.length} 处问题（共核验 ${report.entriesChecked} 条记录）：`,
      );
      for (const issue of report.issues) {
        const seq = issue.seq === undefined ? '' : `序号 ${issue.seq}\t`;
        console.log(
          `${seq}${KIND_LABELS[issue.kind] ?? issue.kind} (${issue.kind})\t${issue.detail}`,
        );
      }
    }
    if (!isJson) {
      // Not problems: committed entries the sealer chains moments later, and entries a later
      // tree head will cover (heads are signed on demand: GET /api/ledger/head).
      console.log(
        `待处理记录：${report.pendingEntries ?? 0} 条已提交、尚待入链；` +
          `${report.entriesBeyondSignedHead} 条尚无签名树头覆盖（最新签名树头规模 ${report.signedTreeSize}）` +
          ` (pending: ${report.pendingEntries ?? 0} not yet chained, ${report.entriesBeyondSignedHead} not yet under a signed tree head)`,
      );
      for (const blob of disposed) {
        console.log(
          `证据文件 ${blob.sm3} 已依法销毁（销毁清册第 ${blob.registerNo} 号） disposed (register #${blob.registerNo})`,
        );
      }
    }
    return report.issues.length === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}
