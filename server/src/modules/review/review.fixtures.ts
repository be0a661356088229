// Test helpers of the review tests: a demo app whose clock the test moves, penalty cases driven
// through the API up to the prior notice (已事先告知) with a chosen proposal, and the review calls.
import { Value } from 'typebox/value';
import { expect } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { GENERAL_CHECKLIST } from './review.rules.ts';
import { ReviewView } from './review.schemas.ts';

type Json = Record<string, unknown> & { code?: string; message?: string };

const REVIEWER_PASSWORD = 'Reviewer#Pass2026';

export async function reviewApp(env: Record<string, string> = {}) {
  let now = new Date('2026-03-02T10:00:00+08:00');
  const t = await createDemoApp({ clock: () => now, env: { LOG_LEVEL: 'error', ...env } });
  const users = ['officer1', 'officer2', 'head1', 'reviewer1', 'supervisor1', 'admin'] as const;
  const cookies: Record<string, string> = {};
  for (const u of users) cookies[u] = await t.login(u);

  const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));

  async function call(
    who: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const cookie = cookies[who] ?? (cookies[who] = await t.login(who));
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.json<Json>() };
  }

  async function act(caseId: string, who: string, action: string, input: unknown = {}, extra = {}) {
    return call(who, 'POST', `/api/cases/${caseId}/actions/${action}`, { input, ...extra });
  }

  async function ok(result: Promise<{ status: number; body: Json }>, what = '') {
    const r = await result;
    expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  }

  async function refused(result: Promise<{ status: number; body: Json }>, code: string) {
    const r = await result;
    expect(r.body.code, JSON.stringify(r.body)).toBe(code);
    expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    return r.body;
  }

  /** Every review record the API answers is checked against its published schema. */
  async function asReviewView(result: Promise<{ status: number; body: Json }>) {
    const r = await result;
    if (r.status === 200) {
      const errors = [...Value.Errors(ReviewView, r.body)].slice(0, 3);
      expect(errors, JSON.stringify(errors)).toEqual([]);
    }
    return r;
  }

  const review = {
    get: (caseId: string, who = 'officer1') =>
      asReviewView(call(who, 'GET', `/api/cases/${caseId}/review`)),
    submit: (caseId: string, body: Record<string, unknown> = {}, who = 'officer1') =>
      asReviewView(
        call(who, 'POST', `/api/cases/${caseId}/review/submissions`, {
          situation: '当事人违法事实清楚，拟作出行政处罚，现报送法制审核。',
          ...body,
        }),
      ),
    opinion: (caseId: string, body: Record<string, unknown>, who = 'reviewer1') =>
      asReviewView(call(who, 'POST', `/api/cases/${caseId}/review/opinion`, body)),
    extend: (
      caseId: string,
      body: Record<string, unknown> = { reason: '案情复杂' },
      who = 'head1',
    ) => asReviewView(call(who, 'POST', `/api/cases/${caseId}/review/extension`, body)),
    object: (caseId: string, body: Record<string, unknown>, who = 'officer1') =>
      asReviewView(call(who, 'POST', `/api/cases/${caseId}/review/objection`, body)),
    resolve: (caseId: string, body: Record<string, unknown>, who = 'head1') =>
      asReviewView(call(who, 'POST', `/api/cases/${caseId}/review/resolution`, body)),
    facts: (caseId: string, facts: Record<string, boolean>, who = 'officer1') =>
      call(who, 'PUT', `/api/cases/${caseId}/review/facts`, { facts, note: '经研究认定' }),
  };

  /**
   * A penalty case of 市场监管局 under 一般程序, filed, investigated and noticed with `proposed`.
   * The party then waives its statement and defence (unless `isDefenceOpen`), so that only the
   * review stands between the notice and the decision.
   */
  async function noticedCase(
    proposed: Record<string, unknown>,
    options: {
      party?: Record<string, unknown>;
      servedOn?: string;
      isLargeAmount?: boolean;
      isDefenceOpen?: boolean;
    } = {},
  ) {
    const created = await call('officer1', 'POST', `/api/agencies/${t.ids.agencies.market}/cases`, {
      kind: 'penalty',
      procedure: 'ordinary',
      source: 'inspection',
      sourceDetail: null,
      powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
      handlingUnitId: null,
      title: '经营超过保质期食品案',
      facts: '当事人经营超过保质期的食品原料。',
      parties: [options.party ?? ORGANISATION],
      officers: [
        { personId: t.ids.people.officer1, role: 'lead' },
        { personId: t.ids.people.officer2, role: 'assist' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String(created.body.id);
    for (const who of ['officer1', 'officer2']) {
      await ok(call(who, 'POST', `/api/cases/${id}/recusal`), 'recusal');
    }
    await ok(act(id, 'officer1', 'request_filing'), 'request_filing');
    await ok(act(id, 'head1', 'approve_filing'), 'approve_filing');
    await ok(act(id, 'officer1', 'record_transcript', transcript(t.ids.people)), 'transcript');
    await ok(
      act(id, 'officer1', 'notify_intent', {
        servedOn: options.servedOn ?? chinaDate(now),
        proposed,
        isLargeAmount: options.isLargeAmount ?? false,
      }),
      'notify_intent',
    );
    if (!options.isDefenceOpen) {
      await ok(
        act(id, 'officer1', 'waive_defence', {
          waivedOn: chinaDate(now),
          expressedIn: 'waiver_statement',
          documentRef: '放弃陈述申辩声明书（当事人签名）',
        }),
        'waive_defence',
      );
    }
    return id;
  }

  async function created(result: Promise<{ status: number; body: Json }>, what: string) {
    const r = await result;
    expect([200, 201], `${what}: ${JSON.stringify(r.body)}`).toContain(r.status);
    return r.body;
  }

  /** A reviewer account of an agency, with 法律职业资格 when a certificate number is given. */
  async function addReviewer(
    agencyId: string,
    username: string,
    name: string,
    qualification: string | null,
  ): Promise<string> {
    const person = await created(
      call('admin', 'POST', `/api/agencies/${agencyId}/people`, {
        unitId: null,
        name,
        idCardNo: null,
        phone: null,
        position: '法制审核人员',
      }),
      'person',
    );
    const personId = String(person.id);
    if (qualification) await addQualification(personId, qualification);
    await created(
      call('admin', 'POST', '/api/users', {
        username,
        displayName: name,
        password: REVIEWER_PASSWORD,
        personId,
        roles: [{ role: 'reviewer', agencyId, regionId: null }],
      }),
      'user',
    );
    cookies[username] = await t.login(username, REVIEWER_PASSWORD);
    return personId;
  }

  async function addQualification(personId: string, certificateNo: string) {
    await created(
      call('admin', 'POST', `/api/people/${personId}/qualifications`, {
        kind: 'legal_professional',
        certificateNo,
        obtainedOn: '2020-09-01',
      }),
      'qualification',
    );
  }

  return {
    t,
    cookies,
    call,
    act,
    ok,
    refused,
    review,
    noticedCase,
    setToday,
    addReviewer,
    addQualification,
    now: () => now,
  };
}

export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const ORGANISATION = {
  kind: 'organisation',
  name: '枣庄市薛城区某食品有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '周某',
  address: null,
  phone: null,
};

export const PERSON = {
  kind: 'person',
  name: '张三',
  idCardNo: '11010519491231002X',
  address: null,
  phone: null,
};

// 询问笔录: 薛城区 requires no audio/video for it (an on-site inspection would need one).
function transcript(people: Record<string, string>) {
  return {
    transcriptKind: 'inquiry',
    madeOn: '2026-01-05',
    place: '当事人经营场所',
    officers: [
      { personId: people.officer1, credentialNo: '37040320001' },
      { personId: people.officer2, credentialNo: '37040320002' },
    ],
    content: '问：库房内的食品原料是否超过保质期？答：是，共 12 包。',
    partySigned: true,
  };
}

export function fine(fineYuan: number, isMitigated = false) {
  return {
    types: ['fine'],
    fineYuan,
    isMitigated,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
  };
}

/** Every checklist item of a penalty, all passed, or with the named items found wanting. */
export function checklist(problems: string[] = []) {
  return [...GENERAL_CHECKLIST.map((c) => c.code), 'penalty_kind_and_performance'].map((item) =>
    problems.includes(item)
      ? { item, conclusion: 'problem', note: '证据不足以证明违法所得数额' }
      : { item, conclusion: 'pass' },
  );
}

export const AGREE = { outcome: 'agree', checklist: checklist() };
