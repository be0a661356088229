// Every shipped jurisdiction profile, by the id a deployment selects (config PROFILE).
import type { ProfileId } from '../../../config.ts';
import type { Profile } from '../profile.model.ts';
import { CAOYANG } from './caoyang.ts';
import { NANCHANG } from './nanchang.ts';
import { NATIONAL } from './national.ts';
import { SHANGHAI } from './shanghai.ts';
import { XUECHENG } from './xuecheng.ts';

import { STATUTE as STATUTE_DATA } from './statute.ts';

export { NATIONAL };

export const PROFILES: Record<ProfileId, Profile> = deepFreeze({
  national: NATIONAL,
  shanghai: SHANGHAI,
  caoyang: CAOYANG,
  nanchang: NANCHANG,
  xuecheng: XUECHENG,
});

export const STATUTE = deepFreeze(STATUTE_DATA);

/** Resolved rules hand out references into this data; freezing makes a stray write throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
