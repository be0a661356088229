// Pins every profile value to the text it comes from. Two independent checks:
// 1. every quoted excerpt really occurs in its source document (whitespace ignored, because the
//    stored texts carry PDF line breaks; "…" separates excerpts that must occur in this order);
// 2. every value equals the table below, written from DOMAIN.md §6 (and §2–§4 for rules §6 does
//    not tabulate), not from the data files, so a wrong value in the data fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, type ProfileId } from '../../config.ts';
import { PROFILES, STATUTE } from './profiles/index.ts';
import { RULE_SPECS, type RuleKey } from './profile.rules.ts';
import { SOURCE_DOCUMENTS } from './profile.sources.ts';
import type { Citation } from './profile.values.ts';

const squeeze = (s: string) => s.replace(/\s+/gu, '');
const textOf = new Map<string, string>();
function sourceText(seedFile: string): string {
  let text = textOf.get(seedFile);
  if (text === undefined) {
    text = squeeze(fs.readFileSync(new URL(`./sources/${seedFile}`, import.meta.url), 'utf8'));
    textOf.set(seedFile, text);
  }
  return text;
}

function occursInOrder(text: string, quote: string): boolean {
  let from = 0;
  for (const part of quote.split('…').map(squeeze)) {
    if (part === '') return false;
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

function citationsIn(value: unknown, path: string): { path: string; citation: Citation }[] {
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record.type === 'seed' || record.type === 'law' || record.type === 'override') {
    return [{ path, citation: record as unknown as Citation }];
  }
  return Object.entries(record).flatMap(([k, v]) => citationsIn(v, `${path}.${k}`));
}

describe('every quote occurs in its source document', () => {
  for (const id of PROFILE_IDS) {
    const profile = PROFILES[id];
    const found = citationsIn({ rules: profile.rules, validUntil: profile.validUntil }, id);

    it(`${id}: quotes are verbatim excerpts of the cited document`, () => {
      expect(found.length).toBeGreaterThan(20);
      const missing = found.filter(
        ({ citation }) =>
          citation.type !== 'seed' || !occursInOrder(sourceText(citation.seedFile), citation.quote),
      );
      expect(missing.map((m) => m.path)).toEqual([]);
    });

    it(`${id}: cites only its own documents (and its parent's), under their right names`, () => {
      for (const { path, citation } of found) {
        if (citation.type !== 'seed') throw new Error(`${path} is not a seed citation`);
        const doc = Object.values(SOURCE_DOCUMENTS).find((d) => d.seedFile === citation.seedFile);
        expect(doc?.document, path).toBe(citation.document);
        expect(profile.sources, path).toContain(doc?.key);
        expect(citation.article, path).not.toBe('');
      }
    });
  }

  it('finds a quote only where it is: a tampered quote fails', () => {
    const text = sourceText(SOURCE_DOCUMENTS.xuecheng.seedFile);
    expect(occursInOrder(text, '自信息形成之日起20个工作日内予以公示')).toBe(true);
    expect(occursInOrder(text, '自信息形成之日起7个工作日内予以公示')).toBe(false);
    expect(occursInOrder(text, '应当在24小时内…归档')).toBe(false);
    // The national text is stored in traditional characters; a simplified quote does not match.
    const national = sourceText(SOURCE_DOCUMENTS.national.seedFile);
    expect(occursInOrder(national, '執法決定作出之日起7個工作日內公開')).toBe(true);
    expect(occursInOrder(national, '执法决定作出之日起7个工作日内公开')).toBe(false);
  });
});

// --- The expectation table ----------------------------------------------------------------------

const wd = (amount: number) => ({ mode: 'within', amount, unit: 'working_days' });
const days = (amount: number) => ({ mode: 'within', amount, unit: 'days' });
const PROMPTLY = { mode: 'promptly' };
// DOMAIN §6 "dynamic" (及时…动态调整) is 及时 without a number.
const DYNAMIC = PROMPTLY;
const ARCHIVE_RULES = { mode: 'per_archive_rules' };
const JAN_31 = { month: 1, day: 31 };
/** List rules are compared by their codes. */
const codes = (...c: string[]) => ({ codes: c.sort() });
const N_AV_ALWAYS = codes(
  'seal_seize_property',
  'forced_demolition',
  'liberty_health_property_sites',
);
const N_AV_MAYBE = codes(
  'on_site_enforcement',
  'investigation',
  'hearing',
  'leave_service',
  'notice_service',
);
const SH_AV_ALWAYS = codes(
  'inspection_after_commitment_permit',
  'coercion',
  'evidence_preservation',
);
const SH_AV_MAYBE = codes(
  'inspection_with_contact',
  'survey',
  'sampling',
  'summary_penalty',
  'hearing',
  'leave_service',
  'notice_service',
);
const SH_CATALOG = codes(
  'sh-penalty-hearing',
  'sh-permit-hearing',
  'sh-penalty-mitigated',
  'sh-permit-change',
  'sh-coercion-execution',
  'sh-house-expropriation',
  'sh-agency-designated',
);
const AGREE_PROBLEMS = codes('agree:同意', 'problems:存在问题');

type Row = [
  national: unknown,
  shanghai: unknown,
  caoyang: unknown,
  nanchang: unknown,
  xuecheng: unknown,
];

const EXPECTED: Record<Exclude<RuleKey, `statute.${string}`>, Row> = {
  // 薛城区 附件2 第八条; no other document lets an officer start before the head approves.
  'filing.emergencyStartApproval': [
    null,
    null,
    null,
    null,
    { mode: 'within', amount: 24, unit: 'hours' },
  ],
  'disclosure.permitDecision': [wd(7), wd(7), wd(7), wd(7), wd(20)],
  'disclosure.penaltyDecision': [wd(7), wd(7), wd(7), wd(7), wd(20)],
  // DOMAIN §6 shows "(SH)" = 20 for 曹杨新村; its item 7 gives 7 working days for 行政执法决定
  // without distinction, and the data keeps the stricter text (see caoyang.ts).
  'disclosure.otherDecision': [wd(20), wd(20), wd(7), wd(20), wd(20)],
  'disclosure.withdrawal': [PROMPTLY, wd(7), wd(7), wd(3), PROMPTLY],
  'disclosure.withdrawalExplanationRequired': [null, null, null, null, true],
  'disclosure.correctionAnswer': [PROMPTLY, wd(5), wd(5), null, PROMPTLY],
  'disclosure.correctionAnswerInWriting': [null, null, null, null, true],
  'disclosure.preDisclosureUpdate': [DYNAMIC, wd(20), wd(20), DYNAMIC, days(7)],
  'disclosure.decisionChangeUpdate': [null, wd(20), wd(20), null, null],
  // §2.3: NC 5(2) 20 working days; XC 第十四条 covers all information incl. 第八条's results.
  'disclosure.inspectionResults': [null, null, null, wd(20), wd(20)],
  'disclosure.annualReport': [JAN_31, JAN_31, JAN_31, JAN_31, null],
  'review.timeLimit': [null, { mode: 'within_handling_period' }, wd(5), wd(3), days(5)],
  'review.extension': [null, null, wd(3), wd(2), days(3)],
  'review.extensionApprover': [null, null, null, 'deputy_head', 'head'],
  'review.outcomes': [
    AGREE_PROBLEMS,
    AGREE_PROBLEMS,
    AGREE_PROBLEMS,
    codes('agree:同意', 'not_yet_agree:暂不同意', 'disagree:不同意'),
    codes('agree:同意', 'return:退回补充', 'disagree:不同意'),
  ],
  'review.disagreementPath': [
    'coordination',
    'report_to_leaders',
    'negotiate_then_head',
    'resubmit',
    're_review_once_then_collective',
  ],
  'review.body': [
    { primary: 'designated_unit', fallback: null, forGovernmentNameDecisions: null },
    {
      primary: 'legal_unit',
      fallback: 'unit_other_than_handling',
      forGovernmentNameDecisions: null,
    },
    { primary: 'judicial_office', fallback: null, forGovernmentNameDecisions: null },
    { primary: 'legal_unit', fallback: null, forGovernmentNameDecisions: 'justice_bureau' },
    { primary: 'legal_unit', fallback: null, forGovernmentNameDecisions: null },
  ],
  'review.reviewerRatio': [5, 5, 5, 5, null],
  'review.writtenOpinion': [true, true, true, null, true],
  'review.opinionArchived': [null, true, true, null, true],
  'review.lawyerOpinionRecorded': [null, null, true, null, null],
  'majorCatalog.entries': [
    codes(
      'n-major-public-interest',
      'n-major-social-impact',
      'n-major-rights',
      'n-after-hearing',
      'n-complex',
    ),
    SH_CATALOG,
    SH_CATALOG,
    codes(
      'nc-penalty-ordinary',
      'nc-permit-government-name',
      'nc-permit-safety',
      'nc-permit-limited-resources',
      'nc-permit-refusal',
      'nc-coercion-government-name',
      'nc-coercion-acts',
      'nc-expropriation-house',
      'nc-expropriation-disputed',
      'nc-expropriation-impact',
    ),
    codes(
      'xc-penalty-suspend',
      'xc-penalty-revoke',
      'xc-penalty-fine',
      'xc-penalty-other',
      'xc-permit-hearing-law',
      'xc-permit-hearing-public-interest',
      'xc-permit-limited-resources',
      'xc-permit-other',
      'xc-coercion-seizure',
      'xc-coercion-disposal',
      'xc-coercion-freeze-transfer',
      'xc-coercion-demolition',
      'xc-coercion-other',
    ),
  ],
  'majorCatalog.extension': [
    'agency_list',
    'agency_list',
    'agency_list',
    'agency_list',
    'agency_list_with_filing',
  ],
  'av.alwaysRecord': [
    N_AV_ALWAYS,
    SH_AV_ALWAYS,
    SH_AV_ALWAYS,
    N_AV_ALWAYS,
    codes(
      'fixed_site_acceptance',
      'site_inspection',
      'survey',
      'sampling',
      'hearing',
      'restrict_liberty',
      'seal',
      'seize',
      'leave_service',
      'notice_service',
      'remove_obstruction_restore',
    ),
  ],
  'av.asCircumstances': [
    N_AV_MAYBE,
    SH_AV_MAYBE,
    SH_AV_MAYBE,
    N_AV_MAYBE,
    codes('investigation', 'summary_penalty', 'rectification_check'),
  ],
  'av.exemptions': [
    null,
    codes('high_risk_site'),
    codes('high_risk_site'),
    null,
    codes('emergency'),
  ],
  'av.notifyPartyAtStart': [null, true, true, null, null],
  'av.interruptionExplained': [null, true, true, null, null],
  'av.uploadDeadline': [null, null, null, null, { mode: 'within', amount: 24, unit: 'hours' }],
  'av.officerMayNotKeepCopies': [null, null, null, null, true],
  'av.sameTargetStoredTogether': [true, true, true, true, null],
  // DOMAIN §6 shows "—" for national and 南昌 (no time limit); both texts say 按照…档案管理规定
  // 归档保存, the same statement Shanghai makes, so all three read per_archive_rules.
  'archive.caseFileDeadline': [
    ARCHIVE_RULES,
    ARCHIVE_RULES,
    ARCHIVE_RULES,
    ARCHIVE_RULES,
    days(30),
  ],
  'archive.yearlyTransfer': [null, null, true, null, null],
  // 薛城区 附件2 第三十二条; the other documents are silent on a party's access to the record.
  'archive.partyAccessNeedsHeadApproval': [null, null, null, null, true],
  'archive.inspectionVideoRetention': [
    null,
    { amount: 6, unit: 'months' },
    { amount: 6, unit: 'months' },
    null,
    null,
  ],
};

/** A profile's data for one rule, reduced to what the table states. */
function stated(id: ProfileId, key: string): unknown {
  const [section, name] = key.split('.') as [string, string];
  const rules = PROFILES[id].rules as unknown as Record<string, Record<string, unknown>>;
  const data = rules[section]?.[name];
  if (data === null || data === undefined) return null;
  if (Array.isArray(data)) {
    const entries = data as { code: string; label: string }[];
    const withLabel = key === 'review.outcomes';
    return codes(...entries.map((e) => (withLabel ? `${e.code}:${e.label}` : e.code)));
  }
  return (data as { value: unknown }).value;
}

describe('every profile value equals the expectation table', () => {
  it('the table covers every rule of the catalogue', () => {
    const ruleKeys = RULE_SPECS.filter((r) => r.section !== 'statute').map((r) => r.key);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ruleKeys].sort());
  });

  PROFILE_IDS.forEach((id, column) => {
    it(`${id}`, () => {
      for (const [key, row] of Object.entries(EXPECTED)) {
        expect(stated(id, key), `${id} ${key}`).toEqual(row[column]);
      }
    });
  });

  it('the thresholds of the major-decision catalogues', () => {
    const conditions = (id: ProfileId, code: string) =>
      PROFILES[id].rules.majorCatalog.entries?.find((e) => e.code === code)?.when;
    expect(conditions('xuecheng', 'xc-penalty-fine')).toEqual([
      { type: 'fine_at_least', thresholds: { citizen: 5000, organisation: 50000 } },
    ]);
    expect(conditions('xuecheng', 'xc-coercion-seizure')).toContainEqual({
      type: 'seized_at_least',
      areaSquareMetres: 300,
      valueYuan: 100000,
    });
    expect(conditions('xuecheng', 'xc-penalty-revoke')).toContainEqual({
      type: 'party_type',
      partyTypes: ['organisation'],
    });
    expect(conditions('nanchang', 'nc-penalty-ordinary')).toEqual([
      { type: 'fact', fact: 'ordinary_procedure' },
    ]);
    expect(conditions('shanghai', 'sh-coercion-execution')).toEqual([
      {
        type: 'coercion_execution_except',
        acts: ['immediate_substitute_performance', 'late_payment_penalty', 'late_fee'],
      },
    ]);
    expect(conditions('shanghai', 'sh-penalty-mitigated')).toEqual([
      { type: 'fact', fact: 'mitigated_penalty' },
    ]);
  });

  it('only agreement lets a decision be made; disagreeing opinions of 南昌 and 薛城 need reasons', () => {
    for (const id of PROFILE_IDS) {
      for (const o of PROFILES[id].rules.review.outcomes ?? []) {
        expect(o.isAgreement, `${id} ${o.code}`).toBe(o.code === 'agree');
      }
    }
    const reasons = (id: ProfileId) =>
      (PROFILES[id].rules.review.outcomes ?? [])
        .filter((o) => o.isReasonRequired)
        .map((o) => o.code);
    expect(reasons('nanchang')).toEqual(['not_yet_agree', 'disagree']);
    expect(reasons('xuecheng')).toEqual(['return', 'disagree']);
    expect(reasons('shanghai')).toEqual([]);
  });

  it('薛城区 states its documents expired on 2022-10-19', () => {
    expect(PROFILES.xuecheng.validUntil?.value).toBe('2022-10-19');
    expect(PROFILES.caoyang.inherits).toBe('shanghai');
  });
});

