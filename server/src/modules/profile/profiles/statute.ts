// The law under every profile: 《行政处罚法》 (2021). No local document can loosen it and no agency
// overrides it. Periods of 2, 3, 5 and 7 days in this law count working days (art. 85); the
// others (15, 90 days) are calendar days.
import { penaltyLaw } from '../profile.sources.ts';
import type { StatuteRules } from '../profile.rules.ts';

const wd = (amount: number) => ({ mode: 'within' as const, amount, unit: 'working_days' as const });
const days = (amount: number) => ({ mode: 'within' as const, amount, unit: 'days' as const });

export const STATUTE: StatuteRules = {
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
};
