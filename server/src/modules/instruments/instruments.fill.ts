// Fills an instrument's fields from what the case already holds — registration, parties,
// officers with their credential numbers, the power's legal basis, evidence, and what each
// workflow step recorded in case.details — so that an officer enters nothing twice. Periods come
// from the statute's cited values, the party's statement and hearing periods as the penalty
// guards count them (instruments.statement.ts), remedies' time limits from instruments.law.ts.
import { STATUTE } from '../profile/profiles/statute.ts';
import type { FieldKey, Fields } from './instruments.fields.ts';
import { REMEDY_PERIODS } from './instruments.law.ts';
import { statementFields, type PartyPeriods } from './instruments.statement.ts';
import type { InstrumentKind } from './instruments.templates.ts';
import { chineseNumber, periodText, yuan } from './instruments.wording.ts';

export interface InstrumentCaseData {
  caseId: string;
  caseNo: string;
  kind: string;
  procedure: string;
  state: string;
  title: string;
  facts: string | null;
  source: string;
  sourceDetail: string | null;
  registeredOn: string;
  filedOn: string | null;
  decidedOn: string | null;
  details: Record<string, unknown>;
  agency: { id: string; name: string; regionName: string | null };
  parties: {
    kind: 'person' | 'organisation';
    name: string;
    idCardNo: string | null;
    creditCode: string | null;
    legalRepresentative: string | null;
    address: string | null;
    phone: string | null;
  }[];
  officers: { name: string; role: 'lead' | 'assist'; credentialNo: string }[];
  power: { name: string; legalBasis: { law: string; article: string }[] } | null;
  evidence: { kind: string; originalName: string | null; step: string }[];
  /** Who took each approval step, newest last. */
  actions: { action: string; actorName: string | null; actedOn: string }[];
  /** Instruments already issued on the case (newest last), to name what a receipt serves. */
  issued: { kind: string; title: string; docNo: string }[];
  /** The party's statement and hearing periods after the 事先告知 (null before it). */
  partyPeriods: PartyPeriods | null;
}

