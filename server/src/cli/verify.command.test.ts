// `npx sanxiang verify` on a data directory as a server leaves it: a signed tree head, entries
// chained after it, and entries committed but not chained yet. It must find nothing wrong and
// say how many entries are pending and how many no signed tree head covers yet.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openPglite, wrapPglite } from '../db/database.ts';
import { loadOrCreateSigningKey } from '../modules/ledger/crypto/keys.ts';
import { signCurrentTreeHead } from '../modules/ledger/ledger.heads.ts';
import { appendLedgerEntry } from '../modules/ledger/ledger.repository.ts';
import { SYSTEM_ACTOR } from '../shared/policy.ts';
import { runVerify } from './verify.command.ts';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-verify-'));
let signedSize = 0;

beforeAll(async () => {
  const tar = await fs.readFile(inject('pgliteTemplate'));
  const handle = wrapPglite(
    await openPglite(path.join(dataDir, 'db'), { loadDataDir: new Blob([tar]) }),
  );
  const append = (subjectId: string, defer = false) =>
    handle.db
      .transaction()
      .execute((trx) =>
        appendLedgerEntry(
          trx,
          SYSTEM_ACTOR,
          { kind: 'test.cli', subjectType: 'test', subjectId, payload: { subjectId } },
          { defer },
        ),
      );
  try {
    await append('signed');
    const key = await loadOrCreateSigningKey({ dataDir, isProduction: false });
    const witness = path.join(dataDir, 'ledger', 'witness.json');
    signedSize = (await signCurrentTreeHead(handle.db, key, witness)).treeSize;
    await append('chained 1');
    await append('chained 2');
    await append('pending 1', true);
    await append('pending 2', true);
  } finally {
    await handle.close();
  }
}, 120_000);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function verify(args: string[]): Promise<{ code: number; output: string }> {
  vi.stubEnv('NODE_ENV', 'development');
  vi.stubEnv('DATA_DIR', dataDir);
  // Whatever the environment running the tests says, the defaults under DATA_DIR apply.
  for (const name of [
    'DATABASE_URL',
    'BLOB_DIR',
    'LEDGER_WITNESS_FILE',
    'LEDGER_SIGNING_KEY_FILE',
  ]) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('BLOB_STORE', 'local');
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  const code = await runVerify(args);
  return { code, output: lines.join('\n') };
}

describe('sanxiang verify', () => {
  it('finds nothing wrong and says what is pending and what no signed tree head covers', async () => {
    const { code, output } = await verify([]);
    expect(code).toBe(0);
    expect(output).toContain(`账本完整：已核验 ${signedSize + 4} 条记录`);
    expect(output).toContain(
      `待处理记录：2 条已提交、尚待入链；4 条尚无签名树头覆盖（最新签名树头规模 ${signedSize}）`,
    );
  });

  it('gives the same figures as JSON', async () => {
    const { code, output } = await verify(['--json']);
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({
      entriesChecked: signedSize + 4,
      pendingEntries: 2,
      signedTreeSize: signedSize,
      entriesBeyondSignedHead: 4,
      issues: [],
    });
  });

  it('refuses a witness file that is not there with a usage error, closing the database', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation(
      (line: unknown) => void errors.push(String(line)),
    );
    const { code } = await verify(['--witness', path.join(dataDir, 'no-such-witness.json')]);
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('见证文件不存在');
  });
});

describe('closing a PGlite handle', () => {
  it('closes PGlite even when no query ever ran (else the process never exits)', async () => {
    const pglite = await openPglite(undefined);
    await wrapPglite(pglite).close();
    expect(pglite.closed).toBe(true);
  });
});
