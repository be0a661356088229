// SM2 digital signatures as GB/T 32918.2-2016 defines them, on the recommended curve of
// GB/T 32918.5-2017, with the signer's distinguishing ID in Z_A:
//
//   Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A)     (ENTL_A: bits of ID, 2 bytes)
//   e   = SM3(Z_A || M)
//   sign:   k random in [1, n−1]; (x1, y1) = [k]G; r = (e + x1) mod n (retry if r = 0 or r + k = n);
//           s = (1 + d)^−1 · (k − r·d) mod n (retry if s = 0)
//   verify: r, s in [1, n−1]; t = (r + s) mod n ≠ 0; (x1, y1) = [s]G + [t]P_A; (e + x1) mod n = r
//
// Node's crypto.sign on an SM2 key cannot set the ID, so it does not interoperate; curve
// arithmetic comes from @noble/curves (audited, no dependencies beyond @noble/hashes) and SM3
// from Node. The ID defaults to 1234567812345678 (GB/T 35276-2017), as other implementations
// do — but OpenSSL 3.0's command line defaults to the EMPTY ID: pass
// `-pkeyopt distid:1234567812345678` (pkeyutl) or `-sigopt distid:…` (dgst) to it.
//
// Signatures are DER SEQUENCE { INTEGER r, INTEGER s } (GB/T 35276 / GM/T 0009), what OpenSSL
// reads and writes. Keys: PKCS#8 / SPKI PEM with id-ecPublicKey and the curve OID
// 1.2.156.10197.1.301, readable by OpenSSL; the public key also as 04 || x || y hex.
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  weierstrass,
  type WeierstrassOpts,
  type WeierstrassPoint,
} from '@noble/curves/abstract/weierstrass.js';
import {
  DerError,
  TAG,
  bytesToBigInt,
  decodeUnsigned,
  encodeElement,
  encodeUnsigned,
  expectTag,
  parseChildren,
  parseDer,
  pemDecode,
  pemEncode,
  toFixedBytes,
  type DerElement,
} from './der.ts';
import { sm3, sm3Parts, toHex } from './hash.ts';

// GB/T 32918.5-2017 recommended curve parameters (sm2p256v1). The test suite checks them
// against OpenSSL's built-in SM2 group (`openssl ecparam -name SM2 -param_enc explicit`).
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

export const SM2_CURVE: WeierstrassOpts<bigint> = { p: P, a: A, b: B, n: N, h: 1n, Gx: GX, Gy: GY };

const Point = weierstrass(SM2_CURVE);
const Fn = Point.Fn;
type CurvePoint = WeierstrassPoint<bigint>;

/** The default distinguishing ID of GB/T 35276-2017 (and GM/T 0009-2012). */
export const SM2_DEFAULT_ID = '1234567812345678';

const OID_EC_PUBLIC_KEY = Buffer.from('2a8648ce3d0201', 'hex'); // 1.2.840.10045.2.1
const OID_SM2 = Buffer.from('2a811ccf5501822d', 'hex'); // 1.2.156.10197.1.301

/** An SM2 public key: a validated point of the curve (never the point at infinity). */
export class Sm2PublicKey {
  readonly x: bigint;
  readonly y: bigint;

  constructor(x: bigint, y: bigint) {
    const point = Point.fromAffine({ x, y });
    point.assertValidity();
    this.x = x;
    this.y = y;
  }

  /** Uncompressed point, 04 || x || y, 130 lowercase hex digits. */
  toHex(): string {
    return `04${toHex(toFixedBytes(this.x, 32))}${toHex(toFixedBytes(this.y, 32))}`;
  }

  /** DER SubjectPublicKeyInfo (id-ecPublicKey, curve SM2). */
  toDer(): Buffer {
    const point = Buffer.from(this.toHex(), 'hex');
    return encodeElement(
      TAG.sequence,
      encodeElement(TAG.sequence, encodeElement(TAG.oid, OID_EC_PUBLIC_KEY), oidSm2()),
      encodeElement(TAG.bitString, Buffer.from([0]), point),
    );
  }

  /** PEM "PUBLIC KEY" (SPKI), as `openssl pkey -pubout` writes it. */
  toPem(): string {
    return pemEncode('PUBLIC KEY', this.toDer());
  }

