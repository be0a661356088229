// Every rule a jurisdiction profile can hold: its Chinese name, its value type, how two values
// compare for strictness, and whether an agency may override it. The profile data files, the
// resolver, the override validation and the OpenAPI schemas are all driven by this one table.
import type { Static, TSchema } from 'typebox';
import {
  AnnualDate,
  Approver,
  AvEntry,
  AvExemptionEntry,
  CatalogEntry,
  CatalogExtension,
  Count,
  DailySpan,
  DayCounts,
  Deadline,
  DisagreementPath,
  Duration,
  FineByParty,
  Flag,
  OutcomeEntry,
  Percent,
  ReviewBody,
  Surcharge,
  type Cited,
  type DurationUnit,
} from './profile.values.ts';
import { APPROVERS, AV_ACT_LABELS, AV_EXEMPTION_LABELS } from './profile.vocabulary.ts';

export type Comparison = 'stricter' | 'equal' | 'laxer' | 'incomparable';

export interface ScalarRuleSpec<S extends TSchema = TSchema> {
  shape: 'scalar';
  label: string;
  schema: S;
  /**
   * How value a compares with value b. Absent where no order exists (an outcome set, a review
   * route): the local document's choice then replaces the national one.
   */
  compare?(a: Static<S>, b: Static<S>): Comparison;
  /** Units an override may be written in (period rules only). */
  units: readonly DurationUnit[] | null;
  isOverridable: boolean;
  describe(value: Static<S>): string;
}

export interface ListRuleSpec<S extends TSchema = TSchema> {
  shape: 'list';
  label: string;
  entrySchema: S;
  /**
   * union: more entries are stricter (acts to record, decisions to review); intersection: fewer
   * entries are stricter (exemptions); local: the local list replaces the national one.
   */
  merge: 'union' | 'intersection' | 'local';
  /** Codes an override may list, with their labels; null = not overridable. */
  vocabulary: Readonly<Record<string, string>> | null;
}

export type RuleSpec = ScalarRuleSpec | ListRuleSpec;

// --- Comparing values ---------------------------------------------------------------------------

/** The shortest and longest calendar span of a period, in days. */
function span(amount: number, unit: DurationUnit): [number, number] {
  switch (unit) {
    case 'days':
      return [amount, amount];
    case 'hours':
      return [amount / 24, amount / 24];
    case 'months':
      return [28 * amount, 31 * amount];
    case 'working_days':
      // Never shorter than the same number of calendar days; how much longer depends on the
      // holiday calendar, so no upper bound can be assumed.
      return [amount, Number.POSITIVE_INFINITY];
  }
}

/** Compares two periods as limits: the shorter one is stricter. */
export function compareDurations(a: Duration, b: Duration): Comparison {
  if (a.unit === b.unit) {
    return a.amount === b.amount ? 'equal' : a.amount < b.amount ? 'stricter' : 'laxer';
  }
  const [aMin, aMax] = span(a.amount, a.unit);
  const [bMin, bMax] = span(b.amount, b.unit);
  if (aMin === bMin && aMax === bMax && Number.isFinite(aMax)) return 'equal';
  if (aMax <= bMin) return 'stricter';
  if (bMax <= aMin) return 'laxer';
  return 'incomparable';
}

function invert(c: Comparison): Comparison {
  return c === 'stricter' ? 'laxer' : c === 'laxer' ? 'stricter' : c;
}

/**
 * A number of days beats 及时: "promptly" sets no limit anyone can check, and a local document
 * that names a number is how it makes 及时 measurable (Shanghai's 7 working days for withdrawal
 * implement the national "及时撤下"). Two non-numeric limits of different kinds never compete.
 */
export function compareDeadlines(a: Deadline, b: Deadline): Comparison {
  if (a.mode === 'within' && b.mode === 'within') return compareDurations(a, b);
  if (a.mode === 'within') return 'stricter';
  if (b.mode === 'within') return 'laxer';
  return a.mode === b.mode ? 'equal' : 'incomparable';
}

