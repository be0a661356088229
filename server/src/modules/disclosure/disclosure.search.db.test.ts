// Search finds exactly the decisions whose text contains every term — never fewer, never more —
// whatever the term's length (exact lexemes, prefixes, covers rechecked by the text), with exact
// counts up to the bound, and the same pages whichever way a page past the bound is found.
// Texts over a small alphabet make near-misses (all the pieces of a term, but apart) common.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import {
  disclosureReadRepository as reads,
  lexemeFrequencies,
  pagePlan,
  type DecisionSearch,
  type PagePlan,
} from './disclosure.read.repository.ts';
import {
  matchShare,
  normaliseForSearch,
  parseQuery,
  selectPieces,
  tsqueryOf,
} from './disclosure.search.ts';
import type { DisclosureCategory } from './disclosure.tables.ts';

const t = await createDemoApp();
const db = t.ctx.db;
const TODAY = '2026-11-21';
const ALPHABET = [...'甲乙丙丁〔〕12a'];
const CATEGORIES: DisclosureCategory[] = ['penalty', 'permit', 'inspection'];

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20261121);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const word = (length: number) => Array.from({ length }, () => pick(ALPHABET)).join('');

interface Row {
  id: string;
  search_text: string;
  published_at: Date;
  display_until: string | null;
  agency_id: string;
  category: DisclosureCategory;
  decided_on: string;
}

async function insertDecision(text: string, i: number, agencyId: string) {
  const published = new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 300) * 86_400_000);
  const decidedOn = published.toISOString().slice(0, 10);
  await db
    .insertInto('disclosure_decisions')
    .values({
      id: randomUUID(),
      agency_id: agencyId,
      agency_name: '测试机关',
      doc_no: `测〔2026〕${i}号`,
      doc_no_norm: `测〔2026〕${i}号`,
      category: pick(CATEGORIES),
      power_name: '测试事项',
      party: '测试当事人',
      party_credit_code: null,
      facts: text,
      legal_basis: '测试依据',
      result: '测试结果',
      decided_on: decidedOn,
      // Some share a publication time, so the id decides the order among them.
      published_at: i % 7 === 0 ? new Date(Date.UTC(2026, 5, 1)) : published,
      status: 'published',
      ledger_index: 0,
      display_until: rnd() < 0.1 ? '2026-01-31' : null,
      display_basis: null,
      search_text: text,
    })
    .execute();
}

const agencies = [t.ids.agencies.market, t.ids.agencies.urban];
for (let i = 0; i < 160; i++) {
  await insertDecision(word(Math.floor(rnd() * 40)), i, pick(agencies));
}

async function allRows(): Promise<Row[]> {
  return db
    .selectFrom('disclosure_decisions')
    .select([
      'id',
      'search_text',
      'published_at',
      'display_until',
      'agency_id',
      'category',
      'decided_on',
    ])
    .execute();
}

