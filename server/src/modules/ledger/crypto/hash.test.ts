// SM3 against the examples of GB/T 32905-2016 (Appendix A) and, for random inputs, against two
// independent implementations: the OpenSSL command line and sm-crypto (pure JavaScript). The
// OpenSSL CLI is required (it is on every developer machine and in CI): a missing CLI fails.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import {
  digestLength,
  fromHex,
  fromHexOfLength,
  isHexOfLength,
  sha256,
  sm3,
  sm3Parts,
  toHex,
} from './hash.ts';

function opensslSm3(data: Uint8Array): string {
  const out = execFileSync('openssl', ['dgst', '-sm3'], { input: data }).toString('utf8');
  const hex = out.trim().split(/\s+/).at(-1) ?? '';
  expect(hex).toMatch(/^[0-9a-f]{64}$/);
  return hex;
}

describe('SM3', () => {
  it('matches the GB/T 32905 examples in all three implementations', () => {
    const examples: [string, string][] = [
      ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
      ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
    ];
    for (const [message, digest] of examples) {
      expect(toHex(sm3(message))).toBe(digest);
      expect(toHex(sm3(Buffer.from(message)))).toBe(digest);
      expect(smCrypto.sm3(message)).toBe(digest);
      expect(opensslSm3(Buffer.from(message))).toBe(digest);
    }
  });

  it('agrees with OpenSSL and sm-crypto on random inputs around the block boundaries', () => {
    const lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 10_007];
    for (const length of lengths) {
      const data = randomBytes(length);
      const ours = toHex(sm3(data));
      expect(smCrypto.sm3(data), `length ${length}`).toBe(ours);
      expect(opensslSm3(data), `length ${length}`).toBe(ours);
    }
  });

  it('hashes a view of a larger buffer without reading outside it', () => {
    const big = randomBytes(300);
    const view = big.subarray(100, 200);
    expect(toHex(sm3(view))).toBe(smCrypto.sm3(Buffer.from(view)));
    expect(toHex(sm3Parts([view.subarray(0, 30), view.subarray(30)]))).toBe(toHex(sm3(view)));
  });

  it('knows its digest lengths', () => {
    expect(digestLength(sm3)).toBe(32);
    expect(digestLength(sha256)).toBe(32);
  });
});

describe('hex', () => {
  it('round-trips lowercase hex and is safe to map with', () => {
    const bytes = [Buffer.from('00ff10', 'hex'), Buffer.from('abcdef', 'hex')];
    expect(bytes.map(toHex)).toEqual(['00ff10', 'abcdef']);
    expect(['00ff10', 'abcdef'].map(fromHex)).toEqual(bytes);
    expect(toHex(new Uint8Array(0))).toBe('');
    expect(toHex(Buffer.from('xxABCDyy', 'latin1').subarray(2, 6))).toBe('41424344');
  });

  it.each(['0', 'abc', 'ABCD', '00fG', ' 00', '00 ', '0x00', 'zz'])('refuses %j', (hex) => {
    expect(() => fromHex(hex)).toThrow(/hexadecimal/);
  });

  it('checks exact lengths', () => {
    const hash = toHex(sm3('x'));
    expect(fromHexOfLength(hash, 32)).toHaveLength(32);
    expect(() => fromHexOfLength(hash.slice(2), 32)).toThrow(/32 bytes/);
    expect(isHexOfLength(hash, 32)).toBe(true);
    expect(isHexOfLength(hash.toUpperCase(), 32)).toBe(false);
    expect(isHexOfLength(hash.slice(1), 32)).toBe(false);
    expect(isHexOfLength(42, 32)).toBe(false);
  });
});