  equals(other: Sm2PublicKey): boolean {
    return this.x === other.x && this.y === other.y;
  }

  static fromHex(hex: string): Sm2PublicKey {
    if (!/^04[0-9a-f]{128}$/.test(hex)) throw new Error('SM2 public key hex must be 04 || x || y');
    return Sm2PublicKey.fromPoint(Point.fromHex(hex));
  }

  static fromDer(der: Buffer): Sm2PublicKey {
    const [algorithm, bits, ...rest] = parseChildren(
      expectTag(parseDer(der), TAG.sequence, 'SPKI'),
    );
    if (rest.length > 0) throw new DerError('SPKI: unexpected elements');
    assertSm2Algorithm(algorithm);
    const bitString = expectTag(bits, TAG.bitString, 'public key BIT STRING');
    if (bitString[0] !== 0) throw new DerError('SPKI: public key has unused bits');
    return Sm2PublicKey.fromPoint(Point.fromBytes(bitString.subarray(1)));
  }

  static fromPem(pem: string): Sm2PublicKey {
    const { label, der } = pemDecode(pem);
    if (label !== 'PUBLIC KEY') throw new Error(`Expected a PUBLIC KEY PEM, got ${label}`);
    return Sm2PublicKey.fromDer(der);
  }

  /** @internal */
  static fromPoint(point: CurvePoint): Sm2PublicKey {
    if (point.is0()) throw new Error('SM2 public key is the point at infinity');
    return new Sm2PublicKey(point.x, point.y);
  }
}

function oidSm2(): Buffer {
  return encodeElement(TAG.oid, OID_SM2);
}

/** AlgorithmIdentifier: id-ecPublicKey with the SM2 curve, or the SM2 OID itself. */
function assertSm2Algorithm(element: DerElement | undefined): void {
  const [algorithm, parameters, ...rest] = parseChildren(
    expectTag(element, TAG.sequence, 'AlgorithmIdentifier'),
  );
  const algorithmOid = expectTag(algorithm, TAG.oid, 'algorithm OID');
  const isEc = algorithmOid.equals(OID_EC_PUBLIC_KEY);
  if (!isEc && !algorithmOid.equals(OID_SM2)) throw new Error('Not an elliptic-curve key');
  if (rest.length > 0) throw new DerError('AlgorithmIdentifier: unexpected elements');
  if (parameters === undefined && !isEc) return;
  if (!expectTag(parameters, TAG.oid, 'curve OID').equals(OID_SM2)) {
    throw new Error('Not a key on the SM2 curve (OID 1.2.156.10197.1.301)');
  }
}

// Private scalars live here, not on the key object, so that logging or serialising a key (JSON,
// util.inspect) can never print one.
const scalars = new WeakMap<Sm2PrivateKey, bigint>();

/** An SM2 private key (its public key is derived and checked on construction). */
export class Sm2PrivateKey {
  readonly publicKey: Sm2PublicKey;

  /** d must lie in [1, n − 2]: GB/T 32918.1 requires it, since 1 + d must be invertible. */
  constructor(d: bigint) {
    if (d < 1n || d > N - 2n) throw new Error('SM2 private key out of range [1, n-2]');
    scalars.set(this, d);
    this.publicKey = Sm2PublicKey.fromPoint(Point.BASE.multiply(d));
  }

  /** PEM "PRIVATE KEY" (PKCS#8), the form `openssl genpkey` writes; keep it secret. */
  toPkcs8Pem(): string {
    const ecPrivateKey = encodeElement(
      TAG.sequence,
      encodeUnsigned(1n),
      encodeElement(TAG.octetString, toFixedBytes(scalarOf(this), 32)),
      encodeElement(
        TAG.context1,
        encodeElement(TAG.bitString, Buffer.from([0]), Buffer.from(this.publicKey.toHex(), 'hex')),
      ),
    );
    const pkcs8 = encodeElement(
      TAG.sequence,
      encodeUnsigned(0n),
      encodeElement(TAG.sequence, encodeElement(TAG.oid, OID_EC_PUBLIC_KEY), oidSm2()),
      encodeElement(TAG.octetString, ecPrivateKey),
    );
    return pemEncode('PRIVATE KEY', pkcs8);
  }

