// The gate: every route to a decision tried without an agreeing review of the same proposal —
// the action endpoint with and without idempotency keys, stale versions and a race with a
// changed proposal, the 简易程序, and writes that bypass the engine (refused by the database
// trigger) — and a source check that nothing but the workflows can set a case 'decided'.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS } from '../cases/workflows/index.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { AGREE, checklist, fine, PERSON, reviewApp } from './review.fixtures.ts';
import { isLegalReviewGate } from './review.gate.ts';
import { hashOf } from './review.rules.ts';

const a = await reviewApp();
const { t, act, ok, refused, review } = a;

async function state(caseId: string) {
  const row = await t.handle.db
    .selectFrom('cases')
    .select(['state', 'version', 'details'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row;
}

describe('the decision gate (薛城区: fines of 50,000 元 or more for an organisation are major)', () => {
  it('refuses without a review, while pending, after non-agreement, and reopens on change', async () => {
    a.setToday('2026-03-02');
    const id = await a.noticedCase(fine(60000));
    const required = await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_REQUIRED',
    );
    expect(required.message).toContain('薛政办发〔2017〕74号 附件3 第五条');
    const details = required.details as { classification: { matched: { code: string }[] } };
    expect(details.classification.matched.map((m) => m.code)).toEqual(['xc-penalty-fine']);

    await ok(review.submit(id), 'submit');
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_NOT_AGREED',
    );

    await ok(
      review.opinion(id, {
        outcome: 'return',
        reasons: '须补充违法所得的证据',
        checklist: checklist(['facts_and_evidence']),
      }),
      'return',
    );
    const notAgreed = await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_NOT_AGREED',
    );
    expect(notAgreed.message).toContain('退回补充');

    // A resubmission must change something, and say what was done about the opinion.
    await refused(review.submit(id), 'REVIEW_SUBMISSION_UNCHANGED');
    await refused(
      review.submit(id, { factsAndEvidence: '补充银行流水，证明违法所得' }),
      'REVIEW_FIX_NOTE_REQUIRED',
    );
    const second = await ok(
      review.submit(id, { factsAndEvidence: '补充银行流水，证明违法所得', fixNote: '已补充证据' }),
    );
    const rounds = second.rounds as { diff: { part: string; field: string }[] | null }[];
    expect(rounds[1]?.diff?.map((c) => `${c.part}.${c.field}`)).toEqual(['materials.items']);
    await ok(review.opinion(id, AGREE), 'agree');
    const agreed = await review.get(id);
    expect((agreed.body.gate as { canDecide: boolean }).canDecide).toBe(true);

    // Changing the proposal after agreement reopens review.
    await ok(act(id, 'officer1', 'propose_decision', { proposed: fine(55000) }), 'propose');
    const changed = await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_REQUIRED',
    );
    expect(changed.message).toContain('已经变更');
    const third = await ok(review.submit(id, { fixNote: '罚款数额调整为五万五千元' }));
    const diff = (
      third.rounds as { diff: { field: string; before: unknown; after: unknown }[] }[]
    )[2]?.diff;
    expect(diff?.find((c) => c.field === 'fineYuan')).toMatchObject({
      before: 60000,
      after: 55000,
    });
    await ok(review.opinion(id, AGREE), 'agree again');
    const decided = await ok(act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }), 'decide');
    expect(decided.state).toBe('decided');

    const checks = await t.handle.db
      .selectFrom('legal_review_gate_checks')
      .selectAll()
      .where('case_id', '=', id)
      .execute();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      basis: 'agreed',
      is_major: true,
      proposal_hash: hashOf(fine(55000)),
      action: 'decide',
    });
    // The pass is recorded like any change: who, from where, with what (CONVENTIONS #5).
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['actor_user_id', 'actor_ip', 'actor_user_agent', 'payload'])
      .where('case_id', '=', id)
      .where('kind', '=', 'review.gate_passed')
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(t.ids.users.head1);
    expect(entry.actor_ip).toBeTruthy();
    expect(entry.actor_user_agent).toBeTruthy();
    expect(entry.payload).toMatchObject({ action: 'decide', basis: 'agreed' });
    const classification = await t.handle.db
      .selectFrom('legal_review_classifications')
      .select(['is_major', 'proposal_hash'])
      .where('case_id', '=', id)
      .where('proposal_hash', '=', hashOf(fine(55000)))
      .executeTakeFirstOrThrow();
    expect(classification.is_major).toBe(true);
    const kinds = (await a.call('officer2', 'GET', `/api/cases/${id}/timeline`))
      .body as unknown as { kind: string }[];
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'review.submitted',
        'review.opinion_given',
        'review.gate_passed',
        'case.decide',
      ]),
    );
  });

  it('lets a decision that is not major through, recording why', async () => {
    a.setToday('2026-03-03');
    const id = await a.noticedCase(fine(20000));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-03-03' }), 'decide');
    const check = await t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select(['basis', 'is_major'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(check).toEqual({ basis: 'not_major', is_major: false });
  });

  it('refuses with and without idempotency keys, and a reused key decides nothing', async () => {
    a.setToday('2026-03-04');
    const id = await a.noticedCase(fine(80000));
    const key = { idempotencyKey: 'decide-key-000001' };
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-04' }, key),
      'LEGAL_REVIEW_REQUIRED',
    );
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-04' }, key),
      'LEGAL_REVIEW_REQUIRED',
    );
    // A key already spent on another action is refused as reused: no decision.
    await ok(
      act(
        id,
        'officer1',
        'propose_decision',
        { proposed: fine(70000) },
        { idempotencyKey: 'spent-key-00001' },
      ),
    );
    await refused(
      act(
        id,
        'head1',
        'decide',
        { decidedOn: '2026-03-04' },
        { idempotencyKey: 'spent-key-00001' },
      ),
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect((await state(id)).state).toBe('notified');
  });

  it('a stale version or a race with a changed proposal never decides the unreviewed version', async () => {
    a.setToday('2026-03-05');
    const id = await a.noticedCase(fine(90000));
    await ok(review.submit(id));
    await ok(review.opinion(id, AGREE));
    const { version } = await state(id);
    await ok(
      act(
        id,
        'officer1',
        'propose_decision',
        { proposed: fine(85000) },
        { expectedVersion: version },
      ),
    );
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-05' }, { expectedVersion: version }),
      'CASE_VERSION_CONFLICT',
    );
    await refused(act(id, 'head1', 'decide', { decidedOn: '2026-03-05' }), 'LEGAL_REVIEW_REQUIRED');

    // Both at once: whichever commits first, a decision is only ever of the agreed proposal.
    await ok(review.submit(id, { fixNote: '罚款调整' }));
    await ok(review.opinion(id, AGREE));
    const v = (await state(id)).version;
    const results = await Promise.all([
      act(id, 'officer1', 'propose_decision', { proposed: fine(80000) }, { expectedVersion: v }),
      act(id, 'head1', 'decide', { decidedOn: '2026-03-05' }, { expectedVersion: v }),
    ]);
    const after = await state(id);
    const decision = (after.details as { decision?: { penalty: unknown } }).decision;
    if (after.state === 'decided') {
      expect(hashOf(decision?.penalty)).toBe(hashOf(fine(85000)));
      expect(results[0].status).not.toBe(200);
    } else {
      expect(results[1].status).not.toBe(200);
      await refused(
        act(id, 'head1', 'decide', { decidedOn: '2026-03-05' }),
        'LEGAL_REVIEW_REQUIRED',
      );
    }
  });

  it('closes the 简易程序 to a decision the catalogue makes major', async () => {
    a.setToday('2026-03-06');
    const created = await a.call(
      'officer1',
      'POST',
      `/api/agencies/${t.ids.agencies.market}/cases`,
      {
        kind: 'penalty',
        procedure: 'summary',
        source: 'inspection',
        sourceDetail: null,
        powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
        handlingUnitId: null,
        title: '当场处罚',
        facts: null,
        parties: [PERSON],
        officers: [
          { personId: t.ids.people.officer1, role: 'lead' },
          { personId: t.ids.people.officer2, role: 'assist' },
        ],
      },
    );
    const id = String(created.body.id);
    for (const who of ['officer1', 'officer2'])
      await ok(a.call(who, 'POST', `/api/cases/${id}/recusal`));
    const classification = await ok(review.facts(id, { major_public_interest: true }), 'facts');
    expect(classification.isMajor).toBe(true);
    const summary = await refused(
      act(id, 'officer1', 'decide_on_spot', { decidedOn: '2026-03-06', penalty: fine(100) }),
      'LEGAL_REVIEW_REQUIRED',
    );
    expect(summary.message).toContain('不能适用简易程序当场作出');
    await ok(review.facts(id, { major_public_interest: false }), 'facts');
    const done = await ok(
      act(id, 'officer1', 'decide_on_spot', { decidedOn: '2026-03-06', penalty: fine(100) }),
    );
    expect(done.state).toBe('decided');
    // The gate records the action actually taken, not a generic "decide".
    const check = await t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select(['action', 'basis'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(check).toEqual({ action: 'decide_on_spot', basis: 'not_major' });
  });
});

