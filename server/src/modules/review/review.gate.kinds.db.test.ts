// Every route to a decision, in every kind of case whose decision can be major (penalty 一般/简易,
// permit grant/change/renew/revoke/cancel, coercive measure and its disposal, execution and the
// court application, expropriation), tried without an agreeing review:
// 1. the gate of every workflow action that carries it, run as the engine runs it (in a locked
//    transaction) under each of the five profiles: refused, with what matched and where it is cited;
// 2. the action endpoint for each of those actions: refused, nothing changed, no pass recorded;
// 3. writes that go around the engine, for each kind's decision state: single updates, one bulk
//    update over every kind, inserts of already-decided cases (an import): refused by the trigger;
// 4. creating a case that claims to be decided: nothing decided.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, type ProfileId } from '../../config.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import type { CaseKind } from '../cases/cases.tables.ts';
import type { GuardContext, Refusal } from '../cases/workflow.ts';
import { WORKFLOWS } from '../cases/workflows/index.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { fine, ORGANISATION, reviewApp } from './review.fixtures.ts';
import { isLegalReviewGate } from './review.gate.ts';

const a = await reviewApp();
const { t } = a;
const TODAY = '2026-03-10';
a.setToday(TODAY);

interface Route {
  kind: CaseKind;
  procedure: string;
  action: string;
  /** A proposal some profile's own catalogue makes major (not only the national principles). */
  proposal: Record<string, unknown>;
  /** An input the action's schema accepts. */
  input: Record<string, unknown>;
  /** The state the action leads to, which the database guards too; null where the action leads
   * to no state of its own (a penalty's or an expropriation's court application): the engine's
   * gate is then the only guard. */
  decisionState: string | null;
}

/** A court application of a case with no decision recorded (what the workflows derive). */
const COURT_APPLICATION = { isCoercionExecution: true, coercionActs: ['court_enforcement'] };

const ROUTES: Route[] = [
  {
    kind: 'penalty',
    procedure: 'ordinary',
    action: 'decide',
    proposal: fine(60000),
    input: { decidedOn: TODAY },
    decisionState: 'decided',
  },
  {
    kind: 'penalty',
    procedure: 'summary',
    action: 'decide_on_spot',
    proposal: { ...fine(100), types: ['warning', 'fine'] },
    input: { decidedOn: TODAY, penalty: fine(100) },
    decisionState: 'decided',
  },
  ...(['grant', 'change', 'renew'] as const).map((procedure) => ({
    kind: 'permit' as const,
    procedure,
    action: 'decide',
    proposal: {
      outcome: 'deny',
      reasons: '不符合法定条件',
      permitActions: [
        procedure === 'grant' ? 'deny' : procedure === 'change' ? 'deny_change' : 'deny_renewal',
      ],
    },
    input: { decidedOn: TODAY },
    decisionState: 'decided',
  })),
  {
    kind: 'permit',
    procedure: 'revoke',
    action: 'decide',
    proposal: { outcome: 'withdraw', reasons: '公共利益需要', permitActions: ['revoke'] },
    input: { decidedOn: TODAY },
    decisionState: 'decided',
  },
  {
    kind: 'permit',
    procedure: 'cancel',
    action: 'decide',
    proposal: { outcome: 'cancel', reasons: '有效期届满未延续', permitActions: ['cancel'] },
    input: { decidedOn: TODAY },
    decisionState: 'decided',
  },
  {
    kind: 'coercion',
    procedure: 'measure',
    action: 'implement_measure',
    proposal: {
      measures: ['seize'],
      coercionActs: ['seize'],
      seizedValueYuan: 150000,
      isCoercionExecution: false,
    },
    input: { implementedAt: `${TODAY}T09:00:00+08:00` },
    decisionState: 'in_effect',
  },
  {
    kind: 'coercion',
    procedure: 'measure',
    action: 'dispose',
    proposal: {
      disposal: '依法拍卖扣押的财物',
      coercionActs: ['auction_or_dispose'],
      isCoercionExecution: false,
    },
    input: { decidedOn: TODAY },
    decisionState: 'disposed',
  },
  {
    kind: 'coercion',
    procedure: 'execution',
    action: 'decide_execution',
    proposal: { means: 'demolition', coercionActs: ['demolition'], isCoercionExecution: true },
    input: { decidedOn: TODAY },
    decisionState: 'decided',
  },
  {
    kind: 'coercion',
    procedure: 'execution',
    action: 'apply_to_court',
    proposal: { means: 'court', coercionActs: ['court_enforcement'], isCoercionExecution: true },
    input: { appliedOn: TODAY, court: '枣庄市薛城区人民法院' },
    decisionState: 'court_applied',
  },
  // 申请人民法院强制执行 after a penalty or an expropriation (南昌 二（三）12（3）).
  ...(['ordinary', 'summary'] as const).map((procedure) => ({
    kind: 'penalty' as const,
    procedure,
    action: 'apply_enforcement',
    proposal: COURT_APPLICATION,
    input: { appliedOn: TODAY, means: 'court' },
    decisionState: null,
  })),
  {
    kind: 'expropriation',
    procedure: 'ordinary',
    action: 'apply_to_court',
    proposal: COURT_APPLICATION,
    input: { partyName: ORGANISATION.name, appliedOn: TODAY, court: '南昌市中级人民法院' },
    decisionState: null,
  },
  {
    kind: 'expropriation',
    procedure: 'ordinary',
    action: 'decide',
    proposal: { scope: '旧城区改建范围', expropriationObjects: ['house_on_state_land'] },
    input: { decidedOn: TODAY },
    decisionState: 'decided',
  },
];