/** What a plain substring scan answers, newest first. */
function expected(rows: Row[], filter: DecisionSearch): string[] {
  return rows
    .filter(
      (r) =>
        (r.display_until === null || r.display_until >= filter.today) &&
        (!filter.agencyId || r.agency_id === filter.agencyId) &&
        (!filter.category || r.category === filter.category) &&
        (!filter.from || r.decided_on >= filter.from) &&
        (!filter.to || r.decided_on <= filter.to) &&
        filter.terms.every((term) => r.search_text.includes(term.text)),
    )
    .sort(
      (a, b) =>
        b.published_at.getTime() - a.published_at.getTime() ||
        (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((r) => r.id);
}

function query(q: string, extra: Partial<DecisionSearch> = {}): DecisionSearch {
  return { terms: parseQuery(q), today: TODAY, limit: 100, offset: 0, ...extra };
}

describe('search against a substring scan', () => {
  it('finds every match and nothing else, for terms of every length', async () => {
    const rows = await allRows();
    const texts = rows.map((r) => r.search_text).filter((s) => s.length > 0);
    const queries: string[] = [];
    for (let i = 0; i < 150; i++) {
      const text = pick(texts);
      const length = 1 + Math.floor(rnd() * 9);
      const start = Math.floor(rnd() * Math.max(1, text.length - length));
      queries.push([...text].slice(start, start + length).join(''));
    }
    // Terms that are likely absent, and two terms at once.
    for (let i = 0; i < 60; i++) queries.push(word(1 + Math.floor(rnd() * 8)));
    for (let i = 0; i < 30; i++) queries.push(`${word(2)} ${word(3)}`);
    const check = async () => {
      for (const q of queries) {
        const filter = query(q);
        const want = expected(rows, filter);
        const got = await reads.searchDecisions(db, filter);
        expect(
          got.rows.map((r) => r.id),
          q,
        ).toEqual(want.slice(0, 100));
        expect(got.total, q).toBe(want.length);
        expect(got.totalIsLowerBound, q).toBe(false);
      }
    };
    // Without statistics longer terms ask for a cover of pieces; with them, the rarest pieces.
    await check();
    await sql`analyze disclosure_search`.execute(db);
    const frequencies = await lexemeFrequencies(db, Date.now() + 3_600_000);
    expect(frequencies.common.size).toBeGreaterThan(0);
    await check();
  });

  it('asks the index only for the rare pieces of a longer term', async () => {
    await sql`analyze disclosure_search`.execute(db);
    const frequencies = await lexemeFrequencies(db, Date.now() + 7_200_000);
    // The commonest four-character lexeme, followed by characters no text holds.
    const [frequent] = [...frequencies.common]
      .filter(([lexeme]) => [...lexeme].length === 4)
      .sort((a, b) => b[1] - a[1]);
    if (!frequent) throw new Error('no four-character lexeme in the statistics');
    const [term] = parseQuery(`${frequent[0]}xyz`);
    if (!term) throw new Error('no term');
    const chosen = selectPieces(term, frequencies).lexemes;
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen).not.toContain(frequent[0]);
    expect((await reads.searchDecisions(db, query(`${frequent[0]}xyz`))).total).toBe(0);
  });

  it('applies the filters with the terms', async () => {
    const rows = await allRows();
    const filters: Partial<DecisionSearch>[] = [
      { agencyId: t.ids.agencies.urban },
      { category: 'permit' },
      { from: '2026-03-01', to: '2026-08-31' },
      { agencyId: t.ids.agencies.market, category: 'penalty', from: '2026-05-01' },
    ];
    for (const extra of filters) {
      for (const q of ['甲', '甲乙', '丙丁甲', '〔1〕2', '甲乙丙丁甲', '']) {
        const filter = query(q, extra);
        const got = await reads.searchDecisions(db, filter);
        const want = expected(rows, filter);
        expect(
          got.rows.map((r) => r.id),
          `${q} ${JSON.stringify(extra)}`,
        ).toEqual(want);
        expect(got.total).toBe(want.length);
      }
    }
  });

  it('counts up to the bound and pages past it the same way by walking, windows or sorting', async () => {
    const rows = await allRows();
    for (const q of ['甲', '1', '甲乙', 'a1', '丙丁甲', '', '甲乙丙丁甲']) {
      for (const [limit, offset] of [
        [5, 0],
        [5, 5],
        [7, 30],
        [100, 0],
      ] as const) {
        const filter = query(q, { limit, offset });
        const want = expected(rows, filter);
        const bound = 4;
        // Walks and windows grown from one decision and from three, a window sized by the count's
        // matches, every match sorted, and as the statistics choose.
        const plans: (PagePlan | undefined)[] = [
          { plan: 'walk', newest: 1 },
          { plan: 'walk', newest: 3 },
          { plan: 'window', newest: 1 },
          { plan: 'window', newest: 3 },
          { plan: 'sample', newest: 0 },
          { plan: 'sort', newest: 0 },
          undefined,
        ];
        for (const plan of plans) {
          const got = await reads.searchDecisions(db, filter, {
            countBound: bound,
            pagePlan: plan,
          });
          const label = `${q} ${limit}/${offset} ${JSON.stringify(plan)}`;
          expect(
            got.rows.map((r) => r.id),
            label,
          ).toEqual(want.slice(offset, offset + limit));
          expect(got.total, label).toBe(Math.min(want.length, bound));
          expect(got.totalIsLowerBound, label).toBe(want.length > bound);
        }
      }
    }
  });

  it('pages past the bound from a window sized by the partitions the count finished', async () => {
    const rows = await allRows();
    for (const q of ['甲', '1', '甲乙', 'a1']) {
      // The first partition's matches: a bound below them stops the count inside it (dense
      // terms), one above makes it finish the first partition (a sample of an eighth) or more.
      const { rows: counted } = await sql<{ n: number }>`
        select count(*)::int as n from disclosure_search_0 s
        where s.lexemes @@ cast(${tsqueryOf(parseQuery(q))} as tsquery)
          and (s.display_until is null or s.display_until >= ${TODAY})`.execute(db);
      const first = counted[0]?.n ?? 0;
      for (const bound of [Math.max(1, first - 1), first + 1, first + 12]) {
        for (const [limit, offset] of [
          [5, 0],
          [5, 10],
          [20, 0],
          [7, 30],
        ] as const) {
          const filter = query(q, { limit, offset });
          const want = expected(rows, filter);
          const got = await reads.searchDecisions(db, filter, {
            countBound: bound,
            pagePlan: { plan: 'sample', newest: 0 },
          });
          const label = `${q} bound ${bound} ${limit}/${offset}`;
          expect(
            got.rows.map((r) => r.id),
            label,
          ).toEqual(want.slice(offset, offset + limit));
          expect(got.total, label).toBe(Math.min(want.length, bound));
        }
      }
    }
  });

  it('follows corrections and display changes through the trigger', async () => {
    const id = randomUUID();
    await db
      .insertInto('disclosure_decisions')
      .values({
        id,
        agency_id: t.ids.agencies.market,
        agency_name: '测试机关',
        doc_no: '测〔2026〕900号',
        doc_no_norm: '测〔2026〕900号',
        category: 'penalty',
        power_name: '测试事项',
        party: '测试当事人',
        party_credit_code: null,
        facts: '旧文字',
        legal_basis: '测试依据',
        result: '测试结果',
        decided_on: '2026-06-01',
        published_at: new Date('2026-06-02T02:00:00Z'),
        status: 'published',
        ledger_index: 0,
        display_until: null,
        display_basis: null,
        search_text: '旧文字的决定',
      })
      .execute();
    const ids = async (q: string) =>
      (await reads.searchDecisions(db, query(q))).rows.map((r) => r.id);
    expect(await ids('旧文字的决定')).toEqual([id]);
    await db
      .updateTable('disclosure_decisions')
      .set({ search_text: '新文字的决定' })
      .where('id', '=', id)
      .execute();
    expect(await ids('旧文字')).toEqual([]);
    expect(await ids('新文字的决定')).toEqual([id]);
    await db
      .updateTable('disclosure_decisions')
      .set({ display_until: '2026-11-20' })
      .where('id', '=', id)
      .execute();
    expect(await ids('新文字')).toEqual([]);
    const search = await db
      .selectFrom('disclosure_search')
      .select(['display_until', 'search_text'])
      .where('decision_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(search).toEqual({ display_until: '2026-11-20', search_text: '新文字的决定' });
  });

  it('rejects a row holding every piece of a long term but not the term', async () => {
    await insertDecision('甲乙丙丁12乙丙丁a', 1001, t.ids.agencies.market);
    const [term] = parseQuery('甲乙丙丁a');
    expect(term?.lexemes).toEqual(['甲乙丙丁', '乙丙丁a']);
    const got = await reads.searchDecisions(db, query('甲乙丙丁a'));
    expect(got.rows.map((r) => r.search_text)).not.toContain('甲乙丙丁12乙丙丁a');
    expect(got.total).toBe(expected(await allRows(), query('甲乙丙丁a')).length);
  });

  it('indexes an empty text and quotes every character a query may hold', async () => {
    const { rows } = await sql<{ lexemes: string }>`
      select disclosure_search_grams('')::text as lexemes`.execute(db);
    expect(rows[0]?.lexemes).toBe('');
    // Brackets become 〔〕 in the normal form, which the stored text is in too.
    const odd = normaliseForSearch(`'\\:*&|!()<>"`);
    await insertDecision(`x${odd}y`, 999, t.ids.agencies.market);
    for (let i = 0; i < odd.length; i++) {
      for (const length of [1, 2, 3, 4, 5]) {
        const q = odd.slice(i, i + length);
        const want = expected(await allRows(), query(q));
        const got = await reads.searchDecisions(db, query(q));
        expect(
          got.rows.map((r) => r.id),
          q,
        ).toEqual(want.slice(0, 100));
        expect(got.total, q).toBe(want.length);
      }
    }
  });
});

describe('choosing how to look for a page past the bound', () => {
  const base = { bound: 10_000, rows: 1_000_000, limit: 20 };
  it('walks for dense matches, looks in a window for rarer ones and samples for deep pages', () => {
    // A first page: three times the decisions the share says hold it; never more than the
    // bound itself implies.
    expect(pagePlan({ ...base, offset: 0, share: 0.5 })).toEqual({ plan: 'walk', newest: 120 });
    expect(pagePlan({ ...base, offset: 0, share: 0.02 })).toEqual({
      plan: 'window',
      newest: 3_000,
    });
    expect(pagePlan({ ...base, offset: 0 })).toEqual({ plan: 'window', newest: 6_000 });
    expect(pagePlan({ ...base, offset: 0, share: 0.0001 })).toEqual({
      plan: 'window',
      newest: 6_000,
    });
    // Deep pages: of a term in 4 % of decisions the window would cover more than a quarter of
    // the table (the database sizes it from the count's matches); of one in 76 % it is a window.
    expect(pagePlan({ ...base, offset: 9_980, share: 0.04 })).toEqual({
      plan: 'sample',
      newest: 0,
    });
    expect(pagePlan({ ...base, offset: 9_980, share: 0.76 })).toEqual({
      plan: 'window',
      newest: 39_474,
    });
    // No statistics: a window from the page itself.
    expect(pagePlan({ ...base, rows: 0, offset: 40 })).toEqual({ plan: 'window', newest: 180 });
  });

  it('estimates the share of the terms from the statistics', async () => {
    await sql`analyze disclosure_search`.execute(db);
    const frequencies = await lexemeFrequencies(db, Date.now() + 10_800_000);
    const [[lexeme, share] = ['', 0]] = [...frequencies.common]
      .filter(([l]) => l.length === 1)
      .sort((a, b) => b[1] - a[1]);
    expect(matchShare(parseQuery(lexeme), frequencies)).toBe(share);
    expect(matchShare(parseQuery(`${lexeme} ${lexeme}`), frequencies)).toBeCloseTo(share * share);
    expect(matchShare(parseQuery(`不在 ${lexeme}`), frequencies)).toBe(0);
    expect(matchShare([], frequencies)).toBeUndefined();
    // The pages past a small bound are the same with the window the statistics choose.
    const got = await reads.searchDecisions(db, query(lexeme, { limit: 5, offset: 50 }), {
      countBound: 4,
    });
    expect(got.totalIsLowerBound).toBe(true);
    expect(got.rows.map((r) => r.id)).toEqual(
      expected(await allRows(), query(lexeme)).slice(50, 55),
    );
  });
});

describe('storage of the search rows', () => {
  it('keeps them narrow: text and grams out of line', async () => {
    // PostgreSQL moves values out of a row only when it passes ~2 KB; the stored grams of a
    // decision make it pass, so its text goes too and counting reads rows of about 120 bytes.
    const heapBytes = async () => {
      const { rows } = await sql<{ bytes: number }>`
        select sum(pg_relation_size(relid))::float8 as bytes
        from pg_partition_tree('disclosure_search') where isleaf`.execute(db);
      return rows[0]?.bytes ?? 0;
    };
    const before = await heapBytes();
    // Six hundred decisions of a realistic length, all different.
    await sql`
      insert into disclosure_decisions (id, agency_id, agency_name, doc_no, doc_no_norm, category,
        power_name, party, party_credit_code, facts, legal_basis, result, decided_on,
        published_at, status, ledger_index, search_text)
      select gen_random_uuid(), ${t.ids.agencies.market}, '测试机关', '测〔2026〕' || g || '号',
        '测〔2026〕' || g || '号', 'penalty', '测试事项', '测试当事人', null, '测试', '测试依据',
        '测试结果', date '2026-06-01', timestamptz '2026-06-02 10:00+08', 'published', 0,
        '薛市监罚〔2026〕' || g || '号|枣庄市薛城区' || g || '商贸有限公司|91370403ma' || g ||
        'x|对经营超过保质期食品的行政处罚|枣庄市薛城区市场监督管理局|执法人员检查发现当事人' ||
        '经营场所内存放超过保质期的食品' || g || '件，货值金额较小。|《中华人民共和国食品安全法》' ||
        '第一百二十四条|罚款人民币' || g || '元'
      from generate_series(1, 600) g`.execute(db);
    // Inline, the text alone would make each row some 500 bytes (the heap grows by pages).
    expect((await heapBytes()) - before).toBeLessThan(600 * 300);
  });
});
