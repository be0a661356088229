// What a jurisdiction profile is, and the small builders its data files are written with.
import type { ProfileId } from '../../config.ts';
import type { ProfileRules } from './profile.rules.ts';
import type { SourceKey } from './profile.sources.ts';
import type {
  AvEntry,
  AvExemptionEntry,
  CatalogEntry,
  Cited,
  Deadline,
  OutcomeEntry,
  SeedCitation,
} from './profile.values.ts';
import {
  AV_ACT_LABELS,
  AV_EXEMPTION_LABELS,
  type AvAct,
  type AvExemption,
  type MajorFact,
} from './profile.vocabulary.ts';

export interface Profile {
  id: ProfileId;
  /** The jurisdiction, as a user reads it. */
  name: string;
  /** Version of this data set; bump it whenever a value changes, so records can say which applied. */
  version: string;
  /** The date the source document took effect. */
  effectiveFrom: string;
  /** Where the source document states its own expiry. */
  validUntil: Cited<string> | null;
  /** A street office follows its city's document where its own is silent ("(SH)" in DOMAIN §6). */
  inherits: ProfileId | null;
  /** Documents whose text the values quote (own first, then inherited). */
  sources: SourceKey[];
  rules: ProfileRules;
}

// --- Value builders -----------------------------------------------------------------------------

export const workingDays = (amount: number): Deadline => ({
  mode: 'within',
  amount,
  unit: 'working_days',
});
export const days = (amount: number): Deadline => ({ mode: 'within', amount, unit: 'days' });
export const hours = (amount: number): Deadline => ({ mode: 'within', amount, unit: 'hours' });
export const PROMPTLY: Deadline = { mode: 'promptly' };

export function cited<T>(value: T, source: SeedCitation): Cited<T> {
  return { value, source };
}

export function avAct(code: AvAct, source: SeedCitation): AvEntry {
  return { code, label: AV_ACT_LABELS[code], source };
}

export function avExemption(code: AvExemption, source: SeedCitation): AvExemptionEntry {
  return { code, label: AV_EXEMPTION_LABELS[code], source };
}

export function outcome(
  code: OutcomeEntry['code'],
  label: string,
  flags: { isAgreement?: boolean; isReasonRequired?: boolean },
  source: SeedCitation,
): OutcomeEntry {
  return {
    code,
    label,
    isAgreement: flags.isAgreement ?? false,
    isReasonRequired: flags.isReasonRequired ?? false,
    source,
  };
}

export function major(
  code: string,
  label: string,
  decisionKind: CatalogEntry['decisionKind'],
  when: CatalogEntry['when'],
  source: SeedCitation,
): CatalogEntry {
  return { code, label, decisionKind, when, source };
}

/** A catalogue condition that is one fact. */
export function fact(f: MajorFact): CatalogEntry['when'] {
  return [{ type: 'fact', fact: f }];
}
