// The profile endpoints on a real database: reading profiles and an agency's effective rules,
// recording overrides with their reasons and change records, and who may do what.
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../../config.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { EffectiveRulesView, ProfileDetail } from './profile.schemas.ts';
import { getEffectiveRules } from './profile.service.ts';

const t = await createDemoApp();
const market = t.ids.agencies.market;
const urban = t.ids.agencies.urban;
const cookies = {
  officer1: await t.login('officer1'),
  officer3: await t.login('officer3'),
  head1: await t.login('head1'),
  supervisor1: await t.login('supervisor1'),
  admin: await t.login('admin'),
};
type Who = keyof typeof cookies;

const wd = (amount: number) => ({ mode: 'within', amount, unit: 'working_days' });

/** These routes serialise with JSON.stringify, so the documented schema is checked here. */
function expectSchema(schema: TSchema, body: unknown) {
  const errors = [...Value.Errors(schema, body)].slice(0, 3);
  expect(errors.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

function get(who: Who, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
}

function post(who: Who, agencyId: string, payload: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/agencies/${agencyId}/rule-overrides`,
    headers: { cookie: cookies[who] },
    payload,
  });
}

async function penaltyRule(who: Who = 'officer1') {
  const response = await get(who, `/api/agencies/${market}/rules`);
  expect(response.statusCode).toBe(200);
  return response.json<{ disclosure: { penaltyDecision: Record<string, unknown> } }>().disclosure
    .penaltyDecision;
}

describe('profiles', () => {
  it('lists the five profiles and marks the deployed one', async () => {
    const response = await get('officer1', '/api/profiles');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.deployed).toBe('xuecheng');
    expect(body.items.map((p: { id: string }) => p.id)).toEqual([
      'national',
      'shanghai',
      'caoyang',
      'nanchang',
      'xuecheng',
    ]);
    const xc = body.items.find((p: { id: string }) => p.id === 'xuecheng');
    expect(xc).toMatchObject({ isDeployed: true, validUntil: '2022-10-19' });
    expect(xc.sources[0].document).toBe('薛政办发〔2017〕74号');
  });

  it('answers a profile with every value and its citation', async () => {
    const response = await get('officer1', '/api/profiles/xuecheng');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rules.disclosure.penaltyDecision).toEqual({
      value: wd(20),
      source: {
        type: 'seed',
        document: '薛政办发〔2017〕74号',
        article: '附件1 第十四条',
        quote: '行政执法机关应当将行政执法信息自信息形成之日起20个工作日内予以公示',
        seedFile: '003_4221616f6ac2b050.txt',
      },
    });
    expect(body.rules.majorCatalog.entries[2].when).toEqual([
      { type: 'fine_at_least', thresholds: { citizen: 5000, organisation: 50000 } },
    ]);
    expect(body.statute.officersRequired.source).toMatchObject({
      type: 'law',
      article: '第四十二条',
    });
    expect(body.validUntilSource.type).toBe('seed');
  });

  it('answers every profile as its documented schema says', async () => {
    for (const id of PROFILE_IDS) {
      const response = await get('officer1', `/api/profiles/${id}`);
      expect(response.statusCode).toBe(200);
      expectSchema(ProfileDetail, response.json());
    }
  });

  it('answers 404 for an unknown profile and 401 without a session', async () => {
    const missing = await get('officer1', '/api/profiles/atlantis');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/profiles' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('effective rules of an agency', () => {
  it('applies the national 7 working days over 薛城区 2017’s 20, and says why', async () => {
    const rule = await penaltyRule();
    expect(rule).toMatchObject({
      effective: wd(7),
      display: '7个工作日内',
      basis: 'national_stricter',
      declared: { value: wd(20) },
      national: { value: wd(7) },
      override: null,
    });
    expect(rule.note).toContain('适用更严格的国家规定');
    const body = (await get('officer1', `/api/agencies/${market}/rules`)).json();
    expect(body.profile).toMatchObject({ id: 'xuecheng', version: '2026.1' });
    expect(body.av.uploadDeadline.effective).toEqual({ mode: 'within', amount: 24, unit: 'hours' });
    expect(body.statute.paymentDeadline.effective).toEqual({
      mode: 'within',
      amount: 15,
      unit: 'days',
    });
    expect(body.review.outcomes.effective.map((o: { label: string }) => o.label)).toEqual([
      '同意',
      '退回补充',
      '不同意',
    ]);
  });

  it('refuses an officer of another agency, lets the supervisor above it read', async () => {
    const refused = await get('officer3', `/api/agencies/${market}/rules`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    expect((await get('supervisor1', `/api/agencies/${market}/rules`)).statusCode).toBe(200);
    const missing = await get('admin', '/api/agencies/00000000-0000-4000-8000-000000000000/rules');
    expect(missing.statusCode).toBe(404);
  });
});

describe('overrides', () => {
  it('lets the head tighten a rule, with a change record in the same transaction', async () => {
    const response = await post('head1', market, {
      rule: 'disclosure.penaltyDecision',
      value: wd(5),
      reason: '本局承诺五个工作日内公示处罚决定',
    });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      kind: 'tighten',
      value: wd(5),
      isActive: true,
      actorName: '孙志强',
      profileId: 'xuecheng',
      ruleLabel: '行政处罚决定信息公示时限',
    });

    const rule = await penaltyRule();
    expect(rule.effective).toEqual(wd(5));
    expect(rule.basis).toBe('agency_tightened');
    expect(rule.source).toMatchObject({ type: 'override', overrideId: view.id });

    const ledger = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('subject_id', '=', view.id)
      .execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'profile.override.recorded', agency_id: market });
    expect(ledger[0]?.payload).toMatchObject({
      rule: 'disclosure.penaltyDecision',
      kind: 'tighten',
    });

    // Other agencies are not affected; other modules read the same through the service.
    const urbanRules = await getEffectiveRules(t.handle.db, urban, 'xuecheng');
    expect(urbanRules.disclosure.penaltyDecision.effective).toEqual(wd(7));
    const marketRules = await getEffectiveRules(t.handle.db, market, 'xuecheng');
    expect(marketRules.disclosure.penaltyDecision.effective).toEqual(wd(5));
  });

  it('requires a reason: missing or blank is refused with a Chinese message', async () => {
    const missing = await post('head1', market, { rule: 'av.uploadDeadline', value: wd(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('VALIDATION_FAILED');
    expect(missing.json().message).toContain('reason');
    const blank = await post('head1', market, {
      rule: 'av.uploadDeadline',
      value: { mode: 'within', amount: 12, unit: 'hours' },
      reason: ' 　 ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toEqual({
      code: 'OVERRIDE_REASON_REQUIRED',
      message: '调整辖区规则必须填写理由',
    });
  });

  it('refuses a value of the wrong unit or type for the rule', async () => {
    const wrongUnit = await post('head1', market, {
      rule: 'av.uploadDeadline',
      value: { mode: 'within', amount: 1, unit: 'days' },
      reason: '测试',
    });
    expect(wrongUnit.statusCode).toBe(422);
    expect(wrongUnit.json().code).toBe('RULE_VALUE_INVALID');
    expect(wrongUnit.json().details.allowedUnits).toEqual(['hours']);
    const wrongType = await post('admin', market, {
      rule: 'review.reviewerRatio',
      value: 'ten',
      reason: '测试',
    });
    expect(wrongType.statusCode).toBe(422);
    const unknownRule = await post('admin', market, {
      rule: 'review.outcomes',
      value: [],
      reason: '测试',
    });
    expect(unknownRule.statusCode).toBe(400);
  });

  it('lets only an administrator loosen, and only back to the local document’s value', async () => {
    const byHead = await post('head1', market, {
      rule: 'disclosure.permitDecision',
      value: wd(20),
      reason: '想放宽',
    });
    expect(byHead.statusCode).toBe(403);
    expect(byHead.json().code).toBe('RULE_LOOSEN_FORBIDDEN');

    const beyond = await post('admin', market, {
      rule: 'disclosure.permitDecision',
      value: wd(15),
      reason: '折中',
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().code).toBe('RULE_LOOSEN_LIMIT');

    const restored = await post('admin', market, {
      rule: 'disclosure.permitDecision',
      value: wd(20),
      reason: '经区政府同意，过渡期内仍按区办法执行',
    });
    expect(restored.statusCode).toBe(201);
    expect(restored.json().kind).toBe('loosen');
    const rules = (await get('officer1', `/api/agencies/${market}/rules`)).json();
    expect(rules.disclosure.permitDecision).toMatchObject({
      effective: wd(20),
      basis: 'admin_loosened',
      source: { document: '薛政办发〔2017〕74号' },
    });
    expect(rules.disclosure.permitDecision.note).toContain('过渡期内仍按区办法执行');
  });

  it('withdraws an override; withdrawing a tightening is an administrator’s decision', async () => {
    const byHead = await post('head1', market, {
      rule: 'disclosure.penaltyDecision',
      value: null,
      reason: '撤销',
    });
    expect(byHead.statusCode).toBe(403);
    const byAdmin = await post('admin', market, {
      rule: 'disclosure.penaltyDecision',
      value: null,
      reason: '恢复规则包的规定',
    });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ kind: 'withdraw', isActive: false, value: null });
    expect((await penaltyRule()).effective).toEqual(wd(7));
    const again = await post('admin', market, {
      rule: 'disclosure.penaltyDecision',
      value: null,
      reason: '再次撤销',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RULE_OVERRIDE_NOT_ACTIVE');
  });

  it('answers effective rules with overrides as the documented schema says', async () => {
    const listTightened = await post('head1', market, {
      rule: 'av.exemptions',
      value: [],
      reason: '本局不适用紧急情况免录',
    });
    expect(listTightened.statusCode).toBe(201);
    const body = (await get('officer1', `/api/agencies/${market}/rules`)).json();
    expect(body.av.exemptions).toMatchObject({ effective: [], basis: 'agency_tightened' });
    expectSchema(EffectiveRulesView, body);
  });

  it('keeps the history, newest first, with what is in force', async () => {
    const response = await get('supervisor1', `/api/agencies/${market}/rule-overrides`);
    expect(response.statusCode).toBe(200);
    const items: { rule: string; kind: string; isActive: boolean }[] = response.json().items;
    expect(items.map((i) => [i.rule, i.kind, i.isActive])).toEqual([
      ['av.exemptions', 'tighten', true],
      ['disclosure.penaltyDecision', 'withdraw', false],
      ['disclosure.permitDecision', 'loosen', true],
      ['disclosure.penaltyDecision', 'tighten', false],
    ]);
  });

  it('refuses other agencies and roles without the right', async () => {
    const payload = { rule: 'av.uploadDeadline', value: wd(1), reason: '测试' };
    const otherAgency = await post('head1', urban, payload);
    expect(otherAgency.statusCode).toBe(403);
    expect(otherAgency.json().code).toBe('OUT_OF_SCOPE');
    const officer = await post('officer1', market, payload);
    expect(officer.statusCode).toBe(403);
    expect(officer.json().code).toBe('FORBIDDEN');
    const reading = await get('officer3', `/api/agencies/${market}/rule-overrides`);
    expect(reading.json().code).toBe('OUT_OF_SCOPE');
  });

  it('refuses a blank reason in the database too', async () => {
    await expect(
      t.handle.db
        .insertInto('profile_overrides')
        .values({
          agency_id: market,
          rule: 'av.uploadDeadline',
          kind: 'tighten',
          value: JSON.stringify({ mode: 'within', amount: 1, unit: 'hours' }),
          reason: '   ',
          profile_id: 'xuecheng',
          profile_version: '2026.1',
          actor_user_id: null,
          actor_name: 'x',
        })
        .execute(),
    ).rejects.toThrow();
  });
});
