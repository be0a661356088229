// Helpers for the disclosure tests: decide a penalty case through the case API (as the scenario
// tests do), then hand it to the pipeline the way the case engine will.
import { expect } from 'vitest';
import type { ProfileId } from '../../config.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import type { TestApp } from '../../test/test-app.ts';
import type { DemoIds } from '../../demo/demo.org.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { queueCaseDecision } from './disclosure.pipeline.ts';

export type DemoTestApp = TestApp & { ids: DemoIds };

/** A natural person with every kind of private data redaction must remove. */
export const PERSON = {
  kind: 'person',
  name: '张三',
  idCardNo: '11010519491231002X',
  address: '薛城区临城街道幸福小区5号楼2单元301室',
  phone: '13906329876',
};

export const ORGANISATION = {
  kind: 'organisation',
  name: '枣庄市薛城区某食品有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '周大海',
  address: null,
  phone: null,
};

/** Facts that mention the person's private data the way a careless officer might write them. */
export const PRIVATE_FACTS =
  '当事人张三（身份证号11010519491231002X，联系电话139-0632-9876，住址：薛城区临城街道幸福小区5号楼2单元301室）' +
  '在人行道摆摊经营，另有同伙电话15166668888。';

export async function createCase(
  t: DemoTestApp,
  cookie: string,
  input: {
    procedure: 'summary' | 'ordinary';
    parties: unknown[];
    facts: string | null;
    title?: string;
  },
): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/agencies/${t.ids.agencies.market}/cases`,
    headers: { cookie },
    payload: {
      kind: 'penalty',
      procedure: input.procedure,
      source: 'inspection',
      sourceDetail: null,
      powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
      handlingUnitId: null,
      title: input.title ?? '公示测试案件',
      facts: input.facts,
      parties: input.parties,
      officers: [
        { personId: t.ids.people.officer1, role: 'lead' },
        { personId: t.ids.people.officer2, role: 'assist' },
      ],
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** A 简易程序 case decided on the spot on `decidedOn` (the clock must be on that day). */
export async function decideOnTheSpot(
  t: DemoTestApp,
  cookies: { officer1: string; officer2: string },
  decidedOn: string,
  penalty: { types: string[]; fineYuan?: number },
  parties: unknown[] = [PERSON],
  facts: string | null = PRIVATE_FACTS,
): Promise<string> {
  const caseId = await createCase(t, cookies.officer1, { procedure: 'summary', parties, facts });
  for (const cookie of [cookies.officer1, cookies.officer2]) {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/recusal`,
      headers: { cookie },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const decided = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/actions/decide_on_spot`,
    headers: { cookie: cookies.officer1 },
    payload: {
      input: {
        decidedOn,
        penalty: {
          ...penalty,
          isMitigated: false,
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
          reasons: '当事人经营超过保质期的食品，事实清楚。',
        },
      },
    },
  });
  expect(decided.statusCode, decided.body).toBe(200);
  expect(decided.json<{ state: string }>().state).toBe('decided');
  return caseId;
}

/** What the case engine does when a case enters 'decided'. */
export async function queue(
  t: DemoTestApp,
  caseId: string,
  now: Date,
  profile: ProfileId = 'xuecheng',
) {
  return t.handle.db
    .transaction()
    .execute((trx) => queueCaseDecision(trx, SYSTEM_ACTOR, caseId, { profile, now }));
}
