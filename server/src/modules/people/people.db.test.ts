import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp();
const admin = await t.login('admin');

async function post(url: string, payload: unknown, cookie = admin) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });
}

describe('people', () => {
  it('refuses an ID number with a wrong check digit as INVALID_ID_CARD', async () => {
    const response = await post(`/api/agencies/${t.ids.agencies.market}/people`, {
      unitId: null,
      name: '钱进',
      idCardNo: '370403199001010010',
      phone: null,
      position: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_ID_CARD');
  });

  it('stores the ID number but shows it masked', async () => {
    const response = await post(`/api/agencies/${t.ids.agencies.market}/people`, {
      unitId: t.ids.units.marketInspection,
      name: '钱进',
      idCardNo: '11010519491231002X',
      phone: '13906329999',
      position: '执法人员',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().idCardNoMasked).toBe('110105********002X');
    expect(JSON.stringify(response.json())).not.toContain('11010519491231002X');
  });

  it('lists the agency’s officers with their credentials’ validity', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${t.ids.agencies.market}/people?withCredential=true`,
      headers: { cookie: await t.login('officer1') },
    });
    expect(response.statusCode).toBe(200);
    const names = response.json().map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['王建国', '李秀英']));
    expect(names).not.toContain('陈静');
    const officer1 = response.json().find((p: { name: string }) => p.name === '王建国');
    expect(officer1.credentials[0]).toMatchObject({
      credentialNo: '37040320001',
      validity: 'valid',
    });
  });
});

describe('credentials', () => {
  it('refuses law areas outside the agency’s remit', async () => {
    const response = await post(`/api/people/${t.ids.people.officer4}/credentials`, {
      credentialNo: '37040320099',
      kind: 'enforcement',
      lawAreas: ['城乡规划'],
      issuingAuthority: '山东省人民政府',
      issuedOn: '2026-01-01',
      expiresOn: '2030-12-31',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('LAW_AREA_NOT_IN_AGENCY');
    expect(response.json().message).toContain('城乡规划');
  });

  it('shows an expired credential as expired and a suspended one as suspended, with the reason recorded', async () => {
    const expired = await post(`/api/people/${t.ids.people.officer4}/credentials`, {
      credentialNo: '37040320098',
      kind: 'enforcement',
      lawAreas: ['市场监管'],
      issuingAuthority: '山东省人民政府',
      issuedOn: '2018-01-01',
      expiresOn: '2023-12-31',
    });
    expect(expired.json().validity).toBe('expired');

    const suspended = await t.app.inject({
      method: 'PATCH',
      url: `/api/credentials/${t.ids.credentials.officer4}`,
      headers: { cookie: admin },
      payload: { status: 'suspended', reason: '涉嫌违纪，暂扣执法证' },
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      validity: 'suspended',
      statusReason: '涉嫌违纪，暂扣执法证',
    });
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['payload', 'actor_name'])
      .where('kind', '=', 'people.credential.updated')
      .executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('系统管理员');
    expect(entry.payload).toMatchObject({ status: 'suspended', before: { status: 'valid' } });
  });

  it('refuses a credential that expires before it is issued, and a duplicate number', async () => {
    const base = {
      kind: 'enforcement',
      lawAreas: ['市场监管'],
      issuingAuthority: '山东省人民政府',
    };
    const backwards = await post(`/api/people/${t.ids.people.officer4}/credentials`, {
      ...base,
      credentialNo: '37040320097',
      issuedOn: '2026-01-01',
      expiresOn: '2025-12-31',
    });
    expect(backwards.json().code).toBe('INVALID_DATE_RANGE');
    const duplicate = await post(`/api/people/${t.ids.people.officer4}/credentials`, {
      ...base,
      credentialNo: '37040320001',
      issuedOn: '2026-01-01',
      expiresOn: '2030-12-31',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('DUPLICATE');
  });
});

describe('photos', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it('takes the type from the bytes: a text file sent as image/png is refused', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${t.ids.people.officer1}/photo`,
      headers: { cookie: admin, 'content-type': 'image/png' },
      payload: Buffer.from('not an image at all'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PHOTO_INVALID');
  });

  it('stores a PNG and serves it back to colleagues', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${t.ids.people.officer1}/photo`,
      headers: { cookie: admin, 'content-type': 'image/png' },
      payload: png,
    });
    expect(put.statusCode).toBe(200);
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/people/${t.ids.people.officer1}/photo`,
      headers: { cookie: await t.login('officer2') },
    });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    expect(get.rawPayload.equals(png)).toBe(true);
  });

  it('refuses an oversize photo with BODY_TOO_LARGE', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${t.ids.people.officer1}/photo`,
      headers: { cookie: admin, 'content-type': 'image/png' },
      payload: Buffer.concat([png, Buffer.alloc(600 * 1024)]),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
  });
});
