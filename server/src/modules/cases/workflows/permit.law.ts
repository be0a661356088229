// Periods and numbers of 《中华人民共和国行政许可法》 (2019 amendment) the permit workflow uses.
// They bind every jurisdiction alike, so they belong with 《行政处罚法》 in the profile's statute
// section; until that section covers this law they live here, cited, in the same shape
// (Cited<value> with a law citation) so that moving them is a cut and paste.
//
// Art.82: the periods in which an agency implements a permit count working days. The applicant's
// periods (hearing request, art.47) are read the same way: the longer reading gives the applicant
// the full time and makes the agency give notice earlier.
import type { Cited, LawCitation } from '../../profile/profile.values.ts';
import type { Period } from '../periods.ts';

export const PERMIT_LAW_NAME = '《中华人民共和国行政许可法》';

const cite = (article: string): LawCitation => ({
  type: 'law',
  document: PERMIT_LAW_NAME,
  article,
});
const wd = (amount: number): Period => ({ amount, unit: 'working_days' });

export const PERMIT_LAW = {
  /** Decision from acceptance, unless a law or regulation (the power's time limit) says otherwise. */
  decisionPeriod: { value: wd(20), source: cite('第四十二条第一款、第八十二条') },
  /** Extension once, with the head's approval and the reason told to the applicant. */
  decisionExtension: { value: wd(10), source: cite('第四十二条第一款') },
  /** Incomplete materials: all corrections told at once, within 5 days, else accepted on receipt. */
  correctionNotice: { value: wd(5), source: cite('第三十二条第一款第（四）项') },
  /** Verifying materials on site takes at least two staff. */
  siteCheckStaff: { value: 2, source: cite('第三十四条第三款') },
  /** The applicant and interested parties may ask for a hearing within 5 days of being told. */
  hearingRequestPeriod: { value: wd(5), source: cite('第四十七条第一款') },
  /** The agency then organises the hearing within 20 days. */
  hearingOrganisePeriod: { value: wd(20), source: cite('第四十七条第一款') },
  /** Time and place of the hearing notified 7 days before. */
  hearingNoticeLeadTime: { value: wd(7), source: cite('第四十八条第一款第（一）项') },
  /** Certificate issued and served within 10 days of the decision to grant. */
  certificatePeriod: { value: wd(10), source: cite('第四十四条') },
  /** Renewal applied for 30 days before the permit expires (unless a rule says otherwise). */
  renewalLeadTime: {
    value: { amount: 30, unit: 'days' } satisfies Period,
    source: cite('第五十条第一款'),
  },
} as const satisfies Record<string, Cited<unknown>>;

/** Where each rule is written, for messages: "《行政许可法》第四十二条第一款". */
export function citePermitLaw(rule: keyof typeof PERMIT_LAW): string {
  return `${PERMIT_LAW_NAME}${PERMIT_LAW[rule].source.article}`;
}
