// 曹杨新村街道: the street office's 司法所 reviews (CY 第20项), 公职律师/法律顾问 take part and
// whether their view was adopted is recorded; objections list reasons and basis, the negotiation
// is recorded and, without agreement, both opinions go to the head (第23项); 5 working days, +3
// when complex (第21项), across the Spring Festival.
import { describe, expect, it } from 'vitest';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { describeDecision } from './review.catalog.ts';
import { AGREE, checklist, fine, PERSON, reviewApp } from './review.fixtures.ts';
import { routeReview } from './review.routing.ts';

const a = await reviewApp({ PROFILE: 'caoyang' });
const { t, act, ok, refused, review } = a;
const LAWYER = {
  name: '赵律师',
  kind: 'public_lawyer',
  opinion: '减轻处罚依据充分，建议同意',
};

describe('曹杨新村 review bodies', () => {
  it('routes a street office to its 司法所 and a department without one to its legal unit', async () => {
    const facts = describeDecision(
      { kind: 'penalty', procedure: 'ordinary', details: {}, parties: [] },
      fine(100),
      {},
    );
    const route = async (agencyId: string) =>
      routeReview(t.handle.db, {
        agencyId,
        handlingUnitId: null,
        requestedUnitId: null,
        facts,
        rules: await getEffectiveRules(t.handle.db, agencyId, 'caoyang'),
      });
    expect(await route(t.ids.agencies.street)).toEqual({
      kind: 'judicial_office',
      agencyId: t.ids.agencies.street,
      unitId: t.ids.units.judicialOffice,
      name: '枣庄市薛城区人民政府常庄街道办事处常庄司法所',
    });
    expect(await route(t.ids.agencies.market)).toMatchObject({
      kind: 'legal_unit',
      unitId: t.ids.units.marketLegal,
      name: '枣庄市薛城区市场监督管理局法制科',
    });
    await expect(route(t.ids.agencies.justice)).rejects.toMatchObject({
      code: 'REVIEW_BODY_NOT_FOUND',
    });
  });
});

describe('曹杨新村 review cycle', () => {
  it('records the lawyers, the negotiation and the head’s handling of both opinions', async () => {
    a.setToday('2026-03-02');
    const id = await a.noticedCase(fine(3000, true), { party: PERSON });
    await ok(review.submit(id));
    await refused(review.opinion(id, AGREE), 'REVIEW_LAWYER_OPINION_REQUIRED');
    const problems = {
      outcome: 'problems',
      reasons: '减轻处罚的情形未查明',
      checklist: checklist(['discretion']),
    };
    await refused(
      review.opinion(id, { ...problems, lawyers: [{ ...LAWYER, isAdopted: false }] }),
      'VALIDATION_FAILED',
    );
    const answered = await ok(
      review.opinion(id, {
        ...problems,
        lawyers: [
          { ...LAWYER, isAdopted: false, reasonNotAdopted: '当事人消除后果的证据尚未调取' },
        ],
      }),
    );
    const opinion = (answered.rounds as { opinion: { lawyers: unknown[] } }[])[0]?.opinion;
    expect(opinion?.lawyers).toEqual([
      { ...LAWYER, isAdopted: false, reasonNotAdopted: '当事人消除后果的证据尚未调取' },
    ]);

    await refused(review.object(id, { reasons: '已有整改照片' }), 'REVIEW_NEGOTIATION_REQUIRED');
    const negotiation = {
      heldOn: '2026-03-03',
      participants: ['王建国', '陈静'],
      record: '双方就减轻情形的证据交换意见，未能达成一致',
      isAgreed: false,
    };
    // Negotiation and meeting are recorded once held, on their days: not before.
    await refused(
      review.object(id, { reasons: '当事人已消除违法后果，有整改照片为证', negotiation }),
      'INVALID_DATE_RANGE',
    );
    a.setToday('2026-03-03');
    await ok(
      review.object(id, {
        reasons: '当事人已消除违法后果，有整改照片为证',
        legalBasis: '《中华人民共和国行政处罚法》第三十二条',
        negotiation,
      }),
    );
    a.setToday('2026-03-04');
    const meeting = {
      heldOn: '2026-03-04',
      participants: ['街道负责人'],
      minutes: '请司法所结合整改照片重新审核',
    };
    await refused(
      review.resolve(id, { ...meeting, resolution: 'proceed_as_proposed' }),
      'REVIEW_RESOLUTION_INVALID',
    );
    const handled = await ok(review.resolve(id, { ...meeting, resolution: 'reconsider' }));
    const resolution = (
      handled.disputes as { kind: string; content: Record<string, unknown> }[]
    ).find((d) => d.kind === 'resolution');
    expect(resolution?.content).toMatchObject({
      reviewOpinion: { outcome: '存在问题', reasons: '减轻处罚的情形未查明' },
      objection: { negotiation },
    });
    await ok(review.opinion(id, { ...AGREE, lawyers: [{ ...LAWYER, isAdopted: true }] }));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-03-02' }), 'decide');
  });
});

describe('曹杨新村 time limit: 5 working days, +3 when complex', () => {
  it('counts across the Spring Festival and its make-up Saturdays', async () => {
    a.setToday('2026-02-12');
    const id = await a.noticedCase(fine(3000, true), { party: PERSON });
    const submitted = await ok(review.submit(id));
    // 13 Feb (1), Saturday 14 Feb make-up (2), 15–23 Feb off, 24 (3), 25 (4), 26 Feb (5).
    const round = (submitted.rounds as { dueOn: string; timeLimit: { basis: string } }[])[0];
    expect(round?.dueOn).toBe('2026-02-26');
    expect(round?.timeLimit.basis).toBe('5个工作日内（曹办〔2020〕7号 四（二）第21项）');
    const extended = await ok(review.extend(id, { reason: '情况复杂' }));
    // 27 Feb (6), Saturday 28 Feb make-up (7), Monday 2 March (8).
    expect((extended.rounds as { dueOn: string }[])[0]?.dueOn).toBe('2026-03-02');
  });
});
