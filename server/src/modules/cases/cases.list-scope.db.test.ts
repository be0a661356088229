// The case list and the records of one party stay within the reader's scope (decision 5 of
// ARCHITECTURE.md): a head sees their agency, a supervisor their region's agencies, an
// administrator everything — counted against the rows themselves.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp();
const db = t.handle.db;

interface CaseList {
  total: number;
  items: { agencyId: string }[];
}

async function list(user: string, query = ''): Promise<CaseList> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/cases?pageSize=100${query}`,
    headers: { cookie: await t.login(user) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseList>();
}

async function countCases(agencyId?: string): Promise<number> {
  let query = db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n'));
  if (agencyId) query = query.where('agency_id', '=', agencyId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

describe('the case list', () => {
  it("keeps a head to their agency's cases and shows a supervisor and an admin all of the district", async () => {
    const market = t.ids.agencies.market;
    const head = await list('head1');
    expect(head.total).toBe(await countCases(market));
    expect(head.total).toBeGreaterThan(0);
    expect(new Set(head.items.map((c) => c.agencyId))).toEqual(new Set([market]));

    const all = await countCases();
    // The demo's other agencies have cases too, or the head's figure would prove nothing.
    expect(all).toBeGreaterThan(head.total);
    expect((await list('admin')).total).toBe(all);
    // Every demo agency lies in the supervisor's district.
    expect((await list('supervisor1')).total).toBe(all);
  });

  it("gives a head nothing of another agency's cases, even when asked by agency", async () => {
    const other = await list('head1', `&agencyId=${t.ids.agencies.urban}`);
    expect(other).toMatchObject({ total: 0, items: [] });
  });
});

describe('the records of one party', () => {
  it('lists only the cases within the reader’s scope', async () => {
    const party = await db
      .selectFrom('case_parties')
      .innerJoin('cases', 'cases.id', 'case_parties.case_id')
      .select(['case_parties.credit_code', 'cases.agency_id'])
      .where('case_parties.credit_code', 'is not', null)
      .where('cases.agency_id', '<>', t.ids.agencies.market)
      .executeTakeFirstOrThrow();
    const url = `/api/party-records?creditCode=${party.credit_code ?? ''}`;
    const asAdmin = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await t.login('admin') },
    });
    expect(asAdmin.statusCode, asAdmin.body).toBe(200);
    const adminCases = JSON.stringify(asAdmin.json());
    expect(adminCases).toContain(party.agency_id);

    const asHead = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await t.login('head1') },
    });
    expect(asHead.statusCode, asHead.body).toBe(200);
    expect(JSON.stringify(asHead.json())).not.toContain(party.agency_id);
  });
});
