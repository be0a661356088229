// The workbench's first load and the case page's time to interactive, in Debian's Chromium.
//
// What is measured:
//   - first load: every byte the browser transfers (compressed as sent, headers excluded) to show
//     the login page from an empty cache, split into HTML, JavaScript, CSS and other; and the
//     same for the case page of a signed-in officer from an empty cache (what a tablet in the
//     field downloads when it opens a case link);
//   - time to interactive of the case page: from navigation start until the case number and the
//     actions the server allows are on screen AND the main thread has had no long task (>50 ms)
//     for 500 ms — the end of the last long task before that quiet window, if later. Cold (empty
//     cache) and warm (cached assets; API requests as always), median of --runs.
// The server is started like the e2e suite does (fresh data directory, demo data) unless
// BASE_URL names a running one. The workbench must be built (npm run build:web).
//
// Usage: node bench/web.mjs [--runs 5]        BASE_URL=http://127.0.0.1:3000 node bench/web.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  if (process.env.BASE_URL) return { baseUrl: process.env.BASE_URL, stop: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-web-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'server/bin/sanxiang.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 360; i++) {
    if (
      await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(500);
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function kindOf(url, type) {
  if (type === 'document') return 'html';
  if (/\.js(\?|$)/.test(url)) return 'js';
  if (/\.css(\?|$)/.test(url)) return 'css';
  if (new URL(url).pathname.startsWith('/api/')) return 'api';
  return 'other';
}

/** Transferred bytes per kind while `action` runs in `page`. */
async function transferred(page, action) {
  const totals = { html: 0, js: 0, css: 0, api: 0, other: 0, requests: 0 };
  const pending = [];
  const onFinished = (request) =>
    pending.push(
      request.sizes().then((sizes) => {
        totals[kindOf(request.url(), request.resourceType())] += sizes.responseBodySize;
        totals.requests += 1;
      }),
    );
  page.on('requestfinished', onFinished);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', onFinished);
  await Promise.all(pending);
  return totals;
}

const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

async function signedInState(browser, baseUrl) {
  const context = await browser.newContext();
  const response = await context.request.post(`${baseUrl}/api/session`, {
    data: { username: 'officer1', password: 'Sanxiang@2026' },
  });
  if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
  const state = await context.storageState();
  const list = await context.request.get(`${baseUrl}/api/cases?state=investigating&pageSize=5`);
  const caseId = (await list.json()).items[0]?.id;
  await context.close();
  return { state, caseId };
}

/** Milliseconds from navigation start to interactive, on a page of the given context. */
async function timeToInteractive(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('h3 .ant-tag').first().waitFor({ timeout: 60_000 });
  await page.getByText('可办理事项').waitFor();
  const visibleAt = await page.evaluate(() => performance.now());
  // Wait for a quiet window of 500 ms without long tasks.
  for (;;) {
    await sleep(500);
    const last = await page.evaluate(() => Math.max(0, ...window.__longTasks));
    const now = await page.evaluate(() => performance.now());
    if (now - last >= 500) return Math.max(visibleAt, last);
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
  console.error('web/dist is missing: run `npm run build:web` first');
  process.exit(1);
}
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ARGS,
});
try {
  const { state, caseId } = await signedInState(browser, server.baseUrl);

  const anonymous = await browser.newContext();
  const loginPage = await anonymous.newPage();
  const login = await transferred(loginPage, () => loginPage.goto(`${server.baseUrl}/app/login`));
  await anonymous.close();

  const cold = [];
  const warm = [];
  let caseLoad;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({
      storageState: state,
      viewport: { width: 1024, height: 768 },
    });
    await context.addInitScript(LONG_TASKS);
    const page = await context.newPage();
    const url = `${server.baseUrl}/app/cases/${caseId}`;
    let tti = 0;
    const bytes = await transferred(page, async () => {
      tti = await timeToInteractive(page, url);
    });
    cold.push(tti);
    caseLoad ??= bytes;
    warm.push(await timeToInteractive(page, `${url}?tab=summary`));
    await context.close();
  }

  const line = (name, t) =>
    `${name.padEnd(34)} ${kb(t.html + t.js + t.css + t.other).padStart(9)}  (HTML ${kb(t.html)}, JS ${kb(t.js)}, CSS ${kb(t.css)}, other ${kb(t.other)}; API ${kb(t.api)}; ${t.requests} requests)`;
  console.log(`workbench at ${server.baseUrl}, Chromium ${browser.version()}, ${RUNS} runs`);
  console.log(line('first load, login page (gzip)', login));
  console.log(line('first load, case page (gzip)', caseLoad));
  console.log(
    `${'case page TTI, cold cache'.padEnd(34)} ${median(cold).toFixed(0).padStart(6)} ms  (runs: ${cold.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `${'case page TTI, warm cache'.padEnd(34)} ${median(warm).toFixed(0).padStart(6)} ms  (runs: ${warm.map((x) => x.toFixed(0)).join(', ')})`,
  );
} finally {
  await browser.close();
  await server.stop();
}
