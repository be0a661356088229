// Parsers for the cells of the import template. Each takes the text of one cell and returns the
// value or every reason (in Chinese) why the cell cannot be read, so that a user fixing a sheet
// sees all problems at once. The mini-syntax is documented in the template's 填写说明 sheet
// (powers.columns.ts) and in the module README.
import {
  LIMITS,
  POWER_CATEGORIES,
  POWER_CATEGORY_LABELS,
  POWER_CATEGORY_SHORT_LABELS,
  type DiscretionBenchmark,
  type Duration,
  type LegalBasisRef,
  type PenaltyRange,
  type PowerCategory,
  type ProcedureStep,
} from './powers.schemas.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; reasons: string[] };

function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

function fail<T>(...reasons: string[]): CellResult<T> {
  return { ok: false, reasons };
}

/** Trims ordinary, no-break and ideographic spaces and unifies line ends. */
export function normaliseCellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads '124', '一百二十四', '二十' or '十五' (up to 9999); null when it is neither. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    const unit = CHINESE_UNITS[char];
    if (unit !== undefined) {
      // '十五' means 15: a unit without a digit before it counts once.
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      digit = CHINESE_DIGITS[char] ?? 0;
    }
  }
  return total + (digit ?? 0);
}

export function parseCategory(text: string): CellResult<PowerCategory> {
  const value = normaliseCellText(text);
  for (const category of POWER_CATEGORIES) {
    if (
      value === POWER_CATEGORY_SHORT_LABELS[category] ||
      value === POWER_CATEGORY_LABELS[category] ||
      value === category
    ) {
      return ok(category);
    }
  }
  const allowed = POWER_CATEGORIES.map((c) => POWER_CATEGORY_SHORT_LABELS[c]).join('、');
  return fail(`类别“${value}”无法识别，应为 ${allowed} 之一`);
}

const NUMBER_CHARS = '零〇一二两三四五六七八九十百千\\d';
const ARTICLE_PATTERN = new RegExp(
  `^第[${NUMBER_CHARS}]+条(?:之[${NUMBER_CHARS}]+)?` +
    `(?:第[${NUMBER_CHARS}]+款)?(?:第[（(]?[${NUMBER_CHARS}]+[)）]?项)?$`,
);

/**
 * 《中华人民共和国食品安全法》第一百二十四条第一款；《…》第N条、第M条 — entries separated by ；
 * or line breaks, several articles of one law by 、.
 */
export function parseLegalBasis(text: string): CellResult<LegalBasisRef[]> {
  const entries = splitEntries(text, /[；;\n]/);
  if (entries.length === 0) return fail('不能为空');
  const refs: LegalBasisRef[] = [];
  const reasons: string[] = [];
  entries.forEach((entry, index) => {
    const where = entries.length > 1 ? `第${index + 1}项` : '';
    const match = /^《([^《》]+)》(.*)$/.exec(entry);
    const law = match?.[1]?.trim();
    if (!match || !law) {
      reasons.push(
        `${where}“${entry}”应以书名号括起法律法规名称，如《中华人民共和国食品安全法》第一百二十四条`,
      );
      return;
    }
    if (law.length > LIMITS.law) reasons.push(`${where}法律法规名称过长`);
    const articles = splitEntries(match[2] ?? '', /[、，,]/);
    if (articles.length === 0) {
      reasons.push(`${where}《${law}》缺少条款，如 第一百二十四条`);
      return;
    }
    for (const article of articles) {
      const compact = article.replace(/\s+/g, '');
      if (!ARTICLE_PATTERN.test(compact) || compact.length > LIMITS.article) {
        reasons.push(`${where}《${law}》的条款“${article}”格式不正确，应如 第一百二十四条第一款`);
      } else {
        refs.push({ law, article: compact });
      }
    }
  });
  if (refs.length > LIMITS.listItems) reasons.push(`法律依据最多 ${LIMITS.listItems} 条`);
  return reasons.length > 0 ? fail(...reasons) : ok(refs);
}

const ON_THE_SPOT = ['即办', '即时办结', '当场办结', '当场'];

