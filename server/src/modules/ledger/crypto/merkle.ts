// The Merkle tree of RFC 6962 §2.1 (RFC 9162 §2.1), generic over the hash function.
//
// Storage model: the hash of every COMPLETE aligned subtree is stored once, as node
// (level, index) covering leaves [index·2^level, (index+1)·2^level); level 0 holds leaf hashes.
// Such a node never changes once the log has grown past it, so nodes are write-once rows.
// A tree of any size is then the RFC 6962 recursion over these nodes: every split point k (the
// largest power of two below n) lands on a node boundary, so a proof needs O(log n) reads.
//
// The frontier ("compact range") is the list of roots of the perfect subtrees that cover
// [0, size), left to right, largest first: one per set bit of size. Kept in the head row, it
// gives the root without reading nodes and tells an append which new nodes it completes.
//
// Sizes and indices are plain numbers (safe integers); the arithmetic avoids 32-bit bitwise
// operators so that it stays right beyond 2^31 leaves.
import { digestLength, type HashFn } from './hash.ts';
import { emptyRoot, hashChildren, hashLeaf } from './merkle-verify.ts';

// The hashing rules and the verifiers live in merkle-verify.ts, which needs nothing else, so
// that an offline verifier can take that one file; they are re-exported here for callers.
export {
  emptyRoot,
  hashChildren,
  hashLeaf,
  verifyConsistency,
  verifyInclusion,
} from './merkle-verify.ts';

export interface NodeId {
  level: number;
  index: number;
}

export interface NewNode extends NodeId {
  hash: Buffer;
}

/** Where proofs read stored nodes from (the database, or MemoryTree). */
export interface NodeSource {
  /** The stored hash of node (level, index); must throw if it is not stored. */
  get(level: number, index: number): Promise<Buffer>;
  /** Optional batch read (one query for a whole proof), answering in the order asked. */
  getMany?(nodes: readonly NodeId[]): Promise<Buffer[]>;
}

