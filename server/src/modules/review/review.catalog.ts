// The "major decision" classification engine: a proposed decision, described as facts, checked
// against the effective catalogue (the profile's entries merged with the national ones, plus the
// agency's own filed extensions). Pure: the gate, the service and the tests feed it data. Every
// answer names each entry that matched with its citation, and a "not major" answer names the
// catalogue it was checked against, so the case record says why either way.
import type { CaseKind } from '../cases/cases.tables.ts';
import { isHearingEligible } from '../cases/workflows/penalty.rules.ts';
import type { PenaltyType, ProposedPenalty } from '../cases/workflows/penalty.schemas.ts';
import type { CatalogEntry, Citation, MajorCondition } from '../profile/profile.values.ts';
import {
  MAJOR_FACT_LABELS,
  type COERCION_ACTS,
  type EXPROPRIATION_OBJECTS,
  type MajorFact,
  type PERMIT_ACTIONS,
} from '../profile/profile.vocabulary.ts';

export type PermitAction = (typeof PERMIT_ACTIONS)[number];
export type CoercionAct = (typeof COERCION_ACTS)[number];
export type ExpropriationObject = (typeof EXPROPRIATION_OBJECTS)[number];
export type PartyType = 'citizen' | 'organisation';

/** Facts the engine reads from the case itself; nobody declares them. */
export const DERIVED_FACTS = [
  'hearing_eligible',
  'mitigated_penalty',
  'ordinary_procedure',
  'decided_after_hearing',
] as const satisfies readonly MajorFact[];

/** Facts only people can settle (重大公共利益, 以政府名义 …): declared on the case and recorded. */
export const DECLARED_FACTS = (Object.keys(MAJOR_FACT_LABELS) as MajorFact[]).filter(
  (f) => !(DERIVED_FACTS as readonly string[]).includes(f),
);

/** An agency's own catalogue entry, with the 备案 the profile may require. */
export interface ExtensionSource {
  type: 'agency_extension';
  extensionId: string;
  reason: string;
  filing: { authority: string; filingNo: string; filedOn: string } | null;
}
export type EntrySource = Citation | ExtensionSource;
export type EvaluatedEntry = Omit<CatalogEntry, 'source'> & { source: EntrySource };

/** What the catalogue is checked against. */
export interface DecisionFacts {
  kind: CaseKind;
  procedure: string;
  partyTypes: PartyType[];
  penaltyTypes: PenaltyType[];
  fineYuan: number;
  permitActions: PermitAction[];
  coercionActs: CoercionAct[];
  /** A decision to execute (强制执行), as opposed to a coercive measure (强制措施). */
  isCoercionExecution: boolean;
  seizedAreaSquareMetres: number;
  seizedValueYuan: number;
  expropriationObjects: ExpropriationObject[];
  facts: Partial<Record<MajorFact, boolean>>;
}

export interface ConditionResult {
  holds: boolean;
  explanation: string;
}

export interface EntryResult {
  code: string;
  label: string;
  decisionKind: CatalogEntry['decisionKind'];
  isMatched: boolean;
  conditions: ConditionResult[];
  source: EntrySource;
  citation: string;
}

export interface Classification {
  isMajor: boolean;
  profile: { id: string; name: string; version: string };
  /** The entries that matched; empty when not major. */
  matched: EntryResult[];
  /** Every entry for this kind of decision, matched or not, with why. */
  checked: EntryResult[];
  /** Questions for people that the catalogue asks and nobody has answered (read as "no"). */
  unansweredFacts: { fact: MajorFact; label: string }[];
  summary: string;
}

// --- Describing a case's proposed decision -------------------------------------------------------

export interface CaseForClassification {
  kind: CaseKind;
  procedure: string;
  details: Record<string, unknown>;
  parties: readonly { kind: 'person' | 'organisation' }[];
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v ? [v as T] : []);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The facts of a proposed decision. Penalties use the penalty workflow's ProposedPenalty; other
 * kinds' workflows record these optional fields in their proposal (see README): permitAction(s),
 * coercionActs, isCoercionExecution, seizedAreaSquareMetres, seizedValueYuan,
 * expropriationObject(s).
 */
