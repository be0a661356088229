// A reviewer of the body a case was sent to reads its record as part of the review: no reason is
// asked, and the reading is still logged. Before the case is sent (or for another body's reviewer)
// the reviewer is outside the case like anyone else.
import { describe, expect, it } from 'vitest';
import { fine, reviewApp } from '../review/review.fixtures.ts';

const a = await reviewApp();
const { ok, review } = a;

describe('调阅监督 and legal review', () => {
  it('asks a reviewer for a reason until the case is sent to their body, then logs without one', async () => {
    const id = await a.noticedCase(fine(60000));
    const before = await a.call('reviewer1', 'GET', `/api/cases/${id}/timeline`);
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('ACCESS_REASON_REQUIRED');

    await ok(review.submit(id));
    await ok(a.call('reviewer1', 'GET', `/api/cases/${id}`));
    await ok(a.call('reviewer1', 'GET', `/api/cases/${id}/timeline`));

    const log = await ok(a.call('head1', 'GET', `/api/cases/${id}/access-log`));
    const readings = (
      log.items as { readerName: string; isHandler: boolean; reason: unknown }[]
    ).filter((i) => i.readerName === '陈静');
    expect(readings).toHaveLength(2);
    expect(readings.every((i) => i.isHandler && i.reason === null)).toBe(true);
  });
});
