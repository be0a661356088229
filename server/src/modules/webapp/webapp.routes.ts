// The staff workbench (web/, a single-page application) served at /app/ by the same process as
// the API, so it shares the session cookie and needs no second origin. Hashed assets are cached
// for a year; index.html never, so a release is picked up at the next navigation. Client routes
// fall back to index.html. Without a build the answer is a Chinese page saying how to build it.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app.ts';
import type { App } from '../../shared/http.ts';
import { publicPolicy } from '../../shared/policy.ts';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

const policy = publicPolicy('webapp.read');
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

// antd writes its styles into <style> elements at run time, hence 'unsafe-inline' for styles
// only; scripts come from this origin alone.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>工作台尚未构建</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}code{background:#f3f3f3;padding:.1rem .3rem}</style>
</head><body>
<h1>执法工作台尚未构建</h1>
<p>服务器运行正常，但没有找到工作台的构建结果（<code>web/dist</code>）。</p>
<p>请在项目根目录执行 <code>npm run build:web</code> 后刷新本页；<code>npm start</code> 在构建缺失或过期时会自动构建。</p>
<p>接口文档：<a href="/api/openapi.json">/api/openapi.json</a>；公示网站：<a href="/">首页</a>。</p>
</body></html>`;

interface CachedFile {
  body: Buffer;
  gzipped: Buffer | null;
}

export function registerWebappRoutes(app: App, _ctx: AppContext): void {
  registerWebappFiles(app, DEFAULT_WEB_DIST);
}

/** The /app routes over one build directory (tests point it at a directory of their own). */
export function registerWebappFiles(app: App, distDir: string): void {
  const root = path.resolve(distDir);
  // Each built file is read and compressed once per version. A failed read is not cached: a
  // build may appear later.
  const cache = new Map<string, Promise<CachedFile>>();

  async function load(file: string): Promise<CachedFile> {
    const body = await fs.readFile(file);
    const ext = path.extname(file);
    const gzipped =
      COMPRESSIBLE.has(ext) && body.length > 1024 ? await gzipAsync(body, { level: 9 }) : null;
    return { body, gzipped };
  }

  // Keyed by modification time too: a rebuild under a running process is picked up.
  function cached(file: string, stat: { mtimeMs: number; size: number }): Promise<CachedFile> {
    const key = `${file}\0${stat.mtimeMs}\0${stat.size}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = load(file);
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
    }
    return entry;
  }

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    file: string,
    cacheControl: string,
  ) {
    const ext = path.extname(file);
    reply
      .header('content-type', TYPES[ext] ?? 'application/octet-stream')
      .header('cache-control', cacheControl)
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'accept-encoding');
    if (ext === '.html') {
      reply
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('referrer-policy', 'same-origin');
    }
    const stat = await fs.stat(file);
    // Large files (none today) are streamed rather than held in memory.
    if (stat.size > 8 * 1024 * 1024) return reply.send(createReadStream(file));
    const entry = await cached(file, stat);
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (entry.gzipped && acceptsGzip) {
      return reply.header('content-encoding', 'gzip').send(entry.gzipped);
    }
    return reply.send(entry.body);
  }

  async function isFile(file: string): Promise<boolean> {
    return fs.stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async function serve(request: FastifyRequest, reply: FastifyReply, relative: string) {
    const index = path.join(root, 'index.html');
    if (!(await isFile(index))) {
      // 200, not 5xx: the server is healthy, only the optional front end is absent.
      return reply
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(MISSING_BUILD_PAGE);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      decoded = '';
    }
    const file = path.resolve(root, `.${path.posix.sep}${decoded}`);
    const inside = file.startsWith(root + path.sep);
    if (inside && decoded !== '' && (await isFile(file))) {
      const immutable = decoded.startsWith('assets/');
      const cacheControl = immutable
        ? 'public, max-age=31536000, immutable'
        : decoded === 'index.html'
          ? 'no-cache'
          : 'public, max-age=3600';
      return send(request, reply, file, cacheControl);
    }
    // A missing hashed asset or file is a 404, never the page (a stale tab would parse HTML as
    // script); any other path is a client route of the application.
    if (decoded.startsWith('assets/') || /\.[a-z0-9]{1,8}$/i.test(decoded)) {
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('文件不存在');
    }
    return send(request, reply, index, 'no-cache');
  }

  app.get('/app', { config: { policy }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/app/', 302),
  );
  app.get('/app/', { config: { policy }, schema: { hide: true } }, async (request, reply) =>
    serve(request, reply, ''),
  );
  app.get('/app/*', { config: { policy }, schema: { hide: true } }, async (request, reply) => {
    const { '*': rest } = request.params as { '*': string };
    return serve(request, reply, rest);
  });
}
