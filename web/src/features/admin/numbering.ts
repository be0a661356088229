// 文号 patterns as the server writes them (server/src/modules/instruments/instruments.numbering.ts):
// {abbr} the agency's abbreviation, {code} the kind's code, {year}, {seq}. The preview uses the
// same substitution; the pattern check gives the server's own message.
export const KNOWN_PLACEHOLDERS = ['abbr', 'code', 'year', 'seq'] as const;
const PLACEHOLDER = /\{([a-z]+)\}/g;

export const NUMBERING_INVALID_MESSAGE = '文号格式须包含 {year} 和 {seq}，可使用 {abbr}、{code}';

/** Whether the server will accept the pattern: {year} and {seq} present, no unknown names. */
export function isValidPattern(pattern: string): boolean {
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return (
    names.includes('year') &&
    names.includes('seq') &&
    names.every((n) => (KNOWN_PLACEHOLDERS as readonly string[]).includes(n))
  );
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

/** The current year in China, as the server numbers by it. */
export function chinaYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}