describe('writes that go around the engine', () => {
  it('are refused by the database: state, decision date, insert, a pass from another transaction', async () => {
    a.setToday('2026-03-09');
    const major = await a.noticedCase(fine(70000));
    const minor = await a.noticedCase(fine(1000));
    const db = t.handle.db;
    for (const id of [major, minor]) {
      await expect(
        db.updateTable('cases').set({ state: 'decided' }).where('id', '=', id).execute(),
      ).rejects.toThrow(/legal-review gate/);
      await expect(
        db.updateTable('cases').set({ decided_on: '2026-03-09' }).where('id', '=', id).execute(),
      ).rejects.toThrow(/legal-review gate/);
    }
    const template = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', minor)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('cases')
        .values({
          agency_id: template.agency_id,
          case_year: 2026,
          case_seq: 9999,
          case_no: '导入案〔2026〕9999号',
          kind: 'penalty',
          procedure: 'ordinary',
          state: 'decided',
          source: 'other',
          source_detail: null,
          power_id: null,
          handling_unit_id: null,
          title: '批量导入',
          facts: null,
          details: JSON.stringify({ proposed: fine(70000) }),
          filed_on: null,
          decided_on: '2026-03-09',
          closed_on: null,
          archived_on: null,
          created_by: null,
        })
        .execute(),
    ).rejects.toThrow(/legal-review gate/);

    // A forged pass in one transaction does not open the gate in another.
    const proposal = JSON.stringify(fine(70000));
    const forge = sql`insert into legal_review_gate_checks
      (case_id, proposal, proposal_hash, is_major, basis, action, checked_by_name, ledger_seq)
      values (${major}, ${proposal}::jsonb, 'x', false, 'not_major', 'import', 'x', 0)`;
    await forge.execute(db);
    await expect(
      db.updateTable('cases').set({ state: 'decided' }).where('id', '=', major).execute(),
    ).rejects.toThrow(/legal-review gate/);

    // In the same transaction, a pass naming an opinion that did not agree is refused too.
    await ok(review.submit(major));
    await ok(
      review.opinion(major, {
        outcome: 'disagree',
        reasons: '事实不清',
        checklist: checklist(['facts_and_evidence']),
      }),
    );
    const opinion = await db
      .selectFrom('legal_review_opinions')
      .select('id')
      .where('case_id', '=', major)
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into legal_review_gate_checks
          (case_id, proposal, proposal_hash, is_major, basis, opinion_id, action, checked_by_name, ledger_seq)
          values (${major}, ${proposal}::jsonb, 'x', true, 'agreed', ${opinion.id}, 'import', 'x', 0)`.execute(
          trx,
        );
        await trx.updateTable('cases').set({ state: 'decided' }).where('id', '=', major).execute();
      }),
    ).rejects.toThrow(/agreeing opinion/);
    expect((await state(major)).state).toBe('notified');
  });

  it('every workflow action that leads to a decision carries the gate', () => {
    const deciding = WORKFLOWS.flatMap((w) =>
      w.actions
        .filter((x) => x.to === 'decided')
        .map((x) => ({ w: `${w.kind}/${w.procedure}`, x })),
    );
    expect(deciding.map((d) => `${d.w}.${d.x.name}`)).toEqual(
      expect.arrayContaining(['penalty/ordinary.decide', 'penalty/summary.decide_on_spot']),
    );
    for (const { w, x } of deciding) {
      expect(x.guards.some(isLegalReviewGate), `${w}.${x.name}`).toBe(true);
    }
  });

  it('no source file writes a decision to cases without running the gate', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          const rel = path.relative(root, full);
          const text = fs.readFileSync(full, 'utf8');
          // Writing the cases table with a decision state or date: only the engine's repository
          // (whose callers are the workflows, checked above), or code that runs the gate itself
          // in the same transaction (demo data) — the trigger checks that it really did.
          const writesCases = /(updateTable|insertInto)\('cases'\)/.test(text);
          const writesDecision = /decided_on\s*:|\bstate:\s*'decided'/.test(text);
          const runsGate = /legalReviewGate/.test(text);
          const isEngine = rel === 'modules/cases/cases.repository.ts';
          if (writesCases && writesDecision && !runsGate && !isEngine) offenders.push(rel);
          const isWorkflow = rel.startsWith('modules/cases/workflows/');
          if (/\bto:\s*'decided'/.test(text) && !isWorkflow) offenders.push(rel);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
