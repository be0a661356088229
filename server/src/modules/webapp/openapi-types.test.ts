// The workbench's API types (web/src/api/schema.d.ts) are generated from this server's OpenAPI
// document; this fails when a route or schema changed and nobody regenerated them.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../../web/scripts/gen-api.mjs', import.meta.url));

describe('generated API types of the workbench', () => {
  it('match the OpenAPI document (else run `npm run gen:api -w web`)', async () => {
    const result = await promisify(execFile)(process.execPath, [script, '--check'], {
      timeout: 280_000,
    }).then(
      () => 'up to date',
      (error: Error & { stderr?: string }) => error.stderr ?? error.message,
    );
    expect(result).toBe('up to date');
  }, 300_000);
});
