// Demo powers catalogue of the demo district: real laws and article numbers; the discretion
// benchmarks are modelled on typical local 裁量基准 tables (their splits between 轻微/一般/严重
// are illustrative, the outer limits are the statutory ones). Identifiers are derived from the
// agency and the code, so that tests and route examples can name a demo power without a lookup.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DemoIds } from '../../demo/demo.org.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { isValidPhone } from '../../shared/validators.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import * as repo from './powers.repository.ts';
import { powerContentIssues, type PowerContent, type RandomCheckContent } from './powers.rules.ts';
import type {
  DiscretionBenchmark,
  Duration,
  LegalBasisRef,
  ProcedureStep,
  ServiceGuide,
} from './powers.schemas.ts';

/** A stable UUID (RFC 9562 version 8) for a demo record: same agency and code, same id. */
export function demoRecordId(kind: 'power' | 'randomCheckItem', agencyId: string, code: string) {
  const hex = createHash('sha256').update(`${kind}:${agencyId}:${code}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FOOD = '中华人民共和国食品安全法';
const PRODUCT = '中华人民共和国产品质量法';
const PRICE = '中华人民共和国价格法';
const EQUIPMENT = '中华人民共和国特种设备安全法';
const COERCION = '中华人民共和国行政强制法';
const PLANNING = '中华人民共和国城乡规划法';
const CITY = '城市市容和环境卫生管理条例';

function basis(law: string, ...articles: string[]): LegalBasisRef[] {
  return articles.map((article) => ({ law, article }));
}
const workingDays = (amount: number): Duration => ({ amount, unit: 'working_days' });
const days = (amount: number): Duration => ({ amount, unit: 'days' });
const step = (name: string, timeLimit?: Duration): ProcedureStep =>
  timeLimit ? { name, timeLimit } : { name };
function benchmark(
  circumstance: string,
  description: string,
  yuan: [number, number] | null,
  otherMeasures?: string,
): DiscretionBenchmark {
  return {
    circumstance,
    description,
    penalty: {
      ...(yuan ? { minYuan: yuan[0], maxYuan: yuan[1] } : {}),
      ...(otherMeasures ? { otherMeasures } : {}),
    },
  };
}

// 行政处罚法: filing to decision within 90 days (art.60); service within 7 days, which art.85
// counts in working days (art.61).
const PENALTY_STEPS = [
  step('立案'),
  step('调查取证'),
  step('法制审核'),
  step('告知陈述申辩和听证权利'),
  step('负责人审批或集体讨论'),
  step('作出处罚决定'),
  step('送达', workingDays(7)),
  step('执行'),
];
const PENALTY_LIMIT = { statutory: days(90) };
const NOT_PUNISHED =
  '初次违法且危害后果轻微并及时改正（《中华人民共和国行政处罚法》第三十三条第一款）';

// 行政强制法 art.18 (procedure of coercive measures) and art.25 (seizure at most 30 days).
const COERCION_STEPS = [
  step('报经行政机关负责人批准'),
  step('通知当事人到场'),
  step('出示执法身份证件'),
  step('告知理由、依据和救济途径'),
  step('听取陈述和申辩'),
  step('制作现场笔录'),
  step('交付查封、扣押决定书和清单'),
  step('作出处理决定', days(30)),
];

const INSPECTION_STEPS = [
  step('随机抽取检查对象和执法人员'),
  step('出示执法证件、告知检查事项'),
  step('现场检查'),
  step('制作检查记录'),
  step('结果处理'),
  step('结果公示'),
];

// 行政复议法 art.20 (60 days) and 行政诉讼法 art.46 (6 months); since 2024 a county-level
// department's decisions go to the county-level government for review.
const REMEDY =
  '对决定不服的，可以自知道该决定之日起六十日内向枣庄市薛城区人民政府申请行政复议，' +
  '或者自知道或者应当知道该决定之日起六个月内依法向人民法院提起行政诉讼';
const OFFICE_HOURS = '法定工作日 上午 9:00-12:00，下午 13:30-17:30';

interface DemoPower {
  code: string;
  unit?: string;
  content: Omit<PowerContent, 'handlingUnitId'>;
}

const MARKET_POWERS: DemoPower[] = [
  {
    code: 'XC-SCJG-CF-001',
    unit: '执法稽查科',
    content: {
      name: '对生产经营超过保质期的食品、食品添加剂的行政处罚',
      category: 'penalty',
      lawAreas: ['食品安全'],
      legalBasis: basis(FOOD, '第三十四条', '第一百二十四条第一款'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark(
          '轻微',
          '货值金额不足一万元，主动停止销售并召回，具有从轻处罚情形',
          [50_000, 65_000],
          '没收违法所得和违法生产经营的食品',
        ),
        benchmark(
          '一般',
          '货值金额不足一万元，无从轻、从重情形',
          [65_000, 85_000],
          '没收违法所得和违法生产经营的食品',
        ),
        benchmark(
          '严重',
          '货值金额不足一万元，已造成危害后果或者拒不改正',
          [85_000, 100_000],
          '没收违法所得和违法生产经营的食品',
        ),
        benchmark(
          '特别严重',
          '货值金额一万元以上',
          null,
          '没收违法所得和违法生产经营的食品，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-CF-002',
    unit: '执法稽查科',
    content: {
      name: '对生产经营无标签的预包装食品或者标签不符合规定的食品的行政处罚',
      category: 'penalty',
      lawAreas: ['食品安全'],
      legalBasis: basis(FOOD, '第六十七条', '第一百二十五条第一款', '第一百二十五条第二款'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark(
          '轻微',
          '标签、说明书存在瑕疵，不影响食品安全且不会对消费者造成误导，拒不改正',
          [0, 2_000],
          '责令改正',
        ),
        benchmark(
          '一般',
          '货值金额不足一万元',
          [5_000, 30_000],
          '没收违法所得和违法生产经营的食品',
        ),
        benchmark(
          '严重',
          '货值金额不足一万元，且拒不改正或者造成不良影响',
          [30_000, 50_000],
          '没收违法所得和违法生产经营的食品',
        ),
        benchmark(
          '特别严重',
          '货值金额一万元以上',
          null,
          '没收违法所得和违法生产经营的食品，并处货值金额五倍以上十倍以下罚款；情节严重的，责令停产停业，直至吊销许可证',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-CF-003',
    unit: '食品安全监督管理科',
    content: {
      name: '对食品经营者未按规定建立并遵守进货查验记录制度的行政处罚',
      category: 'penalty',
      lawAreas: ['食品安全'],
      legalBasis: basis(FOOD, '第五十三条', '第一百二十六条第一款'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark('不予处罚', NOT_PUNISHED, null, '责令改正，不予行政处罚'),
        benchmark('轻微', '首次发现，责令改正后按期改正', null, '警告'),
        benchmark('一般', '经责令改正拒不改正', [5_000, 20_000], '警告'),
        benchmark(
          '严重',
          '拒不改正，且涉及食品数量较大或者造成不良社会影响',
          [20_000, 50_000],
          '情节严重的，责令停产停业，直至吊销许可证',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-CF-004',
    unit: '执法稽查科',
    content: {
      name: '对经营者不按规定明码标价的行政处罚',
      category: 'penalty',
      lawAreas: ['价格监管'],
      legalBasis: basis(PRICE, '第十三条', '第四十二条'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark('不予处罚', NOT_PUNISHED, null, '责令改正，不予行政处罚'),
        benchmark(
          '轻微',
          '未标价商品或者服务项目较少，经责令后当场改正',
          [0, 1_000],
          '责令改正，没收违法所得',
        ),
        benchmark(
          '一般',
          '未按规定明码标价，经责令后改正',
          [1_000, 3_000],
          '责令改正，没收违法所得',
        ),
        benchmark('严重', '拒不改正或者一年内再次违法', [3_000, 5_000], '责令改正，没收违法所得'),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-CF-005',
    unit: '执法稽查科',
    content: {
      name: '对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚',
      category: 'penalty',
      lawAreas: ['产品质量'],
      legalBasis: basis(PRODUCT, '第十三条', '第四十九条'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark(
          '轻微',
          '货值金额较小，主动召回并消除影响',
          null,
          '责令停止生产、销售，没收违法生产、销售的产品，并处货值金额等值以上一点五倍以下罚款',
        ),
        benchmark(
          '一般',
          '无从轻、从重情形',
          null,
          '责令停止生产、销售，没收违法生产、销售的产品，并处货值金额一点五倍以上二点五倍以下罚款；有违法所得的，并处没收违法所得',
        ),
        benchmark(
          '严重',
          '造成人身伤害或者拒不停止生产、销售',
          null,
          '并处货值金额二点五倍以上三倍以下罚款，没收违法所得；情节严重的，吊销营业执照',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-CF-006',
    content: {
      name: '对特种设备使用单位使用未经检验或者检验不合格的特种设备的行政处罚',
      category: 'penalty',
      lawAreas: ['特种设备'],
      legalBasis: basis(EQUIPMENT, '第四十条', '第八十四条'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark(
          '轻微',
          '超过定期检验有效期不足一个月，未发生事故，立即停止使用并申请检验',
          [30_000, 80_000],
          '责令停止使用有关特种设备',
        ),
        benchmark(
          '一般',
          '超过定期检验有效期一个月以上三个月以下',
          [80_000, 200_000],
          '责令停止使用有关特种设备',
        ),
        benchmark(
          '严重',
          '超过定期检验有效期三个月以上，或者检验不合格仍继续使用',
          [200_000, 300_000],
          '责令停止使用有关特种设备',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-XK-001',
    unit: '食品安全监督管理科',
    content: {
      name: '食品经营许可',
      category: 'permit',
      lawAreas: ['食品安全'],
      legalBasis: basis(FOOD, '第三十五条第一款'),
      procedureSteps: [
        step('申请'),
        step('受理'),
        step('审查（含现场核查）'),
        step('作出许可决定'),
        step('颁发许可证', workingDays(10)),
      ],
      timeLimit: { statutory: workingDays(10), promised: workingDays(5) },
      discretionBenchmarks: [],
      serviceGuide: {
        acceptingBody: '枣庄市薛城区政务服务中心市场监管窗口',
        approvingBody: '枣庄市薛城区市场监督管理局',
        conditions:
          '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、包装、贮存等场所；' +
          '具有相应的经营设备或者设施；有专职或者兼职的食品安全专业技术人员、食品安全管理人员和' +
          '保证食品安全的规章制度；具有合理的设备布局和工艺流程（《中华人民共和国食品安全法》第三十三条）',
        materials: [
          '食品经营许可申请书',
          '营业执照或者其他主体资格证明文件',
          '与食品经营相适应的主要设备设施、经营布局、操作流程等文件',
          '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录',
          '委托他人办理的，提交授权委托书及代理人身份证明',
        ],
        fee: '不收费',
        supervision: '区市场监督管理局监督电话 0632-4412345；12345 政务服务便民热线',
        remedy: REMEDY,
        officeHours: OFFICE_HOURS,
        address: '枣庄市薛城区黄河路 188 号',
        phone: '0632-4412315',
      },
    },
  },
  {
    code: 'XC-SCJG-XK-002',
    content: {
      name: '特种设备使用登记',
      category: 'permit',
      lawAreas: ['特种设备'],
      legalBasis: basis(EQUIPMENT, '第三十三条'),
      procedureSteps: [step('申请'), step('受理'), step('审查'), step('办理使用登记证')],
      // 行政许可法 art.42 (20 days), counted in working days by its art.82.
      timeLimit: { statutory: workingDays(20), promised: workingDays(5) },
      discretionBenchmarks: [],
      serviceGuide: {
        acceptingBody: '枣庄市薛城区政务服务中心市场监管窗口',
        approvingBody: '枣庄市薛城区市场监督管理局',
        conditions: '特种设备投入使用前或者投入使用后三十日内申请；设备经监督检验或者定期检验合格',
        materials: [
          '特种设备使用登记表',
          '使用单位统一社会信用代码证明',
          '特种设备产品合格证',
          '监督检验证明或者定期检验报告',
        ],
        fee: '不收费',
        supervision: '区市场监督管理局监督电话 0632-4412345',
        remedy: REMEDY,
        officeHours: OFFICE_HOURS,
        address: '枣庄市薛城区黄河路 188 号',
        phone: '0632-4412315',
      },
    },
  },
  {
    code: 'XC-SCJG-JC-001',
    unit: '食品安全监督管理科',
    content: {
      name: '对食品生产经营者遵守食品安全法律法规情况的监督检查',
      category: 'inspection',
      lawAreas: ['食品安全'],
      legalBasis: basis(FOOD, '第一百一十条'),
      procedureSteps: INSPECTION_STEPS,
      timeLimit: {},
      discretionBenchmarks: [],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-JC-002',
    content: {
      name: '特种设备安全监督检查',
      category: 'inspection',
      lawAreas: ['特种设备'],
      legalBasis: basis(EQUIPMENT, '第五十七条', '第六十一条'),
      procedureSteps: INSPECTION_STEPS,
      timeLimit: {},
      discretionBenchmarks: [],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-SCJG-QZ-001',
    unit: '执法稽查科',
    content: {
      name: '查封、扣押不符合食品安全标准或者有证据证明存在安全隐患的食品',
      category: 'coercion',
      lawAreas: ['食品安全'],
      legalBasis: [
        ...basis(FOOD, '第一百一十条第（四）项'),
        ...basis(COERCION, '第十八条', '第二十五条'),
      ],
      procedureSteps: COERCION_STEPS,
      timeLimit: { statutory: days(30) },
      discretionBenchmarks: [],
      serviceGuide: null,
    },
  },
];

const URBAN_POWERS: DemoPower[] = [
  {
    code: 'XC-ZHZF-CF-001',
    unit: '执法一中队',
    content: {
      name: '对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的行政处罚',
      category: 'penalty',
      lawAreas: ['市容环境卫生'],
      legalBasis: basis(CITY, '第十七条', '第三十四条第（二）项'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark('轻微', '首次违法，涂写、张贴十处以下并当场清除', null, '责令纠正违法行为，警告'),
        benchmark('一般', '涂写、张贴十处以上五十处以下，或者经责令后清除', [50, 200], '责令清除'),
        benchmark(
          '严重',
          '涂写、张贴五十处以上，或者拒不清除',
          [200, 500],
          '责令清除并采取补救措施',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-ZHZF-CF-002',
    unit: '执法一中队',
    content: {
      name: '对擅自在街道两侧和公共场地堆放物料、搭建设施（含占道经营）的行政处罚',
      category: 'penalty',
      lawAreas: ['市容环境卫生'],
      legalBasis: basis(CITY, '第十四条', '第三十六条第（二）项'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark(
          '轻微',
          '占用面积五平方米以下，经责令后立即清理',
          null,
          '责令停止违法行为，限期清理',
        ),
        benchmark('一般', '占用面积五平方米以上二十平方米以下', [100, 500], '责令限期清理、拆除'),
        benchmark(
          '严重',
          '占用面积二十平方米以上，或者拒不清理、一年内再次违法',
          [500, 2_000],
          '责令限期清理、拆除或者采取其他补救措施',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-ZHZF-CF-003',
    unit: '执法一中队',
    content: {
      name: '对未取得建设工程规划许可证或者未按照许可证的规定进行建设的行政处罚',
      category: 'penalty',
      lawAreas: ['城乡规划'],
      legalBasis: basis(PLANNING, '第四十条第一款', '第六十四条'),
      procedureSteps: PENALTY_STEPS,
      timeLimit: PENALTY_LIMIT,
      discretionBenchmarks: [
        benchmark(
          '轻微',
          '尚可采取改正措施消除对规划实施的影响，主动停止建设并按期改正',
          null,
          '责令停止建设，限期改正，处建设工程造价百分之五以上百分之七以下罚款',
        ),
        benchmark(
          '一般',
          '尚可采取改正措施消除对规划实施的影响，经责令后改正',
          null,
          '责令停止建设，限期改正，处建设工程造价百分之七以上百分之十以下罚款',
        ),
        benchmark(
          '严重',
          '无法采取改正措施消除影响',
          null,
          '限期拆除；不能拆除的，没收实物或者违法收入，可以并处建设工程造价百分之十以下罚款',
        ),
      ],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-ZHZF-QZ-001',
    unit: '执法一中队',
    content: {
      name: '查封违法建设施工现场',
      category: 'coercion',
      lawAreas: ['城乡规划'],
      legalBasis: [...basis(PLANNING, '第六十八条'), ...basis(COERCION, '第九条', '第二十五条')],
      procedureSteps: COERCION_STEPS,
      timeLimit: { statutory: days(30) },
      discretionBenchmarks: [],
      serviceGuide: null,
    },
  },
  {
    code: 'XC-ZHZF-JC-001',
    unit: '执法一中队',
    content: {
      name: '城乡规划实施情况的监督检查',
      category: 'inspection',
      lawAreas: ['城乡规划'],
      legalBasis: basis(PLANNING, '第五十三条'),
      procedureSteps: INSPECTION_STEPS,
      timeLimit: {},
      discretionBenchmarks: [],
      serviceGuide: null,
    },
  },
];

interface DemoRandomCheck {
  code: string;
  powerCode?: string;
  content: Omit<RandomCheckContent, 'ratioPercent'> & { ratioPercent: number | null };
}

const MARKET_SUBJECT = '枣庄市薛城区市场监督管理局';
const URBAN_SUBJECT = '枣庄市薛城区综合行政执法局';

const MARKET_CHECKS: DemoRandomCheck[] = [
  {
    code: 'XC-SCJG-SJ-001',
    powerCode: 'XC-SCJG-JC-001',
    content: {
      name: '食品经营者经营行为的检查',
      basis: '《中华人民共和国食品安全法》第一百一十条',
      subject: MARKET_SUBJECT,
      content:
        '食品经营许可证持证及公示情况、从业人员健康证明、进货查验记录、食品贮存条件、过期食品处置',
      method: '现场检查',
      ratioPercent: 5,
      ratioText: '不低于5%',
      frequency: '每年不少于1次',
    },
  },
  {
    code: 'XC-SCJG-SJ-002',
    powerCode: 'XC-SCJG-JC-002',
    content: {
      name: '特种设备使用单位的检查',
      basis: '《中华人民共和国特种设备安全法》第五十七条',
      subject: MARKET_SUBJECT,
      content: '使用登记、定期检验、作业人员持证上岗、安全管理制度和应急预案',
      method: '现场检查',
      ratioPercent: 3,
      ratioText: '不低于3%',
      frequency: '每年1次',
    },
  },
  {
    code: 'XC-SCJG-SJ-003',
    content: {
      name: '产品质量监督抽查',
      basis: '《中华人民共和国产品质量法》第十五条',
      subject: MARKET_SUBJECT,
      content: '生产、销售的产品是否符合保障人体健康和人身、财产安全的标准及标识要求',
      method: '抽样检验',
      ratioPercent: null,
      ratioText: '按年度监督抽查计划确定',
      frequency: '每年1次',
    },
  },
  {
    code: 'XC-SCJG-SJ-004',
    content: {
      name: '经营者明码标价情况的检查',
      basis: '《中华人民共和国价格法》第十三条、第三十四条',
      subject: MARKET_SUBJECT,
      content: '商品和服务项目是否按规定明码标价，标价内容是否完整、真实',
      method: '现场检查',
      ratioPercent: 5,
      ratioText: '5%',
      frequency: '每年1次',
    },
  },
];

const URBAN_CHECKS: DemoRandomCheck[] = [
  {
    code: 'XC-ZHZF-SJ-001',
    content: {
      name: '户外广告设施设置情况的检查',
      basis: '《城市市容和环境卫生管理条例》第十一条',
      subject: URBAN_SUBJECT,
      content: '大型户外广告设置是否经同意，广告设施是否安全、整洁、完好',
      method: '现场检查',
      ratioPercent: 5,
      ratioText: '不低于5%',
      frequency: '每半年1次',
    },
  },
  {
    code: 'XC-ZHZF-SJ-002',
    powerCode: 'XC-ZHZF-JC-001',
    content: {
      name: '建设工程按照规划许可进行建设情况的检查',
      basis: '《中华人民共和国城乡规划法》第五十三条',
      subject: URBAN_SUBJECT,
      content: '是否取得建设工程规划许可证，是否按照许可证的规定进行建设',
      method: '现场检查、查阅资料',
      ratioPercent: 3,
      ratioText: '不低于3%',
      frequency: '每年1次',
    },
  },
];

export const DEMO_POWER_CODES = {
  market: MARKET_POWERS.map((p) => p.code),
  urban: URBAN_POWERS.map((p) => p.code),
};
export const DEMO_RANDOM_CHECK_CODES = {
  market: MARKET_CHECKS.map((c) => c.code),
  urban: URBAN_CHECKS.map((c) => c.code),
};

export async function seedDemoPowers(trx: Transaction<Database>, ids: DemoIds): Promise<void> {
  await seedAgency(trx, ids.agencies.market, MARKET_POWERS, MARKET_CHECKS);
  await seedAgency(trx, ids.agencies.urban, URBAN_POWERS, URBAN_CHECKS);
}

async function seedAgency(
  trx: Transaction<Database>,
  agencyId: string,
  powers: DemoPower[],
  checks: DemoRandomCheck[],
): Promise<void> {
  const units = await repo.unitIdsByName(trx, agencyId);
  for (const power of powers) {
    const handlingUnitId = power.unit ? units.get(power.unit) : null;
    if (handlingUnitId === undefined) throw new Error(`demo unit ${power.unit} missing`);
    const content: PowerContent = { ...power.content, handlingUnitId };
    // Demo data obeys the same rules as data entered through the API.
    const issues = powerContentIssues(content);
    const guide: ServiceGuide | null = content.serviceGuide;
    if (issues.length > 0 || (guide && !isValidPhone(guide.phone))) {
      throw new Error(`demo power ${power.code} is invalid: ${JSON.stringify(issues)}`);
    }
    const id = demoRecordId('power', agencyId, power.code);
    await repo.insertPower(trx, agencyId, power.code, content, id);
  }
  for (const check of checks) {
    const powerId = check.powerCode ? demoRecordId('power', agencyId, check.powerCode) : null;
    const id = demoRecordId('randomCheckItem', agencyId, check.code);
    await repo.insertRandomCheck(trx, agencyId, check.code, check.content, powerId, id);
  }
  await appendLedgerEntry(trx, SYSTEM_ACTOR, {
    kind: 'powers.seeded',
    subjectType: 'agency',
    subjectId: agencyId,
    agencyId,
    payload: {
      powers: powers.map((p) => p.code),
      randomCheckItems: checks.map((c) => c.code),
    },
  });
}
