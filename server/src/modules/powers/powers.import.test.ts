import { describe, expect, it } from 'vitest';
import {
  POWER_COLUMNS,
  POWER_SHEET,
  RANDOM_CHECK_COLUMNS,
  RANDOM_CHECK_SHEET,
} from './powers.columns.ts';
import type { Sheet } from './powers.file.ts';
import { planImport, type ImportContext } from './powers.import.ts';

const ctx: ImportContext = {
  unitIdsByName: new Map([['执法稽查科', 'unit-1']]),
  powerStatusByCode: new Map([
    ['OLD-1', 'active'],
    ['GONE-1', 'repealed'],
  ]),
  randomCheckStatusByCode: new Map(),
};

function sheet(name: string, rows: string[][], firstRow = 1): Sheet {
  return {
    name,
    rows: rows.map((cells, index) => ({
      number: firstRow + index,
      cells,
      cellErrors: new Map(),
    })),
  };
}

const HEADER = [
  '事项编码*',
  '事项名称*',
  '类别*',
  '法律依据*',
  '承办机构',
  '法定时限',
  '承诺时限',
  '裁量基准',
];
const GOOD = [
  'A-1',
  '对不明码标价的行政处罚',
  '处罚',
  '《中华人民共和国价格法》第四十二条',
  '执法稽查科',
  '90日',
  '',
  '一般|首次|0-5000',
];

