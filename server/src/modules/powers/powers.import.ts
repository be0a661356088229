// Turns the sheets of an import file into powers and random-check items, or into the complete
// list of problems: every bad cell of every row, with the row number the user sees and the
// column's header. Pure: what it needs from the database arrives in ImportContext.
import { isValidPhone } from '../../shared/validators.ts';
import {
  parseBenchmarks,
  parseCategory,
  parseDuration,
  parseLawAreas,
  parseLegalBasis,
  parseList,
  parseProcedureSteps,
  parseRatio,
  type CellResult,
} from './powers.cells.ts';
import {
  GUIDE_REQUIRED_KEYS,
  INSTRUCTIONS_SHEET,
  POWER_COLUMNS,
  POWER_SHEET,
  RANDOM_CHECK_COLUMNS,
  RANDOM_CHECK_SHEET,
  type ColumnSpec,
  type PowerColumnKey,
  type RandomCheckColumnKey,
} from './powers.columns.ts';
import type { Sheet, SheetRow } from './powers.file.ts';
import { powerContentIssues, type PowerContent, type RandomCheckContent } from './powers.rules.ts';
import { CODE_PATTERN, LIMITS, type ImportIssue, type ServiceGuide } from './powers.schemas.ts';

export interface ImportContext {
  unitIdsByName: ReadonlyMap<string, string>;
  /** Status of the agency's existing powers and random-check items, by code. */
  powerStatusByCode: ReadonlyMap<string, 'active' | 'repealed'>;
  randomCheckStatusByCode: ReadonlyMap<string, 'active' | 'repealed'>;
}

export interface ImportedPower {
  row: number;
  code: string;
  content: PowerContent;
}

export interface ImportedRandomCheck {
  row: number;
  code: string;
  powerCode: string | null;
  content: RandomCheckContent;
}

export interface ImportPlan {
  powers: ImportedPower[];
  randomCheckItems: ImportedRandomCheck[];
  issues: ImportIssue[];
}

const codePattern = new RegExp(CODE_PATTERN);

export function planImport(sheets: Sheet[], ctx: ImportContext): ImportPlan {
  const plan: ImportPlan = { powers: [], randomCheckItems: [], issues: [] };
  let powerSheet = sheets.find((s) => s.name === POWER_SHEET);
  const randomSheet = sheets.find((s) => s.name === RANDOM_CHECK_SHEET);
  // A workbook whose sheet was renamed (Sheet1) is read as a powers sheet, rather than refused.
  if (!powerSheet && !randomSheet) {
    powerSheet = sheets.find((s) => s.name !== INSTRUCTIONS_SHEET && s.rows.length > 0);
  }
  const fileCodes = new Set<string>();
  if (powerSheet) planPowers(powerSheet, ctx, plan, fileCodes);
  if (randomSheet) planRandomChecks(randomSheet, ctx, plan, fileCodes);
  return plan;
}

/** Reads one sheet's header and yields a cell reader per data row; header problems stop it. */
class SheetReader<K extends string> {
  readonly ok: boolean;
  private readonly indexByKey = new Map<K, number>();
  private readonly specByKey = new Map<K, ColumnSpec<K>>();

  constructor(
    readonly sheet: Sheet,
    columns: ColumnSpec<K>[],
    private readonly issues: ImportIssue[],
  ) {
    const header = sheet.rows[0];
    const before = issues.length;
    if (!header) {
      this.ok = false;
      return;
    }
    for (const spec of columns) this.specByKey.set(spec.key, spec);
    const byHeader = new Map(columns.map((c) => [c.header, c]));
    header.cells.forEach((raw, index) => {
      const text = raw.replace(/[*＊\s]|[（(]必填[)）]/g, '');
      if (text === '') return;
      const spec = byHeader.get(text);
      if (!spec) {
        this.issue(header.number, raw, '无法识别的列名，请使用模板中的列名');
      } else if (this.indexByKey.has(spec.key)) {
        this.issue(header.number, raw, '列名重复');
      } else {
        this.indexByKey.set(spec.key, index);
      }
    });
    for (const spec of columns) {
      if (spec.required && !this.indexByKey.has(spec.key)) {
        this.issue(header.number, spec.header, '缺少必填列');
      }
    }
    this.ok = issues.length === before;
  }

  get dataRows(): SheetRow[] {
    return this.sheet.rows.slice(1);
  }

  issue(row: number, column: string, reason: string): void {
    this.issues.push({ sheet: this.sheet.name, row, column, reason });
  }

  header(key: K): string {
    return this.specByKey.get(key)?.header ?? key;
  }

  cell(row: SheetRow, key: K): string {
    const index = this.indexByKey.get(key);
    return index === undefined ? '' : (row.cells[index] ?? '');
  }

