// Annual statistics: generated in January from the year's case and disclosure data, frozen with
// a ledger entry, due by the profile's 31 January, readable as JSON, CSV and XLSX.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { XLSX_TYPE } from './disclosure.http.ts';

const now = new Date('2027-01-15T10:00:00+08:00');
const t = await createDemoApp({ clock: () => now });
const head1 = await t.login('head1');
const market = t.ids.agencies.market;

describe('annual statistics', () => {
  it('counts last year’s cases, penalties, amounts and publications of the agency', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${market}/annual-reports`,
      headers: { cookie: head1 },
      payload: { year: 2026 },
    });
    expect(r.statusCode, r.body).toBe(201);
    const report = r.json<{ dueOn: string; isLate: boolean; figures: Record<string, number> }>();
    expect(report.dueOn).toBe('2027-01-31');
    expect(report.isLate).toBe(false);
    // The demo district: four decided penalties of 市场监管局 (one withdrawn after 复议), and the
    // case under investigation filed in March.
    expect(report.figures).toMatchObject({
      casesFiled: 5,
      'decisions.penalty': 4,
      'penalties.fine': 4,
      'penalties.warning': 1,
      'penalties.confiscation': 1,
      fineTotalYuan: 35200,
      confiscationTotalYuan: 3500,
      published: 4,
      withdrawn: 1,
      publishedLate: 0,
      correctionRequests: 1,
      correctionRequestsAnswered: 0,
    });

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${market}/annual-reports`,
      headers: { cookie: head1 },
      payload: { year: 2026 },
    });
    expect(again.json<{ code: string }>().code).toBe('ANNUAL_REPORT_EXISTS');
    const current = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${market}/annual-reports`,
      headers: { cookie: head1 },
      payload: { year: 2027 },
    });
    expect(current.json<{ code: string }>().code).toBe('ANNUAL_REPORT_YEAR_INVALID');
  });

  it('publishes the figures as JSON, CSV and XLSX', async () => {
    const json = await t.app.inject({
      url: `/api/public/reports/annual?year=2026&agency=${market}`,
    });
    expect(json.json<{ items: { agency: string }[] }>().items).toEqual([
      expect.objectContaining({ agency: '枣庄市薛城区市场监督管理局' }),
    ]);
    const missing = await t.app.inject({
      url: `/api/public/reports/annual?year=2026&agency=${t.ids.agencies.urban}`,
    });
    expect(missing.json<{ code: string }>().code).toBe('ANNUAL_REPORT_NOT_PUBLISHED');

    const csv = await t.app.inject({
      url: '/api/public/reports/annual?year=2026',
      headers: { accept: 'text/csv' },
    });
    expect(csv.body).toContain('罚款金额（元）');
    expect(csv.body).toContain('35200');

    const xlsx = await t.app.inject({
      url: '/api/public/reports/annual?year=2026',
      headers: { accept: XLSX_TYPE },
    });
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('执法主体');
    expect(sheet?.getRow(2).getCell(1).value).toBe('枣庄市薛城区市场监督管理局');
  });
});
