// The node-store proofs against a naïve transcription of the RFC 6962 §2.1 definitions (MTH,
// PATH, PROOF/SUBPROOF over the list of leaves), for random tree sizes, with SHA-256 and SM3.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sm3, toHex, type HashFn } from './hash.ts';
import {
  MemoryTree,
  consistencyProof,
  emptyRoot,
  frontierAt,
  frontierLength,
  hashChildren,
  hashLeaf,
  inclusionProof,
  rangeHash,
  rootAt,
  rootFromFrontier,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

/** Largest power of two strictly below n. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** RFC 6962 MTH over leaf hashes (the leaves are hashed already). */
function mth(h: HashFn, d: Buffer[]): Buffer {
  if (d.length === 0) return emptyRoot(h);
  if (d.length === 1) return d[0] as Buffer;
  const k = split(d.length);
  return hashChildren(h, mth(h, d.slice(0, k)), mth(h, d.slice(k)));
}

function path(h: HashFn, m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k
    ? [...path(h, m, d.slice(0, k)), mth(h, d.slice(k))]
    : [...path(h, m - k, d.slice(k)), mth(h, d.slice(0, k))];
}

function subproof(h: HashFn, m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(h, d)];
  const k = split(d.length);
  return m <= k
    ? [...subproof(h, m, d.slice(0, k), b), mth(h, d.slice(k))]
    : [...subproof(h, m - k, d.slice(k), false), mth(h, d.slice(0, k))];
}

function build(h: HashFn, size: number): { tree: MemoryTree; leaves: Buffer[] } {
  const tree = new MemoryTree(h);
  const leaves: Buffer[] = [];
  for (let i = 0; i < size; i++) {
    const leaf = hashLeaf(h, Buffer.from(`entry ${i}`));
    leaves.push(leaf);
    tree.append(leaf);
  }
  return { tree, leaves };
}

const MAX_SIZE = 300;

describe.each([
  ['SHA-256', sha256],
  ['SM3', sm3],
])('node-store proofs equal the RFC definitions (%s)', (_name, h) => {
  const { tree, leaves } = build(h, MAX_SIZE);
  const hex = (list: Buffer[]) => list.map(toHex);

  it('roots, frontiers and ranges', async () => {
    // Every size once: the frontier after n appends and the stored-node root agree with MTH.
    const grown = new MemoryTree(h);
    for (let n = 1; n <= MAX_SIZE; n++) {
      grown.append(leaves[n - 1] as Buffer);
      const expected = toHex(mth(h, leaves.slice(0, n)));
      expect(toHex(rootFromFrontier(grown.frontier, h)), `frontier ${n}`).toBe(expected);
      expect(toHex(await rootAt(tree, n, h)), `nodes ${n}`).toBe(expected);
      // The frontier can be rebuilt from stored nodes (a head row recovered or checked).
      expect(hex(await frontierAt(tree, n)), `frontierAt ${n}`).toEqual(hex([...grown.frontier]));
      expect(grown.frontier).toHaveLength(frontierLength(n));
    }
    await fc.assert(
      fc.asyncProperty(fc.nat(MAX_SIZE), fc.nat(MAX_SIZE), async (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const expected = toHex(mth(h, leaves.slice(start, end)));
        expect(toHex(await rangeHash(tree, start, end, h))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('inclusion proofs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: MAX_SIZE })
          .chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
        async ([size, index]) => {
          const d = leaves.slice(0, size);
          const proof = await inclusionProof(tree, index, size, h);
          expect(hex(proof)).toEqual(hex(path(h, index, d)));
          const root = mth(h, d);
          const leaf = leaves[index] as Buffer;
          expect(verifyInclusion(h, leaf, index, size, proof, root)).toBe(true);
          // Any other leaf at that index, or the leaf at another index, fails.
          const other = leaves[(index + 1) % MAX_SIZE] as Buffer;
          expect(verifyInclusion(h, other, index, size, proof, root)).toBe(false);
          if (size > 1) {
            const wrongIndex = (index + 1) % size;
            expect(verifyInclusion(h, leaf, wrongIndex, size, proof, root)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('consistency proofs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: MAX_SIZE })
          .chain((second) => fc.tuple(fc.nat(second), fc.constant(second))),
        async ([first, second]) => {
          const proof = await consistencyProof(tree, first, second, h);
          const expected = first === 0 ? [] : subproof(h, first, leaves.slice(0, second), true);
          expect(hex(proof)).toEqual(hex(expected));
          const r1 = mth(h, leaves.slice(0, first));
          const r2 = mth(h, leaves.slice(0, second));
          expect(verifyConsistency(h, first, second, r1, r2, proof)).toBe(true);
          if (first > 0 && first < second) {
            // A different old tree of the same size is not consistent with the new one.
            const forged = mth(h, [...leaves.slice(0, first - 1), h(Buffer.from('forged'))]);
            expect(verifyConsistency(h, first, second, forged, r2, proof)).toBe(false);
            const flipped = proof.map((p, i) => (i === proof.length - 1 ? h(p) : p));
            expect(verifyConsistency(h, first, second, r1, r2, flipped)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
