// The law under every profile. No local document can loosen it and no agency overrides it.
// 《行政处罚法》 (2021): periods of 2, 3, 5 and 7 days count working days (art.85), the others
// (15, 90 days) calendar days. 《行政许可法》: the periods in which an agency implements a permit
// count working days (art.82); the applicant's lead time for a renewal is in days. 《行政强制法》:
// periods of ten days or less count working days (art.69), longer ones calendar days.
import {
  civilCode,
  coercionLaw,
  houseExpropriationRegulation,
  landLaw,
  litigationLaw,
  marketPenaltyProcedure,
  noiseLaw,
  penaltyLaw,
  permitLaw,
  reviewLaw,
} from '../profile.sources.ts';
import type { StatuteRules } from '../profile.rules.ts';

const within = <U extends 'working_days' | 'days' | 'hours' | 'months'>(unit: U) => {
  return (amount: number) => ({ mode: 'within' as const, amount, unit });
};
const wd = within('working_days');
const days = within('days');
const hours = within('hours');
const months = within('months');

export const STATUTE: StatuteRules = {
  // --- 《中华人民共和国行政处罚法》 ---
  officersRequired: { value: 2, source: penaltyLaw('第四十二条') },
  summaryProcedureFineLimit: {
    value: { citizen: 200, organisation: 3000 },
    source: penaltyLaw('第五十一条'),
  },
  decisionDeadline: { value: days(90), source: penaltyLaw('第六十条') },
  evidencePreservationDecision: { value: wd(7), source: penaltyLaw('第五十六条、第八十五条') },
  serviceDeadline: { value: wd(7), source: penaltyLaw('第六十一条、第八十五条') },
  paymentDeadline: { value: days(15), source: penaltyLaw('第六十七条') },
  latePaymentSurcharge: {
    value: { percentPerDay: 3, isCappedAtFine: true },
    source: penaltyLaw('第七十二条'),
  },
  hearingRequestDeadline: { value: wd(5), source: penaltyLaw('第六十四条第一项、第八十五条') },
  hearingNoticeLeadTime: { value: wd(7), source: penaltyLaw('第六十四条第二项、第八十五条') },
  penaltyDisclosureWithdrawal: { value: wd(3), source: penaltyLaw('第四十八条、第八十五条') },
  penaltyWithdrawalReasonRequired: { value: true, source: penaltyLaw('第四十八条') },
  firstReviewerQualification: { value: true, source: penaltyLaw('第五十八条') },
  workingDayPeriods: { value: [2, 3, 5, 7], source: penaltyLaw('第八十五条') },
  // The law gives the right to state and defend (arts.44, 45) but no period; the notice states
  // one. This reads it as 市场监管总局's rules do, the same 5 working days as the hearing request
  // (the old 3 working days of the 2018 rules went with the old law's 3-day hearing request).
  defenceDeadline: {
    value: wd(5),
    source: marketPenaltyProcedure('第五十七条（《行政处罚法》第四十四条、第四十五条未规定期限）'),
  },

  // --- 《中华人民共和国行政许可法》 (2019) ---
  permitDecisionDeadline: { value: wd(20), source: permitLaw('第四十二条第一款、第八十二条') },
  permitDecisionExtension: { value: wd(10), source: permitLaw('第四十二条第一款') },
  permitCorrectionNotice: { value: wd(5), source: permitLaw('第三十二条第一款第（四）项') },
  permitSiteCheckStaff: { value: 2, source: permitLaw('第三十四条第三款') },
  permitHearingRequestDeadline: { value: wd(5), source: permitLaw('第四十七条第一款') },
  permitHearingOrganiseDeadline: { value: wd(20), source: permitLaw('第四十七条第一款') },
  permitHearingNoticeLeadTime: { value: wd(7), source: permitLaw('第四十八条第一款第（一）项') },
  permitCertificateDeadline: { value: wd(10), source: permitLaw('第四十四条') },
  permitRenewalLeadTime: { value: days(30), source: permitLaw('第五十条第一款') },

  // --- 《中华人民共和国行政强制法》 ---
  coercionOfficersRequired: { value: 2, source: coercionLaw('第十八条第（二）项') },
  coercionEmergencyReport: { value: hours(24), source: coercionLaw('第十九条') },
  coercionSeizurePeriod: { value: days(30), source: coercionLaw('第二十五条第一款') },
  coercionSeizureExtension: { value: days(30), source: coercionLaw('第二十五条第一款、第二款') },
  coercionFreezePeriod: { value: days(30), source: coercionLaw('第三十二条第一款') },
  coercionFreezeExtension: { value: days(30), source: coercionLaw('第三十二条第一款') },
  coercionFreezeDecisionDelivery: { value: wd(3), source: coercionLaw('第三十一条、第六十九条') },
  coercionSubstituteReminderLead: {
    value: wd(3),
    source: coercionLaw('第五十一条第一款第（三）项、第六十九条'),
  },
  coercionReminderBeforeCourt: { value: wd(10), source: coercionLaw('第五十四条、第六十九条') },
  coercionCourtApplication: { value: months(3), source: coercionLaw('第五十三条') },
  // Art.43 forbids execution at night; the law does not define night, so this reads it as
  // 《噪声污染防治法》 does.
  coercionNight: {
    value: { from: '22:00', to: '06:00' },
    source: noiseLaw('第八十八条（“夜间”的含义，用于理解行政强制法第四十三条）'),
  },
  coercionWorkingDayLimit: { value: 10, source: coercionLaw('第六十九条') },
  // Periods in days (over ten) and months: a last day off moves to the next working day.
  lastDayOffRollsToWorkingDay: { value: true, source: civilCode('第二百零三条') },
  // The party's remedies decide when an agency may execute or apply to a court.
  remedyReviewDeadline: { value: days(60), source: reviewLaw('第二十条第一款') },
  remedyLitigationDeadline: { value: months(6), source: litigationLaw('第四十六条第一款') },

  // --- 征收征用: 《国有土地上房屋征收与补偿条例》 (国务院令第590号), 《土地管理法》, 《民法典》 ---
  expropriationCommentPeriod: {
    value: { amount: 30, unit: 'days' },
    source: houseExpropriationRegulation('第十条第二款；《中华人民共和国土地管理法》第四十七条'),
  },
  expropriationHearingOnObjection: {
    value: true,
    source: houseExpropriationRegulation('第十一条第二款；《中华人民共和国土地管理法》第四十七条'),
  },
  expropriationRiskAssessment: {
    value: true,
    source: houseExpropriationRegulation('第十二条第一款'),
  },
  expropriationCollectiveDecision: {
    value: true,
    source: houseExpropriationRegulation('第十二条第一款'),
  },
  expropriationFundsBeforeDecision: {
    value: true,
    source: houseExpropriationRegulation('第十二条第二款'),
  },
  expropriationAnnouncement: {
    value: true,
    source: houseExpropriationRegulation('第十三条第一款'),
  },
  expropriationCourtOnly: { value: true, source: houseExpropriationRegulation('第二十八条第一款') },
  expropriationCollectiveLand: { value: true, source: landLaw('第四十七条') },
  requisitionReturn: { value: true, source: civilCode('第二百四十五条') },
};
