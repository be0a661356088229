// The single write path for the record of changes. Every service calls appendLedgerEntry inside
// the transaction that makes the change, so the change and its record commit or fail together.
//
// An entry's position (leaf index) comes from a sequence when it is inserted, so the position is
// known at once and never waits for another transaction. The hash chain and the Merkle nodes are
// added in the same call when the entry is next in line and no other transaction holds the
// ledger head (the usual case, and always with a single writer): then the entry commits chained.
// Otherwise (concurrent writers on PostgreSQL) the entry commits "pending" — position, canonical
// payload and payload hash, protected by the write-once trigger — and the sealer
// (ledger.seal.ts) chains it shortly after commit. Either way the position and the contents are
// fixed when the business transaction commits; only the hashes linking it to its predecessor
// can come later.
//
// A transaction that holds the head chains its later entries onto its own tip, and the head row
// is written once at the first chained entry and once more at commit (migration 0200).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { toHex } from './crypto/hash.ts';
import {
  arrayLiteral,
  chainLeaf,
  headFromRow,
  type ChainedLeaf,
  type HeadState,
} from './ledger.chain.ts';
import { normalisePayload, payloadHashOf, type LedgerLeafFields } from './ledger.entry.ts';
import { kickLedgerSealers } from './ledger.seal.ts';

export { sealPendingLedgerEntries } from './ledger.seal.ts';

export interface LedgerEntryInput {
  /** What happened, dotted: 'org.agency.created', 'powers.imported', 'calendar.year.loaded'. */
  kind: string;
  subjectType: string;
  subjectId: string | null;
  agencyId?: string | null;
  caseId?: string | null;
  payload: Record<string, unknown>;
}

type Trx = Transaction<Database>;

/**
 * The head as this process last wrote it, so that an append can hash before its one call. Only
 * a guess: the function chains the entry only if the head it locked (or this transaction's tip)
 * has exactly this size and last hash (which fix its frontier too); if not, it inserts nothing
 * and returns that head, and the entry is hashed again. So a stale guess (another process,
 * another database in the same process, a rolled-back transaction) costs a statement, never
 * correctness. Unknown after an entry went pending: other writers are at work, the next entry
 * will most likely be pending too, and a pending entry needs no hashing.
 */
let headGuess: HeadState | undefined;
/** The tip of each transaction that holds the head: exact, whatever other transactions do. */
const tipByTransaction = new WeakMap<Trx, HeadState>();

/** What the append function returns: position × 4 + a state, 0 for pending or (migration 0220): */
const CHAINED = 1;
/** The head is this transaction's, but the entry was not hashed against it: nothing inserted. */
const LOCKED_NOT_HASHED = 2;

export interface AppendOptions {
  /**
   * Leave the chaining to the sealer even if the head is free: for a transaction that appends
   * very many entries (the sealer chains them in batches after commit), and for tests of the
   * sealer. The entry's position is returned all the same.
   */
  defer?: boolean;
}

/** Appends one entry; returns its position (leaf index), fixed when the transaction commits. */
export async function appendLedgerEntry(
  trx: Trx,
  actor: Actor,
  entry: LedgerEntryInput,
  options: AppendOptions = {},
): Promise<number> {
  const payloadCanonical = canonicalJson(normalisePayload(entry.payload));
  const recordedAt = new Date();
  const fields: EntryFields = {
    kind: entry.kind,
    agencyId: entry.agencyId ?? null,
    caseId: entry.caseId ?? null,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    actor: { userId: actor.userId, name: actor.name, ip: actor.ip, userAgent: actor.userAgent },
    recordedAt: recordedAt.toISOString(),
    payloadHash: payloadHashOf(payloadCanonical),
  };
  const append: Append = {
    trx,
    fields,
    recordedAt,
    payloadCanonical,
    isDeferred: options.defer === true,
    holdsHead: tipByTransaction.has(trx),
  };
  const expected = append.isDeferred ? undefined : (tipByTransaction.get(trx) ?? headGuess);
  let { position, state, next } = await callAppend(append, expected, null);
  if (state === LOCKED_NOT_HASHED) {
    // Next in line and the head is ours, but the guess was stale or missing: hash against the
    // transaction's tip and insert at that position, still inside the business transaction (or,
    // if a void took the position meanwhile, pending at a new one).
    ({ position, state, next } = await callAppend(append, await readTip(trx), position));
    if (state === LOCKED_NOT_HASHED) throw new Error('ledger append: the head moved');
  }
  if (state === CHAINED && next) {
    tipByTransaction.set(trx, next.head);
    headGuess = next.head;
    return position;
  }
  // Pending: another transaction holds the head, or earlier entries still await sealing.
  headGuess = undefined;
  kickLedgerSealers();
  return position;
}

