// Pure rules of the penalty procedure, without a database.
import { describe, expect, it } from 'vitest';
import { isDefenceSettled } from './penalty.rules.ts';

describe('isDefenceSettled (《行政处罚法》第四十四条、第四十五条、第六十四条第八项)', () => {
  it('holds once the party was heard or expressly waived the right, not before', () => {
    expect(isDefenceSettled({})).toBe(false);
    expect(isDefenceSettled({ defences: [] })).toBe(false);
    // A hearing asked for or scheduled is not yet a hearing where the party was heard.
    expect(isDefenceSettled({ hearing: { requestedOn: '2026-03-04' } })).toBe(false);
    expect(isDefenceSettled({ defences: [{ receivedOn: '2026-03-04' }] })).toBe(true);
    expect(isDefenceSettled({ defenceWaiver: { waivedOn: '2026-03-04' } })).toBe(true);
    expect(isDefenceSettled({ hearing: { requestedOn: '2026-03-04', heldOn: '2026-03-20' } })).toBe(
      true,
    );
  });
});
