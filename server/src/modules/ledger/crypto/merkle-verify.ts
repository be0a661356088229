// RFC 6962 hashing rules and the RFC 9162 proof verifiers. Self-contained (only hash.ts), so an
// archive package's offline verifier can carry just these two files.
//
// The verifiers take data from outside (a published tree head, an API answer, a package) and
// answer false — never throw — for anything malformed: a wrong index or size, first > second,
// a proof element of the wrong length, an extra or missing element, a flipped bit.
import { digestLength, type HashFn } from './hash.ts';

/** The root of the empty tree: H() (RFC 6962 §2.1). */
export function emptyRoot(hashFn: HashFn): Buffer {
  return hashFn(new Uint8Array(0));
}

/** Leaf hash: H(0x00 || leaf data). */
export function hashLeaf(hashFn: HashFn, leafData: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + leafData.length);
  input[0] = 0x00;
  input.set(leafData, 1);
  return hashFn(input);
}

/** Interior node hash: H(0x01 || left || right). */
export function hashChildren(hashFn: HashFn, left: Uint8Array, right: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hashFn(input);
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isDigest(value: unknown, length: number): value is Uint8Array {
  return value instanceof Uint8Array && value.length === length;
}

function isDigestList(value: unknown, length: number): value is Uint8Array[] {
  return Array.isArray(value) && value.every((element) => isDigest(element, length));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

// Bit operations on safe integers without JavaScript's 32-bit bitwise operators.
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/**
 * Verifies that leafHash is leaf `index` of the tree of `treeSize` leaves with root `root`,
 * by the algorithm of RFC 9162 §2.1.3.2.
 */
export function verifyInclusion(
  hashFn: HashFn,
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  try {
    const length = digestLength(hashFn);
    if (!isSize(index) || !isSize(treeSize) || index >= treeSize) return false;
    if (!isDigest(leafHash, length) || !isDigest(root, length)) return false;
    if (!isDigestList(proof, length)) return false;
    let fn = index;
    let sn = treeSize - 1;
    let r: Uint8Array = leafHash;
    for (const p of proof) {
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        r = hashChildren(hashFn, p, r);
        if (!isOdd(fn)) {
          while (!isOdd(fn) && fn !== 0) {
            fn = half(fn);
            sn = half(sn);
          }
        }
      } else {
        r = hashChildren(hashFn, r, p);
      }
      fn = half(fn);
      sn = half(sn);
    }
    return sn === 0 && sameBytes(r, root);
  } catch {
    return false;
  }
}

/**
 * Verifies that the tree of `second` leaves with root secondRoot extends the tree of `first`
 * leaves with root firstRoot, by the algorithm of RFC 9162 §2.1.4.2.
 *
 * The trivial cases take no proof: first == second holds when the roots are equal; first == 0
 * holds when firstRoot is the empty-tree root H(). (Some libraries accept any firstRoot for
 * size 0; a tree head claiming size 0 with another root is malformed, so it is refused here.)
 */
export function verifyConsistency(
  hashFn: HashFn,
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  try {
    const length = digestLength(hashFn);
    if (!isSize(first) || !isSize(second) || first > second) return false;
    if (!isDigest(firstRoot, length) || !isDigest(secondRoot, length)) return false;
    if (!isDigestList(proof, length)) return false;
    if (first === second) return proof.length === 0 && sameBytes(firstRoot, secondRoot);
    if (first === 0) return proof.length === 0 && sameBytes(firstRoot, emptyRoot(hashFn));
    // 1. An empty proof cannot prove a proper extension.
    if (proof.length === 0) return false;
    // 2. When the old tree is a perfect subtree, its root is the proof's omitted first node.
    const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
    // 3-4.
    let fn = first - 1;
    let sn = second - 1;
    while (isOdd(fn)) {
      fn = half(fn);
      sn = half(sn);
    }
    // 5.
    let fr: Uint8Array = path[0] as Uint8Array;
    let sr: Uint8Array = fr;
    // 6.
    for (let i = 1; i < path.length; i++) {
      const c = path[i] as Uint8Array;
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        fr = hashChildren(hashFn, c, fr);
        sr = hashChildren(hashFn, c, sr);
        if (!isOdd(fn)) {
          while (!isOdd(fn) && fn !== 0) {
            fn = half(fn);
            sn = half(sn);
          }
        }
      } else {
        sr = hashChildren(hashFn, sr, c);
      }
      fn = half(fn);
      sn = half(sn);
    }
    // 7.
    return sn === 0 && sameBytes(fr, firstRoot) && sameBytes(sr, secondRoot);
  } catch {
    return false;
  }
}
