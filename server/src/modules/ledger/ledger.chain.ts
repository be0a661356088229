// Chaining one entry onto a head in memory, shared by the append (one entry, inside the business
// transaction) and the sealer (many entries, after commit), and the SQL fragments that write the
// result. Keeping both on one function keeps the bytes they hash identical.
import { sql, type RawBuilder } from 'kysely';
import { fromHex, sm3, toHex } from './crypto/hash.ts';
import { appendLeaf, type NewNode } from './crypto/merkle.ts';
import { entryHashOf, type LedgerLeafFields } from './ledger.entry.ts';

export interface HeadState {
  treeSize: number;
  frontier: Buffer[];
  lastEntryHash: string;
}

export interface HeadRow {
  tree_size: number | string;
  frontier: string[];
  last_entry_hash: string;
}

export function headFromRow(row: HeadRow): HeadState {
  return {
    treeSize: Number(row.tree_size),
    frontier: row.frontier.map(fromHex),
    lastEntryHash: row.last_entry_hash,
  };
}

export interface ChainedLeaf {
  leafIndex: number;
  prevHash: string;
  entryHash: string;
  nodes: NewNode[];
  head: HeadState;
}

/** The entry as the next leaf of head: its position, chain hashes, new nodes and the new head. */
export function chainLeaf(
  head: HeadState,
  fields: Omit<LedgerLeafFields, 'leafIndex' | 'prevHash'>,
): ChainedLeaf {
  const leafIndex = head.treeSize;
  const leafHash = entryHashOf({ ...fields, leafIndex, prevHash: head.lastEntryHash });
  const entryHash = toHex(leafHash);
  const appended = appendLeaf(head.frontier, leafHash, sm3, leafIndex);
  return {
    leafIndex,
    prevHash: head.lastEntryHash,
    entryHash,
    nodes: appended.newNodes,
    head: { treeSize: leafIndex + 1, frontier: appended.frontier, lastEntryHash: entryHash },
  };
}

/** `tree_size = …, frontier = …, last_entry_hash = …, updated_at = now()` for ledger_head. */
export function headValues(head: HeadState): RawBuilder<unknown> {
  return sql`tree_size = ${head.treeSize}, frontier = ${head.frontier.map(toHex)}::text[],
    last_entry_hash = ${head.lastEntryHash}, updated_at = now()`;
}

/** A VALUES list of (level, index, hash) rows, typed so it needs no target table. */
export function nodeValues(nodes: readonly NewNode[]): RawBuilder<unknown> {
  return sql.join(
    nodes.map((n) => sql`(${n.level}::smallint, ${n.index}::bigint, ${toHex(n.hash)}::text)`),
  );
}
