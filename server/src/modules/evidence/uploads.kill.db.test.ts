// Real crashes in CI: the crash campaign of bench/upload-crash.mjs, short. It runs the real server
// as a child process, SIGKILLs it at random points of uploads (mid-body, right after a chunk, in
// the completion window), restarts it, resumes from the server's offset and checks that the offset
// never goes backwards, that no unfinished upload or partial blob is ever visible, that every
// finished upload is recorded once and downloads byte-identical, and that `sanxiang verify` passes
// at the end; it exits non-zero on the first violation. The in-process resume tests
// (uploads.resume.db.test.ts) cover each path deterministically; this one proves the same with a
// process that really dies. The benchmark runs the hundred kills.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const campaign = fileURLToPath(new URL('../../../../bench/upload-crash.mjs', import.meta.url));
const KILLS = 4;

function runCampaign(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [campaign, '--kills', String(KILLS), '--file-mb', '12', '--chunk-mb', '2', '--lease', '1'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('uploads across real kills of the server process', () => {
  it(`resume and finish intact after ${KILLS} SIGKILLs, and the ledger verifies`, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.CRASH_DATABASE_URL;
    // On PostgreSQL the campaign creates its own throwaway database on the test server.
    if (inject('dbKind') === 'postgresql') env.CRASH_DATABASE_URL = process.env.TEST_DATABASE_URL;

    const { code, output } = await runCampaign(env);

    expect(output, output).toContain(`${KILLS} kills`);
    expect(output).toMatch(/uploads finished [1-9]\d*, each recorded once/);
    expect(output).toContain('no unfinished upload ever visible');
    expect(code, output).toBe(0);
  }, 300_000);
});
