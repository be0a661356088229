// The embedded data directory's lock: a live owner keeps everyone else out; a lock its owner
// left behind by dying (or by a former life of this very process) is taken over.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-lock-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
let n = 0;
const lockFile = () => path.join(dir, `db-${n++}.lock`);

async function startTimeOf(pid: number): Promise<string> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

/** Another live process, as the owner a lock file would name. */
async function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const pid = child.pid ?? 0;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  return { pid, startedAt: await startTimeOf(pid), kill: () => (child.kill('SIGKILL'), ended) };
}

describe('the data directory lock', () => {
  it('refuses a second opener in the same process until the first releases', async () => {
    const file = lockFile();
    const release = await lockDataDir(file);
    await expect(lockDataDir(file)).rejects.toBeInstanceOf(DataDirInUseError);
    await release();
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await (
      await lockDataDir(file)
    )();
  });

  it('refuses while another live process holds it, naming that process, and takes it once it has died', async () => {
    const file = lockFile();
    const owner = await otherProcess();
    await fs.writeFile(file, JSON.stringify({ pid: owner.pid, startedAt: owner.startedAt }));
    const refusal = await lockDataDir(file).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as DataDirInUseError).ownerPid).toBe(owner.pid);
    expect((refusal as Error).message).toContain('数据目录正被另一个进程');
    // Refused means untouched: the owner's lock is still there, still the owner's.
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ pid: owner.pid });

    await owner.kill();
    const release = await lockDataDir(file);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });

  it('takes over a lock whose pid now belongs to a process started later (pid reused)', async () => {
    const file = lockFile();
    const stranger = await otherProcess();
    await fs.writeFile(file, JSON.stringify({ pid: stranger.pid, startedAt: '1' }));
    try {
      await (
        await lockDataDir(file)
      )();
    } finally {
      await stranger.kill();
    }
  });

  it("takes over a lock naming this process's own pid that it does not hold (a former life)", async () => {
    const file = lockFile();
    await fs.writeFile(file, JSON.stringify({ pid: process.pid, startedAt: '1' }));
    await (
      await lockDataDir(file)
    )();
  });

  it('takes over a lock file left empty by a crash between creating and writing it', async () => {
    const file = lockFile();
    await fs.writeFile(file, '');
    await (
      await lockDataDir(file)
    )();
  });

  it('leaves a lock that is no longer its own when releasing', async () => {
    const file = lockFile();
    const release = await lockDataDir(file);
    const successor = JSON.stringify({ pid: 1, startedAt: null });
    await fs.writeFile(file, successor);
    await release();
    expect(await fs.readFile(file, 'utf8')).toBe(successor);
  });
});
