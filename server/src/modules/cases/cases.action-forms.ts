// The request body of every workflow action, as the JSON Schema the server validates it with, with
// a Chinese `title` on each field so that a client can build the action's form generically. The
// titles live here, by field name, because the same field (e.g. servedOn) means the same thing in
// every workflow; a schema's own title, where set, wins.
import type { TSchema } from 'typebox';
import type { ActionSpec } from './workflow.ts';

export const FIELD_TITLES: Readonly<Record<string, string>> = {
  reason: '理由',
  transcriptKind: '笔录种类',
  madeOn: '制作日期',
  place: '地点',
  officers: '执法人员',
  personId: '人员',
  credentialNo: '执法证号',
  content: '内容',
  partySigned: '当事人已签名',
  refusalNote: '当事人拒绝签名的情况说明',
  preservedOn: '先行登记保存日期',
  items: '物品清单',
  decidedOn: '决定日期',
  outcome: '处理结果',
  servedOn: '送达日期',
  proposed: '拟作出的决定',
  types: '处罚种类',
  fineYuan: '罚款金额（元）',
  confiscationYuan: '没收违法所得金额（元）',
  isMitigated: '是否减轻处罚',
  legalBasis: '法律依据',
  reasons: '理由',
  isLargeAmount: '是否属于较大数额',
  receivedOn: '收到日期',
  review: '复核意见',
  isAccepted: '是否采纳',
  opinion: '意见',
  isApproved: '是否批准',
  requestedOn: '申请日期',
  noticeServedOn: '通知送达日期',
  hearingOn: '听证日期',
  heldOn: '举行日期',
  record: '记录',
  participants: '参加人员',
  minutes: '讨论记录',
  from: '起始日期',
  on: '日期',
  days: '天数',
  method: '送达方式',
  receiptNo: '送达回证或回执编号',
  leaveReason: '留置原因',
  witness: '见证人',
  otherMethodsFailed: '其他方式无法送达的情况',
  consentReference: '当事人同意电子送达的确认',
  paidOn: '缴纳日期',
  amountYuan: '金额（元）',
  appliedOn: '申请日期',
  means: '执行方式',
  closedOn: '结案日期',
  summary: '结案报告摘要',
  archivedOn: '归档日期',
  archiveNo: '档案号',
  penalty: '处罚内容',
  requested: '申请事项',
  materials: '申请材料',
  existingPermit: '原许可证件',
  permitNo: '许可证号',
  validUntil: '有效期至',
  completedOn: '补正完成日期',
  acceptedOn: '受理日期',
  isSiteCheckRequired: '是否需要现场核查',
  hearingBasis: '听证依据',
  referTo: '告知向有关机关申请',
  notified: '是否已告知',
  kind: '种类',
  to: '截止日期',
  notifiedOn: '告知日期',
  approvedOn: '批准日期',
  checkedOn: '核查日期',
  requester: '申请人',
  presider: '主持人',
  name: '姓名',
  announcedOn: '公告日期',
  remedyNotice: '救济途径告知',
  issuesCertificate: '是否颁发许可证件',
  isBasedOnHearingRecord: '是否根据听证笔录作出',
  harmsPublicInterest: '是否损害公共利益',
  compensation: '补偿',
  description: '说明',
  issuedOn: '发证日期',
  certificateNo: '证件编号',
  startedOn: '启动日期',
  initiatedBy: '提起方',
  permit: '许可',
  ground: '事由',
  facts: '事实',
  isHearingEligible: '是否可以听证',
  measures: '强制措施',
  seizedValueYuan: '查封扣押财物价值（元）',
  seizedAreaSquareMetres: '查封场所面积（平方米）',
  isEmergency: '是否情况紧急',
  emergencyReason: '紧急情况说明',
  implementedAt: '实施时间',
  isPartyPresent: '当事人是否到场',
  isPartyInformed: '是否当场告知理由、依据和权利',
  statementHeard: '当事人的陈述和申辩',
  decisionDocNo: '决定书文号',
  isListDelivered: '是否交付清单',
  financialInstitution: '金融机构',
  partyNotifiedOn: '通知当事人日期',
  releasedOn: '解除日期',
  returnNote: '退还说明',
  relatedCaseNo: '关联案件编号',
  decision: '决定',
  docNo: '文号',
  obligation: '义务内容',
  isMonetary: '是否金钱给付义务',
  performanceDueOn: '履行期限',
  enforcementPower: '强制执行权',
  performByOn: '履行期限至',
  paymentMethod: '给付方式',
  statesRightToBeHeard: '是否告知陈述申辩权',
  service: '送达',
  performedOn: '履行日期',
  note: '备注',
  selfDemolishBy: '自行拆除期限',
  substitute: '代履行',
  performer: '代履行人',
  subject: '标的',
  costBudgetYuan: '费用预算（元）',
  executedOn: '执行日期',
  startTime: '开始时间',
  endTime: '结束时间',
  supervisorPersonId: '到场监督人员',
  court: '人民法院',
  ruledOn: '裁定日期',
  rulingNo: '裁定书文号',
  plannedOn: '计划日期',
  inspectedOn: '检查日期',
  credentialForm: '出示证件方式',
  noticeDocNo: '行政检查通知书文号',
  itemsChecked: '检查事项',
  result: '结果',
  problems: '发现的问题',
  deadlineOn: '整改期限',
  recheckedOn: '复查日期',
  referredOn: '移送日期',
  target: '移送去向',
  randomCheckItemId: '抽查事项',
  taskName: '任务名称',
  drawnOn: '抽取日期',
  entityPoolSize: '检查对象名录库数量',
  entitiesDrawn: '抽取检查对象数量',
  officerPoolSize: '执法检查人员名录库数量',
  drawnOfficerIds: '抽取的执法检查人员',
  recordRef: '抽取记录',
  permitDecidedOn: '许可决定日期',
  commitment: '承诺内容',
  object: '征收（征用）对象',
  includesHouses: '是否涉及房屋',
  purpose: '公共利益目的',
  scope: '范围',
  compensationPlan: '补偿方案',
  partiesCount: '被征收人数量',
  isManyParties: '被征收人数量较多',
  publishedOn: '公布日期',
  commentUntil: '征求意见截止日期',
  medium: '公布方式',
  opinionsSummary: '意见汇总',
  revisions: '修改情况',
  resultsPublishedOn: '结果公布日期',
  majorityObjected: '多数被征收人有异议',
  hearing: '听证',
  assessedOn: '评估日期',
  riskLevel: '风险等级',
  conclusion: '结论',
  confirmedOn: '确认日期',
  account: '专户',
  isFullAmount: '是否足额到位',
  compensationSummary: '补偿概要',
  signingPeriod: '签约期限',
  includesPlanAndRemedies: '公告是否载明补偿方案和救济途径',
  partyName: '当事人',
  form: '补偿方式',
  movingDeadlineOn: '搬迁期限',
  returnedOn: '返还日期',
  condition: '返还时状况',
  damageCompensationYuan: '损失补偿（元）',
};

type JsonSchema = Record<string, unknown>;

function withTitles(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    out.properties = Object.fromEntries(
      Object.entries(props).map(([key, value]) => {
        const titled = withTitles(value);
        const title = titled.title ?? FIELD_TITLES[key];
        return [key, title === undefined ? titled : { title, ...titled }];
      }),
    );
  }
  if (schema.items && typeof schema.items === 'object') {
    out.items = withTitles(schema.items as JsonSchema);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) out[key] = branches.map((b: JsonSchema) => withTitles(b));
  }
  return out;
}

const cache = new WeakMap<TSchema, JsonSchema>();

/** The action's body schema as plain JSON (TypeBox's own markers dropped), fields titled. */
export function inputSchemaOf(spec: ActionSpec<never>): JsonSchema {
  let schema = cache.get(spec.input);
  if (!schema) {
    schema = withTitles(JSON.parse(JSON.stringify(spec.input)) as JsonSchema);
    cache.set(spec.input, schema);
  }
  return schema;
}
