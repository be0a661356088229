// Chinese substring search without a word segmenter. Stored text and queries go through the same
// normalisation (full-width to half-width, every kind of bracket around a year to 〔〕, no
// spaces, lower case), so 〔2026〕, [2026], (2026) and （2026） find each other. Each row keeps
// its distinct characters and character pairs; a query of n ≥ 2 characters must contain all of
// its pairs (a GIN lookup), and the database then confirms the exact substring.

const OPENING = /[[(（【［〔﹝{｛<《]/g;
const CLOSING = /[\])）】］〕﹞}｝>》]/g;

/** The normal form of a text or query: what search compares. */
export function normaliseForSearch(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .normalize('NFKC')
    .replace(OPENING, '〔')
    .replace(CLOSING, '〕')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** 文号 in normal form, for exact lookups and display-independent comparison. */
export function normaliseDocNo(docNo: string): string {
  return normaliseForSearch(docNo);
}

/** Every distinct character and adjacent pair of a normalised text. */
export function gramsOf(normalised: string): string[] {
  const chars = [...normalised];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return [...grams].sort();
}

export interface SearchTerm {
  /** The normalised term, for the substring check. */
  text: string;
  /** The grams a row must hold (its pairs, or the single character). */
  grams: string[];
}

export const MAX_TERMS = 5;

/**
 * Splits a query into terms (whitespace separates them; all must match), normalised. Terms beyond
 * MAX_TERMS are dropped so that hostile input cannot make a query arbitrarily expensive.
 */
export function parseQuery(q: string | undefined): SearchTerm[] {
  if (!q) return [];
  const terms = q
    .split(/[\s\u3000]+/)
    .map(normaliseForSearch)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
  return terms.map((text) => {
    const chars = [...text];
    if (chars.length === 1) return { text, grams: chars };
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`);
    return { text, grams: [...pairs] };
  });
}

/** The searchable text of a decision: 文号, party, power, agency and the published text. */
export function searchTextOf(d: {
  docNo: string;
  party: string;
  partyCreditCode: string | null;
  powerName: string;
  agencyName: string;
  facts: string;
  legalBasis: string;
  result: string;
}): string {
  return normaliseForSearch(
    [
      d.docNo,
      d.party,
      d.partyCreditCode ?? '',
      d.powerName,
      d.agencyName,
      d.facts,
      d.legalBasis,
      d.result,
    ].join('|'),
  );
}
