// The portal over the demo data: every page answers 200 with its Chinese content, no private
// data, HTTP validators (ETag → 304), HTML error pages for bad input, and an Atom feed.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { DEMO_INSPECTIONS, DEMO_PUBLICATIONS as D } from '../disclosure/disclosure.demo.ts';
import { findPrivateData } from '../disclosure/disclosure.redact.ts';

const t = await createDemoApp();

async function page(url: string, headers: Record<string, string> = {}) {
  const r = await t.app.inject({ url, headers });
  return { status: r.statusCode, body: r.body, headers: r.headers };
}

function expectHtml(r: { status: number; body: string; headers: Record<string, unknown> }) {
  expect(r.status, r.body.slice(0, 300)).toBe(200);
  expect(String(r.headers['content-type'])).toMatch(/^text\/html; charset=utf-8/);
  expect(r.body).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
  expect(r.body).toContain('<main id="main">');
  expect(r.body).not.toMatch(/<script/i);
  expect(findPrivateData(r.body)).toEqual([]);
}

describe('portal pages', () => {
  it('renders the home page with search, agencies and the latest decisions', async () => {
    const r = await page('/');
    expectHtml(r);
    expect(r.body).toContain('<label for="q">');
    expect(r.body).toContain('枣庄市薛城区市场监督管理局');
    expect(r.body).toContain('薛市监罚〔2026〕15号');
  });

  it('searches decisions by 文号 in any bracket style and filters by category', async () => {
    const r = await page(
      `/decisions?q=${encodeURIComponent('薛市监罚[2026]15号')}&agency=&category=penalty`,
    );
    expectHtml(r);
    expect(r.body).toContain('共找到 1 条');
    expect(r.body).toContain('枣庄市薛城区好味道食品有限公司');
    const none = await page('/decisions?category=permit');
    expect(none.body).toContain('共找到 0 条');
  });

  it('shows a decision with its verification links, and a withdrawn one with its notice', async () => {
    const r = await page(`/decisions/${D.marketCompany}`);
    expectHtml(r);
    expect(r.body).toContain('罚款人民币20,000元');
    expect(r.body).toMatch(/\/api\/ledger\/proof\/inclusion\?index=\d+&amp;treeSize=\d+/);
    expect(r.body).toContain(`/api/public/decisions/${D.marketCompany}/record`);
    const withdrawn = await page(`/decisions/${D.marketWithdrawn}`);
    expectHtml(withdrawn);
    expect(withdrawn.body).toContain('本决定信息已撤下');
    expect(withdrawn.body).toContain('经行政复议，该行政处罚决定被依法撤销');
    expect(withdrawn.body).not.toContain('便民超市');
  });

  it('masks the natural person everywhere', async () => {
    const r = await page(`/decisions/${D.marketPerson}`);
    expectHtml(r);
    expect(r.body).toContain('李某某');
    expect(r.body).not.toContain('李建华');
    expect(r.body).not.toContain('和谐家园');
  });

  it('shows an agency’s pre-disclosure page with officers, powers and a flow chart', async () => {
    const r = await page(`/agencies/${t.ids.agencies.market}`);
    expectHtml(r);
    for (const text of [
      '执法人员',
      '王建国',
      '37040320001',
      '权力清单与流程图',
      '办理流程图',
      '随机抽查事项',
      '救济与监督',
      '枣庄市薛城区司法局',
    ]) {
      expect(r.body, text).toContain(text);
    }
    // Officers' phone numbers and ID numbers are never read, let alone shown.
    expect(r.body).not.toContain('13906321001');
  });

  it('verifies a credential, and answers an unknown one with a Chinese error page', async () => {
    const r = await page('/verify/37040320001');
    expectHtml(r);
    expect(r.body).toContain('证件有效');
    expect(r.body).toContain('王建国');
    const form = await page('/verify?no=37040320002');
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe('/verify/37040320002');
    const unknown = await page('/verify/99999999999', { accept: 'text/html' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('未查询到该执法证件');
  });

  it('answers bad input with HTML error pages, never 5xx', async () => {
    for (const url of [
      '/decisions?page=0',
      '/decisions?page=99999',
      '/decisions?from=2026-13-45',
      '/decisions?agency=x%27%20or%201=1',
      '/decisions?unknown=1',
      `/decisions?q=${'查'.repeat(500)}`,
      '/decisions/not-a-uuid',
      '/agencies/00000000-0000-4000-8000-000000000000',
    ]) {
      const r = await page(url, { accept: 'text/html,application/xhtml+xml' });
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(r.status, url).toBeLessThan(500);
      expect(r.body, url).toContain('<html lang="zh-CN">');
      // Clients that do not ask for HTML get the API's refusal.
      const json = await page(url);
      expect(json.status, url).toBe(r.status);
      expect(JSON.parse(json.body), url).toMatchObject({ code: expect.any(String) as string });
    }
  });

  it('sends validators and answers 304 when the page has not changed', async () => {
    const first = await page('/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(String(first.headers['cache-control'])).toContain('max-age=');
    const again = await page('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('publishes an Atom feed of the newest decisions', async () => {
    const r = await page('/feed.atom');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('application/atom+xml');
    expect(r.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(r.body).toContain(`urn:uuid:${D.marketCompany}`);
    expect(r.body).toContain('【已撤下】');
    expect(findPrivateData(r.body)).toEqual([]);
  });

  it('renders last year’s statistics and the inspection page, refuses bad years', async () => {
    const r = await page('/reports/annual', { accept: 'text/html' });
    expectHtml(r);
    expect(r.body).toContain('2025年度行政执法统计数据');
    expect(r.body).toContain('<label for="year">');
    expect(r.body).toContain('罚款金额（元）');
    expect(r.body).toContain('应于 2026-01-31 前公开');
    const bad = await page('/reports/annual?year=2030', { accept: 'text/html' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('年度应为 2020 至 2025');
    expectHtml(await page(`/inspections/${DEMO_INSPECTIONS.marketCode}`));
  });
});
