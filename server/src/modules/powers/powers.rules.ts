// Rules a power's content must satisfy beyond its shape. Pure, so that the API (one power) and
// the bulk import (many rows) refuse the same things with the same reasons.
import { percentInText } from './powers.cells.ts';
import type {
  DiscretionBenchmark,
  Duration,
  LegalBasisRef,
  PowerCategory,
  PowerCreateBody,
  PowerUpdateBody,
  ProcedureStep,
  RandomCheckCreateBody,
  RandomCheckUpdateBody,
  ServiceGuide,
  TimeLimit,
} from './powers.schemas.ts';

export interface PowerContent {
  name: string;
  category: PowerCategory;
  handlingUnitId: string | null;
  legalBasis: LegalBasisRef[];
  procedureSteps: ProcedureStep[];
  timeLimit: TimeLimit;
  discretionBenchmarks: DiscretionBenchmark[];
  serviceGuide: ServiceGuide | null;
  /** 执法领域: an officer acts under the power only if a credential's law areas include one. */
  lawAreas: string[];
}

export interface RandomCheckContent {
  name: string;
  basis: string;
  subject: string;
  content: string;
  method: string;
  ratioPercent: number | null;
  ratioText: string;
  frequency: string;
}

export interface RuleIssue {
  /** Path of the offending part, e.g. 'discretionBenchmarks.1.penalty'; its first segment names the field. */
  field: string;
  reason: string;
}

export function powerContentIssues(content: PowerContent): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const { timeLimit } = content;

  // 行政许可法 requires the agency to publish, for each permit, what to bring and how long it
  // takes (art.30 and art.42), which is what the service guide and the time limit carry.
  if (content.category === 'permit') {
    if (content.serviceGuide === null) {
      issues.push({ field: 'serviceGuide', reason: '行政许可事项必须填写服务指南' });
    }
    if (!timeLimit.statutory && !timeLimit.promised) {
      issues.push({ field: 'timeLimit', reason: '行政许可事项必须填写法定时限或承诺时限' });
    }
  }
  if (timeLimit.statutory && timeLimit.promised) {
    if (exceeds(timeLimit.promised, timeLimit.statutory)) {
      issues.push({ field: 'timeLimit.promised', reason: '承诺时限不能超过法定时限' });
    }
  }

  const seenBases = new Set<string>();
  content.legalBasis.forEach((ref, index) => {
    const key = `${ref.law}\u0000${ref.article}`;
    if (seenBases.has(key)) {
      issues.push({
        field: `legalBasis.${index}`,
        reason: `法律依据《${ref.law}》${ref.article}重复`,
      });
    }
    seenBases.add(key);
  });

  const seenCircumstances = new Set<string>();
  content.discretionBenchmarks.forEach((benchmark, index) => {
    const { minYuan, maxYuan } = benchmark.penalty;
    if (minYuan !== undefined && maxYuan !== undefined && minYuan > maxYuan) {
      issues.push({
        field: `discretionBenchmarks.${index}.penalty`,
        reason: `第${index + 1}条裁量基准的最低罚款（${minYuan}元）高于最高罚款（${maxYuan}元）`,
      });
    }
    if (seenCircumstances.has(benchmark.circumstance)) {
      issues.push({
        field: `discretionBenchmarks.${index}.circumstance`,
        reason: `第${index + 1}条裁量基准的情形“${benchmark.circumstance}”重复`,
      });
    }
    seenCircumstances.add(benchmark.circumstance);
  });
  return issues;
}

/**
 * Whether `a` is certainly longer than `b`. N working days last at least N calendar days, so a
 * promise in working days exceeds a statutory limit in days when its number is larger; the
 * other mixed case cannot be decided without a calendar and is left alone.
 */
function exceeds(a: Duration, b: Duration): boolean {
  if (a.unit === b.unit) return a.amount > b.amount;
  return a.unit === 'working_days' && a.amount > b.amount;
}

/** The content of a power, from a request body or a stored power (code and lifecycle dropped). */
export function powerContentOf(
  source: PowerContent | PowerCreateBody | PowerUpdateBody,
): PowerContent {
  return {
    name: source.name,
    category: source.category,
    handlingUnitId: source.handlingUnitId ?? null,
    legalBasis: source.legalBasis,
    procedureSteps: source.procedureSteps,
    timeLimit: source.timeLimit,
    discretionBenchmarks: source.discretionBenchmarks,
    serviceGuide: source.serviceGuide ?? null,
    lawAreas: source.lawAreas ?? [],
  };
}

export function randomCheckContentOf(
  source: RandomCheckContent | RandomCheckCreateBody | RandomCheckUpdateBody,
): RandomCheckContent {
  return {
    name: source.name,
    basis: source.basis,
    subject: source.subject,
    content: source.content,
    method: source.method,
    // Omitted means "read it from the wording"; null means "the list states no figure".
    ratioPercent:
      source.ratioPercent === undefined ? percentInText(source.ratioText) : source.ratioPercent,
    ratioText: source.ratioText,
    frequency: source.frequency,
  };
}
