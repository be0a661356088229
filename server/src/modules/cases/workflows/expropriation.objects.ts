// What an expropriation takes: the procedures differ by object (houses on state-owned land under
// 《国有土地上房屋征收与补偿条例》, collective land under 《土地管理法》, requisition under 《民法典》).
// The cited rules themselves are in the profile's statute section.

export const EXPROPRIATION_OBJECTS = [
  'house_on_state_land',
  'collective_land',
  'requisition',
  'other',
] as const;
export type ExpropriationObject = (typeof EXPROPRIATION_OBJECTS)[number];

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
