// Records each test file that ran against PostgreSQL, so that CI can fail when PostgreSQL answered
// but the PostgreSQL suite did not run (a skipped suite must not look green).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

const marker = process.env.SANXIANG_PG_MARKER;

afterAll(() => {
  if (!marker) return;
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  fs.appendFileSync(marker, `${expect.getState().testPath ?? 'unknown'}\n`);
});
