// The public rate limit: a fixed window per client address counted in the database, so a second
// process (here: a second app on the same database) sees the same count; over the limit a 429
// with a stable code, a Chinese message and Retry-After, as JSON for the API and HTML for pages.
// Hostile input is refused with 4xx and bounded work.
import { describe, expect, it, vi } from 'vitest';

// Each test drives several cases through the API; a shared, busy machine needs time.
vi.setConfig({ testTimeout: 120_000 });
import { buildApp } from '../../app.ts';
import { createTestApp } from '../../test/test-app.ts';

let now = new Date('2026-11-20T10:00:10+08:00');
const env = { PUBLIC_RATE_LIMIT: '3', PUBLIC_RATE_WINDOW_SECONDS: '60' };
const t = await createTestApp({ clock: () => now, env });
// A second process on the same database.
const other = await buildApp({ ...t.ctx });

function from(ip: string, url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ url, remoteAddress: ip, headers });
}

describe('public rate limit', () => {
  it('counts per client across processes and answers 429 with Retry-After', async () => {
    expect((await from('203.0.113.7', '/api/public/decisions')).statusCode).toBe(200);
    expect((await from('203.0.113.7', '/api/public/agencies')).statusCode).toBe(200);
    const third = await other.inject({
      url: '/api/public/decisions',
      remoteAddress: '203.0.113.7',
    });
    expect(third.statusCode).toBe(200);
    const refused = await from('203.0.113.7', '/api/public/decisions?q=食品');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('50');
    expect(refused.json()).toEqual({
      code: 'PUBLIC_RATE_LIMITED',
      message: '访问过于频繁，请 50 秒后再试',
    });
    const page = await from('203.0.113.7', '/decisions', { accept: 'text/html' });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('访问过于频繁');
    // Another client is not affected; staff routes are not limited by this counter.
    expect((await from('198.51.100.9', '/')).statusCode).toBe(200);
    expect((await from('203.0.113.7', '/healthz')).statusCode).toBe(200);
    // The next window starts afresh.
    now = new Date('2026-11-20T10:01:00+08:00');
    expect((await from('203.0.113.7', '/api/public/decisions')).statusCode).toBe(200);
    const rows = await t.handle.db.selectFrom('public_rate_limits').selectAll().execute();
    expect(rows.find((r) => r.client === '203.0.113.7' && r.hits === 5)).toBeDefined();
  });

  it('cannot be dodged by writing X-Forwarded-For when no proxy is trusted (the default)', async () => {
    now = new Date('2026-11-20T10:30:00+08:00');
    const spoofed = (n: number) =>
      from('192.0.2.44', '/api/public/agencies', { 'x-forwarded-for': `10.9.8.${n}` });
    for (const n of [1, 2, 3]) expect((await spoofed(n)).statusCode).toBe(200);
    expect((await spoofed(4)).statusCode).toBe(429);
  });

  it('refuses hostile input with 4xx and changes nothing', async () => {
    now = new Date('2026-11-20T11:00:00+08:00');
    const cases: [string, number][] = [
      [`/api/public/decisions?q=${'食'.repeat(5000)}`, 400],
      ['/api/public/decisions?page=100000', 400],
      ['/api/public/decisions?pageSize=100000', 400],
      ['/api/public/decisions?from=2026-02-30', 400],
      ['/api/public/decisions?agency=%27%20or%201%3D1--', 400],
      [`/decisions?q=${'x'.repeat(101)}`, 400],
      ['/decisions?page=101', 400],
      ['/verify/%3Cscript%3E', 404],
      ['/inspections/%00', 404],
    ];
    for (const [i, [url, status]] of cases.entries()) {
      // One client per request: this test is about input, not the limit.
      const r = await t.app.inject({ url, remoteAddress: `192.0.2.${i + 1}` });
      expect(r.statusCode, url).toBe(status);
    }
    const q = await t.app.inject({
      url: `/api/public/decisions?q=${encodeURIComponent("'; drop table disclosure_decisions; --")}`,
    });
    expect(q.statusCode).toBe(200);
  });
});
