// Bulk import through the API: all rows or none, every problem listed with its row, upsert by
// code, dry runs, and refusal of files that are not what they claim to be.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { POWER_SHEET, RANDOM_CHECK_SHEET } from './powers.columns.ts';
import { XLSX_MEDIA_TYPE } from './powers.file.ts';

const t = await createDemoApp();
const { market, urban } = t.ids.agencies;
const officer1 = await t.login('officer1');
const admin = await t.login('admin');

const POWER_HEADER = [
  '事项编码*',
  '事项名称*',
  '类别*',
  '法律依据*',
  '承办机构',
  '办理流程',
  '法定时限',
  '承诺时限',
  '裁量基准',
];
const CHECK_HEADER = [
  '事项编码',
  '抽查事项名称',
  '对应权力事项编码',
  '抽查依据',
  '检查主体',
  '检查内容',
  '检查方式',
  '抽查比例',
  '抽查频次',
];

function powerRow(
  code: string,
  overrides: Partial<Record<'name' | 'category' | 'basis' | 'benchmarks', string>> = {},
) {
  return [
    code,
    overrides.name ?? `导入测试事项${code}`,
    overrides.category ?? '处罚',
    overrides.basis ?? '《中华人民共和国价格法》第十三条、第四十二条',
    '执法稽查科',
    '立案→调查取证→告知→决定→送达（7个工作日）→执行',
    '90日',
    '',
    overrides.benchmarks ?? '轻微|首次违法|0-1000\n一般|经责令后改正|1000-3000',
  ];
}

