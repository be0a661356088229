// `npm start` as a user runs it: a real process on an empty data directory, then again on the
// same directory; demo logins work, SIGTERM ends it cleanly, and the second start does not seed
// the demo data twice. While it runs, no other command may open its embedded database; after a
// kill -9 the next start takes the lock the dead process left.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/sanxiang.mjs', import.meta.url));
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-serve-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function start() {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const health = await fetch(`${base}/healthz`).catch(() => undefined);
    if (health?.ok) return { child, base };
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${output}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.kill('SIGTERM');
  return exited;
}

async function loginStatus(base: string, username: string) {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Sanxiang@2026' }),
  });
  return response.status;
}

describe('npm start', () => {
  it('serves /healthz and the demo logins on a fresh data directory, and stops cleanly', async () => {
    const { child, base } = await start();
    const health = await (await fetch(`${base}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(await loginStatus(base, 'officer1')).toBe(200);
    expect(await loginStatus(base, 'admin')).toBe(200);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('starts again on the existing data directory without loading the demo data twice', async () => {
    const { child, base } = await start();
    const admin = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Sanxiang@2026' }),
    });
    const cookie = (admin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const agencies = (await (
      await fetch(`${base}/api/agencies`, { headers: { cookie } })
    ).json()) as unknown[];
    expect(agencies).toHaveLength(4);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('keeps a second process off its data directory, and starts again after kill -9', async () => {
    const { child } = await start();
    const verify = spawnSync(process.execPath, [bin, 'verify'], {
      env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(verify.status, verify.stderr).toBe(75);
    expect(verify.stderr).toContain(`数据目录正被另一个进程（PID ${child.pid}）使用`);

    // A crash leaves the lock behind; the next start must not be locked out by it.
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    const again = await start();
    expect(await loginStatus(again.base, 'admin')).toBe(200);
    expect(await stop(again.child)).toBe(0);
  }, 180_000);
});
