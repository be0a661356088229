// Signed tree heads: the ledger's size and Merkle root at a moment, signed with SM2 so that
// anyone holding one can later prove that the ledger they are shown extends it.
//
// THE SIGNED BYTES (version 1) are the UTF-8 of the RFC 8785 canonical JSON of
//
//   {"keyId":K,"rootHash":R,"timestamp":T,"treeSize":N,"type":"sanxiang-ledger-tree-head","v":1}
//
// — keys in that (sorted) order, no whitespace, N a plain integer, R 64 lowercase hex digits,
// T as in the tree head (ISO 8601 UTC with milliseconds). The signature is SM2 with SM3 and the
// default distinguishing ID 1234567812345678, DER-encoded, then base64. An outsider checks one
// with OpenSSL (3.0 needs the distid option; its default is the empty ID):
//
//   printf '%s' '{"keyId":"…","rootHash":"…","timestamp":"…","treeSize":…,"type":"sanxiang-ledger-tree-head","v":1}' > head.msg
//   printf '%s' '<signature>' | base64 -d > head.sig
//   printf '%s' '<publicKey>' > head.pub.pem     # or, better, the key published beforehand
//   openssl pkeyutl -verify -pubin -inkey head.pub.pem -rawin -in head.msg -sigfile head.sig \
//     -digest sm3 -pkeyopt distid:1234567812345678
//
// "type" keeps a signature over a tree head from meaning anything else. The key id is the hex
// of the first 16 bytes of SM3 over the DER SubjectPublicKeyInfo, so it names the key itself.
import { canonicalJson } from './canonical-json.ts';
import { isHexOfLength, toHex } from './hash.ts';
import { Sm2PublicKey, sm2KeyId, sm2Sign, sm2Verify, type Sm2PrivateKey } from './sm2.ts';

export const TREE_HEAD_ALGORITHM = 'SM2-with-SM3';
export const TREE_HEAD_TYPE = 'sanxiang-ledger-tree-head';

export interface SignedTreeHead {
  treeSize: number;
  /** Merkle root (SM3), 64 lowercase hex digits. */
  rootHash: string;
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-21T08:00:00.000Z. */
  timestamp: string;
  /** Hex of the first 16 bytes of SM3(DER SPKI of the signing key). */
  keyId: string;
  algorithm: typeof TREE_HEAD_ALGORITHM;
  /** Base64 of the DER SM2 signature over treeHeadMessage(...). */
  signature: string;
  /** The signing key as PEM SPKI ("-----BEGIN PUBLIC KEY-----"), for convenience only: a
   *  verifier must trust the key through its key id, never because the head carries it. */
  publicKey: string;
}

export interface TreeHeadFields {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_UTC_MS.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

function isTreeSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The exact bytes that are signed (see the top of this file). */
export function treeHeadMessage(fields: TreeHeadFields): Buffer {
  if (!isTreeSize(fields.treeSize)) throw new Error('treeSize must be a non-negative integer');
  if (!isHexOfLength(fields.rootHash, 32)) throw new Error('rootHash must be 32 bytes of hex');
  if (!isTimestamp(fields.timestamp)) throw new Error('timestamp must be ISO 8601 UTC with ms');
  if (!isHexOfLength(fields.keyId, 16)) throw new Error('keyId must be 16 bytes of hex');
  const { treeSize, rootHash, timestamp, keyId } = fields;
  const message = { v: 1, type: TREE_HEAD_TYPE, treeSize, rootHash, timestamp, keyId };
  return Buffer.from(canonicalJson(message), 'utf8');
}

/** Signs the head of a tree of treeSize leaves with the given root (at `timestamp`, or now). */
export function signTreeHead(
  head: { treeSize: number; rootHash: string | Uint8Array; timestamp?: Date | string },
  signer: { privateKey: Sm2PrivateKey },
): SignedTreeHead {
  const publicKey = signer.privateKey.publicKey;
  const fields: TreeHeadFields = {
    treeSize: head.treeSize,
    rootHash: typeof head.rootHash === 'string' ? head.rootHash : toHex(head.rootHash),
    timestamp:
      head.timestamp === undefined || head.timestamp instanceof Date
        ? (head.timestamp ?? new Date()).toISOString()
        : head.timestamp,
    keyId: sm2KeyId(publicKey),
  };
  const signature = sm2Sign(treeHeadMessage(fields), signer.privateKey);
  return {
    ...fields,
    algorithm: TREE_HEAD_ALGORITHM,
    signature: signature.toString('base64'),
    publicKey: publicKey.toPem(),
  };
}

export type TreeHeadVerification =
  | { ok: true; keyId: string }
  | {
      ok: false;
      /** malformed: not a well-formed tree head; unknown-key: no trusted key has its key id;
       *  public-key-mismatch: the head carries another key than the trusted one of that id;
       *  bad-signature: the signature does not verify. */
      reason: 'malformed' | 'unknown-key' | 'public-key-mismatch' | 'bad-signature';
    };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Verifies a tree head (untrusted input, e.g. parsed JSON) against the trusted public keys: the
 * current one and every earlier one, so heads signed before a key rotation still verify.
 * Never throws.
 */
export function verifyTreeHead(
  sth: unknown,
  trustedPublicKeys: readonly (Sm2PublicKey | { publicKey: Sm2PublicKey })[],
): TreeHeadVerification {
  if (typeof sth !== 'object' || sth === null) return { ok: false, reason: 'malformed' };
  const head = sth as Partial<Record<keyof SignedTreeHead, unknown>>;
  const { treeSize, rootHash, timestamp, keyId, algorithm, signature, publicKey } = head;
  if (
    !isTreeSize(treeSize) ||
    !isHexOfLength(rootHash, 32) ||
    !isTimestamp(timestamp) ||
    !isHexOfLength(keyId, 16) ||
    algorithm !== TREE_HEAD_ALGORITHM ||
    typeof signature !== 'string' ||
    !BASE64.test(signature) ||
    (publicKey !== undefined && typeof publicKey !== 'string')
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const trusted = trustedPublicKeys
    .map((entry) => (entry instanceof Sm2PublicKey ? entry : entry.publicKey))
    .find((key) => sm2KeyId(key) === keyId);
  if (!trusted) return { ok: false, reason: 'unknown-key' };
  if (publicKey !== undefined) {
    let carried: Sm2PublicKey;
    try {
      carried = Sm2PublicKey.fromPem(publicKey);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!carried.equals(trusted)) return { ok: false, reason: 'public-key-mismatch' };
  }
  const message = treeHeadMessage({ treeSize, rootHash, timestamp, keyId });
  return sm2Verify(message, Buffer.from(signature, 'base64'), trusted)
    ? { ok: true, keyId }
    : { ok: false, reason: 'bad-signature' };
}
