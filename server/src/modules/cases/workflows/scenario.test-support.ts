// Helpers for the scenario tests of the case kinds: a demo app whose clock the test moves, the
// demo people's cookies, and one call per action that asserts acceptance or the refusal code.
import { expect } from 'vitest';
import { createDemoApp } from '../../../test/test-app.ts';
import { demoRecordId } from '../../powers/powers.demo.ts';

export type Who = 'officer1' | 'officer2' | 'head1' | 'archivist1';

interface Answer {
  code?: string;
  message?: string;
  state?: string;
}

/** The case view as a client reads it: whatever JSON the API answered, asserted on by the test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const asRead = (answer: Answer): any => answer;

export async function createScenario(start: string) {
  let now = new Date(`${start}T10:00:00+08:00`);
  const t = await createDemoApp({ clock: () => now });
  const cookies: Record<Who, string> = {
    officer1: await t.login('officer1'),
    officer2: await t.login('officer2'),
    head1: await t.login('head1'),
    archivist1: await t.login('archivist1'),
  };
  const market = t.ids.agencies.market;
  const officer1 = t.ids.people.officer1 ?? '';
  const officer2 = t.ids.people.officer2 ?? '';

  async function act(caseId: string, who: Who, action: string, input: unknown = {}) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions/${action}`,
      headers: { cookie: cookies[who] },
      payload: { input },
    });
    return { status: response.statusCode, body: response.json<Answer>() };
  }

  return {
    t,
    cookies,
    market,
    officer1,
    officer2,
    /** Officers 王建国 and 李秀英 with the credential numbers they show. */
    officersShown: [
      { personId: officer1, credentialNo: '37040320001' },
      { personId: officer2, credentialNo: '37040320002' },
    ],
    power: (code: string) => demoRecordId('power', market, code),
    setToday(date: string) {
      now = new Date(`${date}T10:00:00+08:00`);
    },
    act,

    async refused(caseId: string, who: Who, action: string, input: unknown, code: string) {
      const result = await act(caseId, who, action, input);
      expect(result.body.code, `${action} → ${code}: ${JSON.stringify(result.body)}`).toBe(code);
      expect(result.body.message).toMatch(/[\u4e00-\u9fff]/);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return
      return asRead(result.body);
    },

    async done(caseId: string, who: Who, action: string, input: unknown, state: string) {
      const result = await act(caseId, who, action, input);
      expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
      expect(result.body.state).toBe(state);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return
      return asRead(result.body);
    },

    /** A case of the market agency with 王建国 leading and 李秀英 assisting, both declared. */
    async newCase(
      kind: string,
      procedure: string,
      powerId: string | null,
      parties: unknown[],
      source = 'inspection',
    ): Promise<{ id: string; state: string }> {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/agencies/${market}/cases`,
        headers: { cookie: cookies.officer1 },
        payload: {
          kind,
          procedure,
          source,
          sourceDetail: null,
          powerId,
          handlingUnitId: null,
          title: `${kind} ${procedure} 测试案件`,
          facts: null,
          parties,
          officers: [
            { personId: officer1, role: 'lead' },
            { personId: officer2, role: 'assist' },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json<{ id: string; state: string }>();
      for (const who of ['officer1', 'officer2'] as const) {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/cases/${created.id}/recusal`,
          headers: { cookie: cookies[who] },
        });
        expect(r.statusCode, r.body).toBe(200);
      }
      return created;
    },

    /** The record that no recording was made, and why (an emergency), for a case step. */
    async avExemption(caseId: string, step: string) {
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
          officerIds: [officer1, officer2],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    },
  };
}

export const company = (name: string, creditCode: string) => ({
  kind: 'organisation',
  name,
  creditCode,
  legalRepresentative: '周某',
  address: null,
  phone: null,
});

export const record = (officers: unknown[], extra: Record<string, unknown> = {}) => ({
  place: '当事人经营场所',
  officers,
  content: '执法人员出示执法证件，说明来意，依法进行检查并制作笔录。',
  partySigned: true,
  ...extra,
});

export const directService = (servedOn: string) => ({
  method: 'direct',
  servedOn,
  receiptNo: `SD-${servedOn}`,
});
