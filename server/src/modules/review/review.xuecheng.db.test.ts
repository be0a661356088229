// 薛城区 (the default profile): outcomes 同意 / 退回补充 / 不同意, one written request for re-review
// and then the heads' collective decision, a review within 5 days (+3 with the head's approval)
// across the Labour Day holiday, the 意见书, the responsibility chain, and a filed extension of
// the agency's catalogue.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AGREE, checklist, fine, reviewApp } from './review.fixtures.ts';
import { hashOf } from './review.rules.ts';
import { CatalogView, ReviewView } from './review.schemas.ts';

const a = await reviewApp();
const { t, act, ok, refused, review } = a;
const DISAGREE = {
  outcome: 'disagree',
  reasons: '违法所得数额的证据不足，罚款数额明显不当',
  checklist: checklist(['facts_and_evidence', 'discretion']),
};

describe('薛城区 review cycle', () => {
  it('accepts only the profile’s outcomes, with reasons and a complete checklist', async () => {
    a.setToday('2026-03-02');
    const id = await a.noticedCase(fine(60000));
    await ok(review.submit(id));
    await refused(
      review.opinion(id, { ...AGREE, outcome: 'problems' }),
      'REVIEW_OUTCOME_NOT_IN_PROFILE',
    );
    await refused(
      review.opinion(id, { ...DISAGREE, reasons: undefined }),
      'REVIEW_REASONS_REQUIRED',
    );
    await refused(
      review.opinion(id, { ...DISAGREE, checklist: checklist().slice(1) }),
      'REVIEW_CHECKLIST_INCOMPLETE',
    );
    await refused(
      review.opinion(id, { outcome: 'agree', checklist: checklist(['legal_basis']) }),
      'REVIEW_CHECKLIST_INCOMPLETE',
    );
    await refused(
      review.opinion(id, { ...DISAGREE, checklist: checklist() }),
      'REVIEW_CHECKLIST_INCOMPLETE',
    );
    const view = await ok(
      review.opinion(id, {
        outcome: 'return',
        reasons: '补充证据',
        checklist: checklist(['facts_and_evidence']),
      }),
    );
    expect(Value.Check(ReviewView, view)).toBe(true);
    expect((view.outcomes as { code: string }[]).map((o) => o.code)).toEqual([
      'agree',
      'return',
      'disagree',
    ]);
  });

  it('re-review once on a written request, then the heads decide collectively', async () => {
    a.setToday('2026-03-09');
    const id = await a.noticedCase(fine(60000));
    await ok(review.submit(id));
    await ok(review.opinion(id, DISAGREE));
    await refused(
      review.resolve(id, {
        heldOn: '2026-03-09',
        participants: ['孙志强', '副局长甲', '副局长乙'],
        minutes: '讨论',
        resolution: 'proceed_as_proposed',
      }),
      'REVIEW_RESOLUTION_NOT_AVAILABLE',
    );
    const rereview = await ok(review.object(id, { reasons: '违法所得有进货单据证明，数额准确' }));
    const rounds = rereview.rounds as {
      kind: string;
      status: string;
      requestReason: string | null;
    }[];
    expect(rounds.map((r) => [r.kind, r.status])).toEqual([
      ['submission', 'answered'],
      ['re_review', 'pending'],
    ]);
    expect(rounds[1]?.requestReason).toContain('进货单据');
    await ok(review.opinion(id, DISAGREE));
    await refused(review.object(id, { reasons: '仍有异议' }), 'REVIEW_RE_REVIEW_USED');
    a.setToday('2026-03-10');
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-10' }),
      'LEGAL_REVIEW_NOT_AGREED',
    );
    const meeting = {
      heldOn: '2026-03-10',
      participants: ['孙志强', '副局长甲', '副局长乙'],
      minutes: '经集体讨论，决定按拟定意见作出处罚决定',
    };
    await refused(
      review.resolve(id, { ...meeting, resolution: 'reconsider' }),
      'REVIEW_RESOLUTION_INVALID',
    );
    // The minutes record a meeting held: tomorrow's date is refused, as case records are.
    const ahead = await refused(
      review.resolve(id, { ...meeting, heldOn: '2026-03-11', resolution: 'proceed_as_proposed' }),
      'INVALID_DATE_RANGE',
    );
    expect(ahead.message).toContain('2026-03-10');
    await refused(
      review.resolve(id, {
        ...meeting,
        participants: ['孙志强', '副局长甲'],
        resolution: 'proceed_as_proposed',
      }),
      'VALIDATION_FAILED',
    );
    await refused(
      review.resolve(id, { ...meeting, resolution: 'proceed_as_proposed' }, 'officer1'),
      'FORBIDDEN',
    );
    const resolved = await ok(
      review.resolve(id, { ...meeting, resolution: 'proceed_as_proposed' }),
    );
    expect(resolved.gate).toMatchObject({ state: 'collective_decision', canDecide: true });
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-03-10' }), 'decide');
    const check = await t.handle.db
      .selectFrom('legal_review_gate_checks')
      .select(['basis', 'dispute_id'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(check.basis).toBe('collective_decision');

    // Who did what, on which version, in order.
    const view = await ok(review.get(id, 'supervisor1'));
    const chain = view.responsibility as {
      step: string;
      who: string;
      proposalHash: string | null;
    }[];
    expect(chain.map((c) => c.step)).toEqual([
      'submission',
      'opinion',
      'objection',
      're_review',
      'opinion',
      'resolution',
      'decision',
    ]);
    expect(chain.map((c) => c.who)).toEqual([
      '王建国',
      '陈静',
      '王建国',
      '王建国',
      '陈静',
      '孙志强',
      '孙志强',
    ]);
    expect(new Set(chain.map((c) => c.proposalHash))).toEqual(new Set([hashOf(fine(60000))]));
    const disputes = view.disputes as {
      kind: string;
      content: { reviewOpinion: { outcome: string } };
    }[];
    expect(disputes.find((d) => d.kind === 'resolution')?.content.reviewOpinion.outcome).toBe(
      '不同意',
    );
    await refused(review.submit(id), 'REVIEW_CASE_DECIDED');
  });

  it('archives the 意见书 as data with a text and an HTML rendering bound by its hash', async () => {
    a.setToday('2026-03-16');
    const id = await a.noticedCase(fine(70000));
    await ok(review.submit(id));
    const view = await ok(
      review.opinion(id, {
        ...AGREE,
        checklist: checklist().map((c) => ({ ...c, note: '<符合>' })),
      }),
    );
    const opinion = (view.rounds as { opinion: { id: string; documentHash: string } }[])[0]
      ?.opinion;
    const doc = await ok(
      a.call('officer2', 'GET', `/api/cases/${id}/review/opinions/${opinion?.id}/document`),
    );
    expect(doc.documentHash).toBe(opinion?.documentHash);
    expect(hashOf(doc.document)).toBe(doc.documentHash);
    expect(doc.text).toContain('重大执法决定法制审核意见书');
    expect(doc.text).toContain('审核意见：同意（薛政办发〔2017〕74号 附件3 第十一条）');
    expect(doc.text).toContain('审核人：陈静');
    expect(doc.html).toContain('&#60;符合&#62;');
    expect(doc.html).not.toContain('<符合>');
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('case_id', '=', id)
      .where('kind', '=', 'review.opinion_given')
      .execute();
    expect(entries.map((e) => (e.payload as { documentHash: string }).documentHash)).toEqual([
      opinion?.documentHash,
    ]);
    const other = await a.call(
      'officer3',
      'GET',
      `/api/cases/${id}/review/opinions/${opinion?.id}/document`,
    );
    expect(other.body.code).toBe('OUT_OF_SCOPE');
  });
});

describe('薛城区 time limit: 5 days, +3 with the head’s approval', () => {
  it('counts across Labour Day, extends once within the limit, flags overdue', async () => {
    a.setToday('2026-04-29');
    const id = await a.noticedCase(fine(60000));
    const submitted = await ok(review.submit(id));
    // 29 April + 5 days = 4 May, a holiday: the period ends on the next working day, 6 May.
    const round = (
      submitted.rounds as { dueOn: string; daysLeft: number; timeLimit: { basis: string } }[]
    )[0];
    expect(round?.dueOn).toBe('2026-05-06');
    expect(round?.daysLeft).toBe(7);
    expect(round?.timeLimit.basis).toContain('薛政办发〔2017〕74号 附件3 第十三条');

    await refused(review.extend(id, { reason: '案情复杂' }, 'reviewer1'), 'FORBIDDEN');
    await refused(review.extend(id, { reason: '案情复杂', amount: 4 }), 'REVIEW_EXTENSION_LIMIT');
    const extended = await ok(review.extend(id, { reason: '涉及多个法律关系，案情复杂' }));
    const after = (extended.rounds as { dueOn: string; extension: { approverTitle: string } }[])[0];
    // 29 April + 8 days = 7 May.
    expect(after?.dueOn).toBe('2026-05-07');
    expect(after?.extension.approverTitle).toBe('机关负责人');
    await refused(review.extend(id, { reason: '再次延长', amount: 1 }), 'REVIEW_EXTENSION_LIMIT');

    a.setToday('2026-05-08');
    const queue = await ok(
      a.call('reviewer1', 'GET', `/api/agencies/${t.ids.agencies.market}/review-queue`),
    );
    const item = (
      queue as unknown as { caseId: string; dueOn: string; isOverdue: boolean; daysLeft: number }[]
    ).find((q) => q.caseId === id);
    expect(item).toMatchObject({ dueOn: '2026-05-07', isOverdue: true, daysLeft: -1 });
    const late = await ok(review.opinion(id, AGREE));
    expect(
      (late.rounds as { opinion: { isLate: boolean }; isOverdue: boolean }[])[0],
    ).toMatchObject({ opinion: { isLate: true }, isOverdue: false });
    const deadlines = await t.handle.db
      .selectFrom('deadlines')
      .select(['status', 'due_on', 'rule_key'])
      .where('case_id', '=', id)
      .where('subject_type', '=', 'legal_review')
      .orderBy('created_at')
      .execute();
    expect(deadlines).toEqual([
      { status: 'cancelled', due_on: '2026-05-06', rule_key: 'review.timeLimit' },
      { status: 'missed', due_on: '2026-05-07', rule_key: 'review.extension' },
    ]);
  });

  it('refuses an extension after the time limit has run out', async () => {
    a.setToday('2026-06-01');
    const id = await a.noticedCase(fine(60000));
    await ok(review.submit(id));
    a.setToday('2026-06-09');
    await refused(review.extend(id), 'REVIEW_EXTENSION_LATE');
  });
});

describe('the agency’s own catalogue entries (薛城区: 报区政府法制办公室备案后执行)', () => {
  const url = `/api/agencies/${t.ids.agencies.market}/major-catalog`;
  const entry = {
    code: 'market-fine-10k',
    label: '对法人或者其他组织处以一万元以上罚款',
    decisionKind: 'penalty',
    when: [{ type: 'fine_at_least', thresholds: { citizen: 2000, organisation: 10000 } }],
    reason: '食品安全领域处罚影响较大，扩大审核范围',
  };

  it('needs its 备案, then classifies by it and cites it', async () => {
    await refused(
      a.call('head1', 'POST', `${url}/extensions`, entry),
      'REVIEW_CATALOG_FILING_REQUIRED',
    );
    await refused(a.call('officer1', 'POST', `${url}/extensions`, entry), 'FORBIDDEN');
    const filing = {
      authority: '薛城区人民政府法制办公室',
      filingNo: '薛法备〔2026〕7号',
      filedOn: '2026-06-10',
    };
    const catalog = await ok(a.call('head1', 'POST', `${url}/extensions`, { ...entry, filing }));
    expect(Value.Check(CatalogView, catalog)).toBe(true);
    const added = (catalog.entries as { code: string; citation: string }[]).find(
      (e) => e.code === entry.code,
    );
    expect(added?.citation).toContain('薛法备〔2026〕7号');
    await refused(
      a.call('head1', 'POST', `${url}/extensions`, { ...entry, filing }),
      'REVIEW_CATALOG_CODE_TAKEN',
    );
    await refused(
      a.call('head1', 'POST', `${url}/extensions`, { ...entry, code: 'xc-penalty-fine', filing }),
      'REVIEW_CATALOG_CODE_TAKEN',
    );

    a.setToday('2026-06-15');
    const id = await a.noticedCase(fine(20000));
    const classified = await ok(
      a.call('officer1', 'POST', `/api/cases/${id}/review/classification`),
    );
    expect((classified.matched as { code: string }[]).map((m) => m.code)).toEqual([entry.code]);
    await refused(act(id, 'head1', 'decide', { decidedOn: '2026-06-15' }), 'LEGAL_REVIEW_REQUIRED');
  });
});
