import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidCreditCode,
  isValidIdCardNo,
  isValidIsoDate,
  isValidPhone,
  withCreditCodeCheck,
  withIdCardCheck,
} from './validators.ts';

describe('居民身份证号码 (GB 11643)', () => {
  it("accepts the standard's worked example with an X check character", () => {
    expect(isValidIdCardNo('11010519491231002X')).toBe(true);
  });

  it('refuses a wrong check character, a lower-case x, an impossible birth date, a short number', () => {
    expect(isValidIdCardNo('110105194912310021')).toBe(false);
    expect(isValidIdCardNo('11010519491231002x')).toBe(false);
    expect(isValidIdCardNo(withIdCardCheck('11010519490230002'))).toBe(false);
    expect(isValidIdCardNo('11010519491231002')).toBe(false);
  });

  it('detects every single-digit substitution in the body', () => {
    const valid = withIdCardCheck('37040319850312001');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digit = (Number(valid[pos]) + delta) % 10;
        const changed = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
        return !isValidIdCardNo(changed) || changed.slice(6, 14) !== valid.slice(6, 14);
      }),
    );
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts a published valid code and refuses a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('refuses the letters the standard leaves out (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });

  it('round-trips any body through withCreditCodeCheck', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }),
        (chars) => isValidCreditCode(withCreditCodeCheck(chars.join(''))),
      ),
    );
  });
});

describe('phone numbers and dates', () => {
  it('accepts mobiles, landlines with area codes and public-service numbers', () => {
    for (const phone of ['13906321001', '0632-4412315', '010-12345678', '12345', '12315']) {
      expect(isValidPhone(phone), phone).toBe(true);
    }
    for (const phone of ['1390632100', '23906321001', '4412315', 'abc']) {
      expect(isValidPhone(phone), phone).toBe(false);
    }
  });

  it('accepts real dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
  });
});
