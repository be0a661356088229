// The penalty scenario tests' fixture: a demo app whose clock the test moves, the demo people's
// cookies, one call per action asserting acceptance or the refusal code, and the case data the
// 一般程序 and 简易程序 tests share.
import { expect } from 'vitest';
import { createDemoApp } from '../../../test/test-app.ts';
import { demoRecordId } from '../../powers/powers.demo.ts';

export async function penaltyScenario() {
  let now = new Date('2026-03-02T09:00:00+08:00');
  const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));
  const t = await createDemoApp({ clock: () => now });
  const cookies = {
    officer1: await t.login('officer1'),
    officer2: await t.login('officer2'),
    head1: await t.login('head1'),
    archivist1: await t.login('archivist1'),
  };

  async function act(
    caseId: string,
    who: keyof typeof cookies,
    action: string,
    input: unknown = {},
    extra = {},
  ) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions/${action}`,
      headers: { cookie: cookies[who] },
      payload: { input, ...extra },
    });
    return { status: response.statusCode, body: response.json() };
  }

  async function expectRefused(
    caseId: string,
    who: keyof typeof cookies,
    action: string,
    input: unknown,
    code: string,
  ) {
    const result = await act(caseId, who, action, input);
    expect(
      result.body.code,
      `${action} should be refused with ${code}: ${JSON.stringify(result.body)}`,
    ).toBe(code);
    expect(result.body.message).toMatch(/[\u4e00-\u9fff]/);
  }

  async function expectDone(
    caseId: string,
    who: keyof typeof cookies,
    action: string,
    input: unknown,
    state: string,
  ) {
    const result = await act(caseId, who, action, input);
    expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
    expect(result.body.state).toBe(state);
    // The test reads whatever the case view holds, as a client would.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    return result.body;
  }

  async function newCase(title: string, parties: unknown[] = [organisation]) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${t.ids.agencies.market}/cases`,
      headers: { cookie: cookies.officer1 },
      payload: {
        kind: 'penalty',
        procedure: 'ordinary',
        source: 'inspection',
        sourceDetail: null,
        powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
        handlingUnitId: null,
        title,
        facts: '经营超过保质期的食品',
        parties,
        officers: [
          { personId: t.ids.people.officer1, role: 'lead' },
          { personId: t.ids.people.officer2, role: 'assist' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; caseNo: string; state: string }>();
  }

  const organisation = {
    kind: 'organisation',
    name: '枣庄市薛城区某食品有限公司',
    creditCode: '91350100M000100Y43',
    legalRepresentative: '周某',
    address: null,
    phone: null,
  };

  // 询问笔录: audio/video as circumstances require (薛城区), so the tests of other guards need none.
  const transcript = {
    transcriptKind: 'inquiry',
    madeOn: '2026-03-02',
    place: '当事人经营场所',
    officers: [
      { personId: t.ids.people.officer1, credentialNo: '37040320001' },
      { personId: t.ids.people.officer2, credentialNo: '37040320002' },
    ],
    content: '问：库房内的食品原料是否超过保质期？答：是，共 12 包。',
    partySigned: true,
  };

  const fine = (fineYuan: number, types = ['fine']) => ({
    types,
    fineYuan,
    isMitigated: false,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
  });

  async function declareRecusals(caseId: string) {
    for (const who of ['officer1', 'officer2'] as const) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/recusal`,
        headers: { cookie: cookies[who] },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
  }

  /** The record that no recording was made, and why (an emergency), for a step of the case. */
  async function avExemption(caseId: string, step: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence/exemptions`,
      headers: { cookie: cookies.officer1 },
      payload: {
        step,
        kind: 'video',
        reason: 'emergency',
        explanation: '现场突发情况，未能同步录像，事后书面说明',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        place: '当事人经营场所',
        officerIds: [t.ids.people.officer1, t.ids.people.officer2],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
  }

  return {
    t,
    cookies,
    setToday,
    avExemption,
    act,
    expectRefused,
    expectDone,
    newCase,
    declareRecusals,
    organisation,
    transcript,
    fine,
  };
}
