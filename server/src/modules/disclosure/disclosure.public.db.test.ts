// The public open-data API over the demo publications: Chinese substring search (文号 in any
// bracket style, two-character terms, several terms), filters, pagination and totals, CSV,
// HTTP validators, hostile input, credential verification and citizens' correction requests.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { DEMO_PUBLICATIONS as D } from './disclosure.demo.ts';

const t = await createDemoApp();

// Answers are read as a client reads JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function get(url: string, headers: Record<string, string> = {}) {
  const r = await t.app.inject({ url, headers });
  const isJson = String(r.headers['content-type']).startsWith('application/json');
  const body: Json = isJson ? r.json() : r.body;
  return { status: r.statusCode, body, headers: r.headers };
}

async function search(query: string): Promise<{ total: number; ids: string[] }> {
  const r = await get(`/api/public/decisions?${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { total: r.body.total, ids: r.body.items.map((i: { id: string }) => i.id) };
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('search', () => {
  it('finds a 文号 whatever brackets the searcher types', async () => {
    for (const text of [
      '薛市监罚〔2026〕15号',
      '薛市监罚[2026]15号',
      '薛市监罚(2026)15号',
      '薛市监罚（2026）15号',
      '薛市监罚【2026】15号',
      '薛市监罚 〔2026〕15号',
    ]) {
      expect((await search(q(text))).ids, text).toContain(D.marketCompany);
    }
    // Stored as ［2026］, found as 〔2026〕.
    expect((await search(q('薛综执罚〔2026〕7号'))).ids).toEqual([D.urbanPublished]);
    expect((await search(q('薛市监罚〔2026〕16号'))).total).toBe(0);
  });

  it('finds two-character and one-character terms inside words', async () => {
    expect((await search(q('好味'))).ids).toEqual([D.marketCompany]);
    expect((await search(q('鲜果'))).ids).toEqual([D.urbanPublished]);
    expect((await search(q('李某'))).ids).toEqual([D.marketPerson]);
    // The real name was never published, so it cannot be found either.
    expect((await search(q('李建'))).total).toBe(0);
    expect((await search(q('建华'))).total).toBe(0);
    // One character is a term too (every 《中华人民共和国…法》 has 华).
    expect((await search(q('华'))).total).toBe(3);
  });

  it('matches all of several terms, and party, power and text alike', async () => {
    expect((await search(q('标签 罚款'))).ids).toEqual([D.marketCompany]);
    expect((await search(q('标签 占道'))).total).toBe(0);
    expect((await search(q('370403MA3'))).total).toBe(3);
    expect((await search(q('明码标价'))).ids).toContain(D.marketWithdrawn);
  });

  it('filters by agency, category and date, pages, and counts', async () => {
    const urban = await search(`agency=${t.ids.agencies.urban}`);
    expect(urban.ids).toEqual([D.urbanPublished]);
    expect((await search('category=permit')).total).toBe(0);
    const all = await search('');
    expect(all.total).toBe(5);
    const from = await search('from=2026-11-01&to=2026-11-30');
    expect(from.ids.sort()).toEqual([D.marketCompany, D.marketRestaurant, D.urbanPublished].sort());
    const pages = await Promise.all([1, 2, 3].map((p) => search(`pageSize=2&page=${p}`)));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.ids).sort()).toEqual([...all.ids].sort());
  });

  it('lists a withdrawn decision with its withdrawal, and answers it by id', async () => {
    const r = await get(`/api/public/decisions/${D.marketWithdrawn}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'withdrawn',
      docNo: '薛市监罚〔2026〕9号',
      withdrawal: { reason: '经行政复议，该行政处罚决定被依法撤销' },
    });
    expect(JSON.stringify(r.body)).not.toContain('便民超市');
    expect(
      (await get('/api/public/decisions/00000000-0000-4000-8000-000000000000')).body.code,
    ).toBe('DISCLOSURE_NOT_FOUND');
  });
});

