// What exactly is hashed for a ledger entry. Anyone re-verifying the ledger (our `verify`, an
// archive's verifier, a court's expert) recomputes these bytes from the stored columns, so the
// format is versioned and written down here once.
import { canonicalJson } from './crypto/canonical-json.ts';
import { sm3, toHex } from './crypto/hash.ts';
import { hashLeaf } from './crypto/merkle.ts';

/** The previous hash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerLeafFields {
  leafIndex: number;
  kind: string;
  agencyId: string | null;
  caseId: string | null;
  subjectType: string;
  subjectId: string | null;
  actor: { userId: string | null; name: string; ip: string | null; userAgent: string | null };
  /** ISO 8601 UTC with milliseconds, as stored (timestamptz round-trips milliseconds exactly). */
  recordedAt: string;
  payloadHash: string;
  prevHash: string;
}

/**
 * The leaf data: RFC 8785 canonical JSON of the fields above with a format version, UTF-8.
 */
export function leafDataOf(fields: LedgerLeafFields): Buffer {
  return Buffer.from(canonicalJson({ v: 1, ...fields }), 'utf8');
}

/**
 * entry_hash = SM3(0x00 || leaf data): the entry's RFC 6962 leaf hash doubles as its chain hash,
 * so each entry is hashed once whether it is appended or verified.
 */
export function entryHashOf(fields: LedgerLeafFields): Buffer {
  return hashLeaf(sm3, leafDataOf(fields));
}

/** Payloads are stored as JSON: undefined fields vanish and dates become strings, as in jsonb. */
export function normalisePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}

export function payloadHashOf(payloadCanonical: string): string {
  return toHex(sm3(payloadCanonical));
}
