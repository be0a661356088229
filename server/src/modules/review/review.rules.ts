// Pure rules of the review: which proposed decision a review is bound to (its hash), what changed
// between two versions, whether the materials are complete (NC 14(2); XC 第九条), and the
// review checklist (N 四（十三）; SH 附件3 五; NC 13; XC 第十条) by kind of decision.
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';
import { sm3, toHex } from '../ledger/crypto/hash.ts';
import type { DecisionFacts } from './review.catalog.ts';

/** SM3 of the canonical JSON (RFC 8785) of the proposed decision: the version a review binds to. */
export function hashOf(value: unknown): string {
  return toHex(sm3(canonicalJson(value ?? null)));
}

// --- What changed between two versions -----------------------------------------------------------

const FIELD_LABELS: Record<string, string> = {
  types: '处罚种类',
  fineYuan: '罚款数额（元）',
  confiscationYuan: '没收违法所得数额（元）',
  isMitigated: '是否减轻处罚',
  legalBasis: '法律依据',
  reasons: '理由',
  situation: '情况说明',
  factsAndEvidence: '事实依据及证据',
  procedureMaterials: '程序资料',
  hearingRecord: '听证笔录',
  kindSpecific: '专项材料',
  attachments: '附件',
};

export interface Change {
  part: 'proposal' | 'materials';
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

function diffObjects(part: Change['part'], before: unknown, after: unknown): Change[] {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null))
    .map((k) => ({
      part,
      field: k,
      label: FIELD_LABELS[k] ?? k,
      before: a[k] ?? null,
      after: b[k] ?? null,
    }));
}

/** Field-by-field changes of the proposed decision and of the materials between two rounds. */
export function diffVersions(
  before: { proposal: unknown; materials: unknown },
  after: { proposal: unknown; materials: unknown },
): Change[] {
  return [
    ...diffObjects('proposal', before.proposal, after.proposal),
    ...diffObjects('materials', before.materials, after.materials),
  ];
}

// --- Materials -----------------------------------------------------------------------------------

export interface SubmittedMaterials {
  situation: string;
  factsAndEvidence?: string | undefined;
  procedureMaterials?: string | undefined;
  legalBasis?: string | undefined;
  hearingRecord?: string | undefined;
  kindSpecific?: Record<string, string> | undefined;
  attachments?: { title: string; reference: string }[] | undefined;
}

export interface MaterialItem {
  code: string;
  label: string;
  content: string | null;
  origin: 'case' | 'submission' | null;
}

/** Extra materials a kind of decision needs (SH 附件3 五（三）–（五）). */
export function kindSpecificMaterials(d: DecisionFacts): { code: string; label: string }[] {
  switch (d.kind) {
    case 'permit':
      return d.permitActions.some((a) =>
        ['change_for_public_interest', 'withdraw_for_public_interest', 'revoke'].includes(a),
      )
        ? [{ code: 'compensationPlan', label: '依法给予补偿或者赔偿的方案' }]
        : [];
    case 'coercion':
      return d.isCoercionExecution
        ? [
            { code: 'executionConditions', label: '具备执行条件的材料' },
            { code: 'executor', label: '执行主体' },
            { code: 'executionManner', label: '执行方式' },
            { code: 'executionTime', label: '执行时间' },
          ]
        : [];
    case 'expropriation':
      return [
        { code: 'compensationPlan', label: '征收补偿方案' },
        { code: 'consultation', label: '意愿征询情况' },
        { code: 'fundsInPlace', label: '补偿费用到位情况' },
      ];
    case 'penalty':
    case 'inspection':
      return [];
  }
}

interface CaseMaterialSources {
  facts: string | null;
  details: Record<string, unknown>;
  filedOn: string | null;
}

const text = (s: string | undefined | null) => (s && s.trim().length > 0 ? s.trim() : null);

/** What the case record already holds for each item, so officers do not type it twice. */
function derived(c: CaseMaterialSources) {
  const transcripts = (c.details.transcripts as unknown[] | undefined)?.length ?? 0;
  const notice = c.details.notice as { servedOn?: string } | undefined;
  const defences = (c.details.defences as unknown[] | undefined)?.length ?? 0;
  const waiver = c.details.defenceWaiver as { waivedOn?: string } | undefined;
  const hearing = c.details.hearing as { heldOn?: string; record?: string } | undefined;
  const proposed = c.details.proposed as { legalBasis?: string } | undefined;
  const facts =
    c.facts || transcripts > 0
      ? [
          c.facts ? `案件事实：${c.facts}` : null,
          transcripts > 0 ? `调查取证笔录 ${transcripts} 份` : null,
        ]
          .filter(Boolean)
          .join('；')
      : null;
  const procedure =
    c.filedOn && notice?.servedOn
      ? [
          `${c.filedOn} 批准立案`,
          `${notice.servedOn} 送达行政处罚事先告知书`,
          `陈述申辩 ${defences} 次`,
          waiver?.waivedOn ? `${waiver.waivedOn} 当事人放弃陈述申辩` : null,
          hearing?.heldOn ? `${hearing.heldOn} 举行听证` : null,
        ]
          .filter(Boolean)
          .join('；')
      : null;
  return {
    facts,
    procedure,
    legalBasis: text(proposed?.legalBasis),
    hearingHeld: Boolean(hearing?.heldOn),
    hearingRecord: text(hearing?.record),
  };
}

