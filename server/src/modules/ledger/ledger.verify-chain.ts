// The per-entry half of `verify`: each chained entry, in position order, checked against itself
// (payload, payload hash, entry hash), against its predecessor (the chain link) and against the
// leaf stored for its position; the Merkle tree rebuilt from the stored leaves, every stored
// node above them compared, and the root compared wherever a tree head claims one. What needs
// more than one entry to judge (moved, inserted, rewritten entries) is collected for
// ledger.verify-classify.ts.
//
// Hashes are handled as hex strings from end to end (SM3 answers in hex, stored hashes are hex,
// node inputs are decoded into one reused buffer): no Buffer per entry to allocate, convert and
// collect, which cost as much as the hashing itself.
import { fromHex, isHexOfLength, sm3, sm3Hex } from './crypto/hash.ts';
import { rootFromFrontier } from './crypto/merkle.ts';
import { GENESIS_HASH, leafFieldsOf, leafHashInputOf } from './ledger.entry.ts';
import type { MismatchedEntry } from './ledger.verify-classify.ts';
import type { EntryRow } from './ledger.verify-read.ts';
import type { LedgerIssue, TreeHeadToCheck } from './ledger.verify.ts';

/** A stored node's hash by level and index (level 0: the stored leaf of that position). */
export type NodeLookup = (level: number, index: number) => string | undefined;

/** Entries different from their stored leaf kept for classification; beyond, no finer report. */
const MAX_MISMATCHES = 10_000;

/** The entry's leaf hash (what its entry_hash must be), as if it stood at leafIndex. */
function leafHashOf(row: EntryRow, leafIndex = row.leaf_index): string {
  return sm3Hex(leafHashInputOf(leafFieldsOf(row, leafIndex, row.prev_hash)));
}

/** Checks one entry against itself: payload, payload hash and entry hash. */
function contentIssue(row: EntryRow, leafHash: string): string | undefined {
  if (!row.payload_ok) return '记录内容（payload）被修改';
  if (sm3Hex(row.payload_canonical) !== row.payload_hash) return '记录内容与其哈希不符';
  if (leafHash !== row.entry_hash) return '记录的元数据（时间、操作人、类型等）或哈希被修改';
  return undefined;
}

// The input of an interior node hash, 0x01 || left || right, reused: SM3 copies what it reads.
const nodeInput = Buffer.alloc(65, 0x01);

/** RFC 6962 interior node hash of two SM3 digests, in hex. */
function nodeHash(left: string, right: string): string {
  nodeInput.write(left, 1, 32, 'hex');
  nodeInput.write(right, 33, 32, 'hex');
  return sm3Hex(nodeInput);
}

const isDigest = (hash: string | undefined): hash is string => isHexOfLength(hash, 32);

export class ChainChecker {
  readonly issues: LedgerIssue[] = [];
  /** Entries whose link to the previous one does not join. */
  readonly brokenLinks: number[] = [];
  /** Runs of positions [from, to) with no chained entry before the end of the chain. */
  readonly gaps: { from: number; to: number }[] = [];
  /** Entries that differ from the leaf stored for their position. */
  readonly mismatched: MismatchedEntry[] = [];
  /** The next position expected, and after the last entry the size of the chain. */
  expected = 0;
  lastEntryHash = GENESIS_HASH;
  checked = 0;
  /** Roots of the perfect subtrees covering [0, expected), largest first (the compact range). */
  readonly frontier: string[] = [];

  constructor(
    private readonly headsBySize: ReadonlyMap<number, readonly TreeHeadToCheck[]>,
    /** The head row's tree size: the chain the database claims to hold. */
    readonly headSize: number,
  ) {
    this.checkHeadsAt(0);
  }

  /** Checks a run of consecutive chained entries (in position order) against the stored nodes. */
  checkRows(rows: readonly EntryRow[], stored: NodeLookup): void {
    for (const row of rows) this.checkRow(row, stored);
  }

