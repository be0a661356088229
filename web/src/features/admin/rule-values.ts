// The value editor each overridable rule needs, and conversions between its form fields, the
// override body and Chinese text. The table is checked against the generated API types: every
// rule the server accepts in POST /rule-overrides has an entry, and each entry's kind matches the
// type of that rule's value in GET /rules. Units mirror server/src/modules/profile/profile.rules.ts
// (the server still judges every value and its refusal is shown).
import type { GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { AV_ACTS, AV_EXEMPTIONS } from '../evidence/av.ts';

export type OverrideBody =
  paths['/api/agencies/{agencyId}/rule-overrides']['post']['requestBody']['content']['application/json'];
export type OverridableRule = OverrideBody['rule'];
type Rules = GetResponse<'/api/agencies/{agencyId}/rules'>;

export type DurationUnit = 'working_days' | 'days' | 'hours' | 'months';

export type Editor =
  | { kind: 'deadline'; units: readonly DurationUnit[] }
  | { kind: 'duration'; units: readonly DurationUnit[] }
  | { kind: 'flag' }
  | { kind: 'percent' }
  | { kind: 'annualDate' }
  | { kind: 'approver' }
  | { kind: 'codes'; vocabulary: Readonly<Record<string, string>> };

type EffectiveOf<K extends string> = K extends `${infer S}.${infer N}`
  ? S extends keyof Rules
    ? N extends keyof Rules[S]
      ? Rules[S][N] extends { effective: infer E }
        ? E
        : never
      : never
    : never
  : never;

type KindOf<E> = [NonNullable<E>] extends [boolean]
  ? 'flag'
  : [NonNullable<E>] extends [number]
    ? 'percent'
    : [NonNullable<E>] extends [string]
      ? 'approver'
      : [NonNullable<E>] extends [readonly unknown[]]
        ? 'codes'
        : [NonNullable<E>] extends [{ month: number }]
          ? 'annualDate'
          : [NonNullable<E>] extends [{ mode: string }]
            ? 'deadline'
            : [NonNullable<E>] extends [{ amount: number }]
              ? 'duration'
              : never;

const WD = ['working_days'] as const;
const WD_OR_DAYS = ['working_days', 'days'] as const;
const HOURS = ['hours'] as const;
const flag = { kind: 'flag' } as const;

export const RULE_EDITORS = {
  'filing.emergencyStartApproval': { kind: 'deadline', units: HOURS },
  'disclosure.permitDecision': { kind: 'deadline', units: WD },
  'disclosure.penaltyDecision': { kind: 'deadline', units: WD },
  'disclosure.otherDecision': { kind: 'deadline', units: WD },
  'disclosure.withdrawal': { kind: 'deadline', units: WD },
  'disclosure.withdrawalExplanationRequired': flag,
  'disclosure.correctionAnswer': { kind: 'deadline', units: WD_OR_DAYS },
  'disclosure.correctionAnswerInWriting': flag,
  'disclosure.preDisclosureUpdate': { kind: 'deadline', units: WD_OR_DAYS },
  'disclosure.decisionChangeUpdate': { kind: 'deadline', units: WD_OR_DAYS },
  'disclosure.inspectionResults': { kind: 'deadline', units: WD },
  'disclosure.annualReport': { kind: 'annualDate' },
  'review.timeLimit': { kind: 'deadline', units: WD_OR_DAYS },
  'review.extension': { kind: 'deadline', units: WD_OR_DAYS },
  'review.extensionApprover': { kind: 'approver' },
  'review.reviewerRatio': { kind: 'percent' },
  'review.writtenOpinion': flag,
  'review.opinionArchived': flag,
  'review.lawyerOpinionRecorded': flag,
  'av.alwaysRecord': { kind: 'codes', vocabulary: AV_ACTS },
  'av.asCircumstances': { kind: 'codes', vocabulary: AV_ACTS },
  'av.exemptions': { kind: 'codes', vocabulary: AV_EXEMPTIONS },
  'av.notifyPartyAtStart': flag,
  'av.interruptionExplained': flag,
  'av.uploadDeadline': { kind: 'deadline', units: HOURS },
  'av.officerMayNotKeepCopies': flag,
  'av.sameTargetStoredTogether': flag,
  'archive.caseFileDeadline': { kind: 'deadline', units: ['days', 'working_days'] },
  'archive.yearlyTransfer': flag,
  'archive.partyAccessNeedsHeadApproval': flag,
  'archive.inspectionVideoRetention': { kind: 'duration', units: ['months', 'days'] },
} as const satisfies {
  [K in OverridableRule]: Editor & { kind: KindOf<EffectiveOf<K>> };
};

export function editorOf(rule: string): Editor | undefined {
  return (RULE_EDITORS as Record<string, Editor>)[rule];
}

export const UNIT_LABELS: Record<DurationUnit, string> = {
  working_days: '个工作日',
  days: '日（自然日）',
  hours: '小时',
  months: '个月',
};
const UNIT_WORDS: Record<string, string> = {
  working_days: '个工作日',
  days: '日',
  hours: '小时',
  months: '个月',
};

export const DEADLINE_MODES: Record<string, string> = {
  within: '在规定期限内',
  promptly: '及时（不规定具体期限）',
  within_handling_period: '在决定的办理期限内由机关确定',
  per_archive_rules: '按档案管理规定',
};

export const APPROVER_LABELS: Record<string, string> = {
  head: '机关负责人',
  deputy_head: '分管领导',
};

/** The form fields of the `value` part for a rule, prefilled from a value of that rule. */
export type ValueFields = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toFields(editor: Editor, value: unknown): ValueFields {
  switch (editor.kind) {
    case 'deadline':
      return isRecord(value)
        ? { mode: value.mode, amount: value.amount, unit: value.unit ?? editor.units[0] }
        : { mode: 'within', unit: editor.units[0] };
    case 'duration':
      return isRecord(value)
        ? { amount: value.amount, unit: value.unit }
        : { unit: editor.units[0] };
    case 'annualDate':
      return isRecord(value) ? { month: value.month, day: value.day } : {};
    case 'codes':
      return {
        codes: Array.isArray(value)
          ? value
              .map((e: unknown) => (isRecord(e) ? e.code : e))
              .filter((c) => typeof c === 'string')
          : [],
      };
    case 'flag':
      return { flag: typeof value === 'boolean' ? value : true };
    case 'percent':
      return { number: typeof value === 'number' ? value : undefined };
    case 'approver':
      return { approver: typeof value === 'string' ? value : 'head' };
  }
}

/** The override value the server expects, from the form fields. */
export function fromFields(editor: Editor, f: ValueFields): unknown {
  switch (editor.kind) {
    case 'deadline':
      return f.mode === 'within'
        ? { mode: 'within', amount: f.amount, unit: f.unit }
        : { mode: f.mode };
    case 'duration':
      return { amount: f.amount, unit: f.unit };
    case 'annualDate':
      return { month: f.month, day: f.day };
    case 'codes':
      return f.codes;
    case 'flag':
      return f.flag;
    case 'percent':
      return f.number;
    case 'approver':
      return f.approver;
  }
}

/** A value of any rule in Chinese (the server's `display` for effective values, for the others). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '未规定';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return `${value}%`;
  if (typeof value === 'string') return APPROVER_LABELS[value] ?? value;
  if (Array.isArray(value)) {
    const labels = value.map((e: unknown) =>
      isRecord(e) && typeof e.label === 'string' ? e.label : String(e),
    );
    return labels.length === 0 ? '（无）' : labels.join('、');
  }
  if (isRecord(value)) {
    if (typeof value.month === 'number') return `每年${value.month}月${String(value.day)}日前`;
    const amount = `${String(value.amount)}${UNIT_WORDS[String(value.unit)] ?? ''}`;
    const mode = typeof value.mode === 'string' ? value.mode : undefined;
    if (mode === undefined) return amount;
    if (mode === 'within') return `${amount}内`;
    return DEADLINE_MODES[mode]?.replace(/（.*）/, '') ?? mode;
  }
  return JSON.stringify(value);
}
