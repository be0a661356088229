// The /app routes over a build directory of the test's own: caching, compression, client-route
// fallback, refusals of paths outside the build, and the Chinese page when nothing is built.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../shared/http.ts';
import { registerWebappFiles } from './webapp.routes.ts';

const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('三项'.repeat(2000))});`;
let dir: string;
let app: App;
let empty: App;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-web-'));
  await fs.mkdir(path.join(dir, 'dist', 'assets'), { recursive: true });
  await fs.writeFile(path.join(dir, 'dist', 'index.html'), INDEX);
  await fs.writeFile(path.join(dir, 'dist', 'assets', 'index-abc123.js'), SCRIPT);
  await fs.writeFile(path.join(dir, 'secret.txt'), 'outside the build');
  app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  registerWebappFiles(app, path.join(dir, 'dist'));
  await app.ready();
  empty = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  registerWebappFiles(empty, path.join(dir, 'missing'));
  await empty.ready();
});

afterAll(async () => {
  await app.close();
  await empty.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('workbench files at /app/', () => {
  it('serves index.html uncached with a content security policy', async () => {
    const response = await app.inject({ url: '/app/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('redirects /app to /app/', async () => {
    const response = await app.inject({ url: '/app' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/app/');
  });

  it('answers client routes with index.html', async () => {
    for (const url of ['/app/cases', '/app/cases/0b3c6c1e-4a5e-4f0e-9a3e-1f2d3c4b5a69?tab=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and compresses them when asked', async () => {
    const plain = await app.inject({ url: '/app/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    const gzipped = await app.inject({
      url: '/app/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(SCRIPT);
    expect(gzipped.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('refuses a missing asset with 404 instead of the page', async () => {
    for (const url of ['/app/assets/index-gone.js', '/app/favicon.ico']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('never serves a file outside the build', async () => {
    for (const url of [
      '/app/../secret.txt',
      '/app/..%2fsecret.txt',
      '/app/%2e%2e/secret.txt',
      '/app/assets/..%2f..%2fsecret.txt',
      '/app/%00',
    ]) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('outside the build');
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });

  it('answers with a Chinese page, not a server error, when the workbench is not built', async () => {
    for (const url of ['/app/', '/app/cases']) {
      const response = await empty.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('执法工作台尚未构建');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });
});
