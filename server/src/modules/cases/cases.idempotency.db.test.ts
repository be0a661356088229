// Requests sent again because their answer was lost (a crash, a dropped connection) change nothing
// the second time: a registration under the same key answers with the case the first one
// registered, an action under its key with the case as it stands, a recusal declared again leaves
// the first declaration and its record. A key reused for another request is refused.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { demoRecordId } from '../powers/powers.demo.ts';

const t = await createDemoApp({ clock: () => new Date('2026-03-02T09:00:00+08:00') });
const officer1 = await t.login('officer1');
const officer2 = await t.login('officer2');
const head1 = await t.login('head1');

function registration(title: string, idempotencyKey?: string) {
  return {
    kind: 'penalty',
    procedure: 'ordinary',
    source: 'inspection',
    sourceDetail: null,
    powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
    handlingUnitId: null,
    title,
    facts: '经营超过保质期的食品',
    parties: [
      {
        kind: 'organisation',
        name: '枣庄市薛城区某食品有限公司',
        creditCode: '91350100M000100Y43',
        legalRepresentative: '周某',
        address: null,
        phone: null,
      },
    ],
    officers: [
      { personId: t.ids.people.officer1, role: 'lead' },
      { personId: t.ids.people.officer2, role: 'assist' },
    ],
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

function register(payload: object, cookie = officer1) {
  return t.app.inject({
    method: 'POST',
    url: `/api/agencies/${t.ids.agencies.market}/cases`,
    headers: { cookie },
    payload,
  });
}

function act(caseId: string, action: string, payload: object, cookie = officer1) {
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/actions/${action}`,
    headers: { cookie },
    payload,
  });
}

async function count(table: 'cases' | 'ledger_entries' | 'idempotency_keys' | 'case_actions') {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function ledgerKinds(caseId: string) {
  const rows = await t.handle.db
    .selectFrom('ledger_entries')
    .select('kind')
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => r.kind).sort();
}

describe('registration under an idempotency key', () => {
  it('registers once and answers a repeat with the same case', async () => {
    const before = await count('cases');
    const first = await register(registration('重发的登记', 'register-0001'));
    expect(first.statusCode, first.body).toBe(201);
    const again = await register(registration('重发的登记', 'register-0001'));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<{ id: string; caseNo: string }>()).toMatchObject({
      id: first.json<{ id: string }>().id,
      caseNo: first.json<{ caseNo: string }>().caseNo,
    });
    expect(await count('cases')).toBe(before + 1);
    expect(await ledgerKinds(first.json<{ id: string }>().id)).toEqual(['case.registered']);
  });

  it('registers once when the same request arrives twice at the same time', async () => {
    const before = await count('cases');
    const [a, b] = await Promise.all([
      register(registration('同时到达的两次登记', 'register-0002')),
      register(registration('同时到达的两次登记', 'register-0002')),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json<{ id: string }>().id).toBe(b.json<{ id: string }>().id);
    expect(await count('cases')).toBe(before + 1);
  });

  it('refuses the key with another request, in Chinese, and changes nothing', async () => {
    await register(registration('第一份登记', 'register-0003'));
    const before = await Promise.all([count('cases'), count('ledger_entries')]);
    const other = await register(registration('另一份登记', 'register-0003'));
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fff]/);
    expect(await Promise.all([count('cases'), count('ledger_entries')])).toEqual(before);
  });

  it('refuses a key that is not letters, digits and . _ : -', async () => {
    for (const key of ['short', 'key with spaces', 'key-\u0000-0001', '键'.repeat(10)]) {
      const response = await register(registration('键不合格的登记', key));
      expect(response.statusCode, key).toBe(400);
      expect(response.json(), key).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('keeps each user’s keys apart, and registers without a key every time', async () => {
    const mine = await register(registration('各自的登记', 'register-0004'));
    const theirs = await register(registration('各自的登记', 'register-0004'), officer2);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json<{ id: string }>().id).not.toBe(mine.json<{ id: string }>().id);
    const before = await count('cases');
    await register(registration('没有幂等键的登记'));
    await register(registration('没有幂等键的登记'));
    expect(await count('cases')).toBe(before + 2);
  });
});

describe('an action under its idempotency key', () => {
  it('is taken once; the key with another action or input is refused', async () => {
    const created = await register(registration('重发的办理环节'));
    const caseId = created.json<{ id: string }>().id;
    for (const cookie of [officer1, officer2]) {
      const declared = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/recusal`,
        headers: { cookie },
      });
      expect(declared.statusCode, declared.body).toBe(200);
    }
    const request = { input: {}, idempotencyKey: 'action-0001' };
    const first = await act(caseId, 'request_filing', request);
    expect(first.statusCode, first.body).toBe(200);
    const version = first.json<{ version: number }>().version;
    const again = await act(caseId, 'request_filing', request);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ version: number }>().version).toBe(version);

    const before = await Promise.all([count('case_actions'), count('ledger_entries')]);
    const otherAction = await act(caseId, 'approve_filing', request, head1);
    expect(otherAction.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // A key is its sender's: the same request from a colleague is not a repeat of theirs.
    const otherSender = await act(caseId, 'request_filing', request, officer2);
    expect(otherSender.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await Promise.all([count('case_actions'), count('ledger_entries')])).toEqual(before);

    const approved = await act(caseId, 'approve_filing', { input: {} }, head1);
    expect(approved.statusCode, approved.body).toBe(200);
    const transcript = (content: string) => ({
      idempotencyKey: 'action-0002',
      input: {
        transcriptKind: 'inquiry',
        madeOn: '2026-03-02',
        place: '当事人经营场所',
        officers: [
          { personId: t.ids.people.officer1, credentialNo: '37040320001' },
          { personId: t.ids.people.officer2, credentialNo: '37040320002' },
        ],
        content,
        partySigned: true,
      },
    });
    const recorded = await act(caseId, 'record_transcript', transcript('问：是否属实？答：属实。'));
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(
      (await act(caseId, 'record_transcript', transcript('问：是否属实？答：属实。'))).statusCode,
    ).toBe(200);
    const changed = await act(
      caseId,
      'record_transcript',
      transcript('问：是否属实？答：不属实。'),
    );
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const actions = await t.handle.db
      .selectFrom('case_actions')
      .select('action')
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'request_filing',
      'approve_filing',
      'record_transcript',
    ]);
  });
});

describe('a recusal declared again', () => {
  it('leaves the first declaration and its one record', async () => {
    const created = await register(registration('重发的回避声明'));
    const caseId = created.json<{ id: string }>().id;
    const declare = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/recusal`,
        headers: { cookie: officer1 },
      });
    expect((await declare()).statusCode).toBe(200);
    const declaredAt = async () =>
      (
        await t.handle.db
          .selectFrom('case_officers')
          .select('recusal_declared_at')
          .where('case_id', '=', caseId)
          .where('person_id', '=', t.ids.people.officer1 ?? '')
          .executeTakeFirstOrThrow()
      ).recusal_declared_at;
    const first = await declaredAt();
    expect(first).not.toBeNull();
    expect((await declare()).statusCode).toBe(200);
    expect(await declaredAt()).toEqual(first);
    expect(await ledgerKinds(caseId)).toEqual(['case.recusal_declared', 'case.registered']);
  });
});
