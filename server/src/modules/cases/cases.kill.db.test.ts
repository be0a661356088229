// Real crashes in CI: the crash campaign of bench/action-crash.mjs, short. It runs the real server
// as a child process while four clients register 行政处罚 cases and take them through filing,
// 笔录, 事先告知 and 陈述申辩 with idempotency keys; it SIGKILLs the server's process group at
// random moments, restarts it, re-sends every write that was not acknowledged and checks that
// every acknowledged case and action is there exactly once with its ledger entry, that a write
// whose answer was lost is answered as a replay, that nothing is pending after a clean start, and
// that `sanxiang verify` passes; it exits non-zero on the first violation. The in-process scenario
// tests cover each action's rules; this one proves the write path with a process that really dies.
// The benchmark runs thirty kills and more.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const campaign = fileURLToPath(new URL('../../../../bench/action-crash.mjs', import.meta.url));
const KILLS = 4;

function runCampaign(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [campaign, '--kills', String(KILLS), '--seed', '4'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('case actions across real kills of the server process', () => {
  it(`lose nothing acknowledged and apply nothing twice across ${KILLS} SIGKILLs`, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.CRASH_DATABASE_URL;
    // On PostgreSQL the campaign creates its own throwaway database on the test server.
    if (inject('dbKind') === 'postgresql') env.CRASH_DATABASE_URL = process.env.TEST_DATABASE_URL;

    const { code, output } = await runCampaign(env);

    expect(output, output).toContain(`${KILLS} kills;`);
    expect(output).toMatch(/acknowledged [1-9]\d*, unacknowledged \d+, retried \d+/);
    expect(output).toMatch(/check: [1-9]\d* cases each present exactly once/);
    expect(output).toMatch(
      /check: [1-9]\d* registrations, recusals and actions each applied exactly once/,
    );
    expect(output).toContain('after a clean start no pending ledger entry');
    expect(output).toContain('verified');
    expect(code, output).toBe(0);
  }, 180_000);
});
