// Form checks that mirror the server's custom formats (server/src/shared/validators.ts and
// formats.ts), so a malformed code is caught while typing with the same Chinese reason the server
// would give. The server still validates; its refusal is shown as it is.
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';

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
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] === value[17];
}

/** Mobile numbers, landlines with an area code, and the short public-service numbers. */
export function isValidPhone(value: string): boolean {
  return (
    /^1[3-9]\d{9}$/.test(value) ||
    /^0\d{2,3}[- ]?\d{7,8}(-\d{1,6})?$/.test(value) ||
    /^(12\d{3}|95\d{3,4}|400-?\d{3}-?\d{4})$/.test(value)
  );
}

/** A format check that lets an empty optional field through (required is its own rule). */
function formatRule(isValid: (value: string) => boolean, message: string): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value === '' || isValid(value)
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

export const creditCodeRule = formatRule(
  isValidCreditCode,
  '统一社会信用代码不正确（18 位，末位为校验码）',
);
export const phoneRule = formatRule(isValidPhone, '电话号码格式不正确，如 0632-4412315 或 12315');
export const postcodeRule: Rule = { pattern: /^[0-9]{6}$/, message: '邮政编码应为 6 位数字' };
export const emailRule: Rule = { type: 'email', max: 200, message: '电子邮箱格式不正确' };

/** Required text of at most `max` characters (the server's minLength 1 / maxLength). */
export function requiredText(message: string, max: number): Rule[] {
  return [
    { required: true, whitespace: true, message },
    { max, message: `不能超过 ${max} 个字符` },
  ];
}

/** '' and whitespace become null, as the server's nullable fields expect. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function toIsoDate(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export function fromIsoDate(value: string): Dayjs {
  return dayjs(value, 'YYYY-MM-DD');
}
