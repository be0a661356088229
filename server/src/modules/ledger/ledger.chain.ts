// Chaining one entry onto a head in memory, shared by the append (one entry, inside the business
// transaction) and the sealer (many entries, after commit), and the array literals both send to
// their functions. Keeping both on one function keeps the bytes they hash identical.
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

/**
 * A PostgreSQL array literal of numbers or hex strings (nothing to quote), built here rather than
 * by the driver: the append function keeps the frontier as this text until it writes the head
 * row, and the sealer's arrays travel as one short parameter each.
 */
export function arrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(',')}}`;
}
