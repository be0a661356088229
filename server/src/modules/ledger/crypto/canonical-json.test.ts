// RFC 8785 examples: §3.2.3 (property sorting by UTF-16 code units), §3.2.2 (the combined
// example), Appendix B (number serialisation, IEEE 754 bit patterns and the expected text).
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from './canonical-json.ts';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, non-ASCII and emoji included (§3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O ' +
        'With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":' +
        '"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('reproduces the combined example of §3.2.2 byte for byte', () => {
    const input = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(canonicalJson(input)).toBe(expected);
    // The RFC gives the UTF-8 bytes: `"€$\u00` is 22 e2 82 ac 24 5c 75 30 30.
    expect(canonicalJsonBytes(input).toString('hex')).toContain('22e282ac245c753030');
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
  ])('serialises the number with bits %s as %s (Appendix B)', (bits, text) => {
    expect(canonicalJson(fromBits(bits))).toBe(text);
    expect(canonicalJson({ n: fromBits(bits) })).toBe(`{"n":${text}}`);
  });

  it('canonicalises nested values and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: [] }], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[3,{"a":[],"z":1}]}',
    );
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 1, a: 2 }))).toBe(
      '{"a":2,"b":1}',
    );
  });

  it('stores a valid Date as its ISO string, as JSON and jsonb do', () => {
    const at = new Date('2026-11-21T08:00:00.123Z');
    expect(canonicalJson({ at })).toBe('{"at":"2026-11-21T08:00:00.123Z"}');
  });

  it.each([
    ['undefined at the top', undefined],
    ['an undefined member', { a: undefined }],
    ['an undefined element', [1, undefined]],
    ['an array hole', [1, , 3]],
    ['a function', { f: () => 1 }],
    ['a toJSON method', { toJSON: () => 'x' }],
    ['a symbol', { s: Symbol('s') }],
    ['a symbol key', { [Symbol('k')]: 1 }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a BigInt', { n: 1n }],
    ['a lone high surrogate', { s: 'a\ud800b' }],
    ['a lone low surrogate', ['\udc00']],
    ['a lone surrogate key', { '\ud800': 1 }],
    ['a Map', { m: new Map() }],
    ['a Buffer', { b: Buffer.from('x') }],
    ['an invalid Date', { d: new Date(Number.NaN) }],
  ])('refuses %s', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(/Canonical JSON/);
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });
});
