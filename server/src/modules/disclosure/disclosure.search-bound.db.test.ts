// Search counts exactly only up to a bound: below it `total` is exact and not flagged; above it
// `total` is the bound and flagged as a lower bound, and the portal says "N 条以上". A small
// bound over the demo publications stands in for SEARCH_COUNT_BOUND over a million rows.
import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../shared/dates.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { decisionsPage } from '../portal/portal.pages.ts';
import {
  disclosureReadRepository as reads,
  SEARCH_COUNT_BOUND,
} from './disclosure.read.repository.ts';
import { parseQuery } from './disclosure.search.ts';

const t = await createDemoApp();

function search(q: string, countBound: number) {
  return reads.searchDecisions(
    t.ctx.db,
    { terms: parseQuery(q), today: chinaToday(t.ctx.clock()), limit: 2, offset: 0 },
    { countBound },
  );
}

describe('bounded search count', () => {
  it('counts exactly below the bound and caps and flags the total above it', async () => {
    // 华 matches three demo publications (disclosure.public.db.test.ts).
    const exact = await search('华', SEARCH_COUNT_BOUND);
    expect(exact.total).toBe(3);
    expect(exact.totalIsLowerBound).toBe(false);
    expect(await search('华', 3)).toMatchObject({ total: 3, totalIsLowerBound: false });
    const capped = await search('华', 2);
    expect(capped).toMatchObject({ total: 2, totalIsLowerBound: true });
    expect(capped.rows.map((r) => r.id)).toEqual(exact.rows.map((r) => r.id));
    expect(await search('华', 1)).toMatchObject({ total: 1, totalIsLowerBound: true });
    expect(await search('李建', 1)).toMatchObject({ total: 0, totalIsLowerBound: false });
  });

  it('answers the flag in the public API', async () => {
    const r = await t.app.inject({ url: `/api/public/decisions?q=${encodeURIComponent('华')}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ total: 3, totalIsLowerBound: false });
  });

  it('shows a lower bound on the portal as "以上"', () => {
    const page = (totalIsLowerBound: boolean) =>
      decisionsPage({
        form: { q: '华' },
        agencies: [],
        total: 10_000,
        totalIsLowerBound,
        items: [],
        pageSize: 20,
      });
    expect(page(true)).toContain('共找到 10000 条以上');
    expect(page(false)).toContain('共找到 10000 条与');
  });
});
