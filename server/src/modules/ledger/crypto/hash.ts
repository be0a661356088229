// Hash functions and hex codecs for the ledger. SM3 comes from Node's own crypto (OpenSSL),
// which is about a hundred times faster than SM3 written in JavaScript; verification throughput
// is measured against bare SM3, so these wrappers add no copies of their input. The one-shot
// crypto.hash (Node ≥ 20.12) skips the Hash object: about 1.5× faster than createHash on the
// 33- and 65-byte inputs of Merkle leaves and nodes.
import { createHash, hash } from 'node:crypto';

/** A one-shot hash over bytes. The Merkle tree is generic over it (SM3 in production, SHA-256
 *  for the RFC 6962 test vectors). */
export type HashFn = (data: Uint8Array) => Buffer;

/** SM3 (GB/T 32905-2016). Strings are hashed as UTF-8. */
export function sm3(data: Uint8Array | string): Buffer {
  return hash('sm3', data, 'buffer');
}

/**
 * SM3 as lowercase hex, straight from OpenSSL: no Buffer to allocate and convert, which is most
 * of what hashing costs beyond the hash itself where every entry of the ledger is hashed.
 */
export function sm3Hex(data: Uint8Array | string): string {
  return hash('sm3', data, 'hex');
}

/** SHA-256 (FIPS 180-4). Strings are hashed as UTF-8. */
export function sha256(data: Uint8Array | string): Buffer {
  return hash('sha256', data, 'buffer');
}

/** SM3 over several parts without concatenating them first (a streaming update per part). */
export function sm3Parts(parts: readonly Uint8Array[]): Buffer {
  const state = createHash('sm3');
  for (const part of parts) state.update(part);
  return state.digest();
}

/** Byte length of one digest of hashFn; cached because verifiers check every proof element. */
const digestLengths = new WeakMap<HashFn, number>();
export function digestLength(hashFn: HashFn): number {
  let length = digestLengths.get(hashFn);
  if (length === undefined) {
    length = hashFn(new Uint8Array(0)).length;
    digestLengths.set(hashFn, length);
  }
  return length;
}

/** Lowercase hex. One parameter only, so that `array.map(toHex)` is safe. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const LOWER_HEX = /^(?:[0-9a-f]{2})*$/;

/**
 * Strict lowercase hex to bytes. Buffer.from(s, 'hex') silently stops at the first bad
 * character and drops an odd last digit; a hash that does not parse must be refused instead.
 * One parameter only, so that `array.map(fromHex)` is safe.
 */
export function fromHex(hex: string): Buffer {
  if (typeof hex !== 'string' || !LOWER_HEX.test(hex)) {
    throw new Error('Not lowercase hexadecimal of whole bytes');
  }
  return Buffer.from(hex, 'hex');
}

/** fromHex that also requires an exact byte length (32 for SM3 and SHA-256 digests). */
export function fromHexOfLength(hex: string, byteLength: number): Buffer {
  const bytes = fromHex(hex);
  if (bytes.length !== byteLength) {
    throw new Error(`Expected ${byteLength} bytes of hex, got ${bytes.length}`);
  }
  return bytes;
}

/** True when hex is lowercase hex of exactly byteLength bytes (no exception, for validators). */
export function isHexOfLength(hex: unknown, byteLength: number): hex is string {
  return typeof hex === 'string' && hex.length === byteLength * 2 && LOWER_HEX.test(hex);
}
