// Reads an uploaded import file into plain sheets of text cells. The file's bytes decide what it
// is, not its name or declared type alone: an XLSX is a ZIP archive, a CSV is text in UTF-8 or
// (as Excel on Chinese Windows saves it) GB18030. Everything that can go wrong with the bytes is
// refused here with a Chinese reason; nothing here knows what the columns mean.
import ExcelJS from 'exceljs';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../shared/errors.ts';
import { IMPORT_MAX_ROWS, IMPORT_MAX_UNZIPPED_BYTES, POWER_SHEET } from './powers.columns.ts';
import { normaliseCellText } from './powers.cells.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv';
/** Types a browser or script may send for a file it cannot name; the bytes decide. */
export const SNIFFED_MEDIA_TYPES = ['application/octet-stream', 'application/vnd.ms-excel'];
export const IMPORT_MEDIA_TYPES = [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, ...SNIFFED_MEDIA_TYPES];

export type ImportFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  number: number;
  cells: string[];
  /** Cells holding an error value (#N/A, #REF! …), by column index. */
  cellErrors: Map<number, string>;
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function invalid(message: string): AppError {
  return new AppError('IMPORT_FILE_INVALID', { message });
}

/** Which reader the file needs, from its declared media type and its first bytes. */
export function detectFormat(bytes: Buffer, mediaType: string): ImportFormat {
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY');
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw invalid('不支持 Excel 97-2003（.xls）格式，请在表格软件中另存为 .xlsx 后导入');
  }
  const isZip = startsWith(bytes, ZIP_MAGIC);
  if (mediaType === XLSX_MEDIA_TYPE) {
    if (!isZip) throw invalid('文件内容不是有效的 XLSX 文件，请使用系统提供的模板');
    return 'xlsx';
  }
  if (mediaType === CSV_MEDIA_TYPE && isZip) {
    throw invalid('文件内容是 XLSX（或其他压缩文件），却声明为 CSV，请以 XLSX 类型上传');
  }
  return isZip ? 'xlsx' : 'csv';
}

export async function readSheets(bytes: Buffer, format: ImportFormat): Promise<Sheet[]> {
  return format === 'xlsx' ? readXlsx(bytes) : [{ name: POWER_SHEET, rows: readCsv(bytes) }];
}

export function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw invalid('文件内容不是文本，无法作为 CSV 读取');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Chinese Windows saves "CSV (逗号分隔)" in the ANSI code page, i.e. GBK.
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw invalid('CSV 文件的文字编码无法识别，请保存为 UTF-8 编码');
    }
  }
}

function readCsv(bytes: Buffer): SheetRow[] {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      relax_column_count: true,
      // Empty lines are kept so that record numbers stay the row numbers a user sees.
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw invalid(`CSV 文件格式错误${line ? `（第 ${line} 行附近）` : ''}：请检查引号是否成对`);
    }
    throw error;
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => normaliseCellText(cell) === '')) return;
    rows.push({ number: index + 1, cells: cells.map(normaliseCellText), cellErrors: new Map() });
  });
  return capRows(POWER_SHEET, rows);
}

async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
  assertUnzippedSizeWithinLimit(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); hand it an exact copy of the bytes.
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(arrayBuffer as ArrayBuffer);
  } catch {
    throw invalid('XLSX 文件已损坏或无法读取，请用表格软件重新保存后导入');
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      const cellErrors = new Map<number, string>();
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        const { text, error } = cellText(cell.value);
        cells[columnNumber - 1] = text;
        if (error) cellErrors.set(columnNumber - 1, error);
      });
      const filled = Array.from(cells, (cell) => cell ?? '');
      if (filled.every((cell) => cell === '') && cellErrors.size === 0) return;
      rows.push({ number: row.number, cells: filled, cellErrors });
    });
    return { name: worksheet.name.trim(), rows: capRows(worksheet.name, rows) };
  });
}

function capRows(sheet: string, rows: SheetRow[]): SheetRow[] {
  // The header is one of the rows.
  if (rows.length - 1 > IMPORT_MAX_ROWS) {
    throw new AppError('IMPORT_TOO_MANY_ROWS', {
      message: `工作表“${sheet}”超过 ${IMPORT_MAX_ROWS} 行数据，请分批导入`,
    });
  }
  return rows;
}

/**
 * The text of a cell whatever exceljs made of it: shared strings, rich text, hyperlinks,
 * formulas (their cached result), numbers, dates and booleans.
 */
export function cellText(value: ExcelJS.CellValue): { text: string; error: string | null } {
  if (value === null || value === undefined) return { text: '', error: null };
  if (typeof value === 'string') return { text: normaliseCellText(value), error: null };
  if (typeof value === 'number') return { text: String(value), error: null };
  if (typeof value === 'boolean') return { text: value ? '是' : '否', error: null };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), error: null };
  if ('error' in value) return { text: '', error: String(value.error) };
  if ('richText' in value) {
    return { text: normaliseCellText(value.richText.map((run) => run.text).join('')), error: null };
  }
  if ('hyperlink' in value) {
    // exceljs may hand a hyperlink's text over as rich text.
    return cellText(value.text);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText(value.result ?? null);
  }
  return { text: '', error: '无法识别的单元格内容' };
}

/**
 * Sums the uncompressed sizes the ZIP's central directory declares and refuses an archive that
 * would unpack beyond the limit (a ZIP bomb) before exceljs inflates anything. ZIP64 archives
 * are refused: a template-sized workbook never needs them.
 */
export function assertUnzippedSizeWithinLimit(bytes: Buffer): void {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw invalid('XLSX 文件已损坏或无法读取，请用表格软件重新保存后导入');
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw invalid('XLSX 文件已损坏或无法读取，请用表格软件重新保存后导入');
    }
    const size = bytes.readUInt32LE(offset + 24);
    if (size === 0xffffffff) throw invalid('XLSX 文件过大，请分批导入');
    total += size;
    if (total > IMPORT_MAX_UNZIPPED_BYTES) throw invalid('XLSX 文件解压后过大，请分批导入');
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset--) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  return -1;
}
