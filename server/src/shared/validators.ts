// Check-digit and format rules for the identifiers Chinese administration uses. These are pure
// functions: the schema layer uses them as formats, import code calls them per row.

const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CARD_CHECK_CHARS = '10X98765432';

/** 居民身份证号码 per GB 11643-1999: 17 digits, a real birth date, and the MOD 11-2 check char. */
export function isValidIdCardNo(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidIsoDate(birth) || birth < '1900-01-01') return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECK_CHARS[sum % 11] === value[17];
}

// GB 32100-2015 uses 31 characters: digits and capitals without I, O, S, V, Z.
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 per GB 32100-2015: 18 characters with the MOD 31 check character. */
export function isValidCreditCode(value: string): boolean {
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = CREDIT_CODE_ALPHABET.indexOf(value[i] ?? '');
    if (code < 0) return false;
    sum += code * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] === value[17];
}

/** Completes a 17-character credit-code body with its check character (used by demo data). */
export function withCreditCodeCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(body17[i] ?? '') * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return body17 + CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Completes a 17-digit ID-card body with its check character (used by demo data and tests). */
export function withIdCardCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (ID_CARD_WEIGHTS[i] ?? 0);
  return body17 + ID_CARD_CHECK_CHARS[sum % 11];
}

/**
 * Mobile numbers (1[3-9] + 9 digits), landlines with an area code (010-12345678, 0632 1234567,
 * optional extension) and the short public-service numbers (12345, 12315, 95xxx).
 */
export function isValidPhone(value: string): boolean {
  return (
    /^1[3-9]\d{9}$/.test(value) ||
    /^0\d{2,3}[- ]?\d{7,8}(-\d{1,6})?$/.test(value) ||
    /^(12\d{3}|95\d{3,4}|400-?\d{3}-?\d{4})$/.test(value)
  );
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
