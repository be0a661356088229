// The fixed-order leaf serialiser must write exactly the bytes of the general RFC 8785
// canonicaliser (the oracle) for every field value, or verification by anyone else would fail.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './crypto/canonical-json.ts';
import { sm3 } from './crypto/hash.ts';
import { hashLeaf } from './crypto/merkle.ts';
import { entryHashOf, leafDataOf, type LedgerLeafFields } from './ledger.entry.ts';

const SAMPLES = [
  '',
  'plain',
  '中文 执法记录',
  'quote " backslash \\ slash /',
  'controls \u0000\u0001\u001f\b\f\n\r\t\u007f',
  'line separators \u2028\u2029',
  'emoji 😀 and 𠀋',
  '\uFFFF\uFEFF',
  '2026-11-21T19:00:00.000Z',
];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomString(next: () => number): string {
  const length = Math.floor(next() * 12);
  let text = '';
  for (let i = 0; i < length; i++) {
    const pick = next();
    if (pick < 0.2) text += String.fromCharCode(Math.floor(next() * 0x20));
    else if (pick < 0.4) text += '"\\/'[Math.floor(next() * 3)] ?? '';
    else if (pick < 0.6) text += String.fromCharCode(0x4e00 + Math.floor(next() * 0x5000));
    else if (pick < 0.7) text += String.fromCodePoint(0x1f600 + Math.floor(next() * 64));
    else text += String.fromCharCode(0x20 + Math.floor(next() * 0x5f));
  }
  return text;
}

describe('leafDataOf', () => {
  it('writes the bytes of RFC 8785 canonical JSON for random fields, hashed as RFC 6962 leaves', () => {
    const next = random(20261121);
    const pick = () =>
      next() < 0.25
        ? null
        : next() < 0.5
          ? (SAMPLES[Math.floor(next() * SAMPLES.length)] ?? '')
          : randomString(next);
    for (let i = 0; i < 2000; i++) {
      const fields: LedgerLeafFields = {
        leafIndex: Math.floor(next() * 2 ** (next() < 0.5 ? 10 : 53)),
        kind: randomString(next),
        agencyId: pick(),
        caseId: pick(),
        subjectType: randomString(next),
        subjectId: pick(),
        actor: { userId: pick(), name: randomString(next), ip: pick(), userAgent: pick() },
        recordedAt: new Date(Math.floor(next() * 4e12)).toISOString(),
        payloadHash: randomString(next),
        prevHash: randomString(next),
      };
      expect(leafDataOf(fields).toString('utf8')).toBe(canonicalJson({ v: 1, ...fields }));
      expect(entryHashOf(fields)).toEqual(hashLeaf(sm3, leafDataOf(fields)));
    }
  });

  it('refuses a lone surrogate as the general canonicaliser does', () => {
    const fields: LedgerLeafFields = {
      leafIndex: 1,
      kind: 'test',
      agencyId: null,
      caseId: null,
      subjectType: 'test',
      subjectId: '\uD800',
      actor: { userId: null, name: 'system', ip: null, userAgent: null },
      recordedAt: '2026-11-21T00:00:00.000Z',
      payloadHash: 'a',
      prevHash: 'b',
    };
    expect(() => leafDataOf(fields)).toThrow(/lone surrogate/);
  });
});