export function describeDecision(
  c: CaseForClassification,
  proposal: unknown,
  declared: Partial<Record<MajorFact, boolean>>,
): DecisionFacts {
  const p = (proposal && typeof proposal === 'object' ? proposal : {}) as Record<string, unknown>;
  const notice = c.details.notice as { isHearingEligible?: boolean } | undefined;
  const hearing = c.details.hearing as { heldOn?: string } | undefined;
  const penalty = c.kind === 'penalty' && Array.isArray(p.types) ? (p as ProposedPenalty) : null;
  const facts: Partial<Record<MajorFact, boolean>> = {};
  for (const f of DECLARED_FACTS) if (declared[f] !== undefined) facts[f] = declared[f];
  facts.hearing_eligible =
    notice?.isHearingEligible ?? (penalty ? isHearingEligible(penalty, false) : false);
  facts.mitigated_penalty = penalty?.isMitigated === true;
  facts.ordinary_procedure = c.procedure === 'ordinary';
  facts.decided_after_hearing = Boolean(hearing?.heldOn);
  return {
    // An execution decision is a coercion decision whatever the case it follows (a penalty's or an
    // expropriation's 申请人民法院强制执行): the coercion entries of the catalogue apply to it.
    kind: p.isCoercionExecution === true ? 'coercion' : c.kind,
    procedure: c.procedure,
    partyTypes: [
      ...new Set(c.parties.map((x): PartyType => (x.kind === 'person' ? 'citizen' : x.kind))),
    ],
    penaltyTypes: penalty?.types ?? [],
    fineYuan: num(penalty?.fineYuan),
    permitActions: [...list<PermitAction>(p.permitAction), ...list<PermitAction>(p.permitActions)],
    coercionActs: list<CoercionAct>(p.coercionActs),
    isCoercionExecution: p.isCoercionExecution === true,
    seizedAreaSquareMetres: num(p.seizedAreaSquareMetres),
    seizedValueYuan: num(p.seizedValueYuan),
    expropriationObjects: [
      ...list<ExpropriationObject>(p.expropriationObject),
      ...list<ExpropriationObject>(p.expropriationObjects),
    ],
    facts,
  };
}

// --- Evaluating conditions -----------------------------------------------------------------------

const PARTY_LABELS: Record<PartyType, string> = {
  citizen: '公民',
  organisation: '法人或者其他组织',
};
const PENALTY_KIND_TYPES: Record<string, PenaltyType> = {
  suspend_business: 'suspend_business',
  revoke_licence: 'revoke_permit',
};
const PENALTY_KIND_LABELS: Record<string, string> = {
  suspend_business: '责令停产停业',
  revoke_licence: '吊销许可证或者执照',
};
const yesNo = (b: boolean) => (b ? '是' : '否');

