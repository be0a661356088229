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

/**
 * JSON as a test reads it: the members the scenario tests reach into, to any depth. The test's
 * own expectations check the values; the type only lets it reach them without `any`.
 */
export interface Read {
  readonly acceptance: Read;
  readonly application: Read;
  readonly approvalDueAt: Read;
  readonly archive: Read;
  readonly archiveDueOn: Read;
  readonly at: Read;
  readonly availableActions: Read;
  readonly basis: Read;
  readonly certificate: Read;
  readonly closing: Read;
  readonly code: Read;
  readonly courtWindow: Read;
  readonly credentialNo: Read;
  readonly credentialsShown: Read;
  readonly deadlines: Read;
  readonly decideBy: Read;
  readonly decidedOn: Read;
  readonly decision: Read;
  readonly decisionDueOn: Read;
  readonly defenceWaiver: Read;
  readonly details: Read;
  readonly dueOn: Read;
  readonly earliest: Read;
  readonly emergency: Read;
  readonly emergencyStart: Read;
  readonly endsOn: Read;
  readonly filedOn: Read;
  readonly filing: Read;
  readonly flags: Read;
  readonly hearingRequestDueOn: Read;
  readonly id: Read;
  readonly inspection: Read;
  readonly isCalendarMissing: Read;
  readonly isLate: Read;
  readonly kind: Read;
  readonly measure: Read;
  readonly message: Read;
  readonly name: Read;
  readonly notice: Read;
  readonly officers: Read;
  readonly preservation: Read;
  readonly promisedDueOn: Read;
  readonly permitActions: Read;
  readonly ratification: Read;
  readonly reason: Read;
  readonly renewal: Read;
  readonly resultDisclosureDueOn: Read;
  readonly release: Read;
  readonly reportDueAt: Read;
  readonly state: Read;
  readonly status: Read;
  readonly 0: Read;
  readonly 1: Read;
}

/** The case view as a client reads it: whatever JSON the API answered, asserted on by the test. */
const asRead = (answer: Answer): Read => answer as unknown as Read;

export async function createScenario(start: string, env: Record<string, string> = {}) {
  let now = new Date(`${start}T10:00:00+08:00`);
  const t = await createDemoApp({ clock: () => now, env });
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

  /** Officers 王建国 and 李秀英 with the credential numbers they show. */
  const officersShown = [
    { personId: officer1, credentialNo: '37040320001' },
    { personId: officer2, credentialNo: '37040320002' },
  ];
  const power = (code: string) => demoRecordId('power', market, code);
  function setToday(date: string) {
    now = new Date(`${date}T10:00:00+08:00`);
  }

  async function done(caseId: string, who: Who, action: string, input: unknown, state: string) {
    const result = await act(caseId, who, action, input);
    expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
    expect(result.body.state).toBe(state);
    return asRead(result.body);
  }

  /** A case of the market agency with 王建国 leading and 李秀英 assisting, both declared. */
  async function newCase(
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
  }

  /** A 询问笔录 of `madeOn`, both officers named with the credentials they showed. */
  const inquiry = (madeOn: string) => ({
    transcriptKind: 'inquiry',
    madeOn,
    place: '当事人经营场所',
    officers: officersShown,
    content: '问：库房内的食品原料是否超过保质期？答：是，共 12 包。',
    partySigned: true,
  });

  /**
   * A 市场监管局 penalty case (一般程序) filed on `filedOn` and investigated that day (an
   * inquiry): the clock is on `filedOn` afterwards.
   */
  async function investigatedPenalty(filedOn: string, parties: unknown[] = [FOOD_COMPANY]) {
    setToday(filedOn);
    const c = await newCase('penalty', 'ordinary', power('XC-SCJG-CF-001'), parties);
    await done(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
    await done(c.id, 'head1', 'approve_filing', {}, 'investigating');
    await done(c.id, 'officer1', 'record_transcript', inquiry(filedOn), 'investigating');
    return c.id;
  }

  /** Records the 事先告知 served on `servedOn`, the clock moved to that day. */
  function notifyIntent(
    caseId: string,
    servedOn: string,
    proposed: unknown,
    isLargeAmount = false,
  ) {
    setToday(servedOn);
    const input = { servedOn, proposed, isLargeAmount };
    return done(caseId, 'officer1', 'notify_intent', input, 'notified');
  }

  return {
    t,
    cookies,
    market,
    officer1,
    officer2,
    officersShown,
    power,
    setToday,
    /** Moves the clock to an exact moment (periods in hours). */
    setNow(moment: Date) {
      now = moment;
    },
    act,

    /** The case as its officer reads it. */
    async read(caseId: string, who: Who = 'officer1') {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: { cookie: cookies[who] },
      });
      expect(response.statusCode, response.body).toBe(200);
      return asRead(response.json<Answer>());
    },

    async refused(caseId: string, who: Who, action: string, input: unknown, code: string) {
      const result = await act(caseId, who, action, input);
      expect(result.body.code, `${action} → ${code}: ${JSON.stringify(result.body)}`).toBe(code);
      expect(result.body.message).toMatch(/[\u4e00-\u9fff]/);
      return asRead(result.body);
    },

    done,
    newCase,
    inquiry,
    investigatedPenalty,
    notifyIntent,

    /** A penalty case filed and investigated on `filedOn`, its 事先告知 served on `servedOn`. */
    async noticedPenalty(
      filedOn: string,
      servedOn: string,
      proposed: unknown,
      options: { isLargeAmount?: boolean; parties?: unknown[] } = {},
    ) {
      const id = await investigatedPenalty(filedOn, options.parties);
      const notified = await notifyIntent(id, servedOn, proposed, options.isLargeAmount);
      return { id, notified };
    },

    /** Issues an instrument of the case as an officer; the answer as the client reads it. */
    async issue(caseId: string, kind: string, data: Record<string, string> = {}) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/instruments`,
        headers: { cookie: cookies.officer1 },
        payload: { kind, data },
      });
      return {
        status: response.statusCode,
        body: response.json<{
          id: string;
          code?: string;
          message?: string;
          details?: { missing: { field: string }[] };
        }>(),
      };
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

/** The food company most penalty scenarios proceed against. */
export const FOOD_COMPANY = company('枣庄市薛城区某食品有限公司', '91350100M000100Y43');

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
