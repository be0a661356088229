// 文号: each agency numbers its instruments per year and kind in its own pattern, e.g.
// 薛市监罚决〔2026〕12号 = {abbr}{code}〔{year}〕{seq}号. The pattern is stored per agency; an agency
// without one gets the default over its short name, so numbering never blocks an issue.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { instrumentsRepository as repo } from './instruments.repository.ts';

export const DEFAULT_PATTERN = '{abbr}{code}〔{year}〕{seq}号';
const PLACEHOLDER = /\{([a-z]+)\}/g;
const KNOWN = new Set(['abbr', 'code', 'year', 'seq']);

export interface Numbering {
  abbreviation: string;
  pattern: string;
  kindCodes: Record<string, string>;
  isDefault: boolean;
}

/** Refuses a pattern without {year} and {seq} (the number would repeat) or with unknown names. */
export function checkPattern(pattern: string): void {
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  if (!names.includes('year') || !names.includes('seq') || names.some((n) => !KNOWN.has(n))) {
    throw new AppError('INSTRUMENT_NUMBERING_INVALID');
  }
}

export function formatDocNo(
  pattern: string,
  values: { abbr: string; code: string; year: number; seq: number },
): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    switch (name) {
      case 'abbr':
        return values.abbr;
      case 'code':
        return values.code;
      case 'year':
        return String(values.year);
      case 'seq':
        return String(values.seq);
      default:
        return whole;
    }
  });
}

export async function numberingOf(
  db: Kysely<Database> | Transaction<Database>,
  agencyId: string,
): Promise<Numbering> {
  const row = await repo.findNumbering(db, agencyId);
  if (row) {
    return {
      abbreviation: row.abbreviation,
      pattern: row.pattern,
      kindCodes: row.kind_codes,
      isDefault: false,
    };
  }
  const agency = await repo.findAgency(db, agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { message: '执法主体不存在' });
  return {
    abbreviation: agency.short_name ?? agency.name,
    pattern: DEFAULT_PATTERN,
    kindCodes: {},
    isDefault: true,
  };
}