const SOURCE_LABELS: Record<string, string> = {
  complaint: '投诉举报',
  inspection: '监督检查',
  referral: '有关部门移送',
  transfer: '上级交办',
  application: '依申请',
  random_check: '双随机抽查',
  other: '其他',
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

const SERVICE_LABELS: Record<string, string> = {
  direct: '直接送达',
  mail: '邮寄送达',
  leave: '留置送达',
  notice: '公告送达',
  electronic: '电子送达',
};

const PRESERVATION_OUTCOMES: Record<string, string> = {
  release: '解除先行登记保存，将物品退还当事人',
  confiscate: '依法予以没收',
  seize: '依法予以查封、扣押',
  transfer: '移送有关部门处理',
};

const TRANSCRIPT_KINDS: Partial<Record<InstrumentKind, readonly string[]>> = {
  on_site_transcript: ['on_site'],
  inquiry_transcript: ['inquiry'],
  inspection_transcript: ['inspection', 'survey'],
  sampling_receipt: ['sampling'],
};

interface Penalty {
  types: string[];
  fineYuan?: number;
  confiscationYuan?: number;
  legalBasis: string;
  reasons: string;
}
interface Transcript {
  transcriptKind: string;
  madeOn: string;
  place: string;
  officers: { personId: string; credentialNo: string }[];
  content: string;
  partySigned: boolean;
  refusalNote?: string;
  samples?: string;
  samplingMethod?: string;
}

export function describePenalty(p: Penalty | undefined): string | undefined {
  if (!p) return undefined;
  return p.types
    .map((t) => {
      if (t === 'fine' && p.fineYuan !== undefined) return `罚款${yuan(p.fineYuan)}`;
      if (t === 'confiscation' && p.confiscationYuan !== undefined)
        return `没收违法所得${yuan(p.confiscationYuan)}`;
      return PENALTY_LABELS[t] ?? t;
    })
    .join('；');
}

function get<T>(details: Record<string, unknown>, key: string): T | undefined {
  return details[key] as T | undefined;
}
function last<T>(details: Record<string, unknown>, key: string): T | undefined {
  const list = details[key];
  return Array.isArray(list) ? (list[list.length - 1] as T | undefined) : undefined;
}
const present = (s: string | null | undefined) => (s && s.trim() ? s : undefined);

/** Computes every field the case can supply; the template picks what it prints. */
export function fillFromCase(kind: InstrumentKind, c: InstrumentCaseData): Fields {
  const d = c.details;
  const party = c.parties[0];
  const decision = get<{ decidedOn: string; penalty: Penalty }>(d, 'decision');
  const proposed = get<Penalty>(d, 'proposed') ?? get<{ proposed: Penalty }>(d, 'notice')?.proposed;
  const penalty = decision?.penalty ?? proposed;
  const service = last<{ method: string; servedOn: string } & Record<string, string>>(
    d,
    'services',
  );
  const hearing = get<Record<string, string>>(d, 'hearing');
  const collective = get<{ heldOn: string; participants: string[]; minutes: string }>(
    d,
    'collectiveDecision',
  );
  const preservation = get<{
    preservedOn: string;
    items: string;
    decideBy: string;
    outcome?: string;
  }>(d, 'preservation');
  const transcriptKinds = TRANSCRIPT_KINDS[kind];
  const transcripts = (get<Transcript[]>(d, 'transcripts') ?? []).filter(
    (t) => !transcriptKinds || transcriptKinds.includes(t.transcriptKind),
  );
  const transcript = transcriptKinds ? transcripts[transcripts.length - 1] : undefined;
  const approval = approvalOf(kind, c);
  const decisionInstrument = [...c.issued]
    .reverse()
    .find((i) => i.kind === 'penalty_decision' || i.kind === 'on_spot_penalty_decision');
  const fine = decision?.penalty.fineYuan ?? 0;
  const paid = (get<{ amountYuan: number }[]>(d, 'payments') ?? []).reduce(
    (s, p) => s + p.amountYuan,
    0,
  );
  const paymentDueOn = (get<{ paymentDueOn: string | null }[]>(d, 'services') ?? [])[0]
    ?.paymentDueOn;
  const enforcement = get<{ appliedOn: string; means: 'court' | 'own' }>(d, 'enforcement');
  const officers = c.officers.map((o) => `${o.name}（执法证号：${o.credentialNo}）`).join('、');
  const basisOfPower = c.power?.legalBasis.map((b) => `《${b.law}》${b.article}`).join('、');
  const evidence = [
    ...transcripts.map((t) => `${t.madeOn} ${transcriptLabel(t.transcriptKind)}`),
    ...c.evidence.map((e) => e.originalName ?? e.kind),
  ];
  const reconsiderationBody = c.agency.regionName
    ? `${c.agency.regionName}人民政府`
    : '本级人民政府';

  const fields: Record<FieldKey, string | undefined> = {
    caseNo: c.caseNo,
    caseTitle: c.title,
    caseSource: SOURCE_LABELS[c.source] ?? c.source,
    sourceDetail: present(c.sourceDetail),
    registeredOn: c.registeredOn,
    partyName: c.parties.map((p) => p.name).join('、') || undefined,
    partyIdentity: present(party?.creditCode ?? party?.idCardNo),
    legalRepresentative: present(party?.legalRepresentative),
    partyAddress: present(party?.address),
    partyPhone: present(party?.phone),
    officers: officers || undefined,
    time: transcript?.madeOn,
    place: transcript?.place,
    credentialsShown: transcript
      ? `执法人员${c.officers.map((o) => o.name).join('、')}已向当事人出示执法证件并告知其权利义务`
      : undefined,
    content: transcript?.content,
    partySignature: transcript
      ? transcript.partySigned
        ? '当事人已核对并签名'
        : `当事人拒绝签名：${transcript.refusalNote ?? ''}`
      : undefined,
    facts: present(c.facts),
    evidence: evidence.length > 0 ? evidence.map((e, i) => `${i + 1}. ${e}`).join('\n') : undefined,
    legalBasis: present(penalty?.legalBasis ?? basisOfPower),
    reasons: present(penalty?.reasons),
    penalty: describePenalty(decision?.penalty),
    proposed: describePenalty(proposed),
    performance: decision ? performanceText(decision.penalty) : undefined,
    remedies:
      `如不服本决定，可以自收到本决定书之日起${REMEDY_PERIODS.reconsideration.text}内向${reconsiderationBody}申请行政复议，` +
      `也可以自收到本决定书之日起${REMEDY_PERIODS.litigation.text}内依法向人民法院提起行政诉讼。`,
    ...statementFields(kind, d, c.partyPeriods),
    hearingTime: hearing?.hearingOn ?? hearing?.heldOn,
    hearingRecord: hearing?.record,
    approvalOpinion: approval.approvalOpinion,
    approvedBy: approval.approvedBy,
    approvedOn: approval.approvedOn,
    notFiledReason: get<{ reason: string }>(d, 'notFiled')?.reason,
    items: kind === 'sampling_receipt' ? transcript?.samples : preservation?.items,
    preservationPeriod: preservation
      ? `自${preservation.preservedOn}起先行登记保存，本机关将于${preservation.decideBy}前作出处理决定`
      : undefined,
    preservationOutcome: preservation?.outcome
      ? PRESERVATION_OUTCOMES[preservation.outcome]
      : undefined,
    heldOn: collective?.heldOn,
    participants: collective?.participants.join('、'),
    minutes: collective?.minutes,
    documentServed: decisionInstrument
      ? `${decisionInstrument.title}（${decisionInstrument.docNo}）`
      : undefined,
    serviceMethod: service ? SERVICE_LABELS[service.method] : undefined,
    servedOn: service?.servedOn,
    recipient: service ? party?.name : undefined,
    serviceNote: service ? serviceNote(service) : undefined,
    amountDue: fine > 0 ? yuan(Math.max(0, fine - paid)) : undefined,
    paymentDeadline: paymentDueOn ?? undefined,
    enforcementReason:
      enforcement && decisionInstrument
        ? `当事人逾期不履行${decisionInstrument.title}（${decisionInstrument.docNo}）确定的义务，经催告仍未履行`
        : undefined,
    enforcementMeans: enforcement
      ? `${enforcement.means === 'court' ? '申请人民法院强制执行' : '依法强制执行'}，自${enforcement.appliedOn}起`
      : undefined,
    executionStatus: executionStatus(c.state, paid),
    closingSummary: get<{ summary: string }>(d, 'closing')?.summary,
    inspectionMatter: c.power?.name,
    inspectionBasis: basisOfPower,
    samplingMethod: transcript?.samplingMethod,
    // Supplied by the officer (or, for the opinion, by the review module) when issuing.
    seizureReason: undefined,
    seizureTerm: undefined,
    seizurePlace: undefined,
    rectification: undefined,
    rectifyBy: undefined,
    hearingPlace: undefined,
    hearingHost: undefined,
    reviewBody: undefined,
    reviewProposal: undefined,
    reviewChecklist: undefined,
    reviewOpinion: undefined,
    reviewer: undefined,
    reviewedOn: undefined,
    conclusion: undefined,
    inspectionTime: undefined,
    inspectionRequirements: undefined,
    agencyName: c.agency.name,
    issuedOn: undefined,
    docNo: undefined,
  };
  return withoutEmpty(fields);
}

function withoutEmpty(fields: Record<FieldKey, string | undefined>): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields) as [FieldKey, string | undefined][]) {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  }
  return out;
}