describe('the statutory baseline: the laws under every profile', () => {
  const PENALTY = '《中华人民共和国行政处罚法》';
  const MARKET_RULES = '《市场监督管理行政处罚程序规定》';
  const PERMIT = '《中华人民共和国行政许可法》';
  const COERCION = '《中华人民共和国行政强制法》';
  const HOUSE = '《国有土地上房屋征收与补偿条例》';
  const hours = (amount: number) => ({ mode: 'within', amount, unit: 'hours' });
  const months = (amount: number) => ({ mode: 'within', amount, unit: 'months' });
  // Written from the laws' texts, not from the data file.
  const LAW: Record<keyof typeof STATUTE, [value: unknown, document: string, article: string]> = {
    officersRequired: [2, PENALTY, '第四十二条'],
    summaryProcedureFineLimit: [{ citizen: 200, organisation: 3000 }, PENALTY, '第五十一条'],
    decisionDeadline: [days(90), PENALTY, '第六十条'],
    evidencePreservationDecision: [wd(7), PENALTY, '第五十六条'],
    serviceDeadline: [wd(7), PENALTY, '第六十一条'],
    paymentDeadline: [days(15), PENALTY, '第六十七条'],
    latePaymentSurcharge: [{ percentPerDay: 3, isCappedAtFine: true }, PENALTY, '第七十二条'],
    hearingRequestDeadline: [wd(5), PENALTY, '第六十四条'],
    hearingNoticeLeadTime: [wd(7), PENALTY, '第六十四条'],
    penaltyDisclosureWithdrawal: [wd(3), PENALTY, '第四十八条'],
    penaltyWithdrawalReasonRequired: [true, PENALTY, '第四十八条'],
    firstReviewerQualification: [true, PENALTY, '第五十八条'],
    workingDayPeriods: [[2, 3, 5, 7], PENALTY, '第八十五条'],
    // 《行政处罚法》 names no period for 陈述、申辩; the market-regulation rules do.
    defenceDeadline: [wd(5), MARKET_RULES, '第五十七条'],
    permitDecisionDeadline: [wd(20), PERMIT, '第四十二条'],
    permitDecisionExtension: [wd(10), PERMIT, '第四十二条'],
    permitCorrectionNotice: [wd(5), PERMIT, '第三十二条'],
    permitSiteCheckStaff: [2, PERMIT, '第三十四条'],
    permitHearingRequestDeadline: [wd(5), PERMIT, '第四十七条'],
    permitHearingOrganiseDeadline: [wd(20), PERMIT, '第四十七条'],
    permitHearingNoticeLeadTime: [wd(7), PERMIT, '第四十八条'],
    permitCertificateDeadline: [wd(10), PERMIT, '第四十四条'],
    permitRenewalLeadTime: [days(30), PERMIT, '第五十条'],
    coercionOfficersRequired: [2, COERCION, '第十八条'],
    coercionEmergencyReport: [hours(24), COERCION, '第十九条'],
    coercionSeizurePeriod: [days(30), COERCION, '第二十五条'],
    coercionSeizureExtension: [days(30), COERCION, '第二十五条'],
    coercionFreezePeriod: [days(30), COERCION, '第三十二条'],
    coercionFreezeExtension: [days(30), COERCION, '第三十二条'],
    coercionFreezeDecisionDelivery: [wd(3), COERCION, '第三十一条'],
    coercionSubstituteReminderLead: [wd(3), COERCION, '第五十一条'],
    coercionReminderBeforeCourt: [wd(10), COERCION, '第五十四条'],
    coercionCourtApplication: [months(3), COERCION, '第五十三条'],
    coercionNight: [
      { from: '22:00', to: '06:00' },
      '《中华人民共和国噪声污染防治法》',
      '第八十八条',
    ],
    coercionWorkingDayLimit: [10, COERCION, '第六十九条'],
    lastDayOffRollsToWorkingDay: [true, '《中华人民共和国民法典》', '第二百零三条'],
    remedyReviewDeadline: [days(60), '《中华人民共和国行政复议法》', '第二十条'],
    remedyLitigationDeadline: [months(6), '《中华人民共和国行政诉讼法》', '第四十六条'],
    expropriationCommentPeriod: [{ amount: 30, unit: 'days' }, HOUSE, '第十条'],
    expropriationHearingOnObjection: [true, HOUSE, '第十一条'],
    expropriationRiskAssessment: [true, HOUSE, '第十二条'],
    expropriationCollectiveDecision: [true, HOUSE, '第十二条'],
    expropriationFundsBeforeDecision: [true, HOUSE, '第十二条第二款'],
    expropriationAnnouncement: [true, HOUSE, '第十三条'],
    expropriationCourtOnly: [true, HOUSE, '第二十八条'],
    expropriationCollectiveLand: [true, '《中华人民共和国土地管理法》', '第四十七条'],
    requisitionReturn: [true, '《中华人民共和国民法典》', '第二百四十五条'],
  };

  it('every statutory value, the law and the article it cites', () => {
    expect(Object.keys(STATUTE).sort()).toEqual(Object.keys(LAW).sort());
    for (const [key, [value, document, article]] of Object.entries(LAW)) {
      const rule = STATUTE[key as keyof typeof STATUTE];
      expect(rule.value, key).toEqual(value);
      expect(rule.source.type, key).toBe('law');
      if (rule.source.type === 'law') {
        expect(rule.source.document, key).toContain(document);
        expect(rule.source.article, key).toContain(article);
      }
    }
  });

  it('periods count working days where their law says so, calendar days otherwise', () => {
    const isWorkingDayPeriod = (key: string, document: string, amount: number) => {
      // 《行政处罚法》art.85 (and the market rules that follow it): 2, 3, 5 and 7 days.
      if (document.includes('行政处罚')) return [2, 3, 5, 7].includes(amount);
      // 《行政许可法》art.82: the agency's periods; the holder's renewal lead time is in days.
      if (document.includes('行政许可法')) return key !== 'permitRenewalLeadTime';
      // 《行政强制法》art.69: ten days or less.
      if (document.includes('行政强制法')) return amount <= STATUTE.coercionWorkingDayLimit.value;
      return false;
    };
    for (const [key, rule] of Object.entries(STATUTE)) {
      const v = rule.value as { mode?: string; amount?: number; unit?: string };
      if (v.mode !== 'within' || v.amount === undefined) continue;
      if (v.unit !== 'working_days' && v.unit !== 'days') continue;
      const document = rule.source.type === 'law' ? rule.source.document : '';
      expect(v.unit, key).toBe(
        isWorkingDayPeriod(key, document, v.amount) ? 'working_days' : 'days',
      );
    }
  });
});
