import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import {
  assertUnzippedSizeWithinLimit,
  cellText,
  CSV_MEDIA_TYPE,
  decodeText,
  detectFormat,
  readSheets,
  XLSX_MEDIA_TYPE,
} from './powers.file.ts';
import { POWER_SHEET, RANDOM_CHECK_SHEET } from './powers.columns.ts';
import { buildImportTemplate } from './powers.template.ts';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('detectFormat', () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const text = Buffer.from('事项编码,事项名称\n', 'utf8');

  it('trusts the bytes, not only the declared type', () => {
    expect(detectFormat(zip, XLSX_MEDIA_TYPE)).toBe('xlsx');
    expect(detectFormat(text, CSV_MEDIA_TYPE)).toBe('csv');
    expect(detectFormat(zip, 'application/octet-stream')).toBe('xlsx');
    expect(detectFormat(text, 'application/vnd.ms-excel')).toBe('csv');
  });

  it('refuses a declared XLSX that is not a ZIP, and a CSV that is one', () => {
    expect(refusal(() => detectFormat(text, XLSX_MEDIA_TYPE)).code).toBe('IMPORT_FILE_INVALID');
    expect(refusal(() => detectFormat(zip, CSV_MEDIA_TYPE)).message).toContain('声明为 CSV');
  });

  it('explains that .xls must be saved as .xlsx', () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect(refusal(() => detectFormat(xls, XLSX_MEDIA_TYPE)).message).toContain('.xls');
  });

  it('refuses an empty body', () => {
    expect(refusal(() => detectFormat(Buffer.alloc(0), CSV_MEDIA_TYPE)).code).toBe('IMPORT_EMPTY');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 and, failing that, GB18030 as Excel on Chinese Windows writes it', () => {
    expect(decodeText(Buffer.from('权力事项', 'utf8'))).toBe('权力事项');
    // 权力 in GBK
    expect(decodeText(Buffer.from([0xc8, 0xa8, 0xc1, 0xa6]))).toBe('权力');
  });

  it('refuses binary content', () => {
    expect(refusal(() => decodeText(Buffer.from([0x41, 0x00, 0x42]))).code).toBe(
      'IMPORT_FILE_INVALID',
    );
  });
});

describe('CSV rows', () => {
  it('numbers records as a spreadsheet shows them, skipping blank ones', async () => {
    const csv = '\uFEFF事项编码,事项名称\r\nA,"两行\n名称"\r\n,\r\n\r\nB,乙\r\n';
    const [sheet] = await readSheets(Buffer.from(csv, 'utf8'), 'csv');
    expect(sheet?.name).toBe(POWER_SHEET);
    expect(sheet?.rows.map((r) => [r.number, r.cells])).toEqual([
      [1, ['事项编码', '事项名称']],
      [2, ['A', '两行\n名称']],
      [5, ['B', '乙']],
    ]);
  });

  it('reports an unclosed quote with a Chinese message', async () => {
    await expect(readSheets(Buffer.from('a,"b\n', 'utf8'), 'csv')).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
    });
  });
});

describe('cellText', () => {
  it('normalises every kind of value exceljs produces', () => {
    expect(cellText(null)).toEqual({ text: '', error: null });
    expect(cellText('  文本\u3000')).toEqual({ text: '文本', error: null });
    expect(cellText(124)).toEqual({ text: '124', error: null });
    expect(cellText(true)).toEqual({ text: '是', error: null });
    expect(cellText(new Date(Date.UTC(2026, 0, 2)))).toEqual({ text: '2026-01-02', error: null });
    expect(cellText({ richText: [{ text: '《价格法》' }, { text: '第十三条' }] }).text).toBe(
      '《价格法》第十三条',
    );
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' }).text).toBe('链接');
    expect(cellText({ formula: 'A1&B1', result: 'XC-001' }).text).toBe('XC-001');
    expect(cellText({ sharedFormula: 'A1', result: 7 }).text).toBe('7');
    expect(cellText({ error: '#N/A' })).toEqual({ text: '', error: '#N/A' });
  });
});

describe('XLSX sheets', () => {
  it('reads named sheets with their real row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(POWER_SHEET);
    sheet.getCell('A1').value = '事项编码';
    sheet.getCell('B1').value = { richText: [{ text: '事项' }, { text: '名称' }] };
    sheet.getCell('A3').value = { formula: '"X"&"1"', result: 'X1' };
    sheet.getCell('B3').value = { error: '#REF!' };
    workbook.addWorksheet(RANDOM_CHECK_SHEET).getCell('A1').value = '事项编码';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheets = await readSheets(bytes, 'xlsx');
    expect(sheets.map((s) => s.name)).toEqual([POWER_SHEET, RANDOM_CHECK_SHEET]);
    const rows = sheets[0]?.rows ?? [];
    expect(rows.map((r) => [r.number, r.cells])).toEqual([
      [1, ['事项编码', '事项名称']],
      [3, ['X1', '']],
    ]);
    expect(rows[1]?.cellErrors.get(1)).toBe('#REF!');
  });

  it('refuses a damaged archive', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    await expect(readSheets(bytes, 'xlsx')).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
  });

  it('refuses an archive declaring more than the unzipped limit', async () => {
    const bytes = await buildImportTemplate();
    expect(() => assertUnzippedSizeWithinLimit(bytes)).not.toThrow();
    // Inflate the declared size of the first central-directory entry to 4 GB - 2.
    const tampered = Buffer.from(bytes);
    const eocd = tampered.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = tampered.readUInt32LE(eocd + 16);
    tampered.writeUInt32LE(0xfffffffe, central + 24);
    expect(refusal(() => assertUnzippedSizeWithinLimit(tampered)).message).toContain('解压后过大');
  });
});
