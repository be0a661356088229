// The authorisation matrix: every route × every role (and no login), including requests aimed at
// another agency's records. Expectations come from each route's declared policy, so a route
// whose policy and behaviour disagree fails here.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { ROUTE_EXAMPLES, type ExampleRequest } from '../../test/route-examples.ts';
import { isRouteAllowed, type Principal, type Role } from '../../shared/policy.ts';
import { DEMO_PASSWORD } from '../../demo/demo.seed.ts';

const t = await createDemoApp({ env: { LOGIN_MAX_FAILURES: '1000' } });

// One account per role; all agency-bound ones belong to 市场监管局 (officer1's agency).
const ACCOUNTS: Record<Role, string> = {
  officer: 'officer1',
  reviewer: 'reviewer1',
  head: 'head1',
  archivist: 'archivist1',
  supervisor: 'supervisor1',
  admin: 'admin',
};
const AGENCY_BOUND: readonly Role[] = ['officer', 'reviewer', 'head', 'archivist'];

const cookies = new Map<Role, string>();
async function loginEveryRole() {
  for (const [role, username] of Object.entries(ACCOUNTS) as [Role, string][]) {
    cookies.set(role, await t.login(username, DEMO_PASSWORD));
  }
}
await loginEveryRole();

// Refusals by authorisation, as opposed to refusals of the request's content.
const AUTHORISATION_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'OUT_OF_SCOPE'];

function fakePrincipal(role: Role): Principal {
  return {
    userId: 'x',
    username: 'x',
    displayName: 'x',
    grants: [{ role, agencyId: null, regionId: null, regionPath: null }],
  };
}

async function call(method: string, request: ExampleRequest, cookie?: string) {
  const response = await t.app.inject({
    method: method as 'GET',
    url: request.url,
    ...(request.payload === undefined ? {} : { payload: request.payload as object }),
    headers: { ...(request.headers ?? {}), ...(cookie ? { cookie } : {}) },
  });
  const isJson = String(response.headers['content-type']).startsWith('application/json');
  const body: { code?: string } = isJson ? response.json() : {};
  return { status: response.statusCode, code: body.code };
}

describe('authorisation matrix', () => {
  const routes = t.app.routeCatalog.filter((r) => !r.url.startsWith('/app') && r.url !== '*');

  it('has an example request for every route', () => {
    const missing = routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !(key in ROUTE_EXAMPLES));
    expect(missing).toEqual([]);
  });

  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    describe(key, () => {
      it('applies its declared policy to every role and to anonymous callers', async () => {
        const example = ROUTE_EXAMPLES[key];
        if (!example) throw new Error(`no example for ${key}`);
        const request = example.own(t.ids);

        const anonymous = await call(route.method, request);
        if (route.policy.access === 'public') {
          expect(AUTHORISATION_CODES, `${key} anonymous`).not.toContain(anonymous.code);
        } else {
          expect(anonymous, `${key} anonymous`).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
        }

        for (const role of Object.keys(ACCOUNTS) as Role[]) {
          const result = await call(route.method, request, cookies.get(role));
          if (isRouteAllowed(route.policy, fakePrincipal(role))) {
            expect(AUTHORISATION_CODES, `${key} as ${role} on own agency`).not.toContain(
              result.code,
            );
          } else {
            expect(result, `${key} as ${role}`).toEqual({ status: 403, code: 'FORBIDDEN' });
          }
        }
        if (example.endsSession) await loginEveryRole();
      });

      const example = ROUTE_EXAMPLES[key];
      if (example?.other) {
        const other = example.other;
        it("refuses agency-bound roles another agency's records", async () => {
          for (const role of Object.keys(ACCOUNTS) as Role[]) {
            if (!isRouteAllowed(route.policy, fakePrincipal(role))) continue;
            const result = await call(route.method, other(t.ids), cookies.get(role));
            if (AGENCY_BOUND.includes(role)) {
              expect(result, `${key} as ${role} on another agency`).toEqual({
                status: 403,
                code: 'OUT_OF_SCOPE',
              });
            } else {
              expect(AUTHORISATION_CODES, `${key} as ${role} on another agency`).not.toContain(
                result.code,
              );
            }
          }
        });
      }
    });
  }
});
