// The powers catalogue through its API on the demo district: reading in scope, writing as an
// administrator of the right region, the content rules, versions, repeal and the change record.
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/auth.service.ts';
import { DEMO_PASSWORD } from '../../demo/demo.seed.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { DEMO_POWER_CODES, demoRecordId } from './powers.demo.ts';

const t = await createDemoApp();
const { market, urban } = t.ids.agencies;
const officer1 = await t.login('officer1');
const officer3 = await t.login('officer3');
const supervisor1 = await t.login('supervisor1');
const admin = await t.login('admin');

/** An administrator whose grant covers only the given region. */
async function regionAdmin(username: string, regionId: string): Promise<string> {
  const { id } = await t.handle.db
    .insertInto('users')
    .values({ username, display_name: username, password_hash: await hashPassword(DEMO_PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.handle.db
    .insertInto('user_roles')
    .values({ user_id: id, role: 'admin', agency_id: null, region_id: regionId })
    .execute();
  return t.login(username);
}

function call(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

function withoutCode<T extends { code: string }>(body: T): Omit<T, 'code'> {
  const copy: Partial<T> = { ...body };
  delete copy.code;
  return copy as Omit<T, 'code'>;
}

async function ledgerKinds(subjectId: string): Promise<string[]> {
  const rows = await t.handle.db
    .selectFrom('ledger_entries')
    .select('kind')
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.kind);
}

const NEW_POWER = {
  code: 'T-CF-001',
  name: '对销售不合格电器产品的行政处罚',
  category: 'penalty',
  legalBasis: [{ law: '中华人民共和国产品质量法', article: '第四十九条' }],
  procedureSteps: [
    { name: '立案' },
    { name: '送达', timeLimit: { amount: 7, unit: 'working_days' } },
  ],
  timeLimit: { statutory: { amount: 90, unit: 'days' } },
  discretionBenchmarks: [
    { circumstance: '一般', description: '首次', penalty: { minYuan: 1000, maxYuan: 5000 } },
  ],
};

describe('reading the catalogue', () => {
  it('lists the demo powers of an agency with their categories, filters and search', async () => {
    const all = await call('GET', `/api/agencies/${market}/powers?pageSize=200`, officer1);
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBe(DEMO_POWER_CODES.market.length);
    expect(body.items.map((p: { code: string }) => p.code)).toEqual(
      [...DEMO_POWER_CODES.market].sort(),
    );
    const first = body.items[0];
    expect(first).toMatchObject({
      code: 'XC-SCJG-CF-001',
      category: 'penalty',
      categoryLabel: '行政处罚',
      handlingUnit: { name: '执法稽查科' },
      status: 'active',
      version: 1,
    });
    expect(first.legalBasis).toContainEqual({
      law: '中华人民共和国食品安全法',
      article: '第一百二十四条第一款',
    });
    expect(first.discretionBenchmarks.length).toBeGreaterThanOrEqual(3);

    const permits = await call('GET', `/api/agencies/${market}/powers?category=permit`, officer1);
    expect(permits.json().items.map((p: { name: string }) => p.name)).toEqual([
      '食品经营许可',
      '特种设备使用登记',
    ]);
    expect(permits.json().items[0].serviceGuide.materials.length).toBeGreaterThan(2);

    const search = await call('GET', `/api/agencies/${market}/powers?q=明码标价`, officer1);
    expect(search.json().items.map((p: { code: string }) => p.code)).toEqual(['XC-SCJG-CF-004']);
    const wildcard = await call('GET', `/api/agencies/${market}/powers?q=%25`, officer1);
    expect(wildcard.json().total).toBe(0);
  });

  it("refuses another agency's staff and lets the region's supervisor read", async () => {
    const list = await call('GET', `/api/agencies/${market}/powers`, officer3);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('OUT_OF_SCOPE');
    const powerId = demoRecordId('power', market, 'XC-SCJG-CF-001');
    expect((await call('GET', `/api/powers/${powerId}`, officer3)).json().code).toBe(
      'OUT_OF_SCOPE',
    );
    expect((await call('GET', `/api/powers/${powerId}`, supervisor1)).statusCode).toBe(200);
    expect((await call('GET', `/api/agencies/${urban}/powers`, supervisor1)).json().total).toBe(
      DEMO_POWER_CODES.urban.length,
    );
  });

  it('answers 404 for unknown agencies and powers', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call('GET', `/api/agencies/${missing}/powers`, admin)).statusCode).toBe(404);
    expect((await call('GET', `/api/powers/${missing}`, admin)).statusCode).toBe(404);
  });
});

