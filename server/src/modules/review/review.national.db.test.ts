// The national baseline (国办发〔2018〕118号): a catalogue of principles answered by people, a time
// limit the agency sets, outcomes 同意 / 存在问题, and disagreement handled by coordination — which
// may send the proposal back for reconsideration but never replaces an agreeing review.
import { describe, expect, it } from 'vitest';
import { AGREE, checklist, fine, reviewApp } from './review.fixtures.ts';

const a = await reviewApp({ PROFILE: 'national' });
const { act, ok, refused, review } = a;

describe('national review cycle', () => {
  it('reviews what people found to touch 重大权益, and coordinates disagreement', async () => {
    a.setToday('2026-07-01');
    const id = await a.noticedCase(fine(60000));
    const plain = await ok(a.call('officer1', 'POST', `/api/cases/${id}/review/classification`));
    expect(plain.isMajor).toBe(false);
    expect((plain.unansweredFacts as { fact: string }[]).map((f) => f.fact)).toContain(
      'major_rights',
    );

    const major = await ok(review.facts(id, { major_rights: true }));
    expect((major.matched as { citation: string }[])[0]?.citation).toBe(
      '国办发〔2018〕118号 四（十二）',
    );
    await refused(act(id, 'head1', 'decide', { decidedOn: '2026-07-01' }), 'LEGAL_REVIEW_REQUIRED');
    await refused(review.submit(id), 'REVIEW_TIME_LIMIT_REQUIRED');
    const submitted = await ok(review.submit(id, { timeLimit: { amount: 10, unit: 'days' } }));
    // 1 July + 10 days = 11 July, a Saturday: the next working day, 13 July.
    expect((submitted.rounds as { dueOn: string }[])[0]?.dueOn).toBe('2026-07-13');

    await ok(
      review.opinion(id, {
        outcome: 'problems',
        reasons: '对第三人权益的影响未作说明',
        checklist: checklist(['rights_protected']),
      }),
    );
    await ok(review.object(id, { reasons: '第三人已书面表示无异议' }));
    a.setToday('2026-07-03');
    const meeting = {
      heldOn: '2026-07-03',
      participants: ['孙志强'],
      minutes: '协调后请审核机构重新审核',
    };
    await refused(
      review.resolve(id, { ...meeting, resolution: 'proceed_as_proposed' }),
      'REVIEW_RESOLUTION_INVALID',
    );
    await ok(review.resolve(id, { ...meeting, resolution: 'reconsider' }));
    await refused(
      act(id, 'head1', 'decide', { decidedOn: '2026-07-03' }),
      'LEGAL_REVIEW_NOT_AGREED',
    );
    await ok(review.opinion(id, AGREE));
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-07-03' }), 'decide');
  });
});
