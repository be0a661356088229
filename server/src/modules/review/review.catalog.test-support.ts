// The table the catalogue tests share: proposed decisions classified under one profile, each
// answer checked for the entries that matched, the document and article they cite, and that the
// cited passage is a verbatim excerpt of the seed document it names (the rule is pinned to the
// text it comes from, as profile.pinning.test.ts does for every profile value).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../../config.ts';
import { PROFILES } from '../profile/profiles/index.ts';
import { resolveRules } from '../profile/profile.resolve.ts';
import {
  classifyDecision,
  describeDecision,
  type CaseForClassification,
  type EntrySource,
  type EvaluatedEntry,
} from './review.catalog.ts';

export const org = [{ kind: 'organisation' as const }];
export const person = [{ kind: 'person' as const }];

export function pen(fineYuan: number | undefined, types: string[] = ['fine'], isMitigated = false) {
  return {
    types,
    ...(fineYuan === undefined ? {} : { fineYuan }),
    isMitigated,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    reasons: '事实清楚，证据确凿。',
  };
}

export interface Row {
  name: string;
  c?: Partial<CaseForClassification>;
  proposal: unknown;
  declared?: Record<string, boolean>;
  /** Codes that must match; [] means "not major". */
  major: string[];
  /** A passage every matched citation must contain (document and article). */
  cites?: string;
}

export function classify(profile: ProfileId, row: Row, extra: EvaluatedEntry[] = []) {
  const rules = resolveRules(PROFILES[profile]);
  const c: CaseForClassification = {
    kind: 'penalty',
    procedure: 'ordinary',
    details: {},
    parties: org,
    ...row.c,
  };
  const facts = describeDecision(c, row.proposal, row.declared ?? {});
  return classifyDecision(
    facts,
    [...rules.majorCatalog.entries.effective, ...extra],
    rules.profile,
  );
}

const squeeze = (s: string) => s.replace(/\s+/gu, '');
const seedTexts = new Map<string, string>();

/** Whether a seed citation's quote ("…" between excerpts) occurs, in order, in its document. */
export function isPinnedToSeed(source: EntrySource): boolean {
  if (source.type !== 'seed') return false;
  let text = seedTexts.get(source.seedFile);
  if (text === undefined) {
    const url = new URL(`../profile/sources/${source.seedFile}`, import.meta.url);
    text = squeeze(fs.readFileSync(url, 'utf8'));
    seedTexts.set(source.seedFile, text);
  }
  let from = 0;
  for (const part of source.quote.split('…').map(squeeze)) {
    const at = part === '' ? -1 : text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

export function runTable(profile: ProfileId, rows: Row[]) {
  describe(`profile ${profile}`, () => {
    it('has at least ten decisions in its table, major and not', () => {
      expect(rows.length).toBeGreaterThanOrEqual(10);
      expect(rows.filter((r) => r.major.length > 0).length).toBeGreaterThanOrEqual(5);
      expect(rows.filter((r) => r.major.length === 0).length).toBeGreaterThanOrEqual(3);
    });
    for (const row of rows) {
      it(`${row.major.length > 0 ? 'major' : 'not major'}: ${row.name}`, () => {
        const result = classify(profile, row);
        expect(result.matched.map((m) => m.code).sort()).toEqual([...row.major].sort());
        expect(result.isMajor).toBe(row.major.length > 0);
        expect(result.profile.id).toBe(profile);
        if (result.isMajor) {
          expect(row.cites, 'a major row names the passage it cites').toBeDefined();
          expect(result.summary).toMatch(/^属于重大执法决定/);
          for (const m of result.matched) {
            expect(m.citation).toContain(row.cites ?? '');
            expect(result.summary).toContain(m.citation);
            expect(m.conditions.every((x) => x.holds)).toBe(true);
            expect(isPinnedToSeed(m.source), `${m.code}: quote not in its seed`).toBe(true);
          }
        } else {
          expect(result.summary).toContain(`已对照${PROFILES[profile].name}重大执法决定目录`);
          expect(result.checked.length).toBeGreaterThan(0);
          expect(result.checked.every((e) => !e.isMatched)).toBe(true);
          // "Not major" is an answer too: every entry checked says where it is written.
          for (const e of result.checked) expect(e.citation.length).toBeGreaterThan(0);
        }
      });
    }
  });
}
