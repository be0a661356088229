// The single write path for the record of changes. Every service calls appendLedgerEntry inside
// the transaction that makes the change, so the change and its record commit or fail together.
//
// An entry's position (leaf index) comes from a sequence when it is inserted, so the position is
// known at once and never waits for another transaction. The hash chain and the Merkle nodes are
// added in the same statement when the entry is next in line and no other transaction holds the
// ledger head (the usual case, and always with a single writer): then the entry commits chained.
// Otherwise (concurrent writers on PostgreSQL) the entry commits "pending" — position, canonical
// payload and payload hash, protected by the write-once trigger — and the sealer
// (ledger.seal.ts) chains it shortly after commit. Either way the position and the contents are
// fixed when the business transaction commits; only the hashes linking it to its predecessor
// can come later.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { fromHex, toHex } from './crypto/hash.ts';
import { chainLeaf, headValues, nodeValues, type HeadState, headFromRow } from './ledger.chain.ts';
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
 * The head as this process last wrote or saw it: a guess that saves reading the head before
 * hashing. Only a guess: the statement that uses it chains the entry only if the locked head row
 * still has exactly this size and last hash (which fix its frontier too); if not, the entry is
 * chained by a second statement or left pending. So a stale guess (another process, another
 * database in the same process, a rolled-back transaction) costs a statement, never correctness.
 */
let headGuess: HeadState | undefined;

interface AppendRow {
  r_position: number | string;
  r_is_chained: boolean;
  r_is_locked: boolean;
  r_head_size: number | string;
  r_head_frontier: string[];
  r_head_last_hash: string;
}

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
  const payload = normalisePayload(entry.payload);
  const payloadCanonical = canonicalJson(payload);
  const recordedAt = new Date();
  const fields: Omit<LedgerLeafFields, 'leafIndex' | 'prevHash'> = {
    kind: entry.kind,
    agencyId: entry.agencyId ?? null,
    caseId: entry.caseId ?? null,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    actor: { userId: actor.userId, name: actor.name, ip: actor.ip, userAgent: actor.userAgent },
    recordedAt: recordedAt.toISOString(),
    payloadHash: payloadHashOf(payloadCanonical),
  };
  const guess = headGuess ?? (await readHead(trx));
  const next = chainLeaf(guess, fields);

  // One call: draw a position; lock the head if this entry can be next in line and no one else
  // holds it (see the function in migration 2800); if the locked head is the guessed one, write
  // nodes, head and the chained entry at the head's position; otherwise insert the entry pending
  // at its position. Returns the head as locked or as seen.
  const result = await sql<AppendRow>`select * from sanxiang_ledger_append(
      ${options.defer === true}::boolean,
      ${guess.treeSize}::bigint, ${guess.lastEntryHash}::text,
      ${next.head.frontier.map(toHex)}::text[], ${next.entryHash}::text,
      ${next.nodes.map((n) => n.level)}::smallint[], ${next.nodes.map((n) => n.index)}::bigint[],
      ${next.nodes.map((n) => toHex(n.hash))}::text[],
      ${fields.kind}::text, ${fields.subjectType}::text, ${fields.subjectId}::text,
      ${fields.agencyId}::uuid, ${fields.caseId}::uuid, ${actor.userId}::uuid,
      ${actor.name}::text, ${actor.ip}::text, ${actor.userAgent}::text,
      ${recordedAt}::timestamptz, ${JSON.stringify(payload)}::jsonb, ${payloadCanonical}::text,
      ${fields.payloadHash}::text)`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('ledger append returned no row');
  const leafIndex = Number(row.r_position);

  if (row.r_is_chained) {
    headGuess = next.head;
    return leafIndex;
  }
  const head = headFromRow({
    tree_size: row.r_head_size,
    frontier: row.r_head_frontier,
    last_entry_hash: row.r_head_last_hash,
  });
  if (row.r_is_locked) {
    // Next in line and the head is ours, but the guess was stale: chain it now, still inside
    // the business transaction.
    const chained = chainLeaf(head, fields);
    await sql`
      with hu as (update ledger_head set ${headValues(chained.head)} where id = 1),
      nu as (
        insert into ledger_nodes (level, index, hash)
        select v.level, v.index, v.hash from (values ${nodeValues(chained.nodes)}) as v(level, index, hash)
      )
      update ledger_entries set prev_hash = ${head.lastEntryHash}, entry_hash = ${chained.entryHash}
      where leaf_index = ${leafIndex}`.execute(trx);
    headGuess = chained.head;
    return leafIndex;
  }
  // Pending: another transaction holds the head, or earlier entries still await sealing.
  headGuess = head;
  kickLedgerSealers();
  return leafIndex;
}

async function readHead(trx: Trx): Promise<HeadState> {
  const row = await trx
    .selectFrom('ledger_head')
    .select(['tree_size', 'frontier', 'last_entry_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    treeSize: Number(row.tree_size),
    frontier: row.frontier.map(fromHex),
    lastEntryHash: row.last_entry_hash,
  };
}