const TRANSCRIPT_LABELS: Record<string, string> = {
  on_site: '现场笔录',
  inquiry: '询问笔录',
  inspection: '现场检查笔录',
  survey: '勘验笔录',
  sampling: '抽样取证凭证',
};

function transcriptLabel(kind: string): string {
  return TRANSCRIPT_LABELS[kind] ?? '笔录';
}

function performanceText(p: Penalty): string {
  const due = (p.fineYuan ?? 0) + (p.confiscationYuan ?? 0);
  if (due <= 0) return '本决定自送达之日起生效。';
  const surcharge = STATUTE.latePaymentSurcharge.value;
  return (
    `自收到本决定书之日起${periodText(STATUTE.paymentDeadline.value)}内，将${yuan(due)}缴至指定银行或者通过电子支付系统缴纳。` +
    `到期不缴纳罚款的，每日按罚款数额的百分之${chineseNumber(surcharge.percentPerDay)}加处罚款，加处罚款的数额不超出罚款的数额。`
  );
}

function serviceNote(s: Record<string, string>): string | undefined {
  const parts = [
    s.receiptNo && `回执编号：${s.receiptNo}`,
    s.leaveReason && `留置原因：${s.leaveReason}`,
    s.witness && `见证人：${s.witness}`,
    s.otherMethodsFailed && `其他方式无法送达的情况：${s.otherMethodsFailed}`,
    s.consentReference && `当事人同意电子送达：${s.consentReference}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : undefined;
}

function executionStatus(state: string, paid: number): string | undefined {
  if (state === 'executed' || state === 'closed' || state === 'archived') {
    return paid > 0 ? `当事人已缴纳${yuan(paid)}，处罚决定已执行完毕` : '处罚决定已执行完毕';
  }
  if (state === 'terminated') return '案件已依法终止';
  return undefined;
}

/** The head's approval block of an approval form, from the action that approved it. */
function approvalOf(kind: InstrumentKind, c: InstrumentCaseData): Fields {
  const step = {
    filing_approval: ['approve_filing', '同意立案'],
    non_filing_approval: ['decline_filing', '同意不予立案'],
    closing_approval: ['close', '同意结案'],
  }[kind as string];
  if (!step) return {};
  const taken = [...c.actions].reverse().find((a) => a.action === step[0]);
  if (!taken) return {};
  return {
    approvalOpinion: step[1],
    ...(taken.actorName ? { approvedBy: taken.actorName } : {}),
    approvedOn: taken.actedOn,
  };
}
