// The closed vocabularies jurisdiction profiles are written in, with the Chinese a user reads.
// Codes are stable identifiers other modules (cases, AV records, review) will match against.

/** Acts that must or may be recorded on audio/video (音像记录). */
export const AV_ACT_LABELS = {
  seal_seize_property: '查封扣押财产',
  forced_demolition: '强制拆除',
  liberty_health_property_sites:
    '直接涉及人身自由、生命健康、重大财产权益的现场执法活动和执法办案场所',
  inspection_after_commitment_permit: '采用告知承诺方式取得行政许可后的检查',
  coercion: '实施行政强制',
  evidence_preservation: '证据先行登记保存',
  on_site_enforcement: '现场执法',
  investigation: '调查取证',
  hearing: '听证',
  leave_service: '留置送达',
  notice_service: '公告送达',
  inspection_with_contact: '与行政相对人直接接触或者直接进入其场所的行政检查',
  site_inspection: '现场检查',
  survey: '勘验',
  sampling: '抽样取证',
  summary_penalty: '适用简易程序的行政处罚',
  restrict_liberty: '限制公民人身自由',
  seal: '查封场所、设施或者财物',
  seize: '扣押财物',
  remove_obstruction_restore: '排除妨碍、恢复原状的强制执行',
  fixed_site_acceptance: '固定受理地点的申请受理',
  rectification_check: '责令改正后的核查',
} as const;
export type AvAct = keyof typeof AV_ACT_LABELS;
export const AV_ACTS = Object.keys(AV_ACT_LABELS) as AvAct[];

export const AV_EXEMPTION_LABELS = {
  high_risk_site: '易燃易爆、无菌等高风险现场（场所）可不作视音频记录',
  emergency: '遇到紧急情况的除外',
} as const;
export type AvExemption = keyof typeof AV_EXEMPTION_LABELS;
export const AV_EXEMPTIONS = Object.keys(AV_EXEMPTION_LABELS) as AvExemption[];

/** Legal review opinions (审核意见). */
export const REVIEW_OUTCOMES = [
  'agree',
  'problems',
  'not_yet_agree',
  'return',
  'disagree',
] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** What happens when the handling unit and the reviewer disagree. */
export const DISAGREEMENT_PATH_LABELS = {
  coordination: '建立审核意见不一致时的协调机制',
  report_to_leaders: '按照程序报请有关领导决定',
  negotiate_then_head: '列明理由协商沟通，不能达成一致的双方意见一并报负责人处理',
  resubmit: '研究处理后再次报送法制审核',
  re_review_once_then_collective: '可书面申请复审一次，仍不同意的提请负责人会议集体讨论决定',
} as const;
export type DisagreementPathCode = keyof typeof DISAGREEMENT_PATH_LABELS;
export const DISAGREEMENT_PATHS = Object.keys(DISAGREEMENT_PATH_LABELS) as DisagreementPathCode[];

export const APPROVER_LABELS = { head: '机关负责人', deputy_head: '分管领导' } as const;
export const APPROVERS = Object.keys(APPROVER_LABELS) as (keyof typeof APPROVER_LABELS)[];

export const REVIEW_BODY_LABELS = {
  designated_unit: '机关明确的法制审核工作机构',
  legal_unit: '本机关法制机构',
  unit_other_than_handling: '经办部门以外的指定机构',
  judicial_office: '司法所',
  justice_bureau: '市司法局',
} as const;
export const REVIEW_BODY_KINDS = Object.keys(
  REVIEW_BODY_LABELS,
) as (keyof typeof REVIEW_BODY_LABELS)[];

export const CATALOG_EXTENSION_LABELS = {
  agency_list: '机关结合实际制定本机关目录清单',
  agency_list_with_filing: '机关调整或增加审核范围，报本级政府法制机构备案后执行',
} as const;
export const CATALOG_EXTENSION_MODES = Object.keys(
  CATALOG_EXTENSION_LABELS,
) as (keyof typeof CATALOG_EXTENSION_LABELS)[];

// --- The "major decision" catalogue -------------------------------------------------------------

export const DECISION_KINDS = ['any', 'penalty', 'permit', 'coercion', 'expropriation'] as const;

/** Facts about a decision that a catalogue condition may require; most need human judgement. */
export const MAJOR_FACT_LABELS = {
  major_public_interest: '涉及重大公共利益',
  major_social_impact_or_risk: '可能造成重大社会影响或引发社会风险',
  major_rights: '直接关系行政相对人或者第三人重大权益',
  decided_after_hearing: '经过听证程序作出',
  complex_or_multiple_legal_relations: '案件情况疑难复杂、涉及多个法律关系',
  hearing_eligible: '符合听证条件',
  mitigated_penalty: '减轻行政处罚',
  agency_designated: '国家和本市规定以及行政执法单位认定的其他重大行政执法决定',
  ordinary_procedure: '适用一般程序',
  in_government_name: '以人民政府名义作出',
  safety_ecology_health_activity:
    '准予从事直接涉及公共安全、生态环境保护、人身健康、生命财产安全等特定活动',
  limited_resources_or_market_access: '有限自然资源开发利用、公共资源配置或者特定行业市场准入',
  many_parties_or_disputed_compensation: '征收对象涉及人数较多或者对征收补偿方案分歧较大',
  major_local_impact: '对本地经济社会发展有重大影响或者可能影响社会稳定',
  hearing_required_by_law: '法律、法规、规章规定应当举行听证',
  hearing_deemed_needed: '行政执法机关认为需要听证',
  public_interest: '涉及公共利益',
  other_major_impact: '其他对当事人或者社会公共利益有重大影响',
} as const;
export type MajorFact = keyof typeof MAJOR_FACT_LABELS;
export const MAJOR_FACTS = Object.keys(MAJOR_FACT_LABELS) as MajorFact[];

export const PENALTY_KINDS = ['suspend_business', 'revoke_licence'] as const;
export const PARTY_TYPES = ['citizen', 'organisation'] as const;
export const PERMIT_ACTIONS = [
  'change_for_public_interest',
  'withdraw_for_public_interest',
  'revoke',
  'deny',
  'deny_change',
  'deny_renewal',
  'cancel',
] as const;
export const COERCION_ACTS = [
  'restrict_liberty',
  'seal',
  'seize',
  'freeze',
  'transfer',
  'auction_or_dispose',
  'demolition',
  'court_enforcement',
  'immediate_substitute_performance',
  'late_payment_penalty',
  'late_fee',
] as const;
export const EXPROPRIATION_OBJECTS = ['house_on_state_land', 'house_on_collective_land'] as const;