function assertSize(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** log2 of a power of two. */
function levelOf(powerOfTwo: number): number {
  let level = 0;
  for (let n = powerOfTwo; n > 1; n /= 2) level += 1;
  return level;
}

/** The largest power of two strictly below n (n ≥ 2): RFC 6962's split point k. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function popCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}

/** Number of frontier hashes for a tree of treeSize leaves. */
export function frontierLength(treeSize: number): number {
  assertSize(treeSize, 'treeSize');
  return popCount(treeSize);
}

/**
 * Appends one leaf hash to the tree whose frontier (for treeSize leaves) is given. Returns the
 * nodes the append completes, bottom-up — always the leaf (0, treeSize) itself, then one parent
 * per trailing 1-bit of treeSize — and the frontier of the tree with treeSize + 1 leaves.
 */
export function appendLeaf(
  frontier: readonly Buffer[],
  leafHash: Buffer,
  hashFn: HashFn,
  treeSize: number,
): { newNodes: NewNode[]; frontier: Buffer[] } {
  if (frontier.length !== frontierLength(treeSize)) {
    throw new Error(`A frontier of ${frontier.length} hashes cannot describe ${treeSize} leaves`);
  }
  const roots = frontier.slice();
  const newNodes: NewNode[] = [{ level: 0, index: treeSize, hash: leafHash }];
  let hash = leafHash;
  let level = 0;
  // An odd index means the node has a complete left sibling: the last (smallest) root.
  for (let index = treeSize; index % 2 === 1; index = (index - 1) / 2) {
    const left = roots.pop();
    if (left === undefined) throw new Error('Frontier is shorter than its tree size requires');
    hash = hashChildren(hashFn, left, hash);
    level += 1;
    newNodes.push({ level, index: (index - 1) / 2, hash });
  }
  roots.push(hash);
  return { newNodes, frontier: roots };
}

/** Root hash from a frontier: the roots folded right to left, exactly RFC 6962's MTH. */
export function rootFromFrontier(frontier: readonly Buffer[], hashFn: HashFn): Buffer {
  let root = frontier.at(-1);
  if (root === undefined) return emptyRoot(hashFn);
  for (let i = frontier.length - 2; i >= 0; i--) {
    root = hashChildren(hashFn, frontier[i] as Buffer, root);
  }
  return root;
}

/**
 * The frontier of the first treeSize leaves, read from stored nodes (for rebuilding a head row,
 * or checking one): for each set bit of treeSize, high to low, the node covering that block.
 */
export async function frontierAt(source: NodeSource, treeSize: number): Promise<Buffer[]> {
  assertSize(treeSize, 'treeSize');
  const ids: NodeId[] = [];
  let start = 0;
  for (let block = largestPowerOfTwoAtMost(treeSize); block >= 1; block /= 2) {
    if (treeSize - start >= block) {
      ids.push({ level: levelOf(block), index: start / block });
      start += block;
    }
  }
  return readNodes(source, ids);
}

function largestPowerOfTwoAtMost(n: number): number {
  if (n < 1) return 0;
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/** An MTH computation over stored nodes: a node, or the hash of two such computations. */
type Recipe = NodeId | { left: Recipe; right: Recipe };

/** How to compute MTH(leaves [start, end)) from complete aligned nodes (end > start). */
function rangeRecipe(start: number, end: number): Recipe {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) return { level: levelOf(n), index: start / n };
  const k = splitPoint(n);
  return { left: rangeRecipe(start, start + k), right: rangeRecipe(start + k, end) };
}

function collectNodes(recipe: Recipe, out: NodeId[]): void {
  if ('level' in recipe) {
    out.push(recipe);
  } else {
    collectNodes(recipe.left, out);
    collectNodes(recipe.right, out);
  }
}

function evaluate(recipe: Recipe, hashes: Iterator<Buffer>, hashFn: HashFn): Buffer {
  if ('level' in recipe) {
    const next = hashes.next();
    if (next.done === true) throw new Error('Node source answered too few nodes');
    return next.value;
  }
  const left = evaluate(recipe.left, hashes, hashFn);
  return hashChildren(hashFn, left, evaluate(recipe.right, hashes, hashFn));
}

async function readNodes(source: NodeSource, ids: readonly NodeId[]): Promise<Buffer[]> {
  if (ids.length === 0) return [];
  const hashes = source.getMany
    ? await source.getMany(ids)
    : await Promise.all(ids.map((id) => source.get(id.level, id.index)));
  if (hashes.length !== ids.length) {
    throw new Error(`Node source answered ${hashes.length} nodes for ${ids.length} asked`);
  }
  return hashes;
}

/** Reads every node the recipes need in one batch, then evaluates each recipe. */
async function resolve(
  source: NodeSource,
  recipes: readonly Recipe[],
  hashFn: HashFn,
): Promise<Buffer[]> {
  const ids: NodeId[] = [];
  for (const recipe of recipes) collectNodes(recipe, ids);
  const hashes = (await readNodes(source, ids))[Symbol.iterator]();
  return recipes.map((recipe) => evaluate(recipe, hashes, hashFn));
}

/** MTH of leaves [start, end): RFC 6962's recursion, reading only complete aligned nodes. */
export async function rangeHash(
  source: NodeSource,
  start: number,
  end: number,
  hashFn: HashFn,
): Promise<Buffer> {
  assertSize(start, 'start');
  assertSize(end, 'end');
  if (start > end) throw new RangeError(`start ${start} is after end ${end}`);
  if (start === end) return emptyRoot(hashFn);
  const [hash] = await resolve(source, [rangeRecipe(start, end)], hashFn);
  return hash as Buffer;
}

/** The root hash of the first treeSize leaves, from stored nodes. */
export function rootAt(source: NodeSource, treeSize: number, hashFn: HashFn): Promise<Buffer> {
  return rangeHash(source, 0, treeSize, hashFn);
}

/** Audit path PATH(index, D[treeSize]) of RFC 6962 §2.1.1 (RFC 9162 §2.1.3.1), leaf first. */
export async function inclusionProof(
  source: NodeSource,
  index: number,
  treeSize: number,
  hashFn: HashFn,
): Promise<Buffer[]> {
  assertSize(index, 'index');
  assertSize(treeSize, 'treeSize');
  if (index >= treeSize) throw new RangeError(`Leaf ${index} is not in a tree of ${treeSize}`);
  const siblings: Recipe[] = [];
  let lo = 0;
  let hi = treeSize;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      siblings.push(rangeRecipe(lo + k, hi));
      hi = lo + k;
    } else {
      siblings.push(rangeRecipe(lo, lo + k));
      lo += k;
    }
  }
  // Found top-down; the path lists them from the leaf upwards.
  return resolve(source, siblings.reverse(), hashFn);
}