async function xlsx(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

function upload(
  agencyId: string,
  body: Buffer | string,
  contentType: string,
  query = '',
  cookie = admin,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/agencies/${agencyId}/powers/import${query}`,
    headers: { cookie, 'content-type': contentType },
    payload: body,
  });
}

/** GBK bytes of a text, by inverting Node's GB18030 decoder over the two-byte range. */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes = [...text].flatMap((char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) return [code];
    const pair = table.get(char);
    if (!pair) throw new Error(`no GBK code for ${char}`);
    return pair;
  });
  return Buffer.from(bytes);
}

async function counts() {
  const count = async (table: 'powers' | 'random_check_items' | 'ledger_entries') => {
    const row = await t.handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    powers: await count('powers'),
    checks: await count('random_check_items'),
    ledger: await count('ledger_entries'),
  };
}

describe('importing powers', () => {
  it('refuses a workbook with a bad row, lists every problem by row and writes nothing', async () => {
    const before = await counts();
    const file = await xlsx({
      [POWER_SHEET]: [
        POWER_HEADER,
        powerRow('IMP-1'),
        powerRow('IMP-2', { category: '确认', basis: '价格法第十三条' }),
        [],
        powerRow('IMP-1', { benchmarks: '严重|拒不改正|5000-3000' }),
      ],
      [RANDOM_CHECK_SHEET]: [
        CHECK_HEADER,
        ['IMP-SJ-1', '检查', 'NO-SUCH', '依据', '主体', '内容', '现场检查', '5%', '每年1次'],
      ],
    });
    const response = await upload(market, file, XLSX_MEDIA_TYPE);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.message).toContain('5 个问题');
    expect(body.details).toEqual([
      {
        sheet: POWER_SHEET,
        row: 3,
        column: '类别',
        reason: expect.stringContaining('“确认”无法识别'),
      },
      { sheet: POWER_SHEET, row: 3, column: '法律依据', reason: expect.stringContaining('书名号') },
      { sheet: POWER_SHEET, row: 5, column: '事项编码', reason: '与第 2 行的事项编码重复' },
      {
        sheet: POWER_SHEET,
        row: 5,
        column: '裁量基准',
        reason: expect.stringContaining('最低罚款（5000元）高于最高罚款（3000元）'),
      },
      {
        sheet: RANDOM_CHECK_SHEET,
        row: 2,
        column: '对应权力事项编码',
        reason: expect.stringContaining('NO-SUCH'),
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports a workbook with both sheets in one change record, linking items to new powers', async () => {
    const before = await counts();
    const file = await xlsx({
      [POWER_SHEET]: [POWER_HEADER, powerRow('IMP-1'), powerRow('IMP-2', { category: '检查' })],
      [RANDOM_CHECK_SHEET]: [
        CHECK_HEADER,
        [
          'IMP-SJ-1',
          '明码标价检查',
          'IMP-2',
          '《中华人民共和国价格法》第十三条',
          '区市场监管局',
          '标价情况',
          '现场检查',
          '不低于5%',
          '每年1次',
        ],
      ],
    });
    const response = await upload(market, file, XLSX_MEDIA_TYPE);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      dryRun: false,
      format: 'xlsx',
      powers: { created: ['IMP-1', 'IMP-2'], updated: [], unchanged: [] },
      randomCheckItems: { created: ['IMP-SJ-1'], updated: [], unchanged: [] },
    });
    expect(await counts()).toEqual({
      powers: before.powers + 2,
      checks: before.checks + 1,
      ledger: before.ledger + 1,
    });
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ kind: 'powers.imported', agency_id: market, subject_id: market });
    expect(entry.payload).toMatchObject({
      format: 'xlsx',
      powers: { created: ['IMP-1', 'IMP-2'] },
      fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const list = await t.app.inject({
      url: `/api/agencies/${market}/random-check-items?q=IMP-SJ`,
      headers: { cookie: admin },
    });
    expect(list.json().items[0].power.code).toBe('IMP-2');
    const powers = await t.app.inject({
      url: `/api/agencies/${market}/powers?q=IMP-1`,
      headers: { cookie: admin },
    });
    expect(powers.json().items[0]).toMatchObject({
      handlingUnit: { name: '执法稽查科' },
      timeLimit: { statutory: { amount: 90, unit: 'days' } },
      procedureSteps: expect.arrayContaining([
        { name: '送达', timeLimit: { amount: 7, unit: 'working_days' } },
      ]),
    });
  });

  it('imports CSV, leaves identical rows alone and updates changed ones (upsert by code)', async () => {
    const rows = [POWER_HEADER, powerRow('CSV-1'), powerRow('CSV-2')];
    const first = await upload(market, csv(rows), 'text/csv; charset=utf-8');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().powers.created).toEqual(['CSV-1', 'CSV-2']);

    const changed = [POWER_HEADER, powerRow('CSV-1'), powerRow('CSV-2', { name: '改名后的事项' })];
    // Excel on Chinese Windows saves CSV in GBK; the importer reads it all the same.
    const gbk = encodeGbk(csv(changed));
    expect(gbk.includes(Buffer.from('改名', 'utf8'))).toBe(false);
    const second = await upload(market, gbk, 'text/csv');
    expect(second.json().powers).toEqual({ created: [], updated: ['CSV-2'], unchanged: ['CSV-1'] });

    const list = await t.app.inject({
      url: `/api/agencies/${market}/powers?q=CSV-`,
      headers: { cookie: admin },
    });
    expect(
      list
        .json()
        .items.map((p: { code: string; version: number; name: string }) => [
          p.code,
          p.version,
          p.name,
        ]),
    ).toEqual([
      ['CSV-1', 1, '导入测试事项CSV-1'],
      ['CSV-2', 2, '改名后的事项'],
    ]);
  });

  it('validates without writing on a dry run', async () => {
    const before = await counts();
    const response = await upload(
      market,
      csv([POWER_HEADER, powerRow('DRY-1'), powerRow('CSV-1')]),
      'text/csv',
      '?dryRun=true',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: true,
      powers: { created: ['DRY-1'], unchanged: ['CSV-1'] },
    });
    expect(await counts()).toEqual(before);
    const bad = await upload(
      market,
      csv([POWER_HEADER, powerRow('DRY-2', { category: '' })]),
      'text/csv',
      '?dryRun=true',
    );
    expect(bad.json().details).toEqual([
      { sheet: POWER_SHEET, row: 2, column: '类别', reason: '必填，不能为空' },
    ]);
  });

  it('refuses a code that was repealed', async () => {
    const list = await t.app.inject({
      url: `/api/agencies/${market}/powers?q=CSV-1`,
      headers: { cookie: admin },
    });
    const id = list.json().items[0].id;
    await t.app.inject({
      method: 'POST',
      url: `/api/powers/${id}/repeal`,
      headers: { cookie: admin },
      payload: { reason: '测试' },
    });
    const response = await upload(market, csv([POWER_HEADER, powerRow('CSV-1')]), 'text/csv');
    expect(response.json().details[0]).toMatchObject({
      row: 2,
      column: '事项编码',
      reason: expect.stringContaining('已废止'),
    });
  });

  it('refuses files that are not what they claim, empty files and oversize bodies', async () => {
    const notZip = await upload(market, Buffer.from('事项编码\nA\n'), XLSX_MEDIA_TYPE);
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json()).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      message: expect.stringContaining('XLSX'),
    });

    const xls = await upload(
      market,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'application/octet-stream',
    );
    expect(xls.json().message).toContain('.xls');

    const json = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${market}/powers/import`,
      headers: { cookie: admin },
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const pdf = await upload(market, Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(pdf.statusCode).toBe(415);

    expect((await upload(market, csv([POWER_HEADER]), 'text/csv')).json().code).toBe(
      'IMPORT_EMPTY',
    );

    const huge = await upload(market, Buffer.alloc(6 * 1024 * 1024, 0x41), 'text/csv');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('BODY_TOO_LARGE');

    const tooMany = csv([
      POWER_HEADER,
      ...Array.from({ length: 2001 }, (_, i) => powerRow(`MANY-${i}`)),
    ]);
    const many = await upload(market, tooMany, 'text/csv');
    expect(many.statusCode).toBe(422);
    expect(many.json().code).toBe('IMPORT_TOO_MANY_ROWS');
  });

  it('lets only administrators of the agency import', async () => {
    const file = csv([POWER_HEADER, powerRow('SCOPE-1')]);
    const officer = await upload(market, file, 'text/csv', '', officer1);
    expect(officer.json().code).toBe('FORBIDDEN');
    const other = await upload(
      urban,
      csv([POWER_HEADER, [...powerRow('SCOPE-1').slice(0, 4), '执法一中队']]),
      'text/csv',
    );
    expect(other.statusCode, other.body).toBe(200);
  });
});

