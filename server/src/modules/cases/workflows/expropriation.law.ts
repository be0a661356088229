// Rules of 征收征用 the expropriation workflow enforces, cited: 《国有土地上房屋征收与补偿条例》
// (国务院令第590号) for houses on state-owned land, 《土地管理法》 (2019) for collective land, and
// 《民法典》 for requisition. They bind every jurisdiction alike and belong in the profile's statute
// section; until then they live here in the profile's Cited<value> shape.
import type { Cited, LawCitation } from '../../profile/profile.values.ts';

const law =
  (document: string) =>
  (article: string): LawCitation => ({ type: 'law', document, article });
const houseRegulation = law('《国有土地上房屋征收与补偿条例》');
const landLaw = law('《中华人民共和国土地管理法》');
const civilCode = law('《中华人民共和国民法典》');

/** What is taken: the procedures differ by object. */
export const EXPROPRIATION_OBJECTS = [
  'house_on_state_land',
  'collective_land',
  'requisition',
  'other',
] as const;
export type ExpropriationObject = (typeof EXPROPRIATION_OBJECTS)[number];

export const EXPROPRIATION_LAW = {
  /** The compensation plan is published for comment for at least 30 days. */
  commentPeriodDays: {
    value: 30,
    source: houseRegulation('第十条第二款；《中华人民共和国土地管理法》第四十七条'),
  },
  /** A hearing when most owners object (old-city renewal; collective land). */
  hearingOnMajorityObjection: {
    value: true,
    source: houseRegulation('第十一条第二款；《中华人民共和国土地管理法》第四十七条'),
  },
  /** A social-stability risk assessment before the decision. */
  riskAssessment: { value: true, source: houseRegulation('第十二条第一款') },
  /** Many owners: decided at the government's executive meeting. */
  collectiveDecisionForManyParties: { value: true, source: houseRegulation('第十二条第一款') },
  /** Compensation funds in full, in a dedicated account, before the decision. */
  fundsBeforeDecision: { value: true, source: houseRegulation('第十二条第二款') },
  /** The decision is announced with the compensation plan and the remedies. */
  announcement: { value: true, source: houseRegulation('第十三条第一款') },
  /** Who does not move: the government applies to the people's court (no execution of its own). */
  courtOnly: { value: true, source: houseRegulation('第二十八条第一款') },
  /** Collective land: survey, risk assessment and announcement before applying for approval. */
  collectiveLand: { value: true, source: landLaw('第四十七条') },
  /** Requisitioned property is returned after use, and damage compensated. */
  requisitionReturn: { value: true, source: civilCode('第二百四十五条') },
} as const satisfies Record<string, Cited<unknown>>;

/** Objects whose plan is consulted on publicly and assessed for risk before the decision. */
export const CONSULTED_OBJECTS: readonly ExpropriationObject[] = [
  'house_on_state_land',
  'collective_land',
];

/** The catalogue codes (profile vocabulary EXPROPRIATION_OBJECTS) of an object. */
export function catalogObjectsOf(object: ExpropriationObject, includesHouses: boolean): string[] {
  if (object === 'house_on_state_land') return ['house_on_state_land'];
  if (object === 'collective_land' && includesHouses) return ['house_on_collective_land'];
  return [];
}

export function citeExpropriationLaw(rule: keyof typeof EXPROPRIATION_LAW): string {
  const { document, article } = EXPROPRIATION_LAW[rule].source;
  return `${document}${article}`;
}