/** '20个工作日', '90日', '60天', '即办'; '' means not given (null). */
export function parseDuration(text: string): CellResult<Duration | null> {
  const value = normaliseCellText(text).replace(/\s+/g, '');
  if (value === '') return ok(null);
  if (ON_THE_SPOT.includes(value)) return ok({ amount: 0, unit: 'working_days' });
  const match = /^([零〇一二两三四五六七八九十百千\d]+)个?(工作日|自然日|日|天)(?:内)?$/.exec(
    value,
  );
  const amount = match?.[1] === undefined ? null : parseChineseNumber(match[1]);
  if (!match || amount === null) {
    if (/月|年|小时/.test(value)) return fail(`期限“${value}”请换算为日或工作日，如 90日`);
    return fail(`期限“${value}”格式不正确，应如 20个工作日、90日 或 即办`);
  }
  if (amount > LIMITS.durationAmount) return fail(`期限“${value}”过长`);
  return ok({ amount, unit: match[2] === '工作日' ? 'working_days' : 'days' });
}

/** 立案→调查取证（30日）→告知→决定→送达→执行; a step's time limit in trailing brackets. */
export function parseProcedureSteps(text: string): CellResult<ProcedureStep[]> {
  const names = splitEntries(text, /\s*(?:→|->|—>|＞|\n)\s*/);
  const steps: ProcedureStep[] = [];
  const reasons: string[] = [];
  for (const [index, raw] of names.entries()) {
    const step = parseStep(raw);
    if (step.name.length > LIMITS.stepName) {
      reasons.push(`第${index + 1}步“${step.name}”过长（不超过 ${LIMITS.stepName} 字）`);
    }
    steps.push(step);
  }
  if (steps.length > LIMITS.listItems) reasons.push(`办理流程最多 ${LIMITS.listItems} 步`);
  return reasons.length > 0 ? fail(...reasons) : ok(steps);
}

function parseStep(raw: string): ProcedureStep {
  // A bracketed tail is a time limit only when it reads as one: '告知（听证告知）' stays a name.
  const match = /^(.+?)[（(]([^（）()]+)[)）]$/.exec(raw);
  if (match?.[1] && match[2]) {
    const limit = parseDuration(match[2]);
    if (limit.ok && limit.value) return { name: match[1].trim(), timeLimit: limit.value };
  }
  return { name: raw };
}

/**
 * One benchmark per line: 情形|适用条件|罚款金额（元）|其他处理. The amount is '', '0-5000',
 * '5000～2万', '5万以上', '2000以下'; the fourth part is optional.
 */
export function parseBenchmarks(text: string): CellResult<DiscretionBenchmark[]> {
  const lines = splitEntries(text, /\n/);
  const benchmarks: DiscretionBenchmark[] = [];
  const reasons: string[] = [];
  for (const [index, line] of lines.entries()) {
    const where = `第${index + 1}条`;
    const parts = line.split(/[|｜]/).map((p) => p.trim());
    const [circumstance = '', description = '', amount = '', other = ''] = parts;
    if (parts.length < 3 || parts.length > 4) {
      reasons.push(`${where}应为“情形|适用条件|罚款金额|其他处理（可省略）”，用竖线分隔`);
      continue;
    }
    if (circumstance === '') reasons.push(`${where}缺少裁量情形（如 轻微、一般、严重）`);
    if (circumstance.length > LIMITS.circumstance) reasons.push(`${where}裁量情形过长`);
    if (description === '') reasons.push(`${where}缺少适用条件`);
    if (description.length > LIMITS.text) reasons.push(`${where}适用条件过长`);
    if (other.length > LIMITS.shortText) reasons.push(`${where}其他处理过长`);
    const range = parseYuanRange(amount);
    if (!range.ok) {
      reasons.push(...range.reasons.map((r) => `${where}${r}`));
      continue;
    }
    if (range.value.minYuan === undefined && range.value.maxYuan === undefined && other === '') {
      reasons.push(`${where}罚款金额与其他处理不能都为空`);
    }
    const penalty: PenaltyRange = { ...range.value, ...(other ? { otherMeasures: other } : {}) };
    benchmarks.push({ circumstance, description, penalty });
  }
  if (benchmarks.length > LIMITS.listItems) reasons.push(`裁量基准最多 ${LIMITS.listItems} 条`);
  return reasons.length > 0 ? fail(...reasons) : ok(benchmarks);
}