  private checkRow(row: EntryRow, stored: NodeLookup): void {
    const seq = row.leaf_index;
    this.checked += 1;
    const isAfterGap = seq > this.expected;
    if (isAfterGap && seq >= this.headSize) {
      // Past the head with nothing joining it: no append put it there. Positions up to the head
      // are walked as missing; the rest of the gap is not (a forged position 10^12 would take
      // forever), and the entry stays out of the tree.
      if (this.expected < this.headSize) {
        this.missingBefore(this.headSize, stored);
        this.expected = this.headSize;
      }
      this.issues.push({
        kind: 'inserted',
        seq,
        detail: `序号 ${seq} 的记录位于账本头（规模 ${this.headSize}）之外且与链不相接：绕过系统插入`,
      });
      return;
    }
    if (isAfterGap) this.missingBefore(seq, stored);

    const leafHash = leafHashOf(row);
    const problem = contentIssue(row, leafHash);
    if (problem) this.issues.push({ kind: 'altered', seq, detail: `序号 ${seq}：${problem}` });
    if (row.prev_hash !== this.lastEntryHash && !isAfterGap) this.brokenLinks.push(seq);

    // The tree is rebuilt from the stored leaves (each checked against its entry here), so that
    // one altered entry is reported once rather than as every node above it.
    const storedLeaf = stored(0, seq);
    const isStoredLeafUsable = storedLeaf === leafHash || isDigest(storedLeaf);
    this.appendLeaf(seq, isStoredLeafUsable ? storedLeaf : leafHash, stored);
    if (storedLeaf !== leafHash && !problem && this.mismatched.length < MAX_MISMATCHES) {
      this.mismatched.push({ seq, leafHashAt: (position) => leafHashOf(row, position) });
    }
    this.lastEntryHash = row.entry_hash;
    this.expected = seq + 1;
  }

  /** Entries missing before seq: reported, and their stored leaves kept in the tree. */
  private missingBefore(seq: number, stored: NodeLookup): void {
    const from = this.expected;
    this.gaps.push({ from, to: seq });
    this.issues.push({
      kind: 'missing',
      seq: from,
      detail:
        seq - 1 === from
          ? `序号 ${from} 的记录缺失（被删除）`
          : `序号 ${from}–${seq - 1} 的记录缺失（被删除）`,
    });
    for (let gap = from; gap < seq; gap++) {
      const leaf = stored(0, gap);
      this.appendLeaf(gap, isDigest(leaf) ? leaf : GENESIS_HASH, stored);
    }
  }

  /** RFC 6962 append of leaf `index` (the frontier covers [0, index)), comparing new nodes. */
  private appendLeaf(index: number, leafHash: string, stored: NodeLookup): void {
    let hash = leafHash;
    let level = 0;
    // An odd index means the node has a complete left sibling: the last (smallest) root.
    for (let at = index; at % 2 === 1; at = (at - 1) / 2) {
      const left = this.frontier.pop();
      if (left === undefined) throw new Error('Frontier is shorter than its tree size requires');
      hash = nodeHash(left, hash);
      level += 1;
      const node = (at - 1) / 2;
      const storedHash = stored(level, node);
      if (storedHash !== hash) {
        this.issues.push({
          kind: 'node_altered',
          seq: node * 2 ** level,
          detail: `默克尔树节点（层 ${level}，位置 ${node}）${storedHash === undefined ? '缺失' : '被修改'}`,
        });
      }
    }
    this.frontier.push(hash);
    this.checkHeadsAt(index + 1);
  }

  /** A root is only computed where a tree head claims one. */
  private checkHeadsAt(size: number): void {
    const heads = this.headsBySize.get(size);
    if (!heads) return;
    const root = rootFromFrontier(this.frontier.map(fromHex), sm3).toString('hex');
    for (const head of heads) {
      if (head.rootHash !== root) {
        this.issues.push({
          kind: head.source.includes('见证') ? 'rolled_back' : 'tree_head_mismatch',
          detail: `${head.source}（规模 ${size}）的根哈希与重新计算的不符：历史记录被改写`,
        });
      }
    }
  }
}
