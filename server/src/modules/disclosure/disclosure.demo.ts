// Demo publications: decided cases of both agencies sent through the legal-review gate and the
// real pipeline (redaction, due dates, ledger), so the portal has something to show — a fine on
// a natural person whose private data the facts mention, company penalties with 文号 written in
// 〔〕, ［］ and （）, one withdrawn after 行政复议, one waiting for the 综合执法局 head's sign-off,
// and a citizen's correction request for each agency. Ids are fixed for the matrix examples.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DemoIds } from '../../demo/demo.org.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { withCreditCodeCheck, withIdCardCheck } from '../../shared/validators.ts';
import { addCalendarDays } from '../calendar/working-days.ts';
import { casesRepository as cases } from '../cases/cases.repository.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { demoRecordId } from '../powers/powers.demo.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { legalReviewGate } from '../review/review.gate.ts';
import { recordCorrectionRequest } from './disclosure.corrections.ts';
import { queueCaseDecision } from './disclosure.pipeline.ts';
import { disclosureRepository as repo } from './disclosure.repository.ts';
import { correctionAnswerRule } from './disclosure.rules.ts';
import { demoStep } from './disclosure.demo-steps.ts';
import { computeFigures } from './disclosure.annual.ts';
import { annualRepository } from './disclosure.annual.repository.ts';
import { recordCatalogueChange } from './disclosure.catalogue-changes.ts';
import { syncInspection } from './disclosure.inspections.ts';
import { withdrawDecision } from './disclosure.service.ts';

const PROFILE = 'xuecheng';
const YEAR = 2026;