type EntryFields = Omit<LedgerLeafFields, 'leafIndex' | 'prevHash'>;

interface Append {
  trx: Trx;
  fields: EntryFields;
  recordedAt: Date;
  payloadCanonical: string;
  isDeferred: boolean;
  /** This transaction chained an entry before, so it wrote the head row already. */
  holdsHead: boolean;
}

/**
 * One call: draw a position (or take the one given); lock the head if this entry can be next in
 * line and no one else holds it (or this transaction holds it already); if that head is the
 * expected one, insert the chained entry and its nodes; if it is another (or none was expected),
 * insert nothing; otherwise insert the entry pending.
 */
async function callAppend(
  append: Append,
  expected: HeadState | undefined,
  position: number | null,
): Promise<{ position: number; state: number; next: ChainedLeaf | undefined }> {
  const { fields } = append;
  const next = expected && chainLeaf(expected, fields);
  // The new frontier is needed only if this entry may be the first the transaction chains (it
  // writes the head row at once); later ones leave the head row to the commit, which reads the
  // frontier from the stored nodes (migration 0210).
  const frontier = next && !append.holdsHead ? arrayLiteral(next.head.frontier.map(toHex)) : null;
  const result = await sql<{ r: number | string }>`select sanxiang_ledger_append(
    ${append.isDeferred}::boolean, ${position}::bigint,
    ${expected?.treeSize ?? null}::bigint, ${expected?.lastEntryHash ?? null}::text,
    ${frontier}::text, ${next?.entryHash ?? null}::text,
    ${next ? arrayLiteral(next.nodes.map((n) => n.level)) : null}::smallint[],
    ${next ? arrayLiteral(next.nodes.map((n) => n.index)) : null}::bigint[],
    ${next ? arrayLiteral(next.nodes.map((n) => toHex(n.hash))) : null}::text[],
    ${fields.kind}::text, ${fields.subjectType}::text, ${fields.subjectId}::text,
    ${fields.agencyId}::uuid, ${fields.caseId}::uuid, ${fields.actor.userId}::uuid,
    ${fields.actor.name}::text, ${fields.actor.ip}::text, ${fields.actor.userAgent}::text,
    ${append.recordedAt}::timestamptz, ${append.payloadCanonical}::text,
    ${fields.payloadHash}::text) as r`.execute(append.trx);
  const encoded = Number(result.rows[0]?.r);
  if (!Number.isSafeInteger(encoded)) throw new Error('ledger append returned no position');
  const state = encoded % 4;
  return { position: (encoded - state) / 4, state, next };
}

/** The tip of the head this transaction has locked: size, last hash, frontier. */
async function readTip(trx: Trx): Promise<HeadState> {
  const result = await sql<{ size: number | string; last_hash: string; frontier: string[] }>`
    select size, last_hash, frontier from sanxiang_ledger_tip()`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('ledger append: no tip');
  return headFromRow({
    tree_size: row.size,
    frontier: row.frontier,
    last_entry_hash: row.last_hash,
  });
}
