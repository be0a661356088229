#!/usr/bin/env node
// Builds the workbench when web/dist is missing or older than its sources, so `npm start` on a
// fresh clone serves /app/ without a separate step. Never fails the start: without Vite (an
// install without dev dependencies) the server answers /app/ with a page saying how to build.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(webDir, 'dist', 'index.html');

async function newestSourceTime() {
  let newest = 0;
  const visit = async (target) => {
    const stat = await fs.stat(target).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of await fs.readdir(target)) await visit(path.join(target, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const name of ['src', 'index.html', 'vite.config.ts', 'package.json', 'public']) {
    await visit(path.join(webDir, name));
  }
  return newest;
}

const built = await fs.stat(builtIndex).catch(() => null);
const newest = await newestSourceTime();
if (built && built.mtimeMs >= newest) {
  console.log('工作台构建为最新 (web/dist is up to date)');
  process.exit(0);
}

let vite;
try {
  vite = await import('vite');
} catch {
  console.warn('未安装 Vite，跳过工作台构建 (vite not installed; /app/ will explain how to build)');
  process.exit(0);
}
console.log(built ? '工作台源码已更新，正在重新构建…' : '正在构建工作台（首次启动）…');
await vite.build({ root: webDir, logLevel: 'warn' });
console.log('工作台构建完成 (web/dist)');