function compareNumbersAtLeast(a: number, b: number): Comparison {
  return a === b ? 'equal' : a > b ? 'stricter' : 'laxer';
}

/** A requirement is stricter than its absence. */
function compareFlags(a: boolean, b: boolean): Comparison {
  return a === b ? 'equal' : a ? 'stricter' : 'laxer';
}

function compareAnnualDates(a: AnnualDate, b: AnnualDate): Comparison {
  const x = a.month * 100 + a.day;
  const y = b.month * 100 + b.day;
  return x === y ? 'equal' : x < y ? 'stricter' : 'laxer';
}

// --- Describing values in Chinese ---------------------------------------------------------------

const UNIT_WORDS: Record<DurationUnit, string> = {
  working_days: '个工作日',
  days: '日',
  hours: '小时',
  months: '个月',
};

export function describeDuration(d: Duration): string {
  return `${d.amount}${UNIT_WORDS[d.unit]}`;
}

export function describeDeadline(d: Deadline): string {
  switch (d.mode) {
    case 'within':
      return `${describeDuration(d)}内`;
    case 'promptly':
      return '及时';
    case 'within_handling_period':
      return '在决定的办理期限内由机关确定';
    case 'per_archive_rules':
      return '按档案管理规定';
  }
}

const yesNo = (v: boolean) => (v ? '是' : '否');

// --- Rule constructors --------------------------------------------------------------------------

function deadline(label: string, units: readonly DurationUnit[]): ScalarRuleSpec<typeof Deadline> {
  return {
    shape: 'scalar',
    label,
    schema: Deadline,
    compare: compareDeadlines,
    units,
    isOverridable: true,
    describe: describeDeadline,
  };
}

function flag(label: string): ScalarRuleSpec<typeof Flag> {
  return {
    shape: 'scalar',
    label,
    schema: Flag,
    compare: compareFlags,
    units: null,
    isOverridable: true,
    describe: yesNo,
  };
}

/** A value fixed by law or by the chosen document: shown, never compared or overridden. */
function fixed<S extends TSchema>(
  label: string,
  schema: S,
  describe: (v: Static<S>) => string,
): ScalarRuleSpec<S> {
  return { shape: 'scalar', label, schema, units: null, isOverridable: false, describe };
}

function list<S extends TSchema>(
  label: string,
  entrySchema: S,
  merge: ListRuleSpec['merge'],
  vocabulary: Readonly<Record<string, string>> | null,
): ListRuleSpec<S> {
  return { shape: 'list', label, entrySchema, merge, vocabulary };
}

const statutePeriod = (label: string) => fixed(label, Deadline, describeDeadline);

