// 上海: 减轻处罚 and hearing-eligible penalties are major; the agency sets the review's time limit
// inside the decision's handling period; outcomes 同意 / 存在问题; an objection is reported to the
// leaders, who may send the same proposal back for reconsideration but cannot replace the review.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { describeDecision } from './review.catalog.ts';
import { AGREE, checklist, fine, PERSON, reviewApp } from './review.fixtures.ts';
import { routeReview } from './review.routing.ts';
import { ClassificationView } from './review.schemas.ts';

const a = await reviewApp({ PROFILE: 'shanghai' });
const { t, act, ok, refused, review } = a;
const PROBLEMS = {
  outcome: 'problems',
  reasons: '减轻处罚的理由不充分，未说明符合哪项减轻情形',
  checklist: checklist(['discretion']),
};

describe('上海 review cycle', () => {
  it('reviews a 减轻处罚 within a limit the agency sets, and reports objections to the leaders', async () => {
    a.setToday('2026-03-02');
    const id = await a.noticedCase(fine(3000, true), { party: PERSON });
    const required = await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }),
      'LEGAL_REVIEW_REQUIRED',
    );
    expect(required.message).toContain('沪府办发〔2019〕15号 附件3 二（二）');

    a.setToday('2026-05-20');
    await refused(review.submit(id), 'REVIEW_TIME_LIMIT_REQUIRED');
    // Filed 2 March: the decision is due by 31 May; 10 working days from 20 May run past it.
    const tooLong = await refused(
      review.submit(id, { timeLimit: { amount: 10, unit: 'working_days' } }),
      'REVIEW_TIME_LIMIT_TOO_LONG',
    );
    expect(tooLong.details).toEqual({ reviewDue: '2026-06-03', decisionDue: '2026-05-31' });
    const submitted = await ok(
      review.submit(id, { timeLimit: { amount: 5, unit: 'working_days' } }),
    );
    const round = (submitted.rounds as { dueOn: string; timeLimit: { basis: string } }[])[0];
    expect(round?.dueOn).toBe('2026-05-27');
    expect(round?.timeLimit.basis).toBe('机关确定（在决定的办理期限内由机关确定）');
    await refused(review.extend(id), 'REVIEW_EXTENSION_NOT_ALLOWED');

    await refused(
      review.opinion(id, { ...PROBLEMS, outcome: 'disagree' }),
      'REVIEW_OUTCOME_NOT_IN_PROFILE',
    );
    await refused(
      review.opinion(id, { ...PROBLEMS, reasons: undefined }),
      'REVIEW_REASONS_REQUIRED',
    );
    await ok(review.opinion(id, PROBLEMS));
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-05-20' }),
      'LEGAL_REVIEW_NOT_AGREED',
    );

    a.setToday('2026-05-21');
    const meeting = {
      heldOn: '2026-05-21',
      participants: ['孙志强'],
      minutes: '听取经办部门和审核机构意见，请审核机构重新审核',
    };
    await refused(
      review.resolve(id, { ...meeting, resolution: 'reconsider' }),
      'REVIEW_RESOLUTION_NOT_AVAILABLE',
    );
    await ok(
      review.object(id, {
        reasons: '当事人主动消除违法后果，符合第三十二条减轻情形',
        legalBasis: '《中华人民共和国行政处罚法》第三十二条',
      }),
    );
    await refused(
      review.resolve(id, { ...meeting, resolution: 'proceed_as_proposed' }),
      'REVIEW_RESOLUTION_INVALID',
    );
    const reconsidered = await ok(review.resolve(id, { ...meeting, resolution: 'reconsider' }));
    const rounds = reconsidered.rounds as { kind: string; status: string; dueOn: string }[];
    expect(rounds.map((r) => [r.kind, r.status])).toEqual([
      ['submission', 'answered'],
      ['reconsideration', 'pending'],
    ]);
    expect(reconsidered.gate).toMatchObject({ state: 'pending', canDecide: false });
    const disputes = reconsidered.disputes as { kind: string; content: Record<string, unknown> }[];
    expect(disputes.find((d) => d.kind === 'resolution')?.content).toMatchObject({
      reviewOpinion: { outcome: '存在问题' },
      objection: { reasons: '当事人主动消除违法后果，符合第三十二条减轻情形' },
    });
    await ok(review.opinion(id, AGREE));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-05-20' }), 'decide');
  });

  it('classifies a penalty open to a hearing as major', async () => {
    a.setToday('2026-06-01');
    const id = await a.noticedCase(fine(100000), { isLargeAmount: true });
    const classified = await ok(
      a.call('officer1', 'POST', `/api/cases/${id}/review/classification`),
    );
    expect(Value.Check(ClassificationView, classified)).toBe(true);
    const matched = classified.matched as { code: string; citation: string }[];
    expect(matched.map((m) => m.code)).toEqual(['sh-penalty-hearing']);
    expect(matched[0]?.citation).toBe('沪府办发〔2019〕15号 附件3 二（一）');
  });
});

describe('上海 review bodies (附件3 四)', () => {
  it('the legal unit; without one, a unit the agency names other than the handling one', async () => {
    const facts = describeDecision(
      { kind: 'penalty', procedure: 'ordinary', details: {}, parties: [] },
      fine(100),
      {},
    );
    const route = async (
      agencyId: string,
      handlingUnitId: string | null,
      requested: string | null,
    ) =>
      routeReview(t.handle.db, {
        agencyId,
        handlingUnitId,
        requestedUnitId: requested,
        facts,
        rules: await getEffectiveRules(t.handle.db, agencyId, 'shanghai'),
      });
    const { agencies, units } = t.ids;
    expect(await route(agencies.market, units.marketInspection, null)).toMatchObject({
      kind: 'legal_unit',
      unitId: units.marketLegal,
    });
    // The street office has no legal unit: the unit it names reviews, unless it handles the case.
    expect(await route(agencies.street, null, units.judicialOffice)).toMatchObject({
      kind: 'unit_other_than_handling',
      unitId: units.judicialOffice,
    });
    for (const [handling, requested] of [
      [units.judicialOffice, units.judicialOffice],
      [null, null],
    ] as const) {
      await expect(route(agencies.street, handling, requested)).rejects.toMatchObject({
        code: 'REVIEW_BODY_NOT_FOUND',
      });
    }
  });
});