function evaluate(condition: MajorCondition, d: DecisionFacts): ConditionResult {
  switch (condition.type) {
    case 'fact': {
      const answer = d.facts[condition.fact];
      const label = MAJOR_FACT_LABELS[condition.fact];
      return {
        holds: answer === true,
        explanation:
          answer === undefined ? `${label}：未认定（按否处理）` : `${label}：${yesNo(answer)}`,
      };
    }
    case 'penalty_kind': {
      const hit = condition.kinds.filter((k) => {
        const type = PENALTY_KIND_TYPES[k];
        return type !== undefined && d.penaltyTypes.includes(type);
      });
      const wanted = condition.kinds.map((k) => PENALTY_KIND_LABELS[k] ?? k).join('或');
      return {
        holds: hit.length > 0,
        explanation: `处罚种类${hit.length > 0 ? '包括' : '不包括'}${wanted}`,
      };
    }
    case 'party_type': {
      const holds = d.partyTypes.some((t) => condition.partyTypes.includes(t));
      const names = d.partyTypes.map((t) => PARTY_LABELS[t]).join('、') || '未登记';
      return { holds, explanation: `当事人为${names}` };
    }
    case 'fine_at_least': {
      const { citizen, organisation } = condition.thresholds;
      const types: PartyType[] = d.partyTypes;
      // Several parties of different types: the lowest applicable threshold decides (stricter).
      const reached = types.filter((t) => d.fineYuan >= condition.thresholds[t]);
      return {
        holds: d.fineYuan > 0 && reached.length > 0,
        explanation: `罚款 ${d.fineYuan} 元（标准：公民 ${citizen} 元以上，法人或者其他组织 ${organisation} 元以上；当事人为${types.map((t) => PARTY_LABELS[t]).join('、') || '未登记'}）`,
      };
    }
    case 'permit_action': {
      const hit = d.permitActions.filter((a) => condition.actions.includes(a));
      return {
        holds: hit.length > 0,
        explanation: `许可决定事项：${d.permitActions.join('、') || '无'}`,
      };
    }
    case 'coercion_act': {
      const hit = d.coercionActs.filter((a) => condition.acts.includes(a));
      return {
        holds: hit.length > 0,
        explanation: `强制方式：${d.coercionActs.join('、') || '无'}`,
      };
    }
    case 'coercion_execution_except': {
      // An execution decision that names no manner is not shown to be one of the exceptions.
      const holds =
        d.isCoercionExecution &&
        (d.coercionActs.length === 0 || d.coercionActs.some((a) => !condition.acts.includes(a)));
      return {
        holds,
        explanation: d.isCoercionExecution
          ? `强制执行方式：${d.coercionActs.join('、') || '未载明'}`
          : '不是行政强制执行决定',
      };
    }
    case 'seized_at_least':
      return {
        holds:
          d.seizedAreaSquareMetres >= condition.areaSquareMetres ||
          d.seizedValueYuan >= condition.valueYuan,
        explanation: `涉案面积 ${d.seizedAreaSquareMetres} 平方米、涉案价值 ${d.seizedValueYuan} 元（标准：${condition.areaSquareMetres} 平方米以上或者 ${condition.valueYuan} 元以上）`,
      };
    case 'expropriation_object': {
      const hit = d.expropriationObjects.filter((o) => condition.objects.includes(o));
      return {
        holds: hit.length > 0,
        explanation: `征收对象：${d.expropriationObjects.join('、') || '无'}`,
      };
    }
  }
}

/** How a source is cited in one line of Chinese. */
export function citeSource(source: EntrySource): string {
  switch (source.type) {
    case 'seed':
      return `${source.document} ${source.article}`;
    case 'law':
      return `${source.document}${source.article}`;
    case 'override':
      return `本机关调整（${source.reason}）`;
    case 'agency_extension':
      return source.filing
        ? `本机关重大执法决定目录清单（已报${source.filing.authority}备案，备案号 ${source.filing.filingNo}）`
        : '本机关重大执法决定目录清单';
  }
}

export function classifyDecision(
  d: DecisionFacts,
  entries: readonly EvaluatedEntry[],
  profile: Classification['profile'],
): Classification {
  const applicable = entries.filter((e) => e.decisionKind === 'any' || e.decisionKind === d.kind);
  const checked = applicable.map((e): EntryResult => {
    const conditions = e.when.map((c) => evaluate(c, d));
    return {
      code: e.code,
      label: e.label,
      decisionKind: e.decisionKind,
      isMatched: conditions.length > 0 && conditions.every((c) => c.holds),
      conditions,
      source: e.source,
      citation: citeSource(e.source),
    };
  });
  const matched = checked.filter((e) => e.isMatched);
  const asked = new Set<MajorFact>();
  for (const e of applicable)
    for (const c of e.when)
      if (c.type === 'fact' && d.facts[c.fact] === undefined) asked.add(c.fact);
  const summary =
    matched.length > 0
      ? `属于重大执法决定：${matched.map((e) => `${e.label}（${e.citation}）`).join('；')}`
      : `不属于重大执法决定：已对照${profile.name}重大执法决定目录中适用于本类决定的 ${applicable.length} 项逐项核对，均不符合`;
  return {
    isMajor: matched.length > 0,
    profile,
    matched,
    checked,
    unansweredFacts: [...asked].map((fact) => ({ fact, label: MAJOR_FACT_LABELS[fact] })),
    summary,
  };
}