describe('changing the catalogue', () => {
  it('refuses staff who are not administrators, whichever agency', async () => {
    const own = await call('POST', `/api/agencies/${market}/powers`, officer1, NEW_POWER);
    expect(own.json().code).toBe('FORBIDDEN');
    const powerId = demoRecordId('power', market, 'XC-SCJG-CF-001');
    const other = await call('PUT', `/api/powers/${powerId}`, officer3, NEW_POWER);
    expect(other.statusCode).toBe(403);
  });

  it("confines a regional administrator to its region's agencies", async () => {
    const streetAdmin = await regionAdmin('admin-street', t.ids.regions.street);
    const refused = await call('POST', `/api/agencies/${market}/powers`, streetAdmin, {
      ...NEW_POWER,
      code: 'T-REGION-1',
    });
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    const districtAdmin = await regionAdmin('admin-district', t.ids.regions.district);
    const created = await call('POST', `/api/agencies/${market}/powers`, districtAdmin, {
      ...NEW_POWER,
      code: 'T-REGION-1',
    });
    expect(created.statusCode).toBe(201);
  });

  it('creates, updates with a version and repeals, each with its change record', async () => {
    const created = await call('POST', `/api/agencies/${market}/powers`, admin, {
      ...NEW_POWER,
      handlingUnitId: t.ids.units.marketInspection,
    });
    expect(created.statusCode).toBe(201);
    const power = created.json();
    expect(power).toMatchObject({ code: 'T-CF-001', version: 1, status: 'active' });
    expect(power.handlingUnit).toEqual({ id: t.ids.units.marketInspection, name: '执法稽查科' });

    const duplicate = await call('POST', `/api/agencies/${market}/powers`, admin, NEW_POWER);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('POWER_CODE_TAKEN');

    const content = withoutCode(NEW_POWER);
    const updated = await call('PUT', `/api/powers/${power.id}`, admin, {
      ...content,
      name: '对销售不合格家用电器的行政处罚',
      expectedVersion: 1,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, name: '对销售不合格家用电器的行政处罚' });
    expect(updated.json().handlingUnit).toBeNull();

    const stale = await call('PUT', `/api/powers/${power.id}`, admin, {
      ...content,
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });

    const repealed = await call('POST', `/api/powers/${power.id}/repeal`, admin, {
      reason: '上位法修改',
    });
    expect(repealed.json()).toMatchObject({
      status: 'repealed',
      repealReason: '上位法修改',
      version: 3,
    });
    expect(repealed.json().repealedAt).not.toBeNull();
    expect((await call('PUT', `/api/powers/${power.id}`, admin, content)).json().code).toBe(
      'POWER_REPEALED',
    );
    expect(
      (await call('POST', `/api/powers/${power.id}/repeal`, admin, { reason: '再次' })).json().code,
    ).toBe('POWER_REPEALED');

    expect(await ledgerKinds(power.id)).toEqual([
      'powers.power.created',
      'powers.power.updated',
      'powers.power.repealed',
    ]);
    const repealedList = await call(
      'GET',
      `/api/agencies/${market}/powers?status=repealed&q=T-CF`,
      admin,
    );
    expect(repealedList.json().total).toBe(1);
  });

  it('refuses content that breaks the rules, with the reasons', async () => {
    const permit = await call('POST', `/api/agencies/${market}/powers`, admin, {
      ...NEW_POWER,
      code: 'T-XK-001',
      category: 'permit',
      timeLimit: {
        statutory: { amount: 20, unit: 'working_days' },
        promised: { amount: 30, unit: 'working_days' },
      },
    });
    expect(permit.statusCode).toBe(422);
    expect(permit.json().code).toBe('POWER_INVALID');
    expect(permit.json().details.map((d: { field: string }) => d.field)).toEqual([
      'serviceGuide',
      'timeLimit.promised',
    ]);

    const foreignUnit = await call('POST', `/api/agencies/${urban}/powers`, admin, {
      ...NEW_POWER,
      code: 'T-UNIT-1',
      handlingUnitId: t.ids.units.marketInspection,
    });
    expect(foreignUnit.statusCode).toBe(422);
    expect(foreignUnit.json().code).toBe('REFERENCE_INVALID');

    const badShape = await call('POST', `/api/agencies/${market}/powers`, admin, {
      ...NEW_POWER,
      code: 'T 1',
      category: '处罚',
      legalBasis: [],
      extra: true,
    });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json().code).toBe('VALIDATION_FAILED');

    const count = await t.handle.db
      .selectFrom('powers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', 'in', ['T-XK-001', 'T-UNIT-1'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('accepts every demo power back through the API unchanged (demo data obeys the schemas)', async () => {
    for (const [agency, codes] of [
      [market, DEMO_POWER_CODES.market],
      [urban, DEMO_POWER_CODES.urban],
    ] as const) {
      for (const code of codes) {
        const id = demoRecordId('power', agency, code);
        const power = (await call('GET', `/api/powers/${id}`, admin)).json();
        const response = await call('PUT', `/api/powers/${id}`, admin, {
          name: power.name,
          category: power.category,
          handlingUnitId: power.handlingUnit?.id ?? null,
          legalBasis: power.legalBasis,
          procedureSteps: power.procedureSteps,
          timeLimit: power.timeLimit,
          discretionBenchmarks: power.discretionBenchmarks,
          serviceGuide: power.serviceGuide,
        });
        expect(response.statusCode, `${code}: ${response.body}`).toBe(200);
      }
    }
  });
});

describe('random-check items', () => {
  const CHECK = {
    code: 'T-SJ-001',
    name: '电器产品质量检查',
    basis: '《中华人民共和国产品质量法》第十五条',
    subject: '枣庄市薛城区市场监督管理局',
    content: '产品标识、合格证明',
    method: '现场检查',
    ratioText: '不低于4%',
    frequency: '每年1次',
  };

  it('lists the demo items with their powers and keeps scope', async () => {
    const list = await call('GET', `/api/agencies/${market}/random-check-items`, officer1);
    expect(list.statusCode).toBe(200);
    const first = list.json().items[0];
    expect(first).toMatchObject({
      code: 'XC-SCJG-SJ-001',
      ratioPercent: 5,
      ratioText: '不低于5%',
      power: { code: 'XC-SCJG-JC-001' },
    });
    const other = await call('GET', `/api/agencies/${market}/random-check-items`, officer3);
    expect(other.json().code).toBe('OUT_OF_SCOPE');
    const id = demoRecordId('randomCheckItem', market, 'XC-SCJG-SJ-001');
    expect((await call('GET', `/api/random-check-items/${id}`, officer3)).statusCode).toBe(403);
  });

  it('creates with the percentage read from the wording, updates and repeals', async () => {
    const powerId = demoRecordId('power', market, 'XC-SCJG-CF-005');
    const created = await call('POST', `/api/agencies/${market}/random-check-items`, admin, {
      ...CHECK,
      powerId,
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ ratioPercent: 4, version: 1, power: { id: powerId } });

    const content = withoutCode(CHECK);
    const updated = await call('PUT', `/api/random-check-items/${item.id}`, admin, {
      ...content,
      ratioText: '按计划确定',
      ratioPercent: null,
      powerId: null,
    });
    expect(updated.json()).toMatchObject({ ratioPercent: null, power: null, version: 2 });

    const repealed = await call('POST', `/api/random-check-items/${item.id}/repeal`, admin, {
      reason: '并入其他抽查事项',
    });
    expect(repealed.json().status).toBe('repealed');
    const again = await call('PUT', `/api/random-check-items/${item.id}`, admin, content);
    expect(again.json().code).toBe('RANDOM_CHECK_ITEM_REPEALED');
    expect(await ledgerKinds(item.id)).toEqual([
      'powers.randomCheckItem.created',
      'powers.randomCheckItem.updated',
      'powers.randomCheckItem.repealed',
    ]);
  });

  it('refuses a power of another agency and a taken code', async () => {
    const foreign = await call('POST', `/api/agencies/${market}/random-check-items`, admin, {
      ...CHECK,
      code: 'T-SJ-002',
      powerId: demoRecordId('power', urban, 'XC-ZHZF-JC-001'),
    });
    expect(foreign.json().code).toBe('REFERENCE_INVALID');
    const taken = await call('POST', `/api/agencies/${market}/random-check-items`, admin, {
      ...CHECK,
      code: 'XC-SCJG-SJ-002',
    });
    expect(taken.json().code).toBe('RANDOM_CHECK_CODE_TAKEN');
  });
});
