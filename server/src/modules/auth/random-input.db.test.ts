// Property-based robustness: random bodies, query strings and path values sent to every route,
// as an administrator (who passes every role check, so input reaches validation and services),
// must never produce a 5xx, and every refusal must carry a stable code and a Chinese message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors.ts';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp({ env: { LOGIN_MAX_FAILURES: '100000' } });
const admin = await t.login('admin');

const jsonValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-02-30', '11010519491231002X', '91350100M000100Y43', 'ZZ', '-1', ''),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
);
const randomBody = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 15 }), jsonValue, { maxKeys: 6 }),
  jsonValue,
  fc.array(jsonValue, { maxLength: 4 }),
);
const pathValue = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', '%00', '..', '1'),
);

const HAS_CHINESE = /[\u4e00-\u9fff]/;

describe('random input to every route', () => {
  const routes = t.app.routeCatalog.filter(
    (r) => r.method !== 'DELETE' || r.url !== '/api/session',
  );

  it('never answers 5xx and always refuses with a known code and a Chinese message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        pathValue,
        randomBody,
        fc.dictionary(
          fc.constantFrom('q', 'page', 'from', 'to', 'days', 'kind', 'year'),
          fc.string({ maxLength: 12 }),
          {
            maxKeys: 3,
          },
        ),
        async (route, param, body, query) => {
          const url = route.url.replace(/:[A-Za-z]+/g, param);
          const search = new URLSearchParams(query).toString();
          const response = await t.app.inject({
            method: route.method as 'POST',
            url: search ? `${url}?${search}` : url,
            headers: { cookie: admin, 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { payload: JSON.stringify(body) }),
          });
          expect(response.statusCode, `${route.method} ${url} ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            const refusal = response.json<{ code: string; message: string }>();
            expect(Object.keys(ERROR_CODES)).toContain(refusal.code);
            expect(refusal.message).toMatch(HAS_CHINESE);
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});
