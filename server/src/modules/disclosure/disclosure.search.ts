// Chinese substring search without a word segmenter. Stored text and queries go through the same
// normalisation (full-width to half-width, every kind of bracket around a year to 〔〕, no
// spaces, lower case), so 〔2026〕, [2026], (2026) and （2026） find each other. The database
// indexes short substrings of every text (see SearchTerm); this file turns a query into them.

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

/**
 * Lexemes are what disclosure_search_grams (migration 2026_11_22_0300) makes of a normalised text
 * (stored and indexed as disclosure_search.lexemes): every window of one, two, three and four
 * characters. A term of up to four characters
 * occurs exactly when its own lexeme is there; a longer term needs every piece of a cover by
 * four-character lexemes, and its text must then be confirmed (the pieces may lie apart).
 */
export const LEXEME_LENGTH = 4;

export interface SearchTerm {
  /** The normalised term: a match contains it. */
  text: string;
  /** Lexemes a match's index entry holds (all of them). */
  lexemes: string[];
  /** Five or more characters: the lexemes only narrow the candidates; the text decides. */
  needsRecheck: boolean;
}

export const MAX_TERMS = 5;

/** Four-character pieces covering every character of a longer term, the last flush with its end. */
function coverOf(chars: string[]): string[] {
  const starts: number[] = [];
  for (let i = 0; i + LEXEME_LENGTH < chars.length; i += LEXEME_LENGTH) starts.push(i);
  starts.push(chars.length - LEXEME_LENGTH);
  return [...new Set(starts.map((i) => chars.slice(i, i + LEXEME_LENGTH).join('')))];
}

function termOf(text: string): SearchTerm {
  const chars = [...text];
  if (chars.length <= LEXEME_LENGTH) {
    return { text, lexemes: [text], needsRecheck: false };
  }
  return { text, lexemes: coverOf(chars), needsRecheck: true };
}

/**
 * Splits a query into terms (whitespace separates them; all must match), normalised. Terms beyond
 * MAX_TERMS are dropped so that hostile input cannot make a query arbitrarily expensive.
 */
export function parseQuery(q: string | undefined): SearchTerm[] {
  if (!q) return [];
  return q
    .split(/[\s\u3000]+/)
    .map(normaliseForSearch)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS)
    .map(termOf);
}

/** How often lexemes occur, from the index statistics: a share of rows per common lexeme. */
export interface LexemeFrequencies {
  common: ReadonlyMap<string, number>;
  /** Every lexeme not in `common` occurs in fewer rows than this share. */
  rareBelow: number;
  rows: number;
}

/** At most this many pieces of one term go to the index. */
const MAX_PIECES = 6;

/**
 * The pieces of a longer term worth asking the index for. A common piece (〔202 of every 文号)
 * costs the index a long posting list and narrows nothing, so: every piece the statistics do not
 * list as common (the index itself starts from the shortest posting list), or, when all are
 * common, the rarest until together they leave about one row by chance (at most three). The text
 * confirms the term whatever pieces are asked, so any non-empty subset finds the same rows.
 */
export function selectPieces(term: SearchTerm, frequencies: LexemeFrequencies): SearchTerm {
  if (!term.needsRecheck || frequencies.common.size === 0 || !(frequencies.rows > 0)) return term;
  const chars = [...term.text];
  const pieces = new Set<string>();
  for (let i = 0; i + LEXEME_LENGTH <= chars.length; i++) {
    pieces.add(chars.slice(i, i + LEXEME_LENGTH).join(''));
  }
  const rare = [...pieces].filter((p) => !frequencies.common.has(p));
  if (rare.length > 0) return { ...term, lexemes: rare.slice(0, MAX_PIECES) };
  const ranked = [...pieces].sort(
    (a, b) => (frequencies.common.get(a) ?? 0) - (frequencies.common.get(b) ?? 0),
  );
  const chosen: string[] = [];
  let expectedRows = frequencies.rows;
  for (const piece of ranked) {
    if (chosen.length === 3 || (chosen.length > 0 && expectedRows < 1)) break;
    chosen.push(piece);
    expectedRows *= frequencies.common.get(piece) ?? 1;
  }
  return { ...term, lexemes: chosen };
}

/**
 * About which share of the decisions holds every term, from the statistics (undefined without
 * them): a term's share is that of its lexeme or of the rarest piece asked for, terms multiplied
 * as if independent. A lexeme the statistics do not list is rarer than they can tell: 0, and the
 * caller puts its own floor under it. Only ever sizes a search of the newest decisions.
 */
export function matchShare(
  terms: readonly SearchTerm[],
  frequencies: LexemeFrequencies,
): number | undefined {
  if (terms.length === 0 || frequencies.common.size === 0) return undefined;
  let share = 1;
  for (const term of terms) {
    share *= Math.min(...term.lexemes.map((lexeme) => frequencies.common.get(lexeme) ?? 0));
  }
  return share;
}

/** A lexeme quoted for tsquery input: inside quotes only the quote and the backslash are special. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsquery text every term's lexemes must satisfy together (null without terms). */
export function tsqueryOf(terms: readonly SearchTerm[]): string | null {
  const parts = terms.flatMap((t) => t.lexemes.map(quoteLexeme));
  return parts.length > 0 ? parts.join(' & ') : null;
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