const key = (r: { kind: string; procedure: string; action: string }) =>
  `${r.kind}/${r.procedure}.${r.action}`;

function workflowOf(r: Route) {
  const w = WORKFLOWS.find((x) => x.kind === r.kind && x.procedure === r.procedure);
  const spec = w?.actions.find((x) => x.name === r.action);
  if (!w || !spec) throw new Error(`no action ${key(r)}`);
  return { w, spec, from: spec.from[0] ?? w.initial };
}

/** A case of the kind, put straight into the state the action starts from, with `details`. */
async function caseAt(r: Route, details: Record<string, unknown>): Promise<string> {
  const created = await a.call('officer1', 'POST', `/api/agencies/${t.ids.agencies.market}/cases`, {
    kind: r.kind,
    procedure: r.procedure,
    source: 'inspection',
    sourceDetail: null,
    powerId: null,
    handlingUnitId: null,
    title: `${key(r)} 决定途径测试`,
    facts: '违法事实。',
    parties: [ORGANISATION],
    officers: [
      { personId: t.ids.people.officer1, role: 'lead' },
      { personId: t.ids.people.officer2, role: 'assist' },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = String(created.body.id);
  const from = workflowOf(r).from;
  await t.handle.db.transaction().execute(async (trx) => {
    // A disposal starts from a measure in effect, itself a decision the trigger guards: the
    // setup records a pass for it in its own transaction, as the measure's gate would have.
    if (from === 'in_effect') {
      await sql`insert into legal_review_gate_checks
        (case_id, proposal, proposal_hash, is_major, basis, action, checked_by_name, ledger_seq)
        values (${id}, ${JSON.stringify(details.proposed ?? null)}::jsonb, 'setup', false,
          'not_major', 'implement_measure', 'setup', 0)`.execute(trx);
    }
    await trx
      .updateTable('cases')
      .set({ state: from, details: JSON.stringify(details) })
      .where('id', '=', id)
      .execute();
  });
  return id;
}

/** Runs the action's gate as the engine does, under a profile; the transaction is rolled back. */
async function gateUnder(caseId: string, r: Route, profile: ProfileId) {
  const { spec } = workflowOf(r);
  const gate = spec.guards.find(isLegalReviewGate);
  if (!gate) throw new Error(`${key(r)} carries no gate`);
  const rollback = new Error('rollback');
  let refusal: Refusal | undefined;
  await t.handle.db
    .transaction()
    .execute(async (trx) => {
      const snapshot = await casesRepository.loadSnapshot(trx, caseId, true);
      if (!snapshot) throw new Error('case vanished');
      const ctx: GuardContext<never> = {
        trx,
        snapshot,
        input: r.input as never,
        principal: {
          userId: t.ids.users.head1 ?? '',
          username: 'head1',
          displayName: '负责人',
          grants: [],
        },
        rules: await getEffectiveRules(trx, snapshot.agencyId, profile),
        today: TODAY,
        now: a.now(),
        action: r.action,
        actor: { userId: null, name: '负责人', ip: '203.0.113.7', userAgent: 'gate-test' },
      };
      refusal = await gate(ctx);
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  return refusal;
}

type Matched = { classification: { isMajor: boolean; matched: { code: string }[] } };

describe('the gated actions', () => {
  it('are exactly the decision actions of every kind (a new one must be added here)', () => {
    const gated = WORKFLOWS.flatMap((w) =>
      w.actions
        .filter((x) => x.guards.some(isLegalReviewGate))
        .map((x) => key({ kind: w.kind, procedure: w.procedure, action: x.name })),
    );
    expect(gated.sort()).toEqual(ROUTES.map(key).sort());
    // Whatever writes a decision date or enters 'decided' is among them.
    for (const w of WORKFLOWS) {
      for (const x of w.actions) {
        const setsDecision = x.to === 'decided' || /decidedOn\s*:/.test(String(x.apply ?? ''));
        if (setsDecision) {
          expect(x.guards.some(isLegalReviewGate), `${w.kind}/${w.procedure}.${x.name}`).toBe(true);
        }
      }
    }
  });
});

describe.each(ROUTES.map((r) => [key(r), r] as const))('%s without an agreeing review', (_, r) => {
  const isSummary = r.action === 'decide_on_spot';

  it('is refused by the gate under every profile after a hearing (N 四（十二）)', async () => {
    const id = await caseAt(r, {
      proposed: isSummary ? undefined : r.proposal,
      hearing: { heldOn: '2026-03-01' },
    });
    for (const profile of PROFILE_IDS) {
      const refusal = await gateUnder(id, r, profile);
      expect(refusal?.code, `${profile}`).toBe('LEGAL_REVIEW_REQUIRED');
      const codes = (refusal?.details as Matched).classification.matched.map((m) => m.code);
      expect(codes, profile).toContain('n-after-hearing');
      expect(refusal?.message).toContain('经过听证程序作出行政执法决定');
    }
  });

  it("is refused where the profile's own catalogue lists it, citing the seed", async () => {
    const id = await caseAt(r, { proposed: isSummary ? undefined : r.proposal });
    if (isSummary) {
      // The 简易程序's proposal arrives with the action: major once the case is declared so.
      await a.ok(a.review.facts(id, { major_public_interest: true }), 'facts');
    }
    const local: string[] = [];
    for (const profile of PROFILE_IDS) {
      const refusal = await gateUnder(id, r, profile);
      if (!refusal) continue;
      expect(refusal.code, profile).toBe('LEGAL_REVIEW_REQUIRED');
      const { matched } = (refusal.details as Matched).classification;
      expect(matched.length).toBeGreaterThan(0);
      local.push(...matched.map((m) => m.code).filter((c) => isSummary || !c.startsWith('n-')));
    }
    expect(local.length, `no profile lists ${key(r)}`).toBeGreaterThan(0);
    const checks = await t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select('id')
      .where('case_id', '=', id)
      .where('checked_by_name', '!=', 'setup')
      .execute();
    expect(checks).toEqual([]);
  });

  it('is refused through the action endpoint, and nothing changes', async () => {
    const id = await caseAt(r, {
      proposed: isSummary ? undefined : r.proposal,
      hearing: { heldOn: '2026-03-01' },
    });
    const before = await t.handle.db
      .selectFrom('cases')
      .select(['state', 'version', 'decided_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (const extra of [{}, { idempotencyKey: `route-${r.action}-0001` }]) {
      const answer = await a.act(id, 'head1', r.action, r.input, extra);
      expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(400);
      expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const after = await t.handle.db
      .selectFrom('cases')
      .select(['state', 'version', 'decided_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const passes = await t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select('id')
      .where('case_id', '=', id)
      .where('checked_by_name', '!=', 'setup')
      .execute();
    expect(passes).toEqual([]);
  });

  it('is refused by the database when written around the engine', async () => {
    const state = r.decisionState;
    if (state === null) return; // no state of its own for the trigger to guard
    const id = await caseAt(r, { proposed: r.proposal });
    const db = t.handle.db;
    await expect(
      db.updateTable('cases').set({ state }).where('id', '=', id).execute(),
    ).rejects.toThrow(/legal-review gate/);
    await expect(
      db.updateTable('cases').set({ decided_on: TODAY }).where('id', '=', id).execute(),
    ).rejects.toThrow(/legal-review gate/);
    // An import: a copy of the case, arriving already decided.
    const row = await db
      .selectFrom('cases')
      .select([
        'agency_id',
        'case_year',
        'case_seq',
        'case_no',
        'kind',
        'procedure',
        'source',
        'source_detail',
        'power_id',
        'handling_unit_id',
        'title',
        'facts',
        'details',
        'filed_on',
        'created_by',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('cases')
        .values({
          ...row,
          case_seq: row.case_seq + 10000,
          case_no: `${row.case_no}-导入`,
          state,
          details: JSON.stringify(row.details),
        })
        .execute(),
    ).rejects.toThrow(/legal-review gate/);
  });
});

describe('a bulk path', () => {
  it('one update over cases of every kind decides none of them', async () => {
    const ids = [];
    for (const r of ROUTES) ids.push(await caseAt(r, { proposed: r.proposal }));
    const db = t.handle.db;
    await expect(
      sql`update cases set state = 'decided', decided_on = ${TODAY}::date
          where id in (${sql.join(ids)})`.execute(db),
    ).rejects.toThrow(/legal-review gate/);
    const decided = await db
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', ids)
      .where((eb) => eb.or([eb('state', '=', 'decided'), eb('decided_on', 'is not', null)]))
      .execute();
    expect(decided).toEqual([]);
  });

  it('creating a case that claims a decision creates nothing decided', async () => {
    const before = await t.handle.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('decided_on', 'is not', null)
      .executeTakeFirstOrThrow();
    const answer = await a.call(
      'officer1',
      'POST',
      `/api/agencies/${t.ids.agencies.market}/cases`,
      {
        kind: 'penalty',
        procedure: 'ordinary',
        source: 'inspection',
        sourceDetail: null,
        powerId: null,
        handlingUnitId: null,
        title: '声称已决定的案件',
        facts: null,
        parties: [ORGANISATION],
        officers: [{ personId: t.ids.people.officer1, role: 'lead' }],
        state: 'decided',
        decidedOn: TODAY,
        details: { proposed: fine(60000), decision: { decidedOn: TODAY } },
      },
    );
    if (answer.status === 201) expect(answer.body.state).toBe('registered');
    else expect(answer.status).toBe(400);
    const after = await t.handle.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('decided_on', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
