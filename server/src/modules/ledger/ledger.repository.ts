// The single write path for the record of changes. Every service calls appendLedgerEntry inside
// the transaction that makes the change, so the change and its record commit or fail together.
// The entry is chained to the previous one and becomes the next leaf of the Merkle tree; the
// head row is locked for this, which serialises appends across processes (gapless numbering).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { fromHex, sm3, toHex } from './crypto/hash.ts';
import { appendLeaf } from './crypto/merkle.ts';
import {
  entryHashOf,
  normalisePayload,
  payloadHashOf,
  type LedgerLeafFields,
} from './ledger.entry.ts';

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

async function lockHead(trx: Trx) {
  return trx
    .selectFrom('ledger_head')
    .select(['tree_size', 'frontier', 'last_entry_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

interface Chained {
  leafIndex: number;
  payloadCanonical: string;
  payloadHash: string;
  prevHash: string;
  entryHash: string;
}

/** Computes the chain fields of the next leaf and stores its new tree nodes and the head. */
async function chainNext(
  trx: Trx,
  head: { tree_size: number; frontier: string[]; last_entry_hash: string },
  fields: Omit<LedgerLeafFields, 'leafIndex' | 'payloadHash' | 'prevHash'>,
  payload: Record<string, unknown>,
): Promise<Chained & { head: typeof head }> {
  const payloadCanonical = canonicalJson(payload);
  const payloadHash = payloadHashOf(payloadCanonical);
  const leafIndex = head.tree_size;
  const prevHash = head.last_entry_hash;
  const leafHash = entryHashOf({ ...fields, leafIndex, payloadHash, prevHash });
  const entryHash = toHex(leafHash);
  const appended = appendLeaf(head.frontier.map(fromHex), leafHash, sm3, leafIndex);
  await trx
    .insertInto('ledger_nodes')
    .values(appended.newNodes.map((n) => ({ level: n.level, index: n.index, hash: toHex(n.hash) })))
    .execute();
  return {
    leafIndex,
    payloadCanonical,
    payloadHash,
    prevHash,
    entryHash,
    head: {
      tree_size: leafIndex + 1,
      frontier: appended.frontier.map(toHex),
      last_entry_hash: entryHash,
    },
  };
}

async function saveHead(
  trx: Trx,
  head: { tree_size: number; frontier: string[]; last_entry_hash: string },
) {
  await trx
    .updateTable('ledger_head')
    .set({ ...head, updated_at: new Date() })
    .where('id', '=', 1)
    .execute();
}

export async function appendLedgerEntry(
  trx: Trx,
  actor: Actor,
  entry: LedgerEntryInput,
): Promise<number> {
  const payload = normalisePayload(entry.payload);
  const recordedAt = new Date();
  const fields = {
    kind: entry.kind,
    agencyId: entry.agencyId ?? null,
    caseId: entry.caseId ?? null,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    actor: { userId: actor.userId, name: actor.name, ip: actor.ip, userAgent: actor.userAgent },
    recordedAt: recordedAt.toISOString(),
  };
  const chained = await chainNext(trx, await lockHead(trx), fields, payload);
  await trx
    .insertInto('ledger_entries')
    .values({
      kind: fields.kind,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      agency_id: fields.agencyId,
      case_id: fields.caseId,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      actor_ip: actor.ip,
      actor_user_agent: actor.userAgent,
      recorded_at: recordedAt,
      payload: JSON.stringify(payload),
      leaf_index: chained.leafIndex,
      payload_canonical: chained.payloadCanonical,
      payload_hash: chained.payloadHash,
      prev_hash: chained.prevHash,
      entry_hash: chained.entryHash,
    })
    .execute();
  await saveHead(trx, chained.head);
  return chained.leafIndex;
}

/**
 * Entries written before the chain existed (by the first migration's era) are sealed into the
 * tree in their original order at start-up. One cheap query when there is nothing to seal.
 */
export async function sealPendingLedgerEntries(db: Kysely<Database>): Promise<number> {
  const pending = await db
    .selectFrom('ledger_entries')
    .select('seq')
    .where('leaf_index', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!pending) return 0;
  return db.transaction().execute(async (trx) => {
    let head = await lockHead(trx);
    const rows = await trx
      .selectFrom('ledger_entries')
      .selectAll()
      .where('leaf_index', 'is', null)
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const chained = await chainNext(
        trx,
        head,
        {
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
        },
        row.payload,
      );
      await trx
        .updateTable('ledger_entries')
        .set({
          leaf_index: chained.leafIndex,
          payload_canonical: chained.payloadCanonical,
          payload_hash: chained.payloadHash,
          prev_hash: chained.prevHash,
          entry_hash: chained.entryHash,
        })
        .where('seq', '=', row.seq)
        .execute();
      head = chained.head;
    }
    await saveHead(trx, head);
    return rows.length;
  });
}
