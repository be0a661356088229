// 亮证 and 扫码入企 end to end: a credential's QR code (staff and public, SVG and PNG) opens its
// verification page; a 双随机 inspection gets a public code once planned, whose page shows the
// agency, officers and basis before the visit and the result after it, published through the
// pipeline within 薛城区's 20 working days (附件1 第十四条), with the redacted party only.
import QRCode from 'qrcode';
import { describe, expect, it, vi } from 'vitest';

// Each test drives several cases through the API; a shared, busy machine needs time.
vi.setConfig({ testTimeout: 120_000 });
import { withCreditCodeCheck } from '../../shared/validators.ts';
import { company, createScenario, record } from '../cases/workflows/scenario.test-support.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { DEMO_INSPECTIONS } from './disclosure.demo.ts';
import { findPrivateData } from './disclosure.redact.ts';

const s = await createScenario('2026-09-28');
const t = s.t;
const party = company('枣庄市薛城区某超市', withCreditCodeCheck('92370403MA3U4G7H3'));

// Answers are read as a client reads JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function get(url: string, headers: Record<string, string> = {}) {
  const r = await t.app.inject({ url, headers });
  return {
    status: r.statusCode,
    type: String(r.headers['content-type']),
    body: r.body,
    raw: r.rawPayload,
  };
}