describe('the import template', () => {
  it('is an XLSX workbook that imports once filled in', async () => {
    const response = await t.app.inject({
      url: '/api/powers/import-template',
      headers: { cookie: officer1 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(response.headers['content-disposition']).toContain('filename*=UTF-8');
    const template = response.rawPayload;

    const empty = await upload(market, template, XLSX_MEDIA_TYPE);
    expect(empty.json().code).toBe('IMPORT_EMPTY');

    const workbook = new ExcelJS.Workbook();
    const copy = new Uint8Array(template);
    await workbook.xlsx.load(copy.buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      POWER_SHEET,
      RANDOM_CHECK_SHEET,
      '填写说明',
    ]);
    const sheet = workbook.getWorksheet(POWER_SHEET);
    if (!sheet) throw new Error('no powers sheet');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const cell = (header: string) => headers.findIndex((h) => h.replace('*', '') === header) + 1;
    const row = sheet.getRow(2);
    row.getCell(cell('事项编码')).value = 'TPL-XK-1';
    row.getCell(cell('事项名称')).value = '食品经营许可（模板导入）';
    row.getCell(cell('类别')).value = '许可';
    row.getCell(cell('法律依据')).value = '《中华人民共和国食品安全法》第三十五条第一款';
    row.getCell(cell('法定时限')).value = '10个工作日';
    row.getCell(cell('承诺时限')).value = '5个工作日';
    const guide: Record<string, string> = {
      受理机构: '区政务服务中心',
      审批机构: '枣庄市薛城区市场监督管理局',
      受理条件: '具有与经营的食品品种、数量相适应的经营场所',
      申请材料: '食品经营许可申请书\n营业执照',
      监督方式: '监督电话 0632-4412345',
      救济渠道: '行政复议或者行政诉讼',
      办公时间: '工作日 9:00-17:00',
      办公地址: '枣庄市薛城区黄河路 188 号',
      咨询电话: '0632-4412315',
    };
    for (const [header, value] of Object.entries(guide)) row.getCell(cell(header)).value = value;
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const imported = await upload(market, filled, XLSX_MEDIA_TYPE);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().powers.created).toEqual(['TPL-XK-1']);
    const power = await t.app.inject({
      url: `/api/agencies/${market}/powers?q=TPL-XK-1`,
      headers: { cookie: admin },
    });
    expect(power.json().items[0].serviceGuide).toMatchObject({
      materials: ['食品经营许可申请书', '营业执照'],
      phone: '0632-4412315',
    });
  });
});