  /** The row's cells holding spreadsheet error values (#N/A, #REF! …), by column. */
  errorCells(row: SheetRow): [K, string][] {
    return [...this.indexByKey].flatMap(([key, index]) => {
      const error = row.cellErrors.get(index);
      return error ? [[key, error] as [K, string]] : [];
    });
  }
}

/** Collects a row's problems and remembers which columns had one. */
class RowCheck<K extends string> {
  readonly badColumns = new Set<K>();

  constructor(
    private readonly reader: SheetReader<K>,
    readonly row: SheetRow,
  ) {
    for (const [key, error] of reader.errorCells(row)) {
      this.issue(key, `单元格含有错误值 ${error}，请填写实际内容`);
    }
  }

  get hasIssues(): boolean {
    return this.badColumns.size > 0;
  }

  issue(key: K, reason: string): void {
    this.badColumns.add(key);
    this.reader.issue(this.row.number, this.reader.header(key), reason);
  }

  text(key: K, options: { required: boolean; max: number }): string {
    const value = this.reader.cell(this.row, key);
    if (value === '' && options.required) this.issue(key, '必填，不能为空');
    if (value.length > options.max) this.issue(key, `不能超过 ${options.max} 个字符`);
    return value;
  }

  parsed<T>(key: K, result: CellResult<T>): T | undefined {
    if (result.ok) return result.value;
    for (const reason of result.reasons) this.issue(key, reason);
    return undefined;
  }

  code(
    key: K,
    seen: Map<string, number>,
    existing: ReadonlyMap<string, 'active' | 'repealed'>,
  ): string | undefined {
    const code = this.text(key, { required: true, max: LIMITS.code });
    if (code === '' || code.length > LIMITS.code) return undefined;
    if (!codePattern.test(code)) {
      this.issue(key, '只能包含字母、数字及 - _ .，且以字母或数字开头');
      return undefined;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      this.issue(key, `与第 ${earlier} 行的事项编码重复`);
      return undefined;
    }
    seen.set(code, this.row.number);
    if (existing.get(code) === 'repealed') {
      this.issue(key, '该编码的事项已废止，不能通过导入恢复，请使用新的编码');
    }
    return code;
  }
}

// Which column a rule's field belongs to, for reporting the rules of powers.rules.ts.
const RULE_FIELD_COLUMNS = {
  timeLimit: 'statutoryLimit',
  'timeLimit.promised': 'promisedLimit',
  legalBasis: 'legalBasis',
  discretionBenchmarks: 'benchmarks',
} as const;

function planPowers(sheet: Sheet, ctx: ImportContext, plan: ImportPlan, fileCodes: Set<string>) {
  const reader = new SheetReader(sheet, POWER_COLUMNS, plan.issues);
  if (!reader.ok) return;
  const seen = new Map<string, number>();
  for (const row of reader.dataRows) {
    const check = new RowCheck(reader, row);
    const code = check.code('code', seen, ctx.powerStatusByCode);
    if (code) fileCodes.add(code);
    const name = check.text('name', { required: true, max: LIMITS.name });
    const categoryText = check.text('category', { required: true, max: 20 });
    const category = categoryText
      ? check.parsed('category', parseCategory(categoryText))
      : undefined;
    const basisText = check.text('legalBasis', { required: true, max: LIMITS.text });
    const legalBasis = basisText ? check.parsed('legalBasis', parseLegalBasis(basisText)) : [];

    const unitName = check.text('handlingUnit', { required: false, max: LIMITS.name });
    const handlingUnitId = unitName ? ctx.unitIdsByName.get(unitName) : undefined;
    if (unitName && !handlingUnitId) {
      check.issue('handlingUnit', `“${unitName}”不是本执法主体的内设机构`);
    }
    const steps = check.parsed(
      'procedureSteps',
      parseProcedureSteps(check.text('procedureSteps', { required: false, max: LIMITS.text })),
    );
    const statutory = check.parsed(
      'statutoryLimit',
      parseDuration(reader.cell(row, 'statutoryLimit')),
    );
    const promised = check.parsed(
      'promisedLimit',
      parseDuration(reader.cell(row, 'promisedLimit')),
    );
    const benchmarks = check.parsed(
      'benchmarks',
      parseBenchmarks(check.text('benchmarks', { required: false, max: LIMITS.text * 4 })),
    );
    const serviceGuide = readServiceGuide(check, reader, category === 'permit');
    const lawAreas = check.parsed(
      'lawAreas',
      parseLawAreas(check.text('lawAreas', { required: false, max: LIMITS.text })),
    );

    // The rules need the parts they relate; a row with a bad code is still checked in full.
    if (!category || !legalBasis || !steps || !benchmarks || !lawAreas) continue;
    if (statutory === undefined || promised === undefined || serviceGuide === undefined) continue;
    const content: PowerContent = {
      name,
      category,
      handlingUnitId: handlingUnitId ?? null,
      legalBasis,
      procedureSteps: steps,
      timeLimit: {
        ...(statutory ? { statutory } : {}),
        ...(promised ? { promised } : {}),
      },
      discretionBenchmarks: benchmarks,
      serviceGuide,
      lawAreas,
    };
    for (const issue of powerContentIssues(content)) {
      const root = issue.field.split('.')[0] ?? '';
      const key =
        RULE_FIELD_COLUMNS[issue.field as keyof typeof RULE_FIELD_COLUMNS] ??
        RULE_FIELD_COLUMNS[root as keyof typeof RULE_FIELD_COLUMNS];
      // The service guide's columns were checked one by one above.
      if (key && !check.badColumns.has(key)) check.issue(key, issue.reason);
    }
    if (code && !check.hasIssues) plan.powers.push({ row: row.number, code, content });
  }
}

