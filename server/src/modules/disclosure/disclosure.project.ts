// From a decided case to the text the public reads: 决定书文号、事项名称、当事人、主要事实、依据、
// 处理结果、日期 (XC 附件1 第八条; N(六)), every field redacted, fields withheld by flag replaced by
// a notice. Pure: the pipeline loads the case and stores the result.
import type { DisclosureCategory } from './disclosure.tables.ts';
import type { PenaltyFacts } from './disclosure.display.ts';
import { publicParties, redactText, type KnownParty } from './disclosure.redact.ts';

export interface CaseForDisclosure {
  caseId: string;
  agencyId: string;
  agencyName: string;
  caseNo: string;
  kind: string;
  title: string;
  facts: string | null;
  decidedOn: string | null;
  details: Record<string, unknown>;
  powerName: string | null;
  /** The power's legal basis ([{law, article}]), the basis an inspection is made on. */
  powerLegalBasis?: unknown;
  procedure?: string;
  state?: string;
  parties: KnownParty[];
}

export interface DecisionContent {
  docNo: string;
  category: DisclosureCategory;
  powerName: string;
  party: string;
  partyCreditCode: string | null;
  facts: string;
  legalBasis: string;
  result: string;
  decidedOn: string;
}

export const WITHHOLDABLE_FIELDS = ['facts', 'legalBasis', 'result'] as const;
export type WithholdableField = (typeof WITHHOLDABLE_FIELDS)[number];
export const WITHHOLD_REASONS = {
  trade_secret: '商业秘密',
  state_secret: '国家秘密',
  privacy: '个人隐私',
  safety: '危及安全或妨碍执法',
} as const;
export type WithholdReason = keyof typeof WITHHOLD_REASONS;

export function withheldNotice(reason: WithholdReason): string {
  return `（涉及${WITHHOLD_REASONS[reason]}，依法不予公开）`;
}

export const CATEGORY_LABELS: Record<DisclosureCategory, string> = {
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  expropriation: '行政征收征用',
  other: '其他行政执法决定',
};

const PENALTY_LABELS: Record<string, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspend_permit: '暂扣许可证件',
  lower_qualification: '降低资质等级',
  revoke_permit: '吊销许可证件',
  restrict_activity: '限制开展生产经营活动',
  suspend_business: '责令停产停业',
  close: '责令关闭',
  restrict_practice: '限制从业',
  detention: '行政拘留',
};

const PERMIT_OUTCOMES: Record<string, string> = {
  grant: '准予行政许可',
  refuse: '不予行政许可',
};

export function categoryOf(kind: string): DisclosureCategory {
  switch (kind) {
    case 'penalty':
    case 'permit':
    case 'coercion':
    case 'inspection':
    case 'expropriation':
      return kind;
    default:
      return 'other';
  }
}

function yuan(amount: number): string {
  return amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

interface PenaltyRecord extends PenaltyFacts {
  legalBasis?: string;
  reasons?: string;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value : null;
}

/** The penalty a decision imposed, if the case recorded one. */
export function penaltyOf(details: Record<string, unknown>): PenaltyRecord | null {
  const penalty = record(record(details.decision)?.penalty);
  if (!penalty || !Array.isArray(penalty.types)) return null;
  return {
    types: penalty.types.filter((t): t is string => typeof t === 'string'),
    fineYuan: typeof penalty.fineYuan === 'number' ? penalty.fineYuan : undefined,
    confiscationYuan:
      typeof penalty.confiscationYuan === 'number' ? penalty.confiscationYuan : undefined,
    legalBasis: text(penalty.legalBasis) ?? undefined,
    reasons: text(penalty.reasons) ?? undefined,
  };
}

export function describePenalty(p: PenaltyFacts): string {
  return p.types
    .map((t) => {
      if (t === 'fine' && p.fineYuan !== undefined) return `罚款人民币${yuan(p.fineYuan)}元`;
      if (t === 'confiscation' && p.confiscationYuan !== undefined)
        return `没收违法所得人民币${yuan(p.confiscationYuan)}元`;
      return PENALTY_LABELS[t] ?? t;
    })
    .join('；');
}

export function describeLegalBasis(value: unknown): string | null {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    const parts = value.flatMap((v) => {
      const r = record(v);
      const law = text(r?.law);
      return law ? [`《${law}》${text(r?.article) ?? ''}`] : [];
    });
    return parts.length > 0 ? parts.join('、') : null;
  }
  return null;
}

/** An inspection's result as the public reads it (检查结果, XC 附件1 第八条; NC 5(2)). */
function projectInspection(c: CaseForDisclosure, inspection: Record<string, unknown>) {
  const items = Array.isArray(inspection.itemsChecked)
    ? inspection.itemsChecked.filter((i): i is string => typeof i === 'string')
    : [];
  const problems = text(inspection.problems);
  const result =
    inspection.result === 'normal'
      ? '检查结果正常，未发现问题'
      : `发现问题${problems ? `：${problems}` : ''}`;
  const redact = (value: string) => redactText(value, c.parties);
  return {
    docNo: redact(text(inspection.noticeDocNo) ?? c.caseNo),
    category: 'inspection' as const,
    powerName: redact(c.powerName ?? CATEGORY_LABELS.inspection),
    ...publicParties(c.parties),
    facts: redact(items.length > 0 ? `检查事项：${items.join('；')}` : c.title),
    legalBasis: redact(describeLegalBasis(c.powerLegalBasis) ?? '—'),
    result: redact(result),
    decidedOn: text(inspection.inspectedOn) ?? '',
  };
}

/** The published content of a decided case, before any field is withheld. */
export function projectDecision(c: CaseForDisclosure): DecisionContent {
  const inspection = c.kind === 'inspection' ? record(c.details.inspection) : null;
  if (inspection) return projectInspection(c, inspection);
  const decision = record(c.details.decision) ?? {};
  const penalty = penaltyOf(c.details);
  const category = categoryOf(c.kind);
  const outcome = text(decision.outcome);
  const result =
    (penalty && describePenalty(penalty)) ||
    [outcome ? (PERMIT_OUTCOMES[outcome] ?? outcome) : null, text(decision.content)]
      .filter(Boolean)
      .join('：') ||
    text(decision.result) ||
    text(decision.summary) ||
    c.title;
  const legalBasis = penalty?.legalBasis ?? describeLegalBasis(decision.legalBasis) ?? '—';
  const facts = text(c.facts) ?? text(penalty?.reasons) ?? text(decision.reasons) ?? c.title;
  const redact = (value: string) => redactText(value, c.parties);
  return {
    docNo: redact(text(decision.docNo) ?? c.caseNo),
    category,
    powerName: redact(c.powerName ?? CATEGORY_LABELS[category]),
    ...publicParties(c.parties),
    facts: redact(facts),
    legalBasis: redact(legalBasis),
    result: redact(result),
    decidedOn: text(decision.decidedOn) ?? c.decidedOn ?? '',
  };
}

/** Replaces withheld fields with the notice of why they are not published. */
export function withholdFields(
  content: DecisionContent,
  fields: readonly WithholdableField[],
  reason: WithholdReason,
): DecisionContent {
  const out = { ...content };
  for (const field of fields) out[field] = withheldNotice(reason);
  return out;
}
