// What exactly is hashed for a ledger entry. Anyone re-verifying the ledger (our `verify`, an
// archive's verifier, a court's expert) recomputes these bytes from the stored columns, so the
// format is versioned and written down here once.
import { canonicalJson } from './crypto/canonical-json.ts';
import { sm3, toHex } from './crypto/hash.ts';

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

/** The stored columns of an entry that its leaf hash covers, apart from position and predecessor. */
export interface LedgerHeaderColumns {
  kind: string;
  agency_id: string | null;
  case_id: string | null;
  subject_type: string;
  subject_id: string | null;
  actor_user_id: string | null;
  actor_name: string;
  actor_ip: string | null;
  actor_user_agent: string | null;
  recorded_at: Date;
  payload_hash: string;
}

/** The leaf fields a stored entry holds, for the position and predecessor it is hashed at. */
export function leafFieldsOf(
  row: LedgerHeaderColumns,
  leafIndex: number,
  prevHash: string,
): LedgerLeafFields {
  return {
    leafIndex,
    kind: row.kind,
    agencyId: row.agency_id,
    caseId: row.case_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: {
      userId: row.actor_user_id,
      name: row.actor_name,
      ip: row.actor_ip,
      userAgent: row.actor_user_agent,
    },
    recordedAt: row.recorded_at.toISOString(),
    payloadHash: row.payload_hash,
    prevHash,
  };
}

// A high or low surrogate anywhere: such strings take the general path, which refuses lone ones.
const SURROGATE = /[\uD800-\uDFFF]/;
// What JSON must escape (quote, backslash, U+0000–U+001F), or a surrogate: anything else is
// written between quotes as it is, which is JSON.stringify's result at a fraction of its cost.
const NEEDS_CARE = /["\\\u0000-\u001f\uD800-\uDFFF]/;

function str(value: string): string {
  if (!NEEDS_CARE.test(value)) return `"${value}"`;
  if (SURROGATE.test(value)) throw new RangeError('surrogate');
  return JSON.stringify(value);
}

function strOrNull(value: string | null): string {
  return value === null ? 'null' : str(value);
}

/**
 * The leaf data: RFC 8785 canonical JSON of the fields above with a format version, UTF-8.
 * The record has a fixed shape, so its keys are written in their RFC 8785 order (UTF-16 code
 * units) directly; JSON.stringify of a string without surrogates is exactly RFC 8785's string
 * form, and a safe integer's decimal form its number form. Anything else (a surrogate pair, an
 * index beyond 2^53) goes through the general canonicaliser, the oracle of the property test.
 */
export function leafDataOf(fields: LedgerLeafFields): Buffer {
  return Buffer.from(leafTextOf(fields), 'utf8');
}

/** The leaf text, after `prefix` (written in the same concatenation, not copied onto it). */
function leafTextOf(fields: LedgerLeafFields, prefix = ''): string {
  const { actor } = fields;
  if (!Number.isSafeInteger(fields.leafIndex)) return prefix + canonicalJson({ v: 1, ...fields });
  try {
    return (
      `${prefix}{"actor":{"ip":${strOrNull(actor.ip)},"name":${str(actor.name)},` +
      `"userAgent":${strOrNull(actor.userAgent)},"userId":${strOrNull(actor.userId)}},` +
      `"agencyId":${strOrNull(fields.agencyId)},"caseId":${strOrNull(fields.caseId)},` +
      `"kind":${str(fields.kind)},"leafIndex":${String(fields.leafIndex)},` +
      `"payloadHash":${str(fields.payloadHash)},"prevHash":${str(fields.prevHash)},` +
      `"recordedAt":${str(fields.recordedAt)},"subjectId":${strOrNull(fields.subjectId)},` +
      `"subjectType":${str(fields.subjectType)},"v":1}`
    );
  } catch (error) {
    if (error instanceof RangeError) return prefix + canonicalJson({ v: 1, ...fields });
    throw error;
  }
}

/**
 * entry_hash = SM3(0x00 || leaf data): the entry's RFC 6962 leaf hash doubles as its chain hash,
 * so each entry is hashed once whether it is appended or verified. 0x00 || UTF-8(text) is the
 * UTF-8 of U+0000 followed by the text, so the string goes to SM3 as it is, without building the
 * bytes here (verification hashes every entry; the test holds it to hashLeaf over leafDataOf).
 */
export function entryHashOf(fields: LedgerLeafFields): Buffer {
  return sm3(leafHashInputOf(fields));
}

/** The string whose UTF-8 SM3 is the entry hash (for hashing elsewhere, e.g. on a thread). */
export function leafHashInputOf(fields: LedgerLeafFields): string {
  return leafTextOf(fields, '\u0000');
}

/** Payloads are stored as JSON: undefined fields vanish and dates become strings, as in jsonb. */
export function normalisePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}

export function payloadHashOf(payloadCanonical: string): string {
  return toHex(sm3(payloadCanonical));
}
