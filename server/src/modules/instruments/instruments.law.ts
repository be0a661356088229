// What the law says each instrument must contain, as data. A statute article is cited by name and
// number with what it requires (the statutes are not among the seed texts, so there is no quote to
// pin); a 薛城区 article is quoted verbatim from its seed and pinned by instruments.law.test.ts.
import { PENALTY_LAW, marketPenaltyProcedure, xc } from '../profile/profile.sources.ts';
import type { Citation } from '../profile/profile.values.ts';

export const COERCION_LAW = '《中华人民共和国行政强制法》';
export const RECONSIDERATION_LAW = '《中华人民共和国行政复议法》（2023年修订）';
export const LITIGATION_LAW = '《中华人民共和国行政诉讼法》';

const law = (document: string, article: string): Citation => ({ type: 'law', document, article });

export const CITES = {
  penaltyDecision: law(PENALTY_LAW, '第五十九条'),
  onSpotDecision: law(PENALTY_LAW, '第五十二条'),
  priorNotice: law(PENALTY_LAW, '第四十四条'),
  hearingRights: law(PENALTY_LAW, '第六十三条'),
  hearingProcedure: law(PENALTY_LAW, '第六十四条'),
  service: law(PENALTY_LAW, '第六十一条'),
  filing: law(PENALTY_LAW, '第五十四条'),
  officersShowCredentials: law(PENALTY_LAW, '第五十五条'),
  preservation: law(PENALTY_LAW, '第五十六条'),
  collectiveDecision: law(PENALTY_LAW, '第五十七条'),
  legalReview: law(PENALTY_LAW, '第五十八条'),
  rectification: law(PENALTY_LAW, '第二十八条'),
  payment: law(PENALTY_LAW, '第六十七条'),
  seizureDecision: law(COERCION_LAW, '第二十四条'),
  measureProcedure: law(COERCION_LAW, '第十八条'),
  reminder: law(COERCION_LAW, '第三十五条'),
  enforcementDecision: law(COERCION_LAW, '第三十七条'),
  // 市场监管总局's procedure rules (2018, amended 2021 and 2022; numbering checked against the 2022
  // text), which the profiles read for the statement period: the notice names the rights and,
  // in art.57's second paragraph, the 5 working days after service; the decision states 当事人
  // 陈述、申辩的采纳情况及理由 (art.62(三); the article has one paragraph); 《行政处罚法》第五十九条
  // lists no such item.
  defencePeriod: marketPenaltyProcedure('第五十七条'),
  decisionDefenceOutcome: marketPenaltyProcedure('第六十二条第（三）项'),
  reconsiderationPeriod: law(RECONSIDERATION_LAW, '第二十条'),
  litigationPeriod: law(LITIGATION_LAW, '第四十六条'),
  xcTranscriptOfficers: xc(
    '附件2 第十条',
    '行政执法人员应当在相关调查笔录中对执法人员姓名、执法证件编号及出示情况进行文字记录,并由当事人或者有关在场人员签字或者盖章',
  ),
  xcRightsNotice: xc(
    '附件2 第十一条',
    '行政执法人员在执法过程中对告知当事人陈述、申辩、申请回避、听证等权利的方式和内容应当进行记录',
  ),
  xcInvestigationRecords: xc('附件2 第十二条', '询问当事人或者证人的,制作询问笔录等文书'),
  xcDefenceRecord: xc('附件2 第十二条', '制作权利告知书、 陈述申辩笔录等文书'),
  xcReviewRecord: xc('附件2 第十六条', '法制机构审查文字记录应当载明审查人员、审查意见和建议'),
  xcCollectiveRecord: xc('附件2 第十八条', '集体讨论应当制作集体讨论记录或者会议纪'),
  xcApprovalRecord: xc('附件2 第十九条', '负责人审批记录包括审批意见、签名和日期'),
  xcDecisionText: xc(
    '附件2 第二十条',
    '行政执法决定文书应当符合法定格式,充分说明执法处理决定的事实、理由及依据',
  ),
  xcServiceReceipt: xc(
    '附件2 第二十二条',
    '由送达人、受送达人或者符合法定条件的签收人在送达回证上签名或者盖章',
  ),
} satisfies Record<string, Citation>;

/** The time limits of the remedies every decision must state (复议 60 days, 诉讼 6 months). */
export const REMEDY_PERIODS = {
  reconsideration: { text: '六十日', source: CITES.reconsiderationPeriod },
  litigation: { text: '六个月', source: CITES.litigationPeriod },
} as const;

export function citationText(c: Citation): string {
  switch (c.type) {
    case 'law':
      return `${c.document}${c.article}`;
    case 'seed':
      return `${c.document}${c.article}`;
    case 'override':
      return `本机关设定（${c.reason}）`;
  }
}
