import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp();
const admin = await t.login('admin');

function newAgency(overrides: Record<string, unknown> = {}) {
  return {
    regionId: t.ids.regions.district,
    name: '枣庄市薛城区应急管理局',
    shortName: '区应急局',
    creditCode: '11370403MB2851863X',
    kind: 'department',
    lawAreas: ['安全生产'],
    jurisdictionArea: '薛城区全域',
    jurisdictionRegionIds: [t.ids.regions.district],
    address: '枣庄市薛城区黄河路 200 号',
    postcode: '277000',
    phone: '0632-4410000',
    email: 'xcyjj@example.gov.cn',
    supervisionPhone: '0632-4412345',
    ...overrides,
  };
}

async function countRows(table: 'agencies' | 'ledger_entries' | 'units') {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('agencies', () => {
  it('refuses a credit code with a wrong check character, in Chinese, and changes nothing', async () => {
    const before = [await countRows('agencies'), await countRows('ledger_entries')];
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { cookie: admin },
      payload: newAgency({ creditCode: '11370403MB28518631' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_CREDIT_CODE');
    expect(response.json().message).toContain('统一社会信用代码');
    expect(response.json().details).toEqual([
      { field: 'creditCode', reason: '统一社会信用代码不正确' },
    ]);
    expect([await countRows('agencies'), await countRows('ledger_entries')]).toEqual(before);
  });

  it('creates an agency and records who did it in the same transaction', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { cookie: admin, 'user-agent': 'org-test' },
      payload: newAgency(),
    });
    expect(response.statusCode).toBe(201);
    const agency = response.json();
    expect(agency).toMatchObject({
      name: '枣庄市薛城区应急管理局',
      regionName: '薛城区',
      isActive: true,
    });

    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('kind', '=', 'org.agency.created')
      .where('subject_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(t.ids.users.admin);
    expect(entry.actor_user_agent).toBe('org-test');
    expect(entry.payload).toMatchObject({ creditCode: '11370403MB2851863X' });
  });

  it('refuses a second agency with the same credit code as DUPLICATE', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { cookie: admin },
      payload: newAgency({ name: '重复的机关' }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('DUPLICATE');
  });

  it('lists only the agencies in the caller’s scope', async () => {
    const asOfficer = await t.app.inject({
      method: 'GET',
      url: '/api/agencies',
      headers: { cookie: await t.login('officer3') },
    });
    expect(asOfficer.json().map((a: { name: string }) => a.name)).toEqual([
      '枣庄市薛城区综合行政执法局',
    ]);
    const asSupervisor = await t.app.inject({
      method: 'GET',
      url: '/api/agencies',
      headers: { cookie: await t.login('supervisor1') },
    });
    expect(asSupervisor.json().length).toBeGreaterThanOrEqual(4);
  });

  it('refuses unknown fields and malformed ids', async () => {
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${t.ids.agencies.market}`,
      headers: { cookie: admin },
      payload: { phone: '0632-4412315', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toContainEqual({ field: 'colour', reason: '不允许的字段' });

    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/agencies/not-a-uuid',
      headers: { cookie: admin },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().code).toBe('INVALID_ID');
  });
});

/** An entrustment by the market agency, as the form sends it; fields overridden per test. */
const entrust = (fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/agencies/${t.ids.agencies.market}/entrustments`,
    headers: { cookie: admin },
    payload: {
      entrustedName: '某街道执法中队',
      entrustedCreditCode: '12370403MB28519203',
      matters: '检查',
      legalBasis: '《中华人民共和国行政处罚法》第二十条',
      terms: '以委托机关名义实施',
      ...fields,
    },
  });

describe('units and entrustments', () => {
  it('refuses to make a unit its own descendant', async () => {
    const parent = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${t.ids.agencies.market}/units`,
      headers: { cookie: admin },
      payload: {
        parentUnitId: t.ids.units.marketInspection,
        name: '稽查一组',
        kind: 'internal',
        phone: null,
      },
    });
    expect(parent.statusCode).toBe(201);
    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${t.ids.units.marketInspection}`,
      headers: { cookie: admin },
      payload: { parentUnitId: parent.json().id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('UNIT_CYCLE');
  });

  it('refuses a parent unit of another agency', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${t.ids.agencies.urban}/units`,
      headers: { cookie: admin },
      payload: {
        parentUnitId: t.ids.units.marketLegal,
        name: '错挂科室',
        kind: 'internal',
        phone: null,
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('REFERENCE_INVALID');
  });

  it('refuses an entrustment that ends before it starts, and one without a reason to change', async () => {
    const backwards = await entrust({ startsOn: '2026-07-01', endsOn: '2026-06-30' });
    expect(backwards.json().code).toBe('INVALID_DATE_RANGE');

    const noReason = await t.app.inject({
      method: 'PATCH',
      url: `/api/entrustments/${t.ids.entrustments.market}`,
      headers: { cookie: admin },
      payload: { status: 'revoked' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details).toContainEqual({ field: 'reason', reason: '缺少必填字段' });
  });

  it('corrects the start date and legal basis of an entrustment, never past its end', async () => {
    const created = await entrust({
      entrustedName: '某镇综合执法队',
      startsOn: '2026-07-01',
      endsOn: '2027-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const url = `/api/entrustments/${id}`;
    const past = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: admin },
      payload: { startsOn: '2027-07-01', reason: '委托书日期录入错误' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('INVALID_DATE_RANGE');

    const corrected = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: admin },
      payload: {
        startsOn: '2026-08-01',
        legalBasis: '《中华人民共和国行政处罚法》第二十条、第二十一条',
        reason: '委托书日期及依据录入错误',
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      startsOn: '2026-08-01',
      endsOn: '2027-06-30',
      legalBasis: '《中华人民共和国行政处罚法》第二十条、第二十一条',
    });
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('kind', '=', 'org.entrustment.updated')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry.payload).toMatchObject({
      startsOn: '2026-08-01',
      reason: '委托书日期及依据录入错误',
    });
  });

  it('keeps an ended or revoked entrustment closed: no revival, no further change', async () => {
    const created = await entrust({ startsOn: '2026-07-01', endsOn: '2027-06-30' });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/entrustments/${created.json<{ id: string }>().id}`;
    const revoke = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: admin },
      payload: { status: 'revoked', reason: '受委托组织不再具备执法条件' },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    for (const payload of [
      { status: 'active', reason: '恢复委托' },
      { endsOn: '2028-06-30', reason: '延长委托期限' },
    ]) {
      const refused = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { cookie: admin },
        payload,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'ENTRUSTMENT_CLOSED' });
    }
    const after = await t.handle.db
      .selectFrom('entrustments')
      .select(['status', 'ends_on'])
      .where('id', '=', created.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'revoked', ends_on: '2027-06-30' });
  });
});
