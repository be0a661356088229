// Periods and numbers of 《中华人民共和国行政强制法》 the coercion workflows use, and the remedy
// periods (复议、诉讼) that decide when an agency may execute or apply to a court. They bind every
// jurisdiction alike and belong in the profile's statute section beside 《行政处罚法》; until then
// they live here, cited, in the profile's Cited<value> shape.
//
// Art.69: periods of ten days or less in this law count working days; longer ones (30 days)
// count calendar days. Month periods end on the corresponding day (《民法典》第二百零二条) and a
// last day that is a day off moves to the next working day (第二百零三条).
import type { Cited, LawCitation } from '../../profile/profile.values.ts';
import type { Period } from '../periods.ts';

export const COERCION_LAW_NAME = '《中华人民共和国行政强制法》';

const law =
  (document: string) =>
  (article: string): LawCitation => ({ type: 'law', document, article });
const coercionLaw = law(COERCION_LAW_NAME);
const wd = (amount: number): Period => ({ amount, unit: 'working_days' });
const days = (amount: number): Period => ({ amount, unit: 'days' });

export const COERCION_LAW = {
  /** Measures are taken by two officers at least. */
  officersRequired: { value: 2, source: coercionLaw('第十八条第（二）项') },
  /** An emergency measure is reported to the head within 24 hours and approval obtained. */
  emergencyReportHours: { value: 24, source: coercionLaw('第十九条') },
  /** 查封、扣押 last at most 30 days, unless a law or administrative regulation says otherwise. */
  seizurePeriod: { value: days(30), source: coercionLaw('第二十五条第一款') },
  /** Extended once, with the head's approval, by at most 30 days; the party told in writing. */
  seizureExtension: { value: days(30), source: coercionLaw('第二十五条第一款、第二款') },
  /** 冻结: decision on the frozen funds within 30 days, extended by at most 30. */
  freezePeriod: { value: days(30), source: coercionLaw('第三十二条第一款') },
  freezeExtension: { value: days(30), source: coercionLaw('第三十二条第一款') },
  /** The freeze decision is handed to the party within 3 days of the freeze. */
  freezeDecisionDelivery: { value: wd(3), source: coercionLaw('第三十一条、第六十九条') },
  /** 代履行: the party is reminded 3 days before. */
  substituteReminderLead: {
    value: wd(3),
    source: coercionLaw('第五十一条第一款第（三）项、第六十九条'),
  },
  /** A court is applied to only once 10 days have passed since the reminder was served. */
  reminderBeforeCourt: { value: wd(10), source: coercionLaw('第五十四条、第六十九条') },
  /** Within 3 months after the party's remedy periods have run out. */
  courtApplicationMonths: { value: 3, source: coercionLaw('第五十三条') },
  /**
   * Art.43 forbids execution at night (夜间). The law does not define night; this reads it as
   * 《噪声污染防治法》第八十八条 does: 22:00 to 06:00.
   */
  night: {
    value: { from: '22:00', to: '06:00' },
    source: law('《中华人民共和国噪声污染防治法》')(
      '第八十八条（“夜间”的含义，用于理解行政强制法第四十三条）',
    ),
  },
} as const satisfies Record<string, Cited<unknown>>;

/** The party's remedy periods, counted from the day the party learnt of the decision. */
export const REMEDY_PERIODS = {
  reviewDays: { value: 60, source: law('《中华人民共和国行政复议法》')('第二十条第一款') },
  litigationMonths: { value: 6, source: law('《中华人民共和国行政诉讼法》')('第四十六条第一款') },
} as const satisfies Record<string, Cited<unknown>>;

export function citeCoercionLaw(rule: keyof typeof COERCION_LAW): string {
  const { document, article } = COERCION_LAW[rule].source;
  return `${document}${article}`;
}
