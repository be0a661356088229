// Every field an instrument can carry, with the label printed before it. Templates pick and order
// these; the filler (instruments.fill.ts) computes them from the case; an officer may supply or
// correct a value when issuing (data overrides), never a field the template does not have.

export const FIELD_LABELS = {
  caseNo: '案件编号',
  caseTitle: '案由',
  caseSource: '案件来源',
  sourceDetail: '案源情况',
  registeredOn: '登记日期',
  partyName: '当事人',
  partyIdentity: '统一社会信用代码（身份证件号码）',
  legalRepresentative: '法定代表人（负责人）',
  partyAddress: '住所（地址）',
  partyPhone: '联系电话',
  officers: '执法人员及执法证件号码',
  place: '地点',
  time: '时间',
  credentialsShown: '出示执法证件情况',
  content: '记录内容',
  partySignature: '当事人签名（拒签情况）',
  facts: '违法事实',
  evidence: '证据',
  legalBasis: '法律依据',
  reasons: '理由',
  penalty: '处罚种类和内容',
  proposed: '拟作出的行政处罚',
  performance: '履行方式和期限',
  remedies: '申请行政复议、提起行政诉讼的途径和期限',
  rights: '当事人依法享有的权利',
  defenceDueOn: '陈述、申辩的截止日期',
  hearingRights: '听证权利',
  hearingRequestDueOn: '要求听证的截止日期',
  hearingTime: '听证时间',
  hearingPlace: '听证地点',
  hearingHost: '听证主持人',
  hearingRecord: '听证记录',
  defenceContent: '陈述申辩内容',
  defenceReview: '复核意见',
  defenceOutcome: '当事人陈述、申辩及采纳情况',
  approvalOpinion: '审批意见',
  approvedBy: '审批人',
  approvedOn: '审批日期',
  notFiledReason: '不予立案理由',
  items: '物品（证据）名称、数量',
  samplingMethod: '抽样方式',
  preservationPeriod: '保存期限及处理期限',
  preservationOutcome: '处理决定',
  seizureReason: '查封、扣押的理由和依据',
  seizureTerm: '查封、扣押期限',
  seizurePlace: '查封、扣押的场所、设施或者财物',
  rectification: '责令改正的内容',
  rectifyBy: '改正期限',
  reviewBody: '审核机构',
  reviewProposal: '拟作出的决定',
  reviewChecklist: '审核事项',
  reviewOpinion: '审核意见',
  reviewer: '审核人员',
  reviewedOn: '审核日期',
  heldOn: '讨论日期',
  participants: '参加人员',
  minutes: '讨论记录',
  conclusion: '讨论决定',
  documentServed: '送达文书名称及文号',
  serviceMethod: '送达方式',
  servedOn: '送达日期',
  recipient: '受送达人',
  serviceNote: '送达情况说明',
  amountDue: '应缴金额',
  paymentDeadline: '履行期限',
  enforcementReason: '强制执行的理由和依据',
  enforcementMeans: '强制执行的方式和时间',
  executionStatus: '执行情况',
  closingSummary: '结案理由',
  inspectionMatter: '检查事项',
  inspectionBasis: '检查依据',
  inspectionTime: '检查时间',
  inspectionRequirements: '需要配合的事项',
  agencyName: '行政机关',
  issuedOn: '日期',
  docNo: '文号',
} as const;

export type FieldKey = keyof typeof FIELD_LABELS;
export type Fields = Partial<Record<FieldKey, string>>;

export const FIELD_KEYS = Object.keys(FIELD_LABELS) as FieldKey[];

/** Fields the system always fills and an officer may never override. */
export const SYSTEM_FIELDS: readonly FieldKey[] = ['agencyName', 'docNo', 'issuedOn', 'caseNo'];

/**
 * Fields only the case record fills: the party's rights with the last days the penalty guards
 * count (a typed date would be a second calculation the decision does not wait for), and what
 * the party did with them. An officer corrects them by recording the step, never by typing.
 */
export const CASE_RECORD_FIELDS: readonly FieldKey[] = [
  'rights',
  'defenceDueOn',
  'hearingRights',
  'hearingRequestDueOn',
  'defenceOutcome',
];

export function isFieldKey(key: string): key is FieldKey {
  return Object.hasOwn(FIELD_LABELS, key);
}