  /** Reads PKCS#8 ("PRIVATE KEY") or SEC1 ("EC PRIVATE KEY") PEM of an SM2 key. */
  static fromPem(pem: string): Sm2PrivateKey {
    const { label, der } = pemDecode(pem);
    if (label === 'PRIVATE KEY') {
      const [version, algorithm, octets, ...rest] = parseChildren(
        expectTag(parseDer(der), TAG.sequence, 'PKCS#8'),
      );
      if (decodeUnsigned(expectTag(version, TAG.integer, 'PKCS#8 version')) !== 0n) {
        throw new DerError('PKCS#8: unsupported version');
      }
      if (rest.some((element) => element.tag !== TAG.context0)) {
        throw new DerError('PKCS#8: unexpected elements');
      }
      assertSm2Algorithm(algorithm);
      return fromEcPrivateKey(expectTag(octets, TAG.octetString, 'PKCS#8 private key'));
    }
    // OpenSSL 3 labels SEC1 keys on the SM2 curve "SM2 PRIVATE KEY"; others use "EC PRIVATE KEY".
    if (label === 'EC PRIVATE KEY' || label === 'SM2 PRIVATE KEY') return fromEcPrivateKey(der);
    if (label === 'ENCRYPTED PRIVATE KEY') {
      throw new Error('Encrypted private keys are not supported: decrypt with `openssl pkey`');
    }
    throw new Error(`Expected a PRIVATE KEY PEM, got ${label}`);
  }

  toJSON(): { type: string; publicKey: string } {
    return { type: 'SM2 private key', publicKey: this.publicKey.toHex() };
  }

  [inspect.custom](): string {
    return `Sm2PrivateKey { publicKey: ${this.publicKey.toHex()} }`;
  }
}

function scalarOf(key: Sm2PrivateKey): bigint {
  const d = scalars.get(key);
  if (d === undefined) throw new Error('Not an SM2 private key made by this module');
  return d;
}

/** SEC1 ECPrivateKey (RFC 5915); an embedded public key must match the scalar. */
function fromEcPrivateKey(der: Buffer): Sm2PrivateKey {
  const [version, scalar, ...optional] = parseChildren(
    expectTag(parseDer(der), TAG.sequence, 'ECPrivateKey'),
  );
  if (decodeUnsigned(expectTag(version, TAG.integer, 'ECPrivateKey version')) !== 1n) {
    throw new DerError('ECPrivateKey: unsupported version');
  }
  const d = expectTag(scalar, TAG.octetString, 'private key OCTET STRING');
  if (d.length === 0 || d.length > 32) throw new DerError('ECPrivateKey: bad scalar length');
  const key = new Sm2PrivateKey(bytesToBigInt(d));
  for (const element of optional) {
    if (element.tag === TAG.context0) {
      if (!expectTag(parseDer(element.value), TAG.oid, 'curve OID').equals(OID_SM2)) {
        throw new Error('Not a key on the SM2 curve (OID 1.2.156.10197.1.301)');
      }
    } else if (element.tag === TAG.context1) {
      const bits = expectTag(parseDer(element.value), TAG.bitString, 'public key');
      const embedded = Sm2PublicKey.fromPoint(Point.fromBytes(bits.subarray(1)));
      if (bits[0] !== 0 || !embedded.equals(key.publicKey)) {
        throw new Error('ECPrivateKey: embedded public key does not match the private key');
      }
    } else {
      throw new DerError('ECPrivateKey: unexpected element');
    }
  }
  return key;
}

/** A uniformly random scalar in [1, max] by rejection sampling (no modulo bias). */
function randomScalar(max: bigint): bigint {
  for (;;) {
    const candidate = bytesToBigInt(randomBytes(32));
    if (candidate >= 1n && candidate <= max) return candidate;
  }
}

export function generateSm2KeyPair(): { privateKey: Sm2PrivateKey; publicKey: Sm2PublicKey } {
  const privateKey = new Sm2PrivateKey(randomScalar(N - 2n));
  return { privateKey, publicKey: privateKey.publicKey };
}

export interface Sm2Options {
  /** Distinguishing ID, UTF-8 encoded; default SM2_DEFAULT_ID. */
  id?: string;
}