export const RULE_CATALOG = {
  statute: {
    officersRequired: fixed('执法人员不得少于的人数', Count, (v) => `${v}人`),
    summaryProcedureFineLimit: fixed(
      '简易程序（当场处罚）的罚款上限',
      FineByParty,
      (v) => `公民${v.citizen}元以下，法人或者其他组织${v.organisation}元以下`,
    ),
    decisionDeadline: statutePeriod('自立案之日起作出行政处罚决定的期限'),
    evidencePreservationDecision: statutePeriod('先行登记保存后作出处理决定的期限'),
    serviceDeadline: statutePeriod('当事人不在场时送达行政处罚决定书的期限'),
    paymentDeadline: statutePeriod('自收到处罚决定书之日起缴纳罚款的期限'),
    latePaymentSurcharge: fixed(
      '到期不缴纳罚款的加处罚款',
      Surcharge,
      (v) => `每日按罚款数额的${v.percentPerDay}%${v.isCappedAtFine ? '，不超出罚款数额' : ''}`,
    ),
    hearingRequestDeadline: statutePeriod('当事人要求听证的期限（自告知后）'),
    hearingNoticeLeadTime: statutePeriod('举行听证前通知当事人的提前期'),
    penaltyDisclosureWithdrawal: statutePeriod('公开的处罚决定被变更、撤销等后撤回信息的期限'),
    penaltyWithdrawalReasonRequired: fixed('撤回处罚决定信息须公开说明理由', Flag, yesNo),
    firstReviewerQualification: fixed('初次从事法制审核的人员须取得法律职业资格', Flag, yesNo),
    workingDayPeriods: fixed('《行政处罚法》中按工作日计算的期间', DayCounts, (v) =>
      v.map((d) => `${d}日`).join('、'),
    ),
    defenceDeadline: statutePeriod('当事人提出陈述、申辩的期限（自事先告知书送达后）'),
    // 《行政许可法》: every period in which an agency implements a permit counts working days.
    permitDecisionDeadline: statutePeriod('自受理之日起作出行政许可决定的期限'),
    permitDecisionExtension: statutePeriod('经负责人批准可延长的行政许可决定期限'),
    permitCorrectionNotice: statutePeriod('申请材料不齐全时一次告知需要补正内容的期限'),
    permitSiteCheckStaff: fixed(
      '核查申请材料实质内容的工作人员不得少于的人数',
      Count,
      (v) => `${v}人`,
    ),
    permitHearingRequestDeadline: statutePeriod('申请人、利害关系人要求听证的期限（自被告知后）'),
    permitHearingOrganiseDeadline: statutePeriod('行政机关组织许可听证的期限（自申请后）'),
    permitHearingNoticeLeadTime: statutePeriod('举行许可听证前通知申请人、利害关系人的提前期'),
    permitCertificateDeadline: statutePeriod('作出准予许可决定后颁发、送达许可证件的期限'),
    permitRenewalLeadTime: statutePeriod('申请延续行政许可的提前期（有效期届满前）'),
    // 《行政强制法》: periods of ten days or less count working days, longer ones calendar days.
    coercionOfficersRequired: fixed(
      '实施行政强制措施的执法人员不得少于的人数',
      Count,
      (v) => `${v}人`,
    ),
    coercionEmergencyReport: statutePeriod(
      '情况紧急当场实施行政强制措施后报告负责人、补办批准手续的时限',
    ),
    coercionSeizurePeriod: statutePeriod('查封、扣押的期限'),
    coercionSeizureExtension: statutePeriod('经负责人批准可延长的查封、扣押期限'),
    coercionFreezePeriod: statutePeriod('冻结后作出处理决定或者解除冻结的期限'),
    coercionFreezeExtension: statutePeriod('经负责人批准可延长的冻结期限'),
    coercionFreezeDecisionDelivery: statutePeriod('实施冻结后向当事人交付冻结决定书的期限'),
    coercionSubstituteReminderLead: statutePeriod('代履行前催告当事人履行的提前期'),
    coercionReminderBeforeCourt: statutePeriod('催告书送达后方可申请人民法院强制执行的期间'),
    coercionCourtApplication: statutePeriod('当事人法定救济期限届满后申请人民法院强制执行的期限'),
    coercionNight: fixed('不得实施行政强制执行的夜间', DailySpan, (v) => `${v.from}至次日${v.to}`),
    coercionWorkingDayLimit: fixed(
      '《行政强制法》中按工作日计算的期限',
      Count,
      (v) => `${v}日以内`,
    ),
    lastDayOffRollsToWorkingDay: fixed(
      '期间最后一日是法定休假日的，以休假日结束的次日为期间最后一日（按日、月计算的期间）',
      Flag,
      yesNo,
    ),
    remedyReviewDeadline: statutePeriod('申请行政复议的期限（自知道行政行为之日起）'),
    remedyLitigationDeadline: statutePeriod('提起行政诉讼的期限（自知道作出行政行为之日起）'),
    // 征收征用: 《国有土地上房屋征收与补偿条例》, 《土地管理法》, 《民法典》.
    expropriationCommentPeriod: fixed(
      '房屋征收补偿方案征求公众意见的期限',
      Duration,
      (v) => `不少于${describeDuration(v)}`,
    ),
    expropriationHearingOnObjection: fixed(
      '多数被征收人认为补偿方案不符合规定的，组织听证会',
      Flag,
      yesNo,
    ),
    expropriationRiskAssessment: fixed('作出房屋征收决定前进行社会稳定风险评估', Flag, yesNo),
    expropriationCollectiveDecision: fixed(
      '被征收人数量较多的，经政府常务会议讨论决定',
      Flag,
      yesNo,
    ),
    expropriationFundsBeforeDecision: fixed(
      '作出房屋征收决定前征收补偿费用足额到位、专户存储、专款专用',
      Flag,
      yesNo,
    ),
    expropriationAnnouncement: fixed('房屋征收决定作出后及时公告补偿方案和救济权利', Flag, yesNo),
    expropriationCourtOnly: fixed(
      '被征收人不搬迁的，由作出征收决定的政府申请人民法院强制执行',
      Flag,
      yesNo,
    ),
    expropriationCollectiveLand: fixed(
      '征收集体土地前开展现状调查、社会稳定风险评估并公告',
      Flag,
      yesNo,
    ),
    requisitionReturn: fixed('被征用的财产使用后返还，毁损、灭失的给予补偿', Flag, yesNo),
  },
  // 立案: a local document may let an officer start in an emergency before the head approves, the
  // approval following within a period (薛城区 附件2 第八条); the law itself is silent.
  filing: {
    emergencyStartApproval: deadline('情况紧急先行启动执法程序后补报负责人批准的时限', ['hours']),
  },
  disclosure: {
    permitDecision: deadline('行政许可决定信息公示时限', ['working_days']),
    penaltyDecision: deadline('行政处罚决定信息公示时限', ['working_days']),
    otherDecision: deadline('其他行政执法决定信息公示时限', ['working_days']),
    withdrawal: deadline('决定被撤销、确认违法或者要求重新作出后撤下原公示信息的时限', [
      'working_days',
    ]),
    withdrawalExplanationRequired: flag('撤下公示信息须作必要说明'),
    correctionAnswer: deadline('核实并答复更正申请的时限', ['working_days', 'days']),
    correctionAnswerInWriting: flag('书面答复更正申请人'),
    preDisclosureUpdate: deadline('事前公开信息变化后的更新时限', ['working_days', 'days']),
    decisionChangeUpdate: deadline('执法决定被依法变更后的更新时限', ['working_days', 'days']),
    inspectionResults: deadline('检查、抽查结果公示时限', ['working_days']),
    annualReport: {
      shape: 'scalar',
      label: '公开上年度行政执法总体情况数据的截止日',
      schema: AnnualDate,
      compare: compareAnnualDates,
      units: null,
      isOverridable: true,
      describe: (v) => `每年${v.month}月${v.day}日前`,
    } satisfies ScalarRuleSpec<typeof AnnualDate>,
  },
  review: {
    timeLimit: deadline('法制审核期限', ['working_days', 'days']),
    extension: deadline('案件复杂时可延长的审核期限', ['working_days', 'days']),
    extensionApprover: {
      shape: 'scalar',
      label: '延长审核期限的批准人',
      schema: Approver,
      // Approval by the head of the agency is stricter than by a deputy.
      compare: (a, b) =>
        a === b ? 'equal' : APPROVERS.indexOf(a) < APPROVERS.indexOf(b) ? 'stricter' : 'laxer',
      units: null,
      isOverridable: true,
      describe: (v) => (v === 'head' ? '机关负责人' : '分管领导'),
    } satisfies ScalarRuleSpec<typeof Approver>,
    outcomes: list('审核意见种类', OutcomeEntry, 'local', null),
    disagreementPath: fixed('承办机构对审核意见有异议时的处理', DisagreementPath, (v) => v),
    body: fixed('法制审核机构', ReviewBody, (v) => v.primary),
    reviewerRatio: {
      shape: 'scalar',
      label: '法制审核人员不少于执法人员总数的比例',
      schema: Percent,
      compare: compareNumbersAtLeast,
      units: null,
      isOverridable: true,
      describe: (v) => `${v}%`,
    } satisfies ScalarRuleSpec<typeof Percent>,
    writtenOpinion: flag('出具书面审核意见'),
    opinionArchived: flag('审核意见随案卷归档'),
    lawyerOpinionRecorded: flag('组织公职律师或法律顾问参与并记录其意见采纳情况'),
  },
  majorCatalog: {
    entries: list('重大执法决定法制审核目录', CatalogEntry, 'union', null),
    extension: fixed('目录的调整与扩充', CatalogExtension, (v) => v),
  },
  av: {
    alwaysRecord: list('应当全程音像记录的情形', AvEntry, 'union', AV_ACT_LABELS),
    asCircumstances: list('根据实际情况进行音像记录的情形', AvEntry, 'union', AV_ACT_LABELS),
    exemptions: list('可不作音像记录的情形', AvExemptionEntry, 'intersection', AV_EXEMPTION_LABELS),
    notifyPartyAtStart: flag('开始视音频记录时告知行政相对人'),
    interruptionExplained: flag('记录中断须说明原因'),
    uploadDeadline: deadline('音像记录存储至本单位专用存储器的时限', ['hours']),
    officerMayNotKeepCopies: flag('执法人员不得自行保管音像记录'),
    sameTargetStoredTogether: flag('同一执法对象的文字、音像记录集中储存'),
  },
  archive: {
    caseFileDeadline: deadline('执法行为终结后形成案卷并归档的时限', ['days', 'working_days']),
    yearlyTransfer: flag('每年将上一年度执法档案移送档案室统一保管'),
    partyAccessNeedsHeadApproval: flag('当事人申请查阅、复制执法全过程记录须经行政机关负责人同意'),
    inspectionVideoRetention: {
      shape: 'scalar',
      label: '不归档的行政检查视音频记录最短保存期限',
      schema: Duration,
      // A minimum retention: the longer one is stricter.
      compare: (a, b) => invert(compareDurations(a, b)),
      units: ['months', 'days'],
      isOverridable: true,
      describe: (v) => `不少于${describeDuration(v)}`,
    } satisfies ScalarRuleSpec<typeof Duration>,
  },
};