/**
 * Consistency proof PROOF(first, D[second]) of RFC 6962 §2.1.2 (RFC 9162 §2.1.4.1). Empty when
 * first is 0 or equals second: every tree extends the empty tree, and a tree is consistent with
 * itself when the roots are equal.
 */
export async function consistencyProof(
  source: NodeSource,
  first: number,
  second: number,
  hashFn: HashFn,
): Promise<Buffer[]> {
  assertSize(first, 'first');
  assertSize(second, 'second');
  if (first > second) throw new RangeError(`first ${first} is larger than second ${second}`);
  if (first === 0 || first === second) return [];
  // SUBPROOF(m, D[lo:hi], isWholeOldTree), unrolled. m counts old leaves from lo.
  const parts: Recipe[] = [];
  let lo = 0;
  let hi = second;
  let m = first;
  let isWholeOldTree = true;
  for (;;) {
    const n = hi - lo;
    if (m === n) {
      if (!isWholeOldTree) parts.push(rangeRecipe(lo, hi));
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      parts.push(rangeRecipe(lo + k, hi));
      hi = lo + k;
    } else {
      parts.push(rangeRecipe(lo, lo + k));
      lo += k;
      m -= k;
      isWholeOldTree = false;
    }
  }
  return resolve(source, parts.reverse(), hashFn);
}

/**
 * The tree in memory, storing exactly the nodes the database stores: for tests, the property
 * suite, an archive package's offline verifier, and rebuilding the tree from entries.
 */
export class MemoryTree implements NodeSource {
  private readonly levels: Buffer[][] = [];
  private roots: Buffer[] = [];
  private leafCount = 0;

  constructor(private readonly hashFn: HashFn) {}

  get size(): number {
    return this.leafCount;
  }

  get frontier(): readonly Buffer[] {
    return this.roots;
  }

  /** Appends a leaf hash; returns the nodes it completed (what the database would insert). */
  append(leafHash: Buffer): NewNode[] {
    if (leafHash.length !== digestLength(this.hashFn)) {
      throw new Error(`Leaf hash has ${leafHash.length} bytes`);
    }
    const result = appendLeaf(this.roots, leafHash, this.hashFn, this.leafCount);
    for (const node of result.newNodes) {
      const level = (this.levels[node.level] ??= []);
      level[node.index] = node.hash;
    }
    this.roots = result.frontier;
    this.leafCount += 1;
    return result.newNodes;
  }

  /** Appends leaf data (hashed with the 0x00 prefix). */
  appendData(leafData: Uint8Array): NewNode[] {
    return this.append(hashLeaf(this.hashFn, leafData));
  }

  root(): Buffer {
    return rootFromFrontier(this.roots, this.hashFn);
  }

  async get(level: number, index: number): Promise<Buffer> {
    const hash = this.levels[level]?.[index];
    if (hash === undefined) throw new Error(`Merkle node (${level}, ${index}) is not stored`);
    return hash;
  }
}
