// The results page's pager: it never offers a page the API refuses (beyond MAX_PAGE), however
// many decisions match.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE } from '../disclosure/disclosure.schemas.ts';
import { decisionsPage } from './portal.pages.ts';

function pager(total: number, page: number, totalIsLowerBound = false): string {
  const body = decisionsPage({
    form: { q: '食品', page },
    agencies: [],
    total,
    totalIsLowerBound,
    items: [],
    pageSize: 20,
  });
  return /<nav class="pager"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '';
}

describe('portal pager', () => {
  it('counts pages from the total while they can be served', () => {
    expect(pager(45, 1)).toContain('第 1 / 3 页');
    expect(pager(45, 3)).not.toContain('rel="next"');
  });

  it('stops at the last page the API serves when more decisions match', () => {
    const last = pager(10_000, MAX_PAGE, true);
    expect(last).toContain(`第 ${MAX_PAGE} / ${MAX_PAGE} 页`);
    expect(last).not.toContain('rel="next"');
    expect(pager(10_000, MAX_PAGE - 1, true)).toContain('rel="next"');
  });
});
