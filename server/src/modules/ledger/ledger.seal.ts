// Sealing: chaining committed pending entries (see ledger.repository.ts) in position order, many
// per statement. Any process may seal: a sealer reads the head and the entries after it, hashes,
// and writes only if the head is still the one it read and no transaction holds it (a
// compare-and-set; an append chaining inline holds the head row to its commit), so each entry is
// chained exactly once however many server processes share the database, and nothing lives only
// in one process's memory — a crash between a business commit and its sealing leaves a pending
// entry that the next sealer (another process, the periodic loop, or the start-up of a restarted
// server) chains.
//
// A position whose transaction rolled back stays empty for ever; the sealer fills it with a void
// entry ('ledger.void') so the tree has no gap. The void is inserted ON CONFLICT DO NOTHING: if
// the position's transaction is still running, PostgreSQL waits for it, and the void is only
// written if that transaction did not commit its entry.
import { sql, type Kysely } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { toHex } from './crypto/hash.ts';
import {
  arrayLiteral,
  chainLeaf,
  headFromRow,
  type ChainedLeaf,
  type HeadState,
} from './ledger.chain.ts';
import {
  leafFieldsOf,
  normalisePayload,
  payloadHashOf,
  type LedgerHeaderColumns,
} from './ledger.entry.ts';

/** Entries chained per sealing call (one statement; its arrays travel as one parameter each). */
export const SEAL_BATCH = 1000;
export const VOID_KIND = 'ledger.void';
/** Pause of a server's sealing loop between rounds while appends keep coming. */
export const SEAL_PAUSE_MS = 10;
/**
 * The advisory lock every transaction that draws a ledger position holds shared until it ends
 * (taken by sanxiang_ledger_append, migration 2800): held exclusive, it proves that no
 * uncommitted position exists. The sealer draws none and does not take it.
 */
export const LEDGER_WRITERS_LOCK = 0x5358_4c45_4447;

interface PendingRow extends LedgerHeaderColumns {
  leaf_index: number | string | null;
}

/** sanxiang_ledger_pending: the head on the first row, then one pending entry per row. */
interface SealReadRow extends PendingRow {
  tree_size: number | string | null;
  frontier: string[] | null;
  last_entry_hash: string | null;
}

export interface SealResult {
  /** Entries chained by this call. */
  sealed: number;
  /** Another transaction held or moved the head: nothing was done. */
  isBusy: boolean;
  /** The first position with no committed entry although later ones wait: a void candidate. */
  gapAt?: number;
  /** The batch was full: call again. */
  hasMore: boolean;
}

/**
 * Chains up to `limit` committed pending entries that follow the head without a gap, in two
 * calls and no transaction of its own (migration 0500): sanxiang_ledger_pending reads the head
 * and the entries after it on one snapshot, sanxiang_ledger_seal writes nodes, head and chain
 * columns only if the head is still the one read and no one holds it. So each entry is chained
 * exactly once however many sealers run; one that loses the race has only hashed in vain.
 */
export async function sealLedger(db: Kysely<Database>, limit = SEAL_BATCH): Promise<SealResult> {
  const { rows } =
    await sql<SealReadRow>`select * from sanxiang_ledger_pending(${limit}::integer)`.execute(db);
  const [headRow, ...pending] = rows;
  if (headRow?.tree_size == null || !headRow.frontier || headRow.last_entry_hash === null) {
    throw new Error('ledger sealing: no ledger head');
  }
  const from = headFromRow({
    tree_size: headRow.tree_size,
    frontier: headRow.frontier,
    last_entry_hash: headRow.last_entry_hash,
  });
  let head = from;
  const chained: ChainedLeaf[] = [];
  for (const row of pending) {
    // The row after the first `limit` only tells whether anything waits beyond them.
    if (chained.length === limit || Number(row.leaf_index) !== head.treeSize) break;
    const leaf = chainLeaf(head, leafFieldsOf(row, head.treeSize, head.lastEntryHash));
    chained.push(leaf);
    head = leaf.head;
  }
  if (chained.length > 0 && !(await writeChained(db, from, chained))) {
    return { sealed: 0, isBusy: true, hasMore: false };
  }
  // An entry waits past a position at which nothing was committed: that position is a gap.
  const isGap = chained.length < limit && pending.length > chained.length;
  return {
    sealed: chained.length,
    isBusy: false,
    gapAt: isGap ? head.treeSize : undefined,
    hasMore: chained.length === limit,
  };
}

/** One call of sanxiang_ledger_seal; whether the head was still `from` and free, and written. */
async function writeChained(
  db: Kysely<Database>,
  from: HeadState,
  chained: readonly ChainedLeaf[],
): Promise<boolean> {
  const last = chained.at(-1);
  if (!last) return true;
  const nodes = chained.flatMap((c) => c.nodes);
  const result = await sql<{ written: boolean }>`select sanxiang_ledger_seal(
    ${from.treeSize}::bigint, ${from.lastEntryHash}::text,
    ${arrayLiteral(chained.map((c) => c.entryHash))}::text[],
    ${arrayLiteral(last.head.frontier.map(toHex))}::text,
    ${arrayLiteral(nodes.map((n) => n.level))}::smallint[],
    ${arrayLiteral(nodes.map((n) => n.index))}::bigint[],
    ${arrayLiteral(nodes.map((n) => toHex(n.hash)))}::text[]) as written`.execute(db);
  return result.rows[0]?.written === true;
}

