// `npx sanxiang export-archive <caseId> <out>`: writes the case's archive package (see
// modules/archive/export.ts) into the empty or new directory <out>, then checks it with the
// offline verifier before reporting success.
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { openBlobStore } from '../modules/blobs/open-blob-store.ts';
import { exportArchive } from '../modules/archive/export.ts';
import { formatReport, verifyArchive } from '../modules/archive/verify-archive.mjs';
import { loadSigningKey } from '../runtime.ts';

export const VERIFIER_SOURCE = fileURLToPath(
  new URL('../modules/archive/verify-archive.mjs', import.meta.url),
);

export async function runExportArchive(args: string[]): Promise<number> {
  const [caseId, out] = args;
  if (!caseId || !out || args.length !== 2) {
    console.error('用法 (usage): npx sanxiang export-archive <caseId> <out-dir>');
    return 2;
  }
  const config = loadConfig();
  const blobs = await openBlobStore(config); // before the database: an unusable bucket stops here
  const handle = await openDatabase({ dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL });
  try {
    const result = await exportArchive(handle.db, blobs, await loadSigningKey(config), {
      caseId,
      outDir: out,
      witnessFile: config.LEDGER_WITNESS_FILE,
      verifierSource: VERIFIER_SOURCE,
    });
    const check = verifyArchive(result.dir);
    process.stdout.write(formatReport(check));
    console.log(
      `档案包已导出到 ${result.dir}：${result.entries} 条账本记录、${result.files} 个文件（树头大小 ${result.treeSize}） (exported)`,
    );
    return check.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}