function parseYuan(text: string): number | null {
  const match = /^(\d+(?:\.\d{1,2})?)(万)?元?$/.exec(text.replace(/[,，]/g, ''));
  if (!match?.[1]) return null;
  const value = Number(match[1]) * (match[2] ? 10_000 : 1);
  // 1.5万 is exact in yuan; rounding to fen removes binary noise from the multiplication.
  return Math.round(value * 100) / 100;
}

/** A fine range in yuan (元). Whether min ≤ max is a rule of the power, checked with the others. */
export function parseYuanRange(text: string): CellResult<{ minYuan?: number; maxYuan?: number }> {
  const value = normaliseCellText(text).replace(/\s+/g, '');
  if (value === '' || value === '无' || value === '-') return ok({});
  const bad = fail<{ minYuan?: number; maxYuan?: number }>(
    `罚款金额“${value}”格式不正确，应如 0-5000、5000～2万、5万以上 或 2000以下（单位：元）`,
  );
  const open = /^(.+?)(以上|以下)$/.exec(value);
  if (open?.[1]) {
    const amount = parseYuan(open[1]);
    if (amount === null || amount > LIMITS.yuan) return bad;
    return ok(open[2] === '以上' ? { minYuan: amount } : { minYuan: 0, maxYuan: amount });
  }
  const parts = value.split(/[-~～至—–]+/);
  if (parts.length !== 2) {
    const single = parseYuan(value);
    return single === null || single > LIMITS.yuan ? bad : ok({ minYuan: single, maxYuan: single });
  }
  const min = parseYuan(parts[0] ?? '');
  const max = parseYuan(parts[1] ?? '');
  if (min === null || max === null || max > LIMITS.yuan) return bad;
  return ok({ minYuan: min, maxYuan: max });
}

/** A list cell (申请材料): one item per line or separated by ；, leading numbering dropped. */
export function parseList(text: string): string[] {
  return splitEntries(text, /[；;\n]/)
    .map((item) => item.replace(/^(?:\d+[.、．)）]|[（(]\d+[)）])\s*/, '').trim())
    .filter((item) => item !== '');
}

/** 执法领域: names separated by 、 ， ； or line breaks, as written on enforcement credentials. */
export function parseLawAreas(text: string): CellResult<string[]> {
  const areas = [...new Set(splitEntries(text, /[、，,；;\n]/).map((a) => a.trim()))].filter(
    (a) => a !== '',
  );
  if (areas.some((a) => a.length > 50)) return fail('每个执法领域不超过 50 字');
  if (areas.length > 20) return fail('执法领域不超过 20 个');
  return ok(areas);
}

/** 抽查比例: the wording is kept; a single percentage in it becomes the number. */
export function parseRatio(text: string): CellResult<{ percent: number | null; text: string }> {
  const value = normaliseCellText(text);
  if (value === '') return fail('不能为空');
  const figures = [...value.matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)].map((m) => Number(m[1]));
  if (figures.some((f) => f <= 0 || f > 100)) return fail(`抽查比例“${value}”应在 0% 与 100% 之间`);
  return ok({ percent: percentInText(value), text: value });
}

/** Reads a percentage written in the list's own wording: one figure, or none. */
export function percentInText(text: string): number | null {
  const figures = [...text.matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)].map((m) => Number(m[1]));
  const figure = figures.length === 1 ? figures[0] : undefined;
  // The column keeps two decimals; rounding here keeps re-imports of the same file unchanged.
  return figure === undefined ? null : Math.round(figure * 100) / 100;
}

function splitEntries(text: string, separator: RegExp): string[] {
  return normaliseCellText(text)
    .split(separator)
    .map((entry) => normaliseCellText(entry))
    .filter((entry) => entry !== '');
}