describe('open data', () => {
  it('answers CSV when asked, with a BOM, a header and one line per item', async () => {
    const r = await get('/api/public/decisions?pageSize=100', { accept: 'text/csv' });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toBe('text/csv; charset=utf-8');
    const text = String(r.body);
    expect(text.startsWith('\uFEFF决定书文号') || text.startsWith('\uFEFF标识')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(6);
    expect(text).toContain('薛市监罚〔2026〕15号');
    for (const url of ['/api/public/agencies', '/api/public/officers', '/api/public/powers']) {
      const csv = await get(url, { accept: 'text/csv' });
      expect(String(csv.headers['content-type']), url).toContain('text/csv');
      expect(String(csv.body).split('\r\n').length, url).toBeGreaterThan(2);
    }
  });

  it('sends an ETag and answers 304 to a client that has the answer', async () => {
    const first = await get('/api/public/decisions');
    const etag = String(first.headers.etag);
    expect(String(first.headers['cache-control'])).toMatch(/public, max-age=\d+/);
    const again = await t.app.inject({
      url: '/api/public/decisions',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const csv = await get('/api/public/decisions', { accept: 'text/csv' });
    expect(csv.headers.etag).not.toBe(etag);
  });

  it('takes hostile input without a 5xx and with bounded work', async () => {
    // [query, status, total]: control characters are dropped, so a NUL alone searches nothing.
    const cases: [string, number, number?][] = [
      [q("' OR 1=1 --"), 200, 0],
      [q('%'), 200, 0],
      [q('_'), 200, 0],
      [q('\u0000'), 200, 5],
      [q('🙂🙂'), 200, 0],
      [q('a'.repeat(101)), 400],
      ['page=101', 400],
      ['pageSize=1000', 400],
      ['page=-1', 400],
      ['from=2026-02-30', 400],
      ['from=2026-12-01&to=2026-01-01', 400],
      ['agency=not-a-uuid', 400],
      ['category=secret', 400],
      ['sort=id', 400],
    ];
    for (const [query, status, total] of cases) {
      const r = await get(`/api/public/decisions?${query}`);
      expect(r.status, query).toBe(status);
      if (status === 200) expect(r.body.total, query).toBe(total);
      else expect(r.body.message, query).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('lists officers and verifies credentials without anything private', async () => {
    const officers = await get(`/api/public/officers?q=${encodeURIComponent('王建国')}`);
    expect(officers.body.items).toEqual([
      expect.objectContaining({ name: '王建国', credentialNo: '37040320001', validity: 'valid' }),
    ]);
    expect(JSON.stringify(officers.body)).not.toMatch(/13906321001|370403198503/);
    const credential = await get('/api/public/credentials/37040320001');
    expect(credential.body).toMatchObject({
      name: '王建国',
      validity: 'valid',
      validityLabel: '有效',
    });
    expect((await get('/api/public/credentials/00000000')).body.code).toBe('CREDENTIAL_NOT_FOUND');
  });

  it('lists agencies, powers, service guides and random-check items of one agency', async () => {
    const market = t.ids.agencies.market;
    expect((await get('/api/public/agencies')).body.total).toBeGreaterThanOrEqual(4);
    const powers = await get(`/api/public/powers?agency=${market}`);
    expect(powers.body.total).toBeGreaterThan(0);
    expect(powers.body.items[0].legalBasis.length).toBeGreaterThan(0);
    const guides = await get(`/api/public/service-guides?agency=${market}`);
    expect(guides.status).toBe(200);
    const checks = await get(`/api/public/random-check-items?agency=${market}`);
    expect(checks.body.total).toBeGreaterThan(0);
  });
});

describe('correction requests from the public', () => {
  it('gives a tracking number, keeps the contact private, and shows the written answer', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/public/correction-requests',
      payload: {
        decisionId: D.marketCompany,
        name: '刘某',
        contact: '13812345678',
        content: '违法所得金额应为3000元。',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    // 薛城区: 及时, in writing — no date is invented.
    const { id, dueBy } = created.json<{ id: string; dueBy: string | null }>();
    expect(id).toMatch(/^GZ\d{8}-[0-9A-Z]{8}$/);
    expect(dueBy).toBeNull();
    const tracked = await get(`/api/public/correction-requests/${id}`);
    expect(tracked.body).toMatchObject({ id, status: 'open', rule: '及时' });
    expect(JSON.stringify(tracked.body)).not.toContain('13812345678');

    const head = await t.login('head1');
    const list = await get(
      `/api/agencies/${t.ids.agencies.market}/correction-requests?status=open`,
      {
        cookie: head,
      },
    );
    const mine = (list.body as { trackingNo: string; id: string; requesterContact: string }[]).find(
      (r) => r.trackingNo === id,
    );
    expect(mine?.requesterContact).toBe('13812345678');
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/correction-requests/${mine?.id ?? ''}/answer`,
      headers: { cookie: head },
      payload: { outcome: 'rejected', answer: '经核实，违法所得金额无误。' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await get(`/api/public/correction-requests/${id}`)).body).toMatchObject({
      status: 'answered',
      outcome: 'rejected',
      answer: '经核实，违法所得金额无误。',
    });
    expect((await get('/api/public/correction-requests/GZ20261121-ZZZZZZZZ')).status).toBe(404);
  });
});
