// Audio/video metadata (DA/T 63 in spirit): the device, the officers, start and end, the place,
// whether the party was told that recording started, continuity and every interruption with its
// reason — and, where no recording was made, the exemption. The time rules here are pure; the
// officers' agency is checked against the database by the service.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../shared/errors.ts';
import { describeValidationErrors, type ValidationIssue } from '../../shared/formats.ts';
import { StrictObject, Uuid } from '../../shared/schemas.ts';
import { AV_ACTS, AV_EXEMPTIONS } from '../profile/profile.vocabulary.ts';

const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 时间（含时区）' });

/** Clocks of recorders and phones drift: an end this far ahead of the server is still accepted. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const AvInterruption = StrictObject({
  startedAt: DateTime,
  endedAt: DateTime,
  reason: Type.String({ minLength: 1, maxLength: 500, description: '中断原因' }),
  reasonStatedIn: Type.Enum(['recording', 'written'], {
    description: '原因在录像中说明（recording）或事后书面说明（written）',
  }),
});

export const AvMetadata = StrictObject(
  {
    act: Type.Optional(Type.Enum(AV_ACTS, { description: '记录的执法行为（音像记录情形代码）' })),
    device: Type.String({ minLength: 1, maxLength: 100, description: '记录设备（编号）' }),
    officerIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: '在场执法人员（本执法主体人员）',
    }),
    startedAt: DateTime,
    endedAt: DateTime,
    place: Type.String({ minLength: 1, maxLength: 200, description: '地点' }),
    isPartyNotified: Type.Boolean({ description: '开始记录时是否已告知当事人' }),
    isContinuous: Type.Boolean({ description: '记录是否连续无中断' }),
    interruptions: Type.Array(AvInterruption, { maxItems: 100 }),
  },
  { description: '音像记录元数据' },
);
export type AvMetadata = Static<typeof AvMetadata>;

export const AvExemptionBody = StrictObject({
  step: Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$', description: '案件环节代码' }),
  kind: Type.Enum(['audio', 'video'], { description: '未制作的记录种类' }),
  act: Type.Optional(Type.Enum(AV_ACTS)),
  reason: Type.Enum(AV_EXEMPTIONS, { description: '未作音像记录的理由' }),
  explanation: Type.String({ minLength: 1, maxLength: 2000, description: '具体情况说明' }),
  occurredAt: DateTime,
  place: Type.String({ minLength: 1, maxLength: 200 }),
  officerIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
});
export type AvExemptionBody = Static<typeof AvExemptionBody>;

function invalid(issues: ValidationIssue[]): AppError {
  const summary = issues.map((i) => `${i.field}：${i.reason}`).join('；');
  return new AppError('AV_METADATA_INVALID', {
    message: `音像记录信息不符合要求：${summary}`,
    details: issues,
  });
}

/** The time rules of one recording; an empty list when they hold. */
export function avTimeIssues(av: AvMetadata, now: Date): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (s: string) => Date.parse(s);
  const [start, end] = [at(av.startedAt), at(av.endedAt)];
  if (end < start) issues.push({ field: 'endedAt', reason: '结束时间不能早于开始时间' });
  if (end > now.getTime() + CLOCK_SKEW_MS) {
    issues.push({ field: 'endedAt', reason: '结束时间不能晚于当前时间' });
  }
  if (av.isContinuous && av.interruptions.length > 0) {
    issues.push({ field: 'interruptions', reason: '记录标为连续时不能有中断' });
  }
  if (!av.isContinuous && av.interruptions.length === 0) {
    issues.push({ field: 'interruptions', reason: '记录有中断的，须逐一登记中断的起止时间和原因' });
  }
  let previousEnd = Number.NEGATIVE_INFINITY;
  av.interruptions.forEach((gap, i) => {
    const field = `interruptions.${i}`;
    const [gapStart, gapEnd] = [at(gap.startedAt), at(gap.endedAt)];
    if (gapEnd < gapStart) issues.push({ field, reason: '中断的结束时间不能早于开始时间' });
    if (gapStart < start || gapEnd > end) {
      issues.push({ field, reason: '中断须在记录的开始与结束时间之内' });
    }
    if (gapStart < previousEnd) issues.push({ field, reason: '中断须按时间顺序登记且不能重叠' });
    previousEnd = Math.max(previousEnd, gapEnd);
  });
  return issues;
}

/** Parses the `av` upload metadata (JSON) and checks shape and time rules. */
export function parseAvMetadata(json: string, now: Date): AvMetadata {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalid([{ field: 'av', reason: '不是有效的 JSON' }]);
  }
  if (!Value.Check(AvMetadata, value)) {
    const errors = [...Value.Errors(AvMetadata, value)].filter((e) => e.keyword !== 'boolean');
    throw invalid(describeValidationErrors(errors, 'av'));
  }
  const issues = avTimeIssues(value, now);
  if (issues.length > 0) throw invalid(issues.map((i) => ({ ...i, field: `av.${i.field}` })));
  return value;
}

/** An exemption happened in the past (within clock skew). */
export function exemptionTimeIssues(body: AvExemptionBody, now: Date): ValidationIssue[] {
  return Date.parse(body.occurredAt) > now.getTime() + CLOCK_SKEW_MS
    ? [{ field: 'occurredAt', reason: '发生时间不能晚于当前时间' }]
    : [];
}

export function refuseAv(issues: ValidationIssue[]): AppError {
  return invalid(issues);
}