/**
 * Fills a position whose transaction never committed an entry. Waits (bounded) for a
 * transaction that still holds the position; returns whether a void was written. A writer that
 * drew the position but had not inserted its entry yet finds the void there and draws again.
 */
export async function fillVoid(db: Kysely<Database>, leafIndex: number): Promise<boolean> {
  const payload = normalisePayload({
    leafIndex,
    reason: '该序号由一个未提交（已回滚）的事务取得，作废以保持账本连续',
  });
  const payloadCanonical = canonicalJson(payload);
  return db.transaction().execute(async (trx) => {
    await sql`set local lock_timeout = '5s'`.execute(trx);
    const inserted = await sql`
      insert into ledger_entries (kind, subject_type, subject_id, actor_user_id, actor_name,
        actor_ip, actor_user_agent, recorded_at, payload, leaf_index, payload_canonical,
        payload_hash)
      values (${VOID_KIND}, 'ledger', ${String(leafIndex)}, ${SYSTEM_ACTOR.userId},
        ${SYSTEM_ACTOR.name}, ${SYSTEM_ACTOR.ip}, ${SYSTEM_ACTOR.userAgent}, ${new Date()},
        ${JSON.stringify(payload)}, ${leafIndex}, ${payloadCanonical},
        ${payloadHashOf(payloadCanonical)})
      on conflict (leaf_index) do nothing
      returning leaf_index`.execute(trx);
    return inserted.rows.length > 0;
  });
}

/**
 * Seals until nothing committed is pending, filling voids on the way. If another transaction
 * holds the head (an append chaining inline, or another sealer), retries until `waitMs` passed.
 * Returns the number of entries this call chained.
 */
export async function sealAll(db: Kysely<Database>, waitMs = 2000): Promise<number> {
  const deadline = Date.now() + waitMs;
  let total = 0;
  for (let round = 0; ; round++) {
    const result = await sealLedger(db);
    total += result.sealed;
    if (result.hasMore) continue;
    if (result.gapAt !== undefined) {
      await fillVoid(db, result.gapAt);
      continue;
    }
    if (!result.isBusy || Date.now() >= deadline) return total;
    await sleep(Math.min(2 ** round, 20));
  }
}

/** Assigns positions to entries written before positions existed, then seals everything. */
export async function sealPendingLedgerEntries(db: Kysely<Database>): Promise<number> {
  const legacy = await db
    .selectFrom('ledger_entries')
    .select(['seq', 'payload'])
    .where('leaf_index', 'is', null)
    .orderBy('seq')
    .execute();
  for (const row of legacy) {
    const payloadCanonical = canonicalJson(row.payload);
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock_shared(${LEDGER_WRITERS_LOCK})`.execute(trx);
      await sql`update ledger_entries set leaf_index = nextval('ledger_leaf_index_seq'),
          payload_canonical = ${payloadCanonical}, payload_hash = ${payloadHashOf(payloadCanonical)}
        where seq = ${row.seq}`.execute(trx);
    });
  }
  // A sequence behind the tree (a restored dump without its sequence) would hand out used
  // positions: move it forward, never back.
  await sql`select setval('ledger_leaf_index_seq', greatest(
      (select last_value + (case when is_called then 1 else 0 end) from ledger_leaf_index_seq),
      (select tree_size from ledger_head where id = 1),
      coalesce((select max(leaf_index) + 1 from ledger_entries), 0)), false)`.execute(db);
  return sealAll(db, 30_000);
}

// ---- The sealing loop of a server process --------------------------------------------------

export interface LedgerSealer {
  /** Seal soon: an entry was just appended pending (its transaction may not have committed). */
  kick(): void;
  stop(): Promise<void>;
}

const sealers = new Set<LedgerSealer>();

/** Called by appendLedgerEntry when it leaves an entry pending. */
export function kickLedgerSealers(): void {
  for (const sealer of sealers) sealer.kick();
}

/**
 * Seals every `intervalMs` (entries left by other processes or by a crash) and right after a
 * kick, retrying a few times while the kicking transaction commits. Timers are unref'd. On
 * PGlite one process owns the database, so its own kicks find every pending entry and the
 * interval can be long (each poll takes the single connection from the requests).
 */
export function startLedgerSealer(
  db: Kysely<Database>,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): LedgerSealer {
  const intervalMs = options.intervalMs ?? 250;
  let running: Promise<void> | undefined;
  let kickedAt = 0;
  let isStopped = false;
  let soon: NodeJS.Timeout | undefined;

  const run = (): Promise<void> => {
    running ??= (async () => {
      try {
        if (!isStopped) await sealAll(db, 0);
      } catch (error) {
        if (!isStopped) options.onError?.(error);
      } finally {
        running = undefined;
      }
      // Entries committed meanwhile, or a kick whose transaction had not committed yet: look
      // again after a pause in which more gather (a batch costs two calls whatever its size).
      if (!isStopped && Date.now() - kickedAt < 500) schedule(SEAL_PAUSE_MS);
    })();
    return running;
  };
  const schedule = (delayMs: number) => {
    if (soon || isStopped) return;
    soon = setTimeout(() => {
      soon = undefined;
      void run();
    }, delayMs);
    soon.unref();
  };
  const interval = setInterval(() => void run(), intervalMs);
  interval.unref();

  const sealer: LedgerSealer = {
    kick() {
      kickedAt = Date.now();
      schedule(1);
    },
    async stop() {
      isStopped = true;
      sealers.delete(sealer);
      clearInterval(interval);
      if (soon) clearTimeout(soon);
      await running;
    },
  };
  sealers.add(sealer);
  return sealer;
}
