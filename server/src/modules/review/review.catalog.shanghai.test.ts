// Table-driven, as review.catalog.test.ts: 上海, 曹杨新村 (which follows the Shanghai catalogue)
// and the national baseline, each answer citing its seed passage.
import { pen, person, runTable, type Row } from './review.catalog.test-support.ts';

const SH = '沪府办发〔2019〕15号 附件3 二';
const shanghaiRows: Row[] = [
  {
    name: '符合听证条件的罚款（告知时认定）',
    c: { details: { notice: { isHearingEligible: true } } },
    proposal: pen(100000),
    major: ['sh-penalty-hearing'],
    cites: `${SH}（一）`,
  },
  {
    name: '不符合听证条件的罚款',
    c: { details: { notice: { isHearingEligible: false } } },
    proposal: pen(100000),
    major: [],
  },
  {
    name: '吊销许可证（可以要求听证的种类）',
    proposal: pen(undefined, ['revoke_permit']),
    major: ['sh-penalty-hearing'],
    cites: `${SH}（一）`,
  },
  {
    name: '减轻处罚',
    c: { parties: person },
    proposal: pen(300, ['fine'], true),
    major: ['sh-penalty-mitigated'],
    cites: `${SH}（二）`,
  },
  {
    name: '简易程序警告',
    c: { procedure: 'summary', parties: person },
    proposal: pen(undefined, ['warning']),
    major: [],
  },
  {
    name: '撤销行政许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitAction: 'revoke' },
    major: ['sh-permit-change'],
    cites: `${SH}（三）`,
  },
  {
    name: '为公共利益变更许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitActions: ['change_for_public_interest'] },
    major: ['sh-permit-change'],
    cites: `${SH}（三）`,
  },
  {
    name: '不予许可（上海目录不列）',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitAction: 'deny' },
    major: [],
  },
  {
    name: '强制拆除的强制执行决定',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['demolition'], isCoercionExecution: true },
    major: ['sh-coercion-execution'],
    cites: `${SH}（四）`,
  },
  {
    name: '加处罚款的强制执行',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['late_payment_penalty'], isCoercionExecution: true },
    major: [],
  },
  {
    name: '扣押财物（强制措施，不是强制执行）',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seize'], seizedValueYuan: 500000 },
    major: [],
  },
  {
    name: '国有土地上房屋征收决定',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_state_land' },
    major: ['sh-house-expropriation'],
    cites: `${SH}（五）`,
  },
  {
    name: '集体土地上房屋征收（上海目录不列）',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_collective_land' },
    major: [],
  },
  {
    name: '行政执法单位认定的其他重大决定',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: {},
    declared: { agency_designated: true },
    major: ['sh-agency-designated'],
    cites: `${SH}（六）`,
  },
];
runTable('shanghai', shanghaiRows);
// 曹杨新村 follows the Shanghai catalogue, cited to the Shanghai document it inherits.
runTable('caoyang', shanghaiRows);

const N = '国办发〔2018〕118号 四（十二）';
runTable('national', [
  { name: '一般罚款', proposal: pen(100000), major: [] },
  { name: '吊销许可证（国家只列原则）', proposal: pen(undefined, ['revoke_permit']), major: [] },
  {
    name: '涉及重大公共利益',
    proposal: pen(1000),
    declared: { major_public_interest: true },
    major: ['n-major-public-interest'],
    cites: N,
  },
  {
    name: '可能引发社会风险',
    proposal: pen(1000),
    declared: { major_social_impact_or_risk: true },
    major: ['n-major-social-impact'],
    cites: N,
  },
  {
    name: '关系第三人重大权益',
    proposal: pen(1000),
    declared: { major_rights: true },
    major: ['n-major-rights'],
    cites: N,
  },
  {
    name: '经过听证程序',
    c: { details: { hearing: { heldOn: '2026-03-20' } } },
    proposal: pen(1000),
    major: ['n-after-hearing'],
    cites: N,
  },
  {
    name: '申请了听证但尚未举行',
    c: { details: { hearing: { requestedOn: '2026-03-09' } } },
    proposal: pen(1000),
    major: [],
  },
  {
    name: '疑难复杂、涉及多个法律关系',
    proposal: pen(1000),
    declared: { complex_or_multiple_legal_relations: true },
    major: ['n-complex'],
    cites: N,
  },
  {
    name: '认定为否的原则性事实',
    proposal: pen(1000),
    declared: { major_public_interest: false, major_rights: false },
    major: [],
  },
  {
    name: '强制拆除（国家只列原则）',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['demolition'], isCoercionExecution: true },
    major: [],
  },
  {
    name: '房屋征收（国家只列原则）',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_state_land' },
    major: [],
  },
]);
