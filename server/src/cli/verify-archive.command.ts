// `npx sanxiang verify-archive <package> [--trusted-key <pem>] [--json]`: the 四性检测 of an archive
// package, offline — no configuration, no database. The same code ships inside every package as
// verify-archive.mjs (`node verify-archive.mjs .`).
import { readFile } from 'node:fs/promises';
import { formatReport, verifyArchive } from '../modules/archive/verify-archive.mjs';

export async function runVerifyArchive(args: string[]): Promise<number> {
  let dir: string | undefined;
  let trustedKeyPem: string | undefined;
  let isJson = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') isJson = true;
    else if (arg === '--trusted-key' && args[i + 1])
      trustedKeyPem = await readFile(args[++i] ?? '', 'utf8');
    else if (!arg.startsWith('--') && dir === undefined) dir = arg;
    else dir = undefined;
  }
  if (!dir) {
    console.error(
      '用法 (usage): npx sanxiang verify-archive <package-dir> [--trusted-key <pem>] [--json]',
    );
    return 2;
  }
  const result = verifyArchive(dir, trustedKeyPem ? { trustedKeyPem } : {});
  process.stdout.write(isJson ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result));
  return result.ok ? 0 : 1;
}