/**
 * The materials of a submission, item by item (NC 14(2)): 情况说明; facts, evidence and legal
 * basis; procedure materials; the proposed decision; the hearing record where there was a
 * hearing; and what the kind of decision adds. Items the case already holds are taken from it.
 */
export function assembleMaterials(
  c: CaseMaterialSources,
  d: DecisionFacts,
  proposal: unknown,
  input: SubmittedMaterials,
): { items: MaterialItem[]; missing: string[] } {
  const from = derived(c);
  const item = (
    code: string,
    label: string,
    submitted: string | null,
    fromCase: string | null,
  ): MaterialItem => ({
    code,
    label,
    content: submitted ?? fromCase,
    origin: submitted ? 'submission' : fromCase ? 'case' : null,
  });
  const items: MaterialItem[] = [
    item('situation', '拟作出重大执法决定的情况说明', text(input.situation), null),
    item('factsAndEvidence', '事实依据及证据', text(input.factsAndEvidence), from.facts),
    item('legalBasis', '法律依据', text(input.legalBasis), from.legalBasis),
    item('procedureMaterials', '有关程序资料', text(input.procedureMaterials), from.procedure),
    item('proposal', '拟作出的决定（建议）', null, proposal ? canonicalJson(proposal) : null),
  ];
  if (from.hearingHeld) {
    items.push(item('hearingRecord', '听证笔录', text(input.hearingRecord), from.hearingRecord));
  }
  for (const extra of kindSpecificMaterials(d)) {
    items.push(
      item(`kindSpecific.${extra.code}`, extra.label, text(input.kindSpecific?.[extra.code]), null),
    );
  }
  return { items, missing: items.filter((i) => i.content === null).map((i) => i.label) };
}

// --- Checklist ----------------------------------------------------------------------------------

export interface ChecklistItemSpec {
  code: string;
  label: string;
}

/** The national guideline's items and the local documents' common ones (N 四（十三）; NC 13). */
export const GENERAL_CHECKLIST: readonly ChecklistItemSpec[] = [
  { code: 'subject_lawful', label: '行政执法主体是否合法、是否超越法定权限' },
  { code: 'officers_qualified', label: '行政执法人员是否具备执法资格' },
  { code: 'party_identified', label: '行政相对人认定是否准确' },
  { code: 'facts_and_evidence', label: '案件事实是否清楚，证据是否合法、确凿、充分' },
  { code: 'legal_basis', label: '适用法律、法规、规章是否准确' },
  { code: 'procedure_lawful', label: '执法程序是否合法（含听证、陈述申辩程序）' },
  { code: 'discretion', label: '裁量基准运用是否适当' },
  { code: 'documents', label: '行政执法文书是否完备、规范' },
  { code: 'rights_protected', label: '当事人的知情权和申辩权是否得到保障，救济途径是否告知' },
  { code: 'crime_referral', label: '违法行为是否涉嫌犯罪、需要移送司法机关' },
];

/** Items a kind of decision adds (SH 附件3 五（二）–（五）). */
export function checklistFor(d: DecisionFacts): ChecklistItemSpec[] {
  const extra: ChecklistItemSpec[] = [];
  if (d.kind === 'penalty') {
    extra.push({ code: 'penalty_kind_and_performance', label: '行政处罚种类、履行方式及期限' });
  }
  for (const m of kindSpecificMaterials(d)) extra.push({ code: `kind_${m.code}`, label: m.label });
  return [...GENERAL_CHECKLIST, ...extra];
}

export interface ChecklistAnswer {
  item: string;
  conclusion: 'pass' | 'problem' | 'not_applicable';
  note?: string | undefined;
}

/** Why a checklist cannot stand with the outcome, or nothing when it can. */
export function checklistProblems(
  specs: readonly ChecklistItemSpec[],
  answers: readonly ChecklistAnswer[],
  isAgreement: boolean,
): string | undefined {
  const codes = specs.map((s) => s.code);
  const unknown = answers.filter((a) => !codes.includes(a.item)).map((a) => a.item);
  if (unknown.length > 0) return `审核要点不存在：${unknown.join('、')}`;
  const seen = new Set(answers.map((a) => a.item));
  if (seen.size !== answers.length) return '审核要点不能重复填写';
  const missing = specs.filter((s) => !seen.has(s.code)).map((s) => s.label);
  if (missing.length > 0) return `尚未审核：${missing.join('；')}`;
  const bare = answers.filter((a) => a.conclusion === 'problem' && !text(a.note));
  if (bare.length > 0) return '认定存在问题的审核要点须写明具体问题';
  const problems = answers.filter((a) => a.conclusion === 'problem').length;
  if (isAgreement && problems > 0) return '同意的审核意见不能同时认定审核要点存在问题';
  if (!isAgreement && problems === 0) return '不同意或存在问题的审核意见须指明存在问题的审核要点';
  return undefined;
}
