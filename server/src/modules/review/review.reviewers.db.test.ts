// Who may review (薛城区 profile, 《行政处罚法》 art.58 for the qualification): never an investigator of
// the case, a first opinion only with 法律职业资格, only reviewers of the body the case was routed
// to; the staffing report (reviewers ≥ 5 % of officers); the queue; materials and versions.
import { describe, expect, it } from 'vitest';
import { AGREE, fine, reviewApp } from './review.fixtures.ts';
import { StaffingView } from './review.schemas.ts';
import { Value } from 'typebox/value';

const a = await reviewApp();
const { t, act, ok, refused, review } = a;
const staffingUrl = (agencyId: string) => `/api/agencies/${agencyId}/reviewer-staffing`;

describe('reviewer staffing (N 四（十一）: 不少于执法人员总数的5%)', () => {
  it('reports each agency against the ratio', async () => {
    const market = await ok(a.call('head1', 'GET', staffingUrl(t.ids.agencies.market)));
    expect(Value.Check(StaffingView, market)).toBe(true);
    expect(market).toMatchObject({
      officers: 3,
      reviewers: 1,
      requiredPercent: 5,
      requiredReviewers: 1,
      isSufficient: true,
      reviewerList: [{ name: '陈静', hasLegalQualification: true }],
    });
    expect(market.basis).toContain('国办发〔2018〕118号 四（十一）');
    const urban = await ok(a.call('supervisor1', 'GET', staffingUrl(t.ids.agencies.urban)));
    expect(urban).toMatchObject({
      officers: 2,
      reviewers: 0,
      requiredReviewers: 1,
      isSufficient: false,
    });
    await refused(a.call('officer1', 'GET', staffingUrl(t.ids.agencies.market)), 'FORBIDDEN');
    await refused(a.call('head1', 'GET', staffingUrl(t.ids.agencies.urban)), 'OUT_OF_SCOPE');
  });
});

describe('who may give the opinion', () => {
  it('refuses an investigator of the case even when they also hold the reviewer role', async () => {
    await ok(
      a.call('admin', 'PUT', `/api/users/${t.ids.users.officer2}/roles`, {
        roles: [
          { role: 'officer', agencyId: t.ids.agencies.market, regionId: null },
          { role: 'reviewer', agencyId: t.ids.agencies.market, regionId: null },
        ],
      }),
    );
    a.cookies.officer2 = await t.login('officer2');
    a.setToday('2026-03-02');
    const id = await a.noticedCase(fine(60000));
    await ok(review.submit(id));
    await refused(review.opinion(id, AGREE, 'officer2'), 'REVIEWER_IS_INVESTIGATOR');
  });

  it('requires 法律职业资格 of a first-time reviewer', async () => {
    a.setToday('2026-03-03');
    const id = await a.noticedCase(fine(60000));
    await ok(review.submit(id));
    const personId = await a.addReviewer(t.ids.agencies.market, 'newreviewer', '新审核员', null);
    const refusal = await refused(
      review.opinion(id, AGREE, 'newreviewer'),
      'REVIEWER_QUALIFICATION_REQUIRED',
    );
    expect(refusal.message).toContain('第五十八条');
    await a.addQualification(personId, 'A20253704030111');
    const answered = await ok(review.opinion(id, AGREE, 'newreviewer'));
    expect(
      (answered.rounds as { opinion: { reviewerName: string } }[])[0]?.opinion.reviewerName,
    ).toBe('新审核员');
  });

  it('keeps reviewers of other agencies out', async () => {
    a.setToday('2026-03-04');
    const id = await a.noticedCase(fine(60000));
    await ok(review.submit(id));
    await a.addReviewer(t.ids.agencies.urban, 'urbanreviewer', '城管审核员', 'A20163704030222');
    await refused(review.opinion(id, AGREE, 'urbanreviewer'), 'OUT_OF_SCOPE');
    await refused(review.get(id, 'urbanreviewer'), 'OUT_OF_SCOPE');
    await refused(
      a.call('reviewer1', 'GET', `/api/agencies/${t.ids.agencies.urban}/review-queue`),
      'OUT_OF_SCOPE',
    );
  });
});

describe('materials and versions', () => {
  it('takes what the case holds, refuses what is missing, and binds the review to its version', async () => {
    a.setToday('2026-03-05');
    const id = await a.noticedCase(fine(60000));
    const missing = await refused(
      review.submit(id, { situation: '    ' }),
      'REVIEW_MATERIALS_INCOMPLETE',
    );
    expect(missing.details).toEqual({ missing: ['拟作出重大执法决定的情况说明'] });
    const submitted = await ok(review.submit(id));
    const items = (
      submitted.rounds as { materials: { items: { code: string; origin: string | null }[] } }[]
    )[0]?.materials.items;
    expect(items?.map((i) => [i.code, i.origin])).toEqual([
      ['situation', 'submission'],
      ['factsAndEvidence', 'case'],
      ['legalBasis', 'case'],
      ['procedureMaterials', 'case'],
      ['proposal', 'case'],
    ]);
    const queue = await ok(
      a.call('reviewer1', 'GET', `/api/agencies/${t.ids.agencies.market}/review-queue`),
    );
    expect(
      (queue as unknown as { caseId: string; dueOn: string; isOverdue: boolean }[]).find(
        (q) => q.caseId === id,
      ),
    ).toMatchObject({
      dueOn: '2026-03-10',
      isOverdue: false,
    });
    await refused(review.submit(id), 'REVIEW_ALREADY_PENDING');

    // The proposal changes while under review: the reviewer cannot answer the old version, and
    // the resubmission supersedes it.
    await ok(act(id, 'officer1', 'propose_decision', { proposed: fine(55000) }));
    await refused(review.opinion(id, AGREE), 'REVIEW_PROPOSAL_CHANGED');
    const resubmitted = await ok(review.submit(id));
    expect((resubmitted.rounds as { status: string }[]).map((r) => r.status)).toEqual([
      'superseded',
      'pending',
    ]);
    const deadlines = await t.handle.db
      .selectFrom('deadlines')
      .select('status')
      .where('case_id', '=', id)
      .where('subject_type', '=', 'legal_review')
      .orderBy('created_at')
      .execute();
    expect(deadlines.map((d) => d.status)).toEqual(['cancelled', 'open']);
    await ok(review.opinion(id, AGREE));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-03-05' }), 'decide');
  });
});