describe('planImport', () => {
  it('turns good rows into powers', () => {
    const plan = planImport([sheet(POWER_SHEET, [HEADER, GOOD])], ctx);
    expect(plan.issues).toEqual([]);
    expect(plan.powers).toEqual([
      {
        row: 2,
        code: 'A-1',
        content: {
          name: '对不明码标价的行政处罚',
          category: 'penalty',
          handlingUnitId: 'unit-1',
          legalBasis: [{ law: '中华人民共和国价格法', article: '第四十二条' }],
          procedureSteps: [],
          timeLimit: { statutory: { amount: 90, unit: 'days' } },
          discretionBenchmarks: [
            { circumstance: '一般', description: '首次', penalty: { minYuan: 0, maxYuan: 5000 } },
          ],
          serviceGuide: null,
          lawAreas: [],
        },
      },
    ]);
  });

  it('reads the law areas (执法领域) the officers’ credentials must cover', () => {
    const plan = planImport(
      [
        sheet(POWER_SHEET, [
          [...HEADER, '执法领域'],
          [...GOOD, '价格监管、市场监管；价格监管'],
        ]),
      ],
      ctx,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.powers[0]?.content.lawAreas).toEqual(['价格监管', '市场监管']);
    const tooLong = planImport(
      [
        sheet(POWER_SHEET, [
          [...HEADER, '执法领域'],
          [...GOOD, '领'.repeat(51)],
        ]),
      ],
      ctx,
    );
    expect(tooLong.issues.map((i) => [i.column, i.reason])).toEqual([
      ['执法领域', '每个执法领域不超过 50 字'],
    ]);
  });

  it('reports header problems and reads no rows then', () => {
    const plan = planImport(
      [sheet(POWER_SHEET, [['事项编码', '事项名称', '事项名称', '备注'], GOOD])],
      ctx,
    );
    expect(plan.powers).toEqual([]);
    expect(plan.issues).toEqual([
      { sheet: POWER_SHEET, row: 1, column: '事项名称', reason: '列名重复' },
      { sheet: POWER_SHEET, row: 1, column: '备注', reason: '无法识别的列名，请使用模板中的列名' },
      { sheet: POWER_SHEET, row: 1, column: '类别', reason: '缺少必填列' },
      { sheet: POWER_SHEET, row: 1, column: '法律依据', reason: '缺少必填列' },
    ]);
  });

  it('collects every problem of every row with its row number and column', () => {
    const rows = [
      HEADER,
      GOOD,
      ['A-1', '', '确认', '价格法第四十二条', '不存在的科', '三个月', '', '轻微|a|5000-200'],
      ['GONE-1', '名称', '处罚', '《中华人民共和国价格法》第四十二条', '', '20日', '30日', ''],
      ['坏 编码', '名称', '其他', '《中华人民共和国价格法》第四十二条', '', '', '', ''],
    ];
    const plan = planImport([sheet(POWER_SHEET, rows)], ctx);
    expect(plan.powers.map((p) => p.code)).toEqual(['A-1']);
    expect(plan.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [3, '事项编码', '与第 2 行的事项编码重复'],
      [3, '事项名称', '必填，不能为空'],
      [3, '类别', expect.stringContaining('类别“确认”无法识别')],
      [3, '法律依据', expect.stringContaining('书名号')],
      [3, '承办机构', '“不存在的科”不是本执法主体的内设机构'],
      [3, '法定时限', expect.stringContaining('换算为日')],
      [4, '事项编码', '该编码的事项已废止，不能通过导入恢复，请使用新的编码'],
      [4, '承诺时限', '承诺时限不能超过法定时限'],
      [5, '事项编码', '只能包含字母、数字及 - _ .，且以字母或数字开头'],
    ]);
  });

  it('checks rules on rows whose cells could be read, without repeating cell problems', () => {
    const rows = [
      HEADER,
      ['B-1', '名称', '处罚', '《中华人民共和国价格法》第四十二条', '', '', '', '轻微|a|5000-200'],
    ];
    const plan = planImport([sheet(POWER_SHEET, rows)], ctx);
    expect(plan.issues).toEqual([
      {
        sheet: POWER_SHEET,
        row: 2,
        column: '裁量基准',
        reason: '第1条裁量基准的最低罚款（5000元）高于最高罚款（200元）',
      },
    ]);
  });

  it('requires a full service guide for permits and for any row that starts one', () => {
    const header = [
      ...HEADER,
      '受理机构',
      '审批机构',
      '受理条件',
      '申请材料',
      '收费标准',
      '监督方式',
      '救济渠道',
      '办公时间',
      '办公地址',
      '咨询电话',
    ];
    const guide = [
      '窗口',
      '区市场监管局',
      '条件',
      '申请书\n营业执照',
      '不收费',
      '监督电话',
      '复议或诉讼',
      '工作日',
      '地址',
      '0632-4412315',
    ];
    const rows = [
      header,
      [
        'P-1',
        '食品经营许可',
        '许可',
        '《中华人民共和国食品安全法》第三十五条',
        '',
        '',
        '10个工作日',
        '',
        ...guide,
      ],
      ['P-2', '某许可', '许可', '《中华人民共和国食品安全法》第三十五条', '', '', '10个工作日', ''],
      [
        'P-3',
        '某检查',
        '检查',
        '《中华人民共和国食品安全法》第一百一十条',
        '',
        '',
        '',
        '',
        '窗口',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '12345678',
      ],
    ];
    const plan = planImport([sheet(POWER_SHEET, rows)], ctx);
    expect(plan.powers.map((p) => p.code)).toEqual(['P-1']);
    expect(plan.powers[0]?.content.serviceGuide?.materials).toEqual(['申请书', '营业执照']);
    const byRow = (row: number) => plan.issues.filter((i) => i.row === row).map((i) => i.column);
    expect(byRow(3)).toEqual([
      '受理机构',
      '审批机构',
      '受理条件',
      '申请材料',
      '监督方式',
      '救济渠道',
      '办公时间',
      '办公地址',
      '咨询电话',
    ]);
    expect(plan.issues.find((i) => i.row === 3)?.reason).toBe('行政许可事项必须填写服务指南的此项');
    // 受理机构 started a guide, so the rest is required; the phone is there but malformed.
    expect(byRow(4)).toEqual([
      '审批机构',
      '受理条件',
      '申请材料',
      '监督方式',
      '救济渠道',
      '办公时间',
      '办公地址',
      '咨询电话',
    ]);
    expect(plan.issues.at(-1)?.reason).toContain('电话号码格式不正确');
  });

  it('reads random-check items and checks their power codes against the file and the system', () => {
    const checkHeader = [
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
    const check = (code: string, powerCode: string, ratio = '不低于5%') => [
      code,
      '检查',
      powerCode,
      '依据',
      '主体',
      '内容',
      '现场检查',
      ratio,
      '每年1次',
    ];
    const plan = planImport(
      [
        sheet(POWER_SHEET, [HEADER, GOOD]),
        sheet(RANDOM_CHECK_SHEET, [
          checkHeader,
          check('C-1', 'A-1'),
          check('C-2', 'OLD-1', '按计划'),
          check('C-3', 'GONE-1'),
          check('C-4', 'NOPE'),
          check('C-1', '', '200%'),
        ]),
      ],
      ctx,
    );
    expect(plan.randomCheckItems.map((c) => [c.code, c.powerCode, c.content.ratioPercent])).toEqual(
      [
        ['C-1', 'A-1', 5],
        ['C-2', 'OLD-1', null],
      ],
    );
    expect(plan.issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      [RANDOM_CHECK_SHEET, 4, '对应权力事项编码'],
      [RANDOM_CHECK_SHEET, 5, '对应权力事项编码'],
      [RANDOM_CHECK_SHEET, 6, '事项编码'],
      [RANDOM_CHECK_SHEET, 6, '抽查比例'],
    ]);
  });

  it("imports the template's own examples", () => {
    const powerSheet = sheet(POWER_SHEET, [
      POWER_COLUMNS.map((c) => c.header),
      POWER_COLUMNS.map((c) => c.example),
    ]);
    const checkSheet = sheet(RANDOM_CHECK_SHEET, [
      RANDOM_CHECK_COLUMNS.map((c) => c.header),
      RANDOM_CHECK_COLUMNS.map((c) => c.example),
    ]);
    const plan = planImport([powerSheet, checkSheet], {
      ...ctx,
      powerStatusByCode: new Map([['XC-SCJG-JC-001', 'active']]),
    });
    expect(plan.issues).toEqual([]);
    expect(plan.powers[0]?.content.discretionBenchmarks).toHaveLength(2);
    expect(plan.randomCheckItems[0]?.content.ratioPercent).toBe(5);
  });

  it('reads a renamed single sheet as the powers sheet', () => {
    const plan = planImport([sheet('Sheet1', [HEADER, GOOD])], ctx);
    expect(plan.powers).toHaveLength(1);
  });

  it('reports spreadsheet error values in cells', () => {
    const bad = sheet(POWER_SHEET, [HEADER, GOOD]);
    bad.rows[1]?.cellErrors.set(1, '#N/A');
    const plan = planImport([bad], ctx);
    expect(plan.powers).toEqual([]);
    expect(plan.issues).toEqual([
      {
        sheet: POWER_SHEET,
        row: 2,
        column: '事项名称',
        reason: '单元格含有错误值 #N/A，请填写实际内容',
      },
    ]);
  });
});
