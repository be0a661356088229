// 南昌: every 一般程序 penalty is major; outcomes 同意 / 暂不同意 / 不同意; after non-agreement the
// only path is fixing and resubmitting; 3 working days, +2 with the deputy head's approval; and
// decisions in the government's name are reviewed by the 司法局.
import { describe, expect, it } from 'vitest';
import { AGREE, checklist, fine, PERSON, reviewApp } from './review.fixtures.ts';

const a = await reviewApp({ PROFILE: 'nanchang' });
const { t, act, ok, refused, review } = a;

describe('南昌 review cycle', () => {
  it('reviews every ordinary penalty and answers non-agreement only by resubmission', async () => {
    a.setToday('2026-03-02');
    const id = await a.noticedCase(fine(500), { party: PERSON });
    const required = await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_REQUIRED',
    );
    expect(required.message).toContain('南昌市“三项制度”实施方案（2019） 二（三）12（1）');
    await ok(review.submit(id));
    await refused(
      review.opinion(id, {
        outcome: 'return',
        reasons: '补充证据',
        checklist: checklist(['legal_basis']),
      }),
      'REVIEW_OUTCOME_NOT_IN_PROFILE',
    );
    await refused(
      review.opinion(id, { outcome: 'not_yet_agree', checklist: checklist(['discretion']) }),
      'REVIEW_REASONS_REQUIRED',
    );
    await ok(
      review.opinion(id, {
        outcome: 'not_yet_agree',
        reasons: '裁量不当：初次违法且及时改正，罚款数额偏高',
        checklist: checklist(['discretion']),
      }),
    );
    await refused(
      review.object(id, { reasons: '不同意审核意见' }),
      'REVIEW_OBJECTION_NOT_AVAILABLE',
    );
    await refused(
      review.resolve(id, {
        heldOn: '2026-03-03',
        participants: ['孙志强', '副局长甲', '副局长乙'],
        minutes: '讨论',
        resolution: 'proceed_as_proposed',
      }),
      'REVIEW_OBJECTION_NOT_AVAILABLE',
    );
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_NOT_AGREED',
    );

    await ok(act(id, 'officer1', 'propose_decision', { proposed: fine(400) }));
    await refused(review.submit(id), 'REVIEW_FIX_NOTE_REQUIRED');
    const second = await ok(review.submit(id, { fixNote: '按裁量基准调整罚款数额为四百元' }));
    const rounds = second.rounds as {
      diff: { field: string; before: unknown; after: unknown }[] | null;
    }[];
    expect(rounds[1]?.diff?.find((c) => c.field === 'fineYuan')).toMatchObject({
      before: 500,
      after: 400,
    });
    await ok(review.opinion(id, AGREE));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }), 'decide');
  });
});

describe('南昌 time limit: 3 working days, +2 with the deputy head’s approval', () => {
  it('counts over National Day and its make-up Saturday', async () => {
    a.setToday('2026-09-29');
    const id = await a.noticedCase(fine(500));
    const submitted = await ok(review.submit(id));
    // 30 Sep (1); 1–7 Oct off; 8 Oct (2); 9 Oct (3).
    const round = (submitted.rounds as { dueOn: string; timeLimit: { basis: string } }[])[0];
    expect(round?.dueOn).toBe('2026-10-09');
    expect(round?.timeLimit.basis).toBe(
      '3个工作日内（南昌市“三项制度”实施方案（2019） 二（三）14（3））',
    );
    await refused(review.extend(id, { reason: '案情复杂', amount: 3 }), 'REVIEW_EXTENSION_LIMIT');
    const extended = await ok(review.extend(id, { reason: '案情复杂' }));
    // Saturday 10 Oct is a make-up working day (4); Monday 12 Oct (5).
    const after = (extended.rounds as { dueOn: string; extension: { approverTitle: string } }[])[0];
    expect(after).toMatchObject({ dueOn: '2026-10-12', extension: { approverTitle: '分管领导' } });
  });
});

describe('a decision in the government’s name (南昌 二（三）14（1）)', () => {
  it('goes to the 司法局, whose reviewers alone answer it', async () => {
    a.setToday('2026-11-02');
    const id = await a.noticedCase(fine(500));
    await ok(review.facts(id, { in_government_name: true }));
    const submitted = await ok(review.submit(id));
    const body = (
      submitted.rounds as { body: { kind: string; agencyId: string; name: string } }[]
    )[0]?.body;
    expect(body).toEqual({
      kind: 'justice_bureau',
      agencyId: t.ids.agencies.justice,
      unitId: null,
      name: '枣庄市薛城区司法局',
    });
    await refused(review.opinion(id, AGREE), 'REVIEWER_NOT_OF_REVIEW_BODY');
    await a.addReviewer(t.ids.agencies.justice, 'justicereviewer', '钱律', 'A20183704030999');
    const queue = await ok(
      a.call('justicereviewer', 'GET', `/api/agencies/${t.ids.agencies.justice}/review-queue`),
    );
    expect((queue as unknown as { caseId: string }[]).map((q) => q.caseId)).toContain(id);
    await ok(review.get(id, 'justicereviewer'), 'the body reads the case review');
    await ok(review.opinion(id, AGREE, 'justicereviewer'));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-11-02' }), 'decide');
    // The body's reviewers do not reach other cases of the agency.
    const other = await a.call('justicereviewer', 'GET', `/api/cases/${t.ids.cases.market}/review`);
    expect(other.body.code).toBe('OUT_OF_SCOPE');
  });
});