async function codeOf(caseId: string) {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/disclosure/inspections/${caseId}/code`,
    headers: { cookie: s.cookies.officer1 },
  });
  return { status: r.statusCode, body: r.json<Json>() };
}

describe('credential QR codes (亮证)', () => {
  it('draws the verification URL as SVG and PNG for staff and on the public page', async () => {
    const svg = await get('/api/disclosure/credentials/37040320001/qr', {
      cookie: s.cookies.officer1,
    });
    expect(svg.status).toBe(200);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('<svg');
    const expected = await QRCode.toString('http://localhost:80/verify/37040320001', {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    expect(svg.body).toBe(expected);
    const png = await get('/api/disclosure/credentials/37040320001/qr?format=png', {
      cookie: s.cookies.officer1,
    });
    expect(png.type).toBe('image/png');
    expect(png.raw.subarray(1, 4).toString()).toBe('PNG');
    expect((await get('/api/disclosure/credentials/37040320001/qr')).status).toBe(401);
    expect(
      (await get('/api/disclosure/credentials/NOPE-1/qr', { cookie: s.cookies.officer1 })).status,
    ).toBe(404);

    const page = await get('/verify/37040320001', { accept: 'text/html' });
    expect(page.body).toContain('src="/verify/37040320001/qr.svg"');
    const publicSvg = await get('/verify/37040320001/qr.svg');
    expect(publicSvg.status).toBe(200);
    expect(publicSvg.body).toBe(expected);
    expect((await get('/verify/37040320001/qr.png')).raw.subarray(1, 4).toString()).toBe('PNG');
    expect((await get('/verify/NOPE-1/qr.svg')).status).toBe(404);
  });
});

describe('inspection codes (扫码入企)', () => {
  it('shows who comes on what basis, then publishes the result within 20 working days', async () => {
    s.setToday('2026-09-28');
    const c = await s.newCase(
      'inspection',
      'random',
      s.power('XC-SCJG-JC-001'),
      [party],
      'random_check',
    );
    // Before it is planned the officers may already ask for the code.
    const early = await codeOf(c.id);
    expect(early.status, JSON.stringify(early.body)).toBe(200);
    expect(early.body.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(early.body.url).toBe(`http://localhost:80/inspections/${early.body.code}`);
    expect(early.body.svg).toContain('<svg');
    const code: string = early.body.code;

    await s.done(
      c.id,
      'officer1',
      'record_selection',
      {
        randomCheckItemId: demoRecordId('randomCheckItem', s.market, 'XC-SCJG-SJ-001'),
        taskName: '2026年第四季度食品经营者双随机抽查',
        drawnOn: '2026-09-28',
        method: 'system',
        entityPoolSize: 420,
        entitiesDrawn: 21,
        officerPoolSize: 12,
        drawnOfficerIds: [s.officer1, s.officer2],
        recordRef: 'SJ-2026-Q4-0001',
      },
      'planned',
    );
    expect((await codeOf(c.id)).body.code).toBe(code);
    const before = await get(`/api/public/inspections/${code}`);
    expect(before.status).toBe(200);
    const planned = JSON.parse(before.body);
    expect(planned).toMatchObject({
      agency: expect.stringContaining('市场监督管理局'),
      procedure: '“双随机、一公开”抽查',
      result: 'pending',
      stage: '待检查',
      plannedOn: '2026-09-28',
      items: ['2026年第四季度食品经营者双随机抽查'],
      resultText: null,
    });
    const shown = (planned.officers as { credentialNo: string }[]).map((o) => o.credentialNo);
    expect(shown.sort()).toEqual(['37040320001', '37040320002']);
    expect(planned.legalBasis).toMatch(/《.+》/);

    s.setToday('2026-09-29');
    await s.avExemption(c.id, 'record_inspection');
    await s.done(
      c.id,
      'officer1',
      'record_inspection',
      {
        inspectedOn: '2026-09-29',
        ...record(s.officersShown),
        credentialForm: 'electronic',
        itemsChecked: ['食品经营许可证公示', '进货查验记录'],
        result: 'normal',
      },
      'inspected',
    );
    const after = JSON.parse((await get(`/api/public/inspections/${code}`)).body);
    // Tue 29 Sep + 20 working days across 中秋/国庆 (1–7 Oct off, Sat 10 Oct on) = Mon 2 Nov.
    expect(after).toMatchObject({
      result: 'normal',
      stage: '检查完毕，未发现问题',
      inspectedOn: '2026-09-29',
      resultText: '检查结果正常，未发现问题',
      resultDueOn: '2026-11-02',
    });
    expect(after.resultDecisionId).toMatch(/^[0-9a-f-]{36}$/);
    const decision = JSON.parse(
      (await get(`/api/public/decisions/${after.resultDecisionId}`)).body,
    );
    expect(decision).toMatchObject({ category: 'inspection', decidedOn: '2026-09-29' });
    const queue = await t.handle.db
      .selectFrom('disclosure_queue')
      .innerJoin('deadlines', 'deadlines.id', 'disclosure_queue.deadline_id')
      .select(['disclosure_queue.rule_key', 'deadlines.status'])
      .where('disclosure_queue.case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(queue).toEqual({ rule_key: 'disclosure.inspectionResults', status: 'met' });

    const page = await get(`/inspections/${code}`, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('王建国');
    expect(page.body).toContain('/verify/37040320001');
    expect(page.body).toContain(`/decisions/${after.resultDecisionId}`);
    expect(page.body).toContain(`/inspections/${code}/qr.svg`);
    expect(findPrivateData(page.body)).toEqual([]);
    expect((await get(`/inspections/${code}/qr.svg`)).body).toContain('<svg');

    // Each change is one ledger entry of public data.
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .select('kind')
      .where('subject_id', '=', code)
      .execute();
    expect(entries.map((e) => e.kind)).toEqual([
      'disclosure.inspection_published',
      'disclosure.inspection_updated',
      'disclosure.inspection_updated',
    ]);
  });

  it('refuses unknown codes, other kinds of case and other agencies', async () => {
    expect((await get('/api/public/inspections/ABCDEFGHJK')).status).toBe(404);
    expect((await get('/api/public/inspections/abc%27--')).status).toBe(400);
    expect((await get('/inspections/x', { accept: 'text/html' })).status).toBe(404);
    const penalty = await s.newCase('penalty', 'summary', s.power('XC-SCJG-CF-001'), [party]);
    const refused = await codeOf(penalty.id);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INSPECTION_CASE_REQUIRED');
    const officer3 = await t.login('officer3');
    const c = await s.newCase('inspection', 'routine', s.power('XC-SCJG-JC-001'), [party]);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/disclosure/inspections/${c.id}/code`,
      headers: { cookie: officer3 },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('demo inspections', () => {
  it('has a planned check for each agency with its code', async () => {
    const done = JSON.parse(
      (await get(`/api/public/inspections/${DEMO_INSPECTIONS.marketCode}`)).body,
    );
    expect(done).toMatchObject({ result: 'pending', plannedOn: '2026-11-20', stage: '待检查' });
    const planned = JSON.parse(
      (await get(`/api/public/inspections/${DEMO_INSPECTIONS.urbanCode}`)).body,
    );
    expect(planned).toMatchObject({ result: 'pending', stage: '待检查', resultDecisionId: null });
  });
});
