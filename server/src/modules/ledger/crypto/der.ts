// Just enough strict DER and PEM for SM2 keys (SPKI, PKCS#8, SEC1) and signatures.
//
// Why not Node's KeyObject: on Node 20 with OpenSSL 3.0 a PEM SM2 key imported with
// crypto.createPrivateKey has no asymmetricKeyType, and exporting it aborts the whole process
// (an assertion in node::crypto::WritePrivateKey). So SM2 key material never goes through it.
//
// Strict means: definite, minimal lengths; minimal INTEGERs; no trailing bytes. A signature
// or key that is not canonical DER is refused rather than interpreted.

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
  context0: 0xa0,
  context1: 0xa1,
} as const;

export interface DerElement {
  tag: number;
  value: Buffer;
}

export class DerError extends Error {}

/** Reads one element at offset; returns it and the offset after it. */
function readElement(der: Buffer, offset: number): { element: DerElement; end: number } {
  if (offset + 2 > der.length) throw new DerError('DER: truncated');
  const tag = der[offset] as number;
  // Multi-byte tags never occur in the structures read here.
  if ((tag & 0x1f) === 0x1f) throw new DerError('DER: unsupported tag');
  let length = der[offset + 1] as number;
  let start = offset + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length; four length bytes are far more than a key needs.
    if (count === 0 || count > 4) throw new DerError('DER: unsupported length');
    if (start + count > der.length) throw new DerError('DER: truncated');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] as number);
    if (der[start] === 0 || length < 0x80) throw new DerError('DER: non-minimal length');
    start += count;
  }
  const end = start + length;
  if (end > der.length) throw new DerError('DER: truncated');
  return { element: { tag, value: der.subarray(start, end) }, end };
}

/** Parses exactly one element filling all of der. */
export function parseDer(der: Buffer): DerElement {
  const { element, end } = readElement(der, 0);
  if (end !== der.length) throw new DerError('DER: trailing bytes');
  return element;
}

/** The children of a constructed element's value, which they must fill exactly. */
export function parseChildren(value: Buffer): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = 0; offset < value.length;) {
    const { element, end } = readElement(value, offset);
    children.push(element);
    offset = end;
  }
  return children;
}

/** Expects an element with the given tag and returns its value. */
export function expectTag(element: DerElement | undefined, tag: number, what: string): Buffer {
  if (element?.tag !== tag) throw new DerError(`DER: expected ${what}`);
  return element.value;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function encodeElement(tag: number, ...contents: Uint8Array[]): Buffer {
  const value = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

/** A non-negative INTEGER in minimal two's complement form. */
export function encodeUnsigned(value: bigint): Buffer {
  if (value < 0n) throw new RangeError('Negative INTEGER');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] as number) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return encodeElement(TAG.integer, bytes);
}

/** The value of a minimal, non-negative INTEGER; throws otherwise. */
export function decodeUnsigned(value: Buffer): bigint {
  if (value.length === 0) throw new DerError('DER: empty INTEGER');
  if ((value[0] as number) & 0x80) throw new DerError('DER: negative INTEGER');
  if (value.length > 1 && value[0] === 0 && ((value[1] as number) & 0x80) === 0) {
    throw new DerError('DER: non-minimal INTEGER');
  }
  return BigInt(`0x${value.toString('hex')}`);
}

/** Big-endian fixed-width bytes of a non-negative integer. */
export function toFixedBytes(value: bigint, width: number): Buffer {
  const hex = value.toString(16).padStart(width * 2, '0');
  if (hex.length > width * 2) throw new RangeError(`Integer does not fit ${width} bytes`);
  return Buffer.from(hex, 'hex');
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

const PEM_BLOCK = /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The label and DER bytes of a single PEM block (surrounding whitespace allowed). */
export function pemDecode(pem: string): { label: string; der: Buffer } {
  const match = PEM_BLOCK.exec(pem.trim());
  if (!match) throw new DerError('Not a single PEM block');
  const body = (match[2] as string).replace(/\r?\n/g, '');
  if (!BASE64.test(body)) throw new DerError('PEM body is not base64');
  return { label: match[1] as string, der: Buffer.from(body, 'base64') };
}

/** PEM with 64-character lines, as OpenSSL writes it. */
export function pemEncode(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