/** Z_A of GB/T 32918.2 §5.5 for the given public key and ID. */
export function sm2Za(publicKey: Sm2PublicKey, id: string = SM2_DEFAULT_ID): Buffer {
  const idBytes = Buffer.from(id, 'utf8');
  // ENTL is two bytes of bit length: at most 65535 bits, so 8191 whole bytes.
  if (idBytes.length > 8191) throw new RangeError('SM2 distinguishing ID longer than 8191 bytes');
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(idBytes.length * 8);
  const parts = [A, B, GX, GY, publicKey.x, publicKey.y].map((v) => toFixedBytes(v, 32));
  return sm3Parts([entl, idBytes, ...parts]);
}

function digestOf(message: Uint8Array, publicKey: Sm2PublicKey, id: string): bigint {
  return bytesToBigInt(sm3Parts([sm2Za(publicKey, id), message]));
}

function signWithNonce(e: bigint, d: bigint, k: bigint): { r: bigint; s: bigint } | null {
  const x1 = Point.BASE.multiply(k).x;
  const r = Fn.create(e + x1);
  if (r === 0n || r + k === N) return null;
  const s = Fn.mul(Fn.inv(Fn.create(1n + d)), Fn.sub(Fn.create(k), Fn.mul(r, d)));
  if (s === 0n) return null;
  return { r, s };
}

function encodeSignature(r: bigint, s: bigint): Buffer {
  return encodeElement(TAG.sequence, encodeUnsigned(r), encodeUnsigned(s));
}

/** Signs message; returns the DER signature. */
export function sm2Sign(
  message: Uint8Array,
  privateKey: Sm2PrivateKey,
  options: Sm2Options = {},
): Buffer {
  const d = scalarOf(privateKey);
  const e = digestOf(message, privateKey.publicKey, options.id ?? SM2_DEFAULT_ID);
  for (;;) {
    const signature = signWithNonce(e, d, randomScalar(N - 1n));
    if (signature) return encodeSignature(signature.r, signature.s);
  }
}

/**
 * Known-answer tests only: signs with a caller-chosen k. A repeated or predictable k reveals the
 * private key, so nothing but a published test vector may call this.
 */
export function sm2SignWithNonceForKnownAnswerTest(
  message: Uint8Array,
  privateKey: Sm2PrivateKey,
  k: bigint,
  options: Sm2Options = {},
): Buffer {
  const e = digestOf(message, privateKey.publicKey, options.id ?? SM2_DEFAULT_ID);
  const signature = signWithNonce(e, scalarOf(privateKey), k);
  if (!signature) throw new Error('This k yields no signature');
  return encodeSignature(signature.r, signature.s);
}

/** (r, s) of a strict DER signature, or null when it is not one. */
export function decodeSm2Signature(signature: Uint8Array): { r: bigint; s: bigint } | null {
  try {
    const [r, s, ...rest] = parseChildren(
      expectTag(parseDer(Buffer.from(signature)), TAG.sequence, 'signature'),
    );
    if (rest.length > 0) return null;
    return {
      r: decodeUnsigned(expectTag(r, TAG.integer, 'r')),
      s: decodeUnsigned(expectTag(s, TAG.integer, 's')),
    };
  } catch {
    return null;
  }
}

/** Verifies a DER signature; false (never an exception) for anything malformed. */
export function sm2Verify(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Sm2PublicKey,
  options: Sm2Options = {},
): boolean {
  try {
    const decoded = decodeSm2Signature(signature);
    if (!decoded) return false;
    const { r, s } = decoded;
    if (r < 1n || r >= N || s < 1n || s >= N) return false;
    const t = Fn.add(r, s);
    if (t === 0n) return false;
    const pa = Point.fromAffine({ x: publicKey.x, y: publicKey.y });
    pa.assertValidity();
    const sum = Point.BASE.mulAddUnsafe(s, pa, t);
    if (sum.is0()) return false;
    const e = digestOf(message, publicKey, options.id ?? SM2_DEFAULT_ID);
    return Fn.create(e + sum.x) === r;
  } catch {
    return false;
  }
}

/** Key id of a public key: hex of the first 16 bytes of SM3(DER SPKI). */
export function sm2KeyId(publicKey: Sm2PublicKey): string {
  return toHex(sm3(publicKey.toDer()).subarray(0, 16));
}