/** The guide, null when the row has none, undefined when its columns have problems. */
function readServiceGuide(
  check: RowCheck<PowerColumnKey>,
  reader: SheetReader<PowerColumnKey>,
  isPermit: boolean,
): ServiceGuide | null | undefined {
  const row = check.row;
  const guideKeys: PowerColumnKey[] = [...GUIDE_REQUIRED_KEYS, 'fee'];
  const hasAny = guideKeys.some((key) => reader.cell(row, key) !== '');
  if (!hasAny && !isPermit) return null;
  const before = check.badColumns.size;
  for (const key of GUIDE_REQUIRED_KEYS) {
    if (reader.cell(row, key) === '') {
      check.issue(
        key,
        isPermit ? '行政许可事项必须填写服务指南的此项' : '已填写服务指南，此项也须填写',
      );
    }
  }
  const short = (key: PowerColumnKey) =>
    check.text(key, { required: false, max: LIMITS.shortText });
  const materials = parseList(check.text('materials', { required: false, max: LIMITS.text * 4 }));
  if (materials.some((m) => m.length > LIMITS.shortText)) {
    check.issue('materials', `每项申请材料不能超过 ${LIMITS.shortText} 个字符`);
  }
  if (materials.length > LIMITS.materials) {
    check.issue('materials', `申请材料最多 ${LIMITS.materials} 项`);
  }
  const phone = reader.cell(row, 'phone');
  if (phone && !isValidPhone(phone)) {
    check.issue('phone', '电话号码格式不正确，如 0632-4412315 或 12315');
  }
  const guide: ServiceGuide = {
    acceptingBody: short('acceptingBody'),
    approvingBody: short('approvingBody'),
    conditions: check.text('conditions', { required: false, max: LIMITS.text }),
    materials,
    supervision: short('supervision'),
    remedy: short('remedy'),
    officeHours: short('officeHours'),
    address: short('address'),
    phone,
  };
  const fee = short('fee');
  if (fee) guide.fee = fee;
  return check.badColumns.size > before ? undefined : guide;
}

function planRandomChecks(
  sheet: Sheet,
  ctx: ImportContext,
  plan: ImportPlan,
  powerCodesInFile: ReadonlySet<string>,
) {
  const reader = new SheetReader(sheet, RANDOM_CHECK_COLUMNS, plan.issues);
  if (!reader.ok) return;
  const seen = new Map<string, number>();
  for (const row of reader.dataRows) {
    const check = new RowCheck(reader, row);
    const code = check.code('code', seen, ctx.randomCheckStatusByCode);
    const required = (key: RandomCheckColumnKey, max: number) =>
      check.text(key, { required: true, max });
    const name = required('name', LIMITS.name);
    const basis = required('basis', LIMITS.text);
    const subject = required('subject', LIMITS.shortText);
    const content = required('content', LIMITS.text);
    const method = required('method', LIMITS.shortText);
    const frequency = required('frequency', LIMITS.shortText);
    const ratioText = check.text('ratio', { required: false, max: LIMITS.shortText });
    const ratio = check.parsed('ratio', parseRatio(ratioText));

    const powerCode = check.text('powerCode', { required: false, max: LIMITS.code });
    if (powerCode && !powerCodesInFile.has(powerCode)) {
      const status = ctx.powerStatusByCode.get(powerCode);
      if (status === undefined) {
        check.issue('powerCode', `权力事项编码“${powerCode}”既不在本文件中，也不在系统中`);
      } else if (status === 'repealed') {
        check.issue('powerCode', `权力事项“${powerCode}”已废止`);
      }
    }
    if (!code || !ratio || check.hasIssues) continue;
    plan.randomCheckItems.push({
      row: row.number,
      code,
      powerCode: powerCode || null,
      content: {
        name,
        basis,
        subject,
        content,
        method,
        ratioPercent: ratio.percent,
        ratioText: ratio.text,
        frequency,
      },
    });
  }
}
