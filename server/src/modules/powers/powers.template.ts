// The import template (XLSX): the 权力事项 and 随机抽查事项 sheets with their headers (required
// ones marked *, each with a note explaining the cell syntax), a drop-down for the category, and
// a 填写说明 sheet with every column's rules and an example. Generated from powers.columns.ts so
// that the template and the importer cannot drift apart.
import ExcelJS from 'exceljs';
import {
  IMPORT_MAX_ROWS,
  INSTRUCTIONS_SHEET,
  POWER_COLUMNS,
  POWER_SHEET,
  RANDOM_CHECK_COLUMNS,
  RANDOM_CHECK_SHEET,
  type ColumnSpec,
} from './powers.columns.ts';
import { POWER_CATEGORIES, POWER_CATEGORY_SHORT_LABELS } from './powers.schemas.ts';

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};

function addDataSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: ColumnSpec<K>[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = HEADER_FILL;
    cell.note = `${column.help}\n例：${column.example}`;
  });
  return sheet;
}

interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '三项制度信息系统';

  const powers = addDataSheet(workbook, POWER_SHEET, POWER_COLUMNS);
  const categoryColumn = POWER_COLUMNS.findIndex((c) => c.key === 'category') + 1;
  const choices = POWER_CATEGORIES.map((c) => POWER_CATEGORY_SHORT_LABELS[c]).join(',');
  // One validation for the whole column range: exceljs's per-cell validations come out as
  // overlapping ranges, which Excel reports as damaged content. Its typings omit this API.
  const column = powers.getColumn(categoryColumn).letter;
  (powers as unknown as WithDataValidations).dataValidations.add(
    `${column}2:${column}${IMPORT_MAX_ROWS + 1}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choices}"`],
      showErrorMessage: true,
      errorTitle: '类别',
      error: `请选择：${choices}`,
    },
  );
  addDataSheet(workbook, RANDOM_CHECK_SHEET, RANDOM_CHECK_COLUMNS);

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [
    { header: '工作表', width: 14 },
    { header: '列名', width: 18 },
    { header: '必填', width: 6 },
    { header: '填写要求', width: 60 },
    { header: '示例', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [sheet, columns] of [
    [POWER_SHEET, POWER_COLUMNS],
    [RANDOM_CHECK_SHEET, RANDOM_CHECK_COLUMNS],
  ] as const) {
    for (const c of columns as ColumnSpec<string>[]) {
      const row = help.addRow([sheet, c.header, c.required ? '是' : '', c.help, c.example]);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  help.addRow([]);
  for (const line of [
    '表头须在第 1 行；列的顺序可以调整，列名须与模板一致（可带 *）。',
    `每个工作表最多 ${IMPORT_MAX_ROWS} 行数据。空行会被跳过。`,
    '导入时先校验全部行：任何一行有问题，都不会导入任何数据，并列出每个问题所在的行号、列名和原因。',
    '事项编码已存在的，以本文件内容更新该事项（版本号加一）；内容相同的不作改动。已废止的编码不能再导入。',
    '类别为“许可”的事项必须填写服务指南各列（收费标准可省略）以及法定时限或承诺时限。',
    'CSV 文件只能导入“权力事项”一个表，列与本模板相同，编码为 UTF-8 或 GBK。',
  ]) {
    help.addRow(['说明', line]).getCell(2).alignment = { wrapText: true };
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