/** A fixed UUID per demo record key, like the powers' demo ids. */
export function demoDisclosureId(key: string): string {
  const hex = createHash('sha256').update(`disclosure:${key}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_PUBLICATIONS = {
  marketPerson: demoDisclosureId('market-person'),
  marketCompany: demoDisclosureId('market-company'),
  marketRestaurant: demoDisclosureId('market-restaurant'),
  marketWithdrawn: demoDisclosureId('market-withdrawn'),
  urbanPublished: demoDisclosureId('urban-published'),
  urbanPending: demoDisclosureId('urban-pending'),
  marketCorrectionRequest: demoDisclosureId('market-correction-request'),
  urbanCorrectionRequest: demoDisclosureId('urban-correction-request'),
};

/** Demo inspections (扫码入企): fixed case ids and codes for the matrix, the e2e test and docs. */
export const DEMO_INSPECTIONS = {
  marketCase: demoDisclosureId('market-inspection'),
  marketCode: 'XJ26MKTQ8A',
  urbanCase: demoDisclosureId('urban-inspection'),
  urbanCode: 'XJ26URBQ8A',
};

/** Demo changes to pre-disclosure information, one per agency, still to be confirmed public. */
export const DEMO_CATALOGUE_CHANGES = {
  market: demoDisclosureId('market-catalogue-change'),
  urban: demoDisclosureId('urban-catalogue-change'),
};

interface DemoDecision {
  key: keyof typeof DEMO_PUBLICATIONS;
  agency: 'market' | 'urban';
  procedure: 'summary' | 'ordinary';
  powerCode: string;
  title: string;
  facts: string;
  party: {
    kind: 'person' | 'organisation';
    name: string;
    idCardNo?: string;
    creditCode?: string;
    legalRepresentative?: string;
    address?: string;
    phone?: string;
  };
  decidedOn: string;
  /** The officers (lead, assist) when not the agency's usual pair, whose areas must cover it. */
  officers?: [string, string];
  docNo?: string;
  penalty: { types: string[]; fineYuan?: number; confiscationYuan?: number; legalBasis: string };
}

const DECISIONS: DemoDecision[] = [
  {
    key: 'marketPerson',
    agency: 'market',
    procedure: 'summary',
    powerCode: 'XC-SCJG-CF-001',
    title: '流动摊贩销售过期食品案',
    facts:
      '2026年10月20日，执法人员在巡查中发现当事人李建华（身份证号' +
      withIdCardCheck('37040319800101123') +
      '，电话13706321234，家庭住址：薛城区新城街道和谐家园3号楼）销售超过保质期的袋装面包6袋。',
    party: {
      kind: 'person',
      name: '李建华',
      idCardNo: withIdCardCheck('37040319800101123'),
      address: '薛城区新城街道和谐家园3号楼',
      phone: '13706321234',
    },
    decidedOn: '2026-10-20',
    penalty: {
      types: ['fine'],
      fineYuan: 200,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    },
  },
  {
    key: 'marketCompany',
    agency: 'market',
    procedure: 'ordinary',
    powerCode: 'XC-SCJG-CF-002',
    title: '某食品公司经营标签不符合规定的预包装食品案',
    facts: '当事人经营的预包装食品未标注生产日期和保质期，货值金额3500元，违法所得3500元。',
    party: {
      kind: 'organisation',
      name: '枣庄市薛城区好味道食品有限公司',
      creditCode: withCreditCodeCheck('91370403MA3F2Q8K1'),
      legalRepresentative: '王大力',
    },
    decidedOn: '2026-11-02',
    docNo: '薛市监罚〔2026〕15号',
    penalty: {
      types: ['fine', 'confiscation'],
      fineYuan: 20000,
      confiscationYuan: 3500,
      legalBasis: '《中华人民共和国食品安全法》第一百二十五条第一款第（二）项',
    },
  },
  {
    key: 'marketRestaurant',
    agency: 'market',
    procedure: 'ordinary',
    powerCode: 'XC-SCJG-CF-003',
    title: '某餐饮店未建立进货查验记录制度案',
    facts: '当事人未按规定建立并遵守进货查验记录制度，经责令改正拒不改正。',
    party: {
      kind: 'organisation',
      name: '枣庄市薛城区老街坊餐饮店',
      creditCode: withCreditCodeCheck('92370403MA3G5T7W2'),
      legalRepresentative: '芳芳',
    },
    decidedOn: '2026-11-10',
    docNo: '薛市监罚〔2026〕18号',
    penalty: {
      types: ['warning', 'fine'],
      fineYuan: 10000,
      legalBasis: '《中华人民共和国食品安全法》第一百二十六条第一款第（三）项',
    },
  },
  {
    key: 'marketWithdrawn',
    agency: 'market',
    procedure: 'ordinary',
    powerCode: 'XC-SCJG-CF-004',
    title: '某超市不按规定明码标价案',
    facts: '当事人销售的部分商品未按规定明码标价。',
    party: {
      kind: 'organisation',
      name: '枣庄市薛城区便民超市有限公司',
      creditCode: withCreditCodeCheck('91370403MA3H6U9X3'),
      legalRepresentative: '赵国庆',
    },
    decidedOn: '2026-10-12',
    officers: ['officer2', 'officer4'],
    docNo: '薛市监罚〔2026〕9号',
    penalty: { types: ['fine'], fineYuan: 5000, legalBasis: '《中华人民共和国价格法》第四十二条' },
  },
  {
    key: 'urbanPublished',
    agency: 'urban',
    procedure: 'ordinary',
    powerCode: 'XC-ZHZF-CF-002',
    title: '某商户占道经营案',
    facts: '当事人在巴山路人行道上堆放货物、占道经营，经责令改正逾期未改正。',
    party: {
      kind: 'organisation',
      name: '枣庄市薛城区鲜果汇水果店',
      creditCode: withCreditCodeCheck('92370403MA3D1P4R2'),
      legalRepresentative: '钱多多',
    },
    decidedOn: '2026-11-05',
    docNo: '薛综执罚［2026］7号',
    penalty: {
      types: ['fine'],
      fineYuan: 500,
      legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
    },
  },
  {
    key: 'urbanPending',
    agency: 'urban',
    procedure: 'ordinary',
    powerCode: 'XC-ZHZF-CF-001',
    title: '某广告公司擅自张贴宣传品案',
    facts: '当事人未经批准在公共设施上张贴小广告120余张。',
    party: {
      kind: 'organisation',
      name: '枣庄市薛城区飞扬广告有限公司',
      creditCode: withCreditCodeCheck('91370403MA3J7V1Y4'),
      legalRepresentative: '孙飞扬',
    },
    decidedOn: '2026-11-18',
    docNo: '薛综执罚（2026）9号',
    penalty: {
      types: ['fine'],
      fineYuan: 1000,
      legalBasis: '《城市市容和环境卫生管理条例》第三十四条',
    },
  },
];

async function insertDecidedCase(trx: Transaction<Database>, ids: DemoIds, d: DemoDecision) {
  const agencyId = ids.agencies[d.agency];
  const prefix = d.agency === 'market' ? '区市场监管局' : '区综合执法局';
  const seq = await cases.nextSeq(trx, agencyId, YEAR);
  const caseNo = `${prefix}案〔${YEAR}〕${seq}号`;
  const id = await cases.insertCase(
    trx,
    {
      agencyId,
      kind: 'penalty',
      procedure: d.procedure,
      state: d.procedure === 'ordinary' ? 'registered' : 'notified',
      source: 'inspection',
      sourceDetail: null,
      powerId: demoRecordId('power', agencyId, d.powerCode),
      handlingUnitId: null,
      title: d.title,
      facts: d.facts,
      createdBy: null,
      year: YEAR,
    },
    seq,
    caseNo,
  );
  await cases.insertParties(trx, id, [
    {
      kind: d.party.kind,
      name: d.party.name,
      idCardNo: d.party.idCardNo ?? null,
      creditCode: d.party.creditCode ?? null,
      legalRepresentative: d.party.legalRepresentative ?? null,
      address: d.party.address ?? null,
      phone: d.party.phone ?? null,
    },
  ]);
  const [lead, assist] =
    d.officers ?? (d.agency === 'market' ? ['officer1', 'officer2'] : ['officer3', 'officer5']);
  await cases.insertOfficers(trx, id, [
    { personId: ids.people[lead] ?? '', credentialId: ids.credentials[lead] ?? '', role: 'lead' },
    {
      personId: ids.people[assist] ?? '',
      credentialId: ids.credentials[assist] ?? '',
      role: 'assist',
    },
  ]);
  await appendLedgerEntry(trx, SYSTEM_ACTOR, {
    kind: 'case.registered',
    subjectType: 'case',
    subjectId: id,
    agencyId,
    caseId: id,
    payload: {
      caseNo,
      title: d.title,
      state: d.procedure === 'ordinary' ? 'registered' : 'decided',
      demo: true,
    },
  });
  const { legalBasis, ...penalty } = d.penalty;
  const proposed = { ...penalty, isMitigated: false, legalBasis, reasons: d.facts };
  const head = d.agency === 'market' ? 'head1' : 'officer3';
  if (d.procedure === 'ordinary') {
    await takeOrdinarySteps(trx, ids, { id, d, proposed, lead, head });
    return id;
  }
  await trx
    .updateTable('cases')
    .set({ filed_on: d.decidedOn, details: JSON.stringify({ proposed }) })
    .where('id', '=', id)
    .execute();
  // The decision passes the real legal-review gate, as in the case engine: a major decision
  // would be refused here (and by the database), so demo decisions are the non-major kind.
  const snapshot = await cases.loadSnapshot(trx, id, true);
  if (!snapshot) throw new Error(`demo case ${caseNo} vanished`);
  const now = new Date(`${d.decidedOn}T09:00:00+08:00`);
  const refusal = await legalReviewGate({
    trx,
    snapshot,
    input: {},
    principal: {
      userId: ids.users[head] ?? '',
      username: head,
      displayName: '演示数据',
      grants: [],
    },
    rules: await getEffectiveRules(trx, agencyId, PROFILE),
    today: d.decidedOn,
    now,
  });
  if (refusal) throw new Error(`demo decision ${caseNo} refused: ${refusal.code}`);
  await trx
    .updateTable('cases')
    .set({
      state: 'decided',
      decided_on: d.decidedOn,
      details: JSON.stringify({
        proposed,
        decision: { decidedOn: d.decidedOn, penalty: proposed },
      }),
    })
    .where('id', '=', id)
    .execute();
  return id;
}

/** Parties who waived their statement in writing; the others let the period lapse. */
const WAIVED: readonly DemoDecision['key'][] = ['marketCompany', 'urbanPublished'];

/**
 * A 一般程序 case from filing to decision through the workflow's actions: filed four weeks
 * before the decision, the inquiry two days later, the 事先告知 served ten days after filing, a
 * written waiver the day after service (or the statement period left to lapse), then the head's
 * decision, which passes the legal-review gate among the decision's guards.
 */
async function takeOrdinarySteps(
  trx: Transaction<Database>,
  ids: DemoIds,
  c: { id: string; d: DemoDecision; proposed: object; lead: string; head: string },
) {
  const filedOn = addCalendarDays(c.d.decidedOn, -28);
  const servedOn = addCalendarDays(filedOn, 10);
  const step = (who: string, action: string, input: unknown, today: string) =>
    demoStep(trx, ids, { caseId: c.id, who, action, input, today }, PROFILE);
  // Each officer declares no conflict of interest before the filing, as declareRecusal does.
  const agencyId = ids.agencies[c.d.agency];
  for (const o of (await cases.loadSnapshot(trx, c.id, true))?.officers ?? []) {
    await cases.declareRecusal(trx, c.id, o.personId, new Date(`${filedOn}T08:30:00+08:00`));
    await appendLedgerEntry(trx, SYSTEM_ACTOR, {
      kind: 'case.recusal_declared',
      subjectType: 'case',
      subjectId: c.id,
      agencyId,
      caseId: c.id,
      payload: {
        personId: o.personId,
        statement: '本人与本案当事人无利害关系，不存在应当回避的情形',
      },
    });
  }
  await step(c.lead, 'request_filing', {}, filedOn);
  await step(c.head, 'approve_filing', {}, filedOn);
  const snapshot = await cases.loadSnapshot(trx, c.id, true);
  const madeOn = addCalendarDays(filedOn, 2);
  await step(
    c.lead,
    'record_transcript',
    {
      transcriptKind: 'inquiry',
      madeOn,
      place: '当事人经营场所',
      officers: (snapshot?.officers ?? []).map((o) => ({
        personId: o.personId,
        credentialNo: o.credentialNo,
      })),
      content: `问：${c.d.facts}是否属实？答：属实。`,
      partySigned: true,
    },
    madeOn,
  );
  await step(
    c.lead,
    'notify_intent',
    { servedOn, proposed: c.proposed, isLargeAmount: false },
    servedOn,
  );
  if (WAIVED.includes(c.d.key)) {
    const waivedOn = addCalendarDays(servedOn, 1);
    const waiver = {
      waivedOn,
      expressedIn: 'waiver_statement',
      documentRef: '当事人签名的《放弃陈述申辩声明》',
    };
    await step(c.lead, 'waive_defence', waiver, waivedOn);
  }
  await step(c.head, 'decide', { decidedOn: c.d.decidedOn }, c.d.decidedOn);
  if (c.d.docNo) {
    // The 文号 is given when the 决定书 is drawn up; the demo writes it onto the decision.
    const details = (await cases.loadSnapshot(trx, c.id, true))?.details ?? {};
    const decision = { ...(details.decision as object), docNo: c.d.docNo };
    await trx
      .updateTable('cases')
      .set({ details: JSON.stringify({ ...details, decision }) })
      .where('id', '=', c.id)
      .execute();
  }
}

/** Published two working days after the decision, at 10:00 China time. */
function publishedAt(decidedOn: string): Date {
  return new Date(new Date(`${decidedOn}T10:00:00+08:00`).getTime() + 2 * 86_400_000);
}

/** A planned routine check for each agency, whose code the officers carry on the visit. */
async function seedDemoInspections(trx: Transaction<Database>, ids: DemoIds) {
  const demo = [
    {
      agency: 'market',
      caseId: DEMO_INSPECTIONS.marketCase,
      code: DEMO_INSPECTIONS.marketCode,
      powerCode: 'XC-SCJG-JC-001',
      party: ['枣庄市薛城区惠民超市有限公司', withCreditCodeCheck('91370403MA3K8P2Q7')],
      officers: ['officer1', 'officer2'],
      // Planned, like the other: a published result would change the demo's decision counts
      // that other tests rely on (the tests publish results themselves).
      state: 'planned',
    },
    {
      agency: 'urban',
      caseId: DEMO_INSPECTIONS.urbanCase,
      code: DEMO_INSPECTIONS.urbanCode,
      powerCode: 'XC-ZHZF-JC-001',
      party: ['枣庄市薛城区顺达物流有限公司', withCreditCodeCheck('91370403MA3L2R5T9')],
      officers: ['officer3', 'officer5'],
      state: 'planned',
    },
  ] as const;
  for (const d of demo) {
    const agencyId = ids.agencies[d.agency];
    const seq = await cases.nextSeq(trx, agencyId, YEAR);
    const generated = await cases.insertCase(
      trx,
      {
        agencyId,
        kind: 'inspection',
        procedure: 'routine',
        state: d.state,
        source: 'inspection',
        sourceDetail: null,
        powerId: demoRecordId('power', agencyId, d.powerCode),
        handlingUnitId: null,
        title: '日常监督检查',
        facts: null,
        createdBy: null,
        year: YEAR,
      },
      seq,
      `${d.agency === 'market' ? '区市场监管局' : '区综合执法局'}检〔${YEAR}〕${seq}号`,
    );
    // A fixed id, before anything refers to the case.
    await trx.updateTable('cases').set({ id: d.caseId }).where('id', '=', generated).execute();
    const [name, creditCode] = d.party;
    await cases.insertParties(trx, d.caseId, [
      {
        kind: 'organisation',
        name,
        idCardNo: null,
        creditCode,
        legalRepresentative: null,
        address: null,
        phone: null,
      },
    ]);
    const [lead, assist] = d.officers;
    await cases.insertOfficers(trx, d.caseId, [
      { personId: ids.people[lead] ?? '', credentialId: ids.credentials[lead] ?? '', role: 'lead' },
      {
        personId: ids.people[assist] ?? '',
        credentialId: ids.credentials[assist] ?? '',
        role: 'assist',
      },
    ]);
    const plan = {
      plannedOn: '2026-11-20',
      reason: '年度监督检查计划',
      items: ['经营资质', '安全管理制度'],
    };
    await trx
      .updateTable('cases')
      .set({ details: JSON.stringify({ plan }) })
      .where('id', '=', d.caseId)
      .execute();
    await appendLedgerEntry(trx, SYSTEM_ACTOR, {
      kind: 'case.registered',
      subjectType: 'case',
      subjectId: d.caseId,
      agencyId,
      caseId: d.caseId,
      payload: { title: '日常监督检查', state: d.state, demo: true },
    });
    await syncInspection(
      trx,
      SYSTEM_ACTOR,
      d.caseId,
      { profile: PROFILE, now: new Date('2026-11-17T10:00:00+08:00') },
      { code: d.code },
    );
  }
}

/** Last year's statistics of both agencies, computed from the case data as in January. */
async function seedDemoAnnualReports(trx: Transaction<Database>, ids: DemoIds) {
  const year = YEAR - 1;
  for (const agency of ['market', 'urban'] as const) {
    const agencyId = ids.agencies[agency];
    const agencyName = (await repo.agencyName(trx, agencyId)) ?? '';
    const figures = computeFigures(
      await annualRepository.caseFigures(trx, agencyId, year),
      await annualRepository.disclosureFigures(trx, agencyId, year),
    );
    const dueOn = `${YEAR}-01-31`;
    const ledgerIndex = await appendLedgerEntry(trx, SYSTEM_ACTOR, {
      kind: 'disclosure.annual_report.published',
      subjectType: 'agency',
      subjectId: agencyId,
      agencyId,
      payload: { year, agency: agencyName, dueOn, figures },
    });
    await annualRepository.insertReport(trx, {
      agencyId,
      year,
      agencyName,
      figures,
      publishedAt: new Date(`${YEAR}-01-20T10:00:00+08:00`),
      dueOn,
      ledgerIndex,
    });
  }
}

export async function seedDemoDisclosure(trx: Transaction<Database>, ids: DemoIds): Promise<void> {
  await seedDemoInspections(trx, ids);
  await seedDemoAnnualReports(trx, ids);
  for (const agency of ['market', 'urban'] as const) {
    await recordCatalogueChange(
      trx,
      SYSTEM_ACTOR,
      ids.agencies[agency],
      {
        subject: 'officer',
        description: '一名执法人员调离，其执法证件注销',
        changedOn: '2026-11-16',
      },
      PROFILE,
      DEMO_CATALOGUE_CHANGES[agency],
    );
  }
  for (const d of DECISIONS) {
    if (d.key === 'urbanPending') await repo.saveSettings(trx, ids.agencies.urban, true);
    const caseId = await insertDecidedCase(trx, ids, d);
    await queueCaseDecision(
      trx,
      SYSTEM_ACTOR,
      caseId,
      { profile: PROFILE, now: publishedAt(d.decidedOn) },
      { id: DEMO_PUBLICATIONS[d.key] },
    );
  }
  await withdrawDecision(
    trx,
    SYSTEM_ACTOR,
    DEMO_PUBLICATIONS.marketWithdrawn,
    { reason: '经行政复议，该行政处罚决定被依法撤销', revokedOn: '2026-11-16' },
    { profile: PROFILE, now: new Date('2026-11-17T15:00:00+08:00') },
  );
  for (const [agency, decision, key] of [
    ['market', DEMO_PUBLICATIONS.marketCompany, 'marketCorrectionRequest'],
    ['urban', DEMO_PUBLICATIONS.urbanPublished, 'urbanCorrectionRequest'],
  ] as const) {
    const agencyId = ids.agencies[agency];
    const rules = await getEffectiveRules(trx, agencyId, PROFILE);
    await recordCorrectionRequest(
      trx,
      SYSTEM_ACTOR,
      {
        decisionId: decision,
        name: '刘某',
        contact: '电子邮箱 liu@example.com',
        content: '公示的当事人名称有误，请核实更正。',
      },
      {
        agencyId,
        rule: correctionAnswerRule(rules),
        today: '2026-11-19',
        id: DEMO_PUBLICATIONS[key],
      },
    );
  }
}
