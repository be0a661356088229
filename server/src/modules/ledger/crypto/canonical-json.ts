// RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes that are hashed and signed.
// Serialisation is done by `canonicalize` (by one of the RFC's authors: ECMAScript number
// formatting, keys sorted by UTF-16 code units). That library follows JSON.stringify and
// silently drops or rewrites values JSON cannot represent (undefined, functions, a toJSON
// result); a ledger must not hash something other than what the caller meant, so every value
// is checked first and anything that is not plain JSON data is refused.
import canonicalize from 'canonicalize';

/** Canonical JSON (RFC 8785) of value; throws on anything that is not plain JSON data. */
export function canonicalJson(value: unknown): string {
  assertJsonData(value, '$', new Set());
  const text = canonicalize(value);
  // Unreachable after the check above; kept so a library change cannot return nothing.
  if (text === undefined) throw new Error('Canonical JSON: value has no JSON representation');
  return text;
}

/** UTF-8 bytes of canonicalJson(value): what gets hashed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16
// code units: the regex has no u flag on purpose).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text holds half of a surrogate pair alone: no text at all, it has no UTF-8 form. */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

function refuse(path: string, what: string): never {
  throw new Error(`Canonical JSON: ${what} at ${path} is not JSON data`);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Accepts null, booleans, finite numbers, well-formed strings (I-JSON, RFC 7493: no lone
 * surrogates), dense arrays, plain objects with string keys, and valid Dates, which JSON and
 * jsonb store as their ISO string, so the stored form canonicalises to the same bytes.
 * `ancestors` catches cycles, which would otherwise recurse forever.
 */
function assertJsonData(value: unknown, path: string, ancestors: Set<object>): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) refuse(path, 'a string with a lone surrogate');
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(path, String(value));
    return;
  }
  if (typeof value !== 'object') refuse(path, typeof value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) refuse(path, 'an invalid Date');
    return;
  }
  if (ancestors.has(value)) refuse(path, 'a circular reference');
  if (Object.getOwnPropertySymbols(value).length > 0) refuse(path, 'a symbol-keyed property');
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) refuse(`${path}[${i}]`, 'an array hole');
      assertJsonData(value[i], `${path}[${i}]`, ancestors);
    }
  } else if (isPlainObject(value)) {
    for (const [key, member] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) refuse(path, 'a key with a lone surrogate');
      assertJsonData(member, `${path}.${key}`, ancestors);
    }
  } else {
    refuse(path, `an instance of ${value.constructor?.name ?? 'a class'}`);
  }
  ancestors.delete(value);
}
