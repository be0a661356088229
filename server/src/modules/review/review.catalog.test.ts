// Table-driven: for each profile, proposed decisions classified major or not against the
// profile's effective catalogue (its own entries merged with the national ones), each answer
// checked for the entry that matched, the document and article it cites and the seed passage.
// 薛城区 and 南昌 here; 上海, 曹杨新村 and the national baseline in review.catalog.shanghai.test.ts.
import { pen, person, runTable } from './review.catalog.test-support.ts';

const XC = '薛政办发〔2017〕74号 附件3';
runTable('xuecheng', [
  {
    name: '对组织罚款五万元（标准含本数）',
    proposal: pen(50000),
    major: ['xc-penalty-fine'],
    cites: `${XC} 第五条`,
  },
  { name: '对组织罚款 49,999.99 元', proposal: pen(49999.99), major: [] },
  {
    name: '对公民罚款五千元',
    c: { parties: person },
    proposal: pen(5000),
    major: ['xc-penalty-fine'],
    cites: `${XC} 第五条`,
  },
  { name: '对公民罚款 4,999 元', c: { parties: person }, proposal: pen(4999), major: [] },
  {
    name: '对组织吊销许可证',
    proposal: pen(undefined, ['revoke_permit']),
    major: ['xc-penalty-revoke'],
    cites: `${XC} 第五条`,
  },
  {
    name: '对公民吊销许可证（薛城区只列组织）',
    c: { parties: person },
    proposal: pen(undefined, ['revoke_permit']),
    major: [],
  },
  {
    name: '责令停产停业',
    c: { parties: person },
    proposal: pen(undefined, ['suspend_business']),
    major: ['xc-penalty-suspend'],
    cites: `${XC} 第五条`,
  },
  {
    name: '减轻处罚（薛城区目录不列）',
    c: { parties: person },
    proposal: pen(1000, ['fine'], true),
    major: [],
  },
  {
    name: '认定对社会公共利益有重大影响',
    proposal: pen(2000),
    declared: { other_major_impact: true },
    major: ['xc-penalty-other'],
    cites: `${XC} 第五条`,
  },
  {
    name: '扣押财物价值十万元',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seize'], seizedValueYuan: 100000 },
    major: ['xc-coercion-seizure'],
    cites: `${XC} 第七条`,
  },
  {
    name: '查封 299 平方米、价值 99,999 元',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seal'], seizedAreaSquareMetres: 299, seizedValueYuan: 99999 },
    major: [],
  },
  {
    name: '冻结存款',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['freeze'] },
    major: ['xc-coercion-freeze-transfer'],
    cites: `${XC} 第七条`,
  },
  {
    name: '有限自然资源开发利用的许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: {},
    declared: { limited_resources_or_market_access: true },
    major: ['xc-permit-limited-resources'],
    cites: `${XC} 第六条`,
  },
  {
    name: '经过听证作出（国家指导意见，合并适用）',
    c: { details: { hearing: { heldOn: '2026-03-20' } } },
    proposal: pen(20000),
    major: ['n-after-hearing'],
    cites: '国办发〔2018〕118号 四（十二）',
  },
]);

const NC = '南昌市“三项制度”实施方案（2019） 二（三）12';
runTable('nanchang', [
  {
    name: '一般程序作出的警告',
    proposal: pen(undefined, ['warning']),
    major: ['nc-penalty-ordinary'],
    cites: `${NC}（1）`,
  },
  {
    name: '一般程序对公民罚款 100 元',
    c: { parties: person },
    proposal: pen(100),
    major: ['nc-penalty-ordinary'],
    cites: `${NC}（1）`,
  },
  {
    name: '简易程序罚款 200 元',
    c: { procedure: 'summary', parties: person },
    proposal: pen(200),
    major: [],
  },
  {
    name: '不予行政许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: { permitAction: 'deny' },
    major: ['nc-permit-refusal'],
    cites: `${NC}（2）`,
  },
  {
    name: '以人民政府名义作出的许可',
    c: { kind: 'permit', procedure: 'ordinary' },
    proposal: {},
    declared: { in_government_name: true },
    major: ['nc-permit-government-name'],
    cites: `${NC}（2）`,
  },
  { name: '准予一般许可', c: { kind: 'permit', procedure: 'ordinary' }, proposal: {}, major: [] },
  {
    name: '扣押财物（不论价值）',
    c: { kind: 'coercion', procedure: 'measure' },
    proposal: { coercionActs: ['seize'], seizedValueYuan: 10 },
    major: ['nc-coercion-acts'],
    cites: `${NC}（3）`,
  },
  {
    name: '申请人民法院强制执行',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['court_enforcement'], isCoercionExecution: true },
    major: ['nc-coercion-acts'],
    cites: `${NC}（3）`,
  },
  {
    name: '立即代履行',
    c: { kind: 'coercion', procedure: 'execution' },
    proposal: { coercionActs: ['immediate_substitute_performance'], isCoercionExecution: true },
    major: [],
  },
  {
    name: '国有土地上房屋征收',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: { expropriationObject: 'house_on_state_land' },
    major: ['nc-expropriation-house'],
    cites: `${NC}（4）`,
  },
  {
    name: '征收补偿方案分歧较大',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: {},
    declared: { many_parties_or_disputed_compensation: true },
    major: ['nc-expropriation-disputed'],
    cites: `${NC}（4）`,
  },
  {
    name: '一般征收',
    c: { kind: 'expropriation', procedure: 'ordinary' },
    proposal: {},
    major: [],
  },
]);
