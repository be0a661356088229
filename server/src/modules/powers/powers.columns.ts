// The columns of the import template: header text (what the user sees and the importer matches),
// whether a value is required, and the instructions shown in the template's 填写说明 sheet and
// as notes on the headers. One list drives the template, the importer and the docs.

export const POWER_SHEET = '权力事项';
export const RANDOM_CHECK_SHEET = '随机抽查事项';
export const INSTRUCTIONS_SHEET = '填写说明';

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  required: boolean;
  help: string;
  example: string;
  width: number;
}

export type PowerColumnKey =
  | 'code'
  | 'name'
  | 'category'
  | 'legalBasis'
  | 'handlingUnit'
  | 'lawAreas'
  | 'procedureSteps'
  | 'statutoryLimit'
  | 'promisedLimit'
  | 'benchmarks'
  | 'acceptingBody'
  | 'approvingBody'
  | 'conditions'
  | 'materials'
  | 'fee'
  | 'supervision'
  | 'remedy'
  | 'officeHours'
  | 'address'
  | 'phone';

const GUIDE_NOTE = '（服务指南；类别为许可时必填，其他类别填写任一服务指南列时也须填全）';

export const POWER_COLUMNS: ColumnSpec<PowerColumnKey>[] = [
  {
    key: 'code',
    header: '事项编码',
    required: true,
    help: '本执法主体内唯一；字母、数字及 - _ .。再次导入相同编码即更新该事项',
    example: 'XC-SCJG-CF-001',
    width: 18,
  },
  {
    key: 'name',
    header: '事项名称',
    required: true,
    help: '不超过 200 字',
    example: '对生产经营超过保质期的食品、食品添加剂的行政处罚',
    width: 36,
  },
  {
    key: 'category',
    header: '类别',
    required: true,
    help: '处罚、许可、强制、检查、征收、征用、其他 之一',
    example: '处罚',
    width: 8,
  },
  {
    key: 'legalBasis',
    header: '法律依据',
    required: true,
    help: '法律法规名称用书名号，条款写“第…条”；多项用“；”或换行分隔，同一法律的多条用“、”',
    example:
      '《中华人民共和国食品安全法》第三十四条、第一百二十四条第一款；《中华人民共和国行政处罚法》第三十二条',
    width: 48,
  },
  {
    key: 'handlingUnit',
    header: '承办机构',
    required: false,
    help: '本执法主体内设机构的名称，须与系统中的名称一致',
    example: '执法稽查科',
    width: 14,
  },
  {
    key: 'lawAreas',
    header: '执法领域',
    required: false,
    help: '与执法证上的执法领域用语一致，多个用“、”分隔；办案人员的执法证须至少包含其中之一',
    example: '食品安全',
    width: 14,
  },
  {
    key: 'procedureSteps',
    header: '办理流程',
    required: false,
    help: '各步骤用“→”或换行分隔；步骤时限写在括号中',
    example: '立案→调查取证→告知→决定→送达（7个工作日）→执行',
    width: 40,
  },
  {
    key: 'statutoryLimit',
    header: '法定时限',
    required: false,
    help: '如 20个工作日、90日、即办；按月计算的期限请换算为日',
    example: '90日',
    width: 12,
  },
  {
    key: 'promisedLimit',
    header: '承诺时限',
    required: false,
    help: '写法同法定时限，不得超过法定时限',
    example: '60日',
    width: 12,
  },
  {
    key: 'benchmarks',
    header: '裁量基准',
    required: false,
    help: '每行一条：情形|适用条件|罚款金额（元）|其他处理（可省略）；金额如 0-5000、5000～2万、5万以上',
    example:
      '轻微|货值金额不足一万元，具有从轻处罚情形|5万-6.5万|没收违法所得和违法生产经营的食品\n' +
      '特别严重|货值金额一万元以上|无|并处货值金额十倍以上二十倍以下罚款',
    width: 48,
  },
  {
    key: 'acceptingBody',
    header: '受理机构',
    required: false,
    help: `受理申请的机构${GUIDE_NOTE}`,
    example: '区政务服务中心市场监管窗口',
    width: 20,
  },
  {
    key: 'approvingBody',
    header: '审批机构',
    required: false,
    help: `作出决定的机关${GUIDE_NOTE}`,
    example: '枣庄市薛城区市场监督管理局',
    width: 20,
  },
  {
    key: 'conditions',
    header: '受理条件',
    required: false,
    help: GUIDE_NOTE,
    example: '具有与经营的食品品种、数量相适应的经营场所……',
    width: 36,
  },
  {
    key: 'materials',
    header: '申请材料',
    required: false,
    help: `每行或每个“；”一项${GUIDE_NOTE}`,
    example: '食品经营许可申请书\n营业执照复印件',
    width: 36,
  },
  {
    key: 'fee',
    header: '收费标准',
    required: false,
    help: '可省略',
    example: '不收费',
    width: 10,
  },
  {
    key: 'supervision',
    header: '监督方式',
    required: false,
    help: GUIDE_NOTE,
    example: '监督电话 0632-4412345',
    width: 24,
  },
  {
    key: 'remedy',
    header: '救济渠道',
    required: false,
    help: GUIDE_NOTE,
    example: '可在六十日内申请行政复议，或在六个月内提起行政诉讼',
    width: 30,
  },
  {
    key: 'officeHours',
    header: '办公时间',
    required: false,
    help: GUIDE_NOTE,
    example: '工作日 9:00-12:00，13:30-17:00',
    width: 20,
  },
  {
    key: 'address',
    header: '办公地址',
    required: false,
    help: GUIDE_NOTE,
    example: '枣庄市薛城区黄河路 188 号',
    width: 24,
  },
  {
    key: 'phone',
    header: '咨询电话',
    required: false,
    help: GUIDE_NOTE,
    example: '0632-4412315',
    width: 14,
  },
];

