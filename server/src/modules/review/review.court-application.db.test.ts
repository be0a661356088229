// 申请人民法院强制执行 after a penalty: 南昌 lists it as a major coercion decision (NC 二（三）12（3）,
// seed 002 line 87), so the application is refused until a review agrees with it; 薛城区's catalogue
// does not list it, so there it needs none.
import { describe, expect, it } from 'vitest';
import { checklist, fine, reviewApp } from './review.fixtures.ts';

/** Agreement, answering the execution decision's items rather than the penalty's own. */
const AGREE = {
  outcome: 'agree',
  checklist: [
    ...checklist().filter((c) => c.item !== 'penalty_kind_and_performance'),
    ...['executionConditions', 'executor', 'executionManner', 'executionTime'].map((code) => ({
      item: `kind_${code}`,
      conclusion: 'pass',
    })),
  ],
};

type App = Awaited<ReturnType<typeof reviewApp>>;

/** A penalty decided, served, overdue and reminded: ready for the court application. */
async function remindedCase(a: App): Promise<string> {
  a.setToday('2026-03-02');
  const id = await a.noticedCase(fine(500));
  // Put straight after the decision (not a state the trigger guards): the decision's own review
  // is another test's subject.
  await a.t.handle.db
    .updateTable('cases')
    .set({
      state: 'served',
      details: JSON.stringify({
        decision: { decidedOn: '2026-03-02', penalty: fine(500) },
        services: [{ method: 'direct', servedOn: '2026-03-02', paymentDueOn: '2026-03-17' }],
        reminders: [{ servedOn: '2026-03-20' }],
      }),
    })
    .where('id', '=', id)
    .execute();
  a.setToday('2026-04-10');
  return id;
}

const APPLY = { appliedOn: '2026-04-10', means: 'court' };

describe('南昌: a penalty court application', () => {
  it('is refused without an agreeing review and made after one', async () => {
    const a = await reviewApp({ PROFILE: 'nanchang' });
    const id = await remindedCase(a);
    const refusal = await a.refused(
      a.act(id, 'head1', 'apply_enforcement', APPLY),
      'LEGAL_REVIEW_REQUIRED',
    );
    expect(refusal.message).toContain('二（三）12（3）');
    await a.ok(a.act(id, 'officer1', 'propose_court_application', {}), 'propose');
    // An execution decision's materials (NC 二（三）14（2））: what the penalty case does not hold.
    await a.ok(
      a.review.submit(id, {
        procedureMaterials: '处罚决定书已于 2026-03-02 送达，2026-03-20 催告，当事人逾期仍未履行。',
        kindSpecific: {
          executionConditions: '复议、诉讼期限届满，当事人未申请复议、未起诉，亦未履行。',
          executor: '南昌市中级人民法院（申请人：本机关）',
          executionManner: '申请人民法院强制执行罚款',
          executionTime: '2026-04-10 提出申请',
        },
      }),
      'submit',
    );
    await a.refused(a.act(id, 'head1', 'apply_enforcement', APPLY), 'LEGAL_REVIEW_NOT_AGREED');
    await a.ok(a.review.opinion(id, AGREE), 'opinion');
    const made = await a.ok(a.act(id, 'head1', 'apply_enforcement', APPLY), 'apply');
    expect(made.state).toBe('enforcing');
    const passes = await a.t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select(['action', 'is_major', 'basis'])
      .where('case_id', '=', id)
      .execute();
    expect(passes).toEqual([{ action: 'apply_enforcement', is_major: true, basis: 'agreed' }]);
  });

  it('own enforcement (not a court application) is not gated', async () => {
    const a = await reviewApp({ PROFILE: 'nanchang' });
    const id = await remindedCase(a);
    const made = await a.ok(
      a.act(id, 'head1', 'apply_enforcement', { ...APPLY, means: 'own' }),
      'apply',
    );
    expect(made.state).toBe('enforcing');
  });
});

describe('薛城区: a penalty court application', () => {
  it('is not on the catalogue and is made without review, the pass recorded', async () => {
    const a = await reviewApp({ PROFILE: 'xuecheng' });
    const id = await remindedCase(a);
    const made = await a.ok(a.act(id, 'head1', 'apply_enforcement', APPLY), 'apply');
    expect(made.state).toBe('enforcing');
    const passes = await a.t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select(['action', 'is_major', 'basis'])
      .where('case_id', '=', id)
      .execute();
    expect(passes).toEqual([{ action: 'apply_enforcement', is_major: false, basis: 'not_major' }]);
  });
});
