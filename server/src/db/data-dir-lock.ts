// One process at a time on an embedded (PGlite) data directory. PGlite has no postmaster and
// writes no postmaster.pid: a second process — `sanxiang verify` or `calendar import` while the
// server runs — opens the same files, sees a stale picture and, when both write, loses what the
// other acknowledged. So every opener takes a lock file beside the database first.
//
// The lock holds the owner's pid and, on Linux, its start time, so that a lock left behind by a
// crash is recognised as stale even when the pid has since been given to another process (in a
// container the restarted server often gets the very same pid).
import fs from 'node:fs/promises';

export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `数据目录正被另一个进程（PID ${ownerPid}）使用：内嵌数据库只能由一个进程打开。` +
        `请先停止该进程（如正在运行的服务）再执行本命令，或改用 PostgreSQL（DATABASE_URL）。` +
        ` (data directory in use by process ${ownerPid}; lock file ${lockFile})`,
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockOwner {
  pid: number;
  /** Clock ticks since boot when the owner started (/proc/<pid>/stat field 22); null elsewhere. */
  startedAt: string | null;
}

/** Lock files this process holds: a lock naming our own pid but not in here is a former life's. */
const heldHere = new Set<string>();

/**
 * Takes the lock file, or throws DataDirInUseError when a live process holds it. Returns the
 * release, which removes the file only while it is still ours.
 */
export async function lockDataDir(lockFile: string): Promise<() => Promise<void>> {
  if (heldHere.has(lockFile)) throw new DataDirInUseError(lockFile, process.pid);
  const me: LockOwner = { pid: process.pid, startedAt: await startTimeOf(process.pid) };
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lockFile, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = await readOwner(lockFile);
      if (owner && (await isAlive(owner))) throw new DataDirInUseError(lockFile, owner.pid);
      // Stale: its owner is gone. Removed once; if another process wins the race to it, the
      // second attempt's EEXIST is that process's live lock and is reported as such above.
      await fs.rm(lockFile, { force: true });
    }
  }
  heldHere.add(lockFile);
  return async () => {
    heldHere.delete(lockFile);
    const owner = await readOwner(lockFile);
    if (owner?.pid === me.pid && owner.startedAt === me.startedAt) {
      await fs.rm(lockFile, { force: true });
    }
  };
}

async function readOwner(lockFile: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockFile, 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, startedAt: parsed.startedAt ?? null }
      : undefined;
  } catch {
    // Unreadable or half-written (a crash between create and write): nobody can be its owner.
    return undefined;
  }
}

async function isAlive(owner: LockOwner): Promise<boolean> {
  if (owner.pid === process.pid) return false; // not held here (checked above): a former life
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is taken; by the owner only if it started when the owner did.
  const startedAt = await startTimeOf(owner.pid);
  return owner.startedAt === null || startedAt === null || startedAt === owner.startedAt;
}

async function startTimeOf(pid: number): Promise<string | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may contain spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 of the whole line
  } catch {
    return null;
  }
}