// --- Types derived from the catalogue ----------------------------------------------------------

export type RuleCatalog = typeof RULE_CATALOG;
type Catalog = RuleCatalog;
export type SectionName = keyof Catalog;
export type ProfileSection = Exclude<SectionName, 'statute'>;

/** What a profile data file writes for one rule: a cited value, or cited entries; null = silent. */
export type RuleData<T> =
  T extends ScalarRuleSpec<infer S>
    ? Cited<Static<S>> | null
    : T extends ListRuleSpec<infer S>
      ? Static<S>[] | null
      : never;

export type RuleValue<T> =
  T extends ScalarRuleSpec<infer S>
    ? Static<S>
    : T extends ListRuleSpec<infer S>
      ? Static<S>
      : never;

export type ProfileRules = {
  [S in ProfileSection]: { [K in keyof Catalog[S]]: RuleData<Catalog[S][K]> };
};

export type StatuteRules = {
  [K in keyof Catalog['statute']]: Cited<RuleValue<Catalog['statute'][K]>>;
};

export type RuleKey = {
  [S in SectionName]: `${S}.${keyof Catalog[S] & string}`;
}[SectionName];

/** Every rule with its dotted key, in catalogue order. */
export const RULE_SPECS: readonly {
  key: RuleKey;
  section: SectionName;
  name: string;
  spec: RuleSpec;
}[] = Object.entries(RULE_CATALOG).flatMap(([section, rules]) =>
  Object.entries(rules as Record<string, RuleSpec>).map(([name, spec]) => ({
    key: `${section}.${name}` as RuleKey,
    section: section as SectionName,
    name,
    spec,
  })),
);

export const OVERRIDABLE_RULE_KEYS: RuleKey[] = RULE_SPECS.filter(({ spec }) =>
  spec.shape === 'scalar' ? spec.isOverridable : spec.vocabulary !== null,
).map((r) => r.key);

export function findRuleSpec(key: string) {
  return RULE_SPECS.find((r) => r.key === key);
}