/** The service-guide columns that must all be filled once a guide is given (fee may be empty). */
export const GUIDE_REQUIRED_KEYS: PowerColumnKey[] = [
  'acceptingBody',
  'approvingBody',
  'conditions',
  'materials',
  'supervision',
  'remedy',
  'officeHours',
  'address',
  'phone',
];

export type RandomCheckColumnKey =
  | 'code'
  | 'name'
  | 'powerCode'
  | 'basis'
  | 'subject'
  | 'content'
  | 'method'
  | 'ratio'
  | 'frequency';

export const RANDOM_CHECK_COLUMNS: ColumnSpec<RandomCheckColumnKey>[] = [
  {
    key: 'code',
    header: '事项编码',
    required: true,
    help: '抽查事项编码，本执法主体内唯一；再次导入相同编码即更新',
    example: 'XC-SCJG-CC-001',
    width: 18,
  },
  {
    key: 'name',
    header: '抽查事项名称',
    required: true,
    help: '不超过 200 字',
    example: '食品经营者经营行为的检查',
    width: 30,
  },
  {
    key: 'powerCode',
    header: '对应权力事项编码',
    required: false,
    help: '本表“权力事项”工作表或系统中已有的权力事项编码',
    example: 'XC-SCJG-JC-001',
    width: 18,
  },
  {
    key: 'basis',
    header: '抽查依据',
    required: true,
    help: '法律法规及条款',
    example: '《中华人民共和国食品安全法》第一百一十条',
    width: 36,
  },
  {
    key: 'subject',
    header: '检查主体',
    required: true,
    help: '实施检查的机关',
    example: '枣庄市薛城区市场监督管理局',
    width: 20,
  },
  {
    key: 'content',
    header: '检查内容',
    required: true,
    help: '检查的对象与事项',
    example: '食品经营许可情况、从业人员健康管理、进货查验记录',
    width: 36,
  },
  {
    key: 'method',
    header: '检查方式',
    required: true,
    help: '如 现场检查、书面检查、抽样检测',
    example: '现场检查',
    width: 14,
  },
  {
    key: 'ratio',
    header: '抽查比例',
    required: true,
    help: '写明百分比，如 5%、不低于3%',
    example: '不低于5%',
    width: 12,
  },
  {
    key: 'frequency',
    header: '抽查频次',
    required: true,
    help: '如 每年1次',
    example: '每年不少于1次',
    width: 14,
  },
];

/** Rows beyond this many in one sheet are refused: a catalogue is hundreds, not tens of thousands. */
export const IMPORT_MAX_ROWS = 2000;
/** Upload limit of the import route; an XLSX template with 2000 full rows stays well below it. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Limit on the uncompressed size of an XLSX's parts, against ZIP bombs. */
export const IMPORT_MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
