// RFC 6962 conformance of the tree shape, with SHA-256 so that published vectors apply.
//
// Provenance of every vector below (none is computed by this code base):
// - leaves, roots of sizes 1..8, inclusion and consistency proofs: the Certificate Transparency
//   test data, identical in google/certificate-transparency-go merkletree/merkle_verifier_test.go
//   (getInputs, getRoots, getInclusionTestVector, getConsistencyProofs) and
//   transparency-dev/merkle proof/verify_test.go (leaves, roots, inclusionProofs,
//   consistencyProofs). Those tables number leaves from 1; here indices are 0-based.
// - hasher vectors: transparency-dev/merkle rfc6962/rfc6962_test.go (TestRFC6962Hasher).
// - which stored nodes a proof reads: transparency-dev/merkle proof/proof_test.go
//   (TestInclusion, TestConsistency).
// The negative probes follow corruptInclusionProof / corruptConsistencyProof of verify_test.go,
// extended to every single bit of every element, the root and the leaf. A size whose path has
// the same shape (7 instead of 8 for leaf 0, 6 instead of 5 for leaf 1) is not a probe: the
// RFC verifiers bind the size only through the root, which is why a tree head signs both.
import { describe, expect, it } from 'vitest';
import { fromHex, sha256, toHex } from './hash.ts';
import {
  MemoryTree,
  appendLeaf,
  consistencyProof,
  emptyRoot,
  hashChildren,
  hashLeaf,
  inclusionProof,
  rootAt,
  rootFromFrontier,
  verifyConsistency,
  verifyInclusion,
  type NodeId,
  type NodeSource,
} from './merkle.ts';

const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);

/** ROOTS[n - 1] is the root of the tree of the first n leaves. */
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(fromHex);

const INCLUSION: { index: number; size: number; proof: string[] }[] = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    index: 2,
    size: 3,
    proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'],
  },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const CONSISTENCY: { first: number; second: number; proof: string[] }[] = [
  { first: 1, second: 1, proof: [] },
  {
    first: 1,
    second: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    first: 6,
    second: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const EMPTY_TREE = fromHex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
const SOME_HASH = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');

function tree8(): MemoryTree {
  const tree = new MemoryTree(sha256);
  for (const leaf of LEAVES) tree.appendData(leaf);
  return tree;
}

function root(size: number): Buffer {
  return ROOTS[size - 1] as Buffer;
}

function flipBit(bytes: Uint8Array, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
}

/** Every single-bit change of `bytes`. */
function* bitFlips(bytes: Uint8Array): Generator<Buffer> {
  for (let bit = 0; bit < bytes.length * 8; bit++) yield flipBit(bytes, bit);
}

describe('RFC 6962 hashing (SHA-256)', () => {
  it('matches the hasher vectors', () => {
    expect(toHex(emptyRoot(sha256))).toBe(toHex(EMPTY_TREE));
    expect(toHex(hashLeaf(sha256, new Uint8Array(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(toHex(hashLeaf(sha256, Buffer.from('L123456')))).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
    expect(toHex(hashChildren(sha256, Buffer.from('N123'), Buffer.from('N456')))).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
  });

  it('computes the published root of every size 1..8, from nodes and from the frontier', async () => {
    const tree = new MemoryTree(sha256);
    expect(toHex(tree.root())).toBe(toHex(EMPTY_TREE));
    for (const [i, leaf] of LEAVES.entries()) {
      tree.appendData(leaf);
      expect(toHex(tree.root()), `frontier root ${i + 1}`).toBe(toHex(root(i + 1)));
      expect(toHex(rootFromFrontier(tree.frontier, sha256))).toBe(toHex(root(i + 1)));
    }
    for (let size = 1; size <= 8; size++) {
      expect(toHex(await rootAt(tree, size, sha256)), `node root ${size}`).toBe(toHex(root(size)));
    }
    expect(toHex(await rootAt(tree, 0, sha256))).toBe(toHex(EMPTY_TREE));
  });

  it('stores each complete subtree exactly once, as the append reports it', () => {
    const tree = new MemoryTree(sha256);
    const created = LEAVES.map((leaf) => tree.appendData(leaf).map((n) => [n.level, n.index]));
    expect(created).toEqual([
      [[0, 0]],
      [
        [0, 1],
        [1, 0],
      ],
      [[0, 2]],
      [
        [0, 3],
        [1, 1],
        [2, 0],
      ],
      [[0, 4]],
      [
        [0, 5],
        [1, 2],
      ],
      [[0, 6]],
      [
        [0, 7],
        [1, 3],
        [2, 1],
        [3, 0],
      ],
    ]);
  });

  it('refuses a frontier that cannot describe the tree size', () => {
    const tree = tree8();
    const leaf = hashLeaf(sha256, Buffer.from('x'));
    expect(() => appendLeaf([...tree.frontier], leaf, sha256, 7)).toThrow(/frontier of 1/);
    expect(() => appendLeaf([], leaf, sha256, 1)).toThrow(/frontier of 0/);
    expect(() => appendLeaf([], leaf, sha256, -1)).toThrow(RangeError);
  });
});

describe('inclusion proofs (RFC 6962 §2.1.1, RFC 9162 §2.1.3)', () => {
  it('generates the published proofs', async () => {
    const tree = tree8();
    for (const v of INCLUSION) {
      const proof = await inclusionProof(tree, v.index, v.size, sha256);
      expect(proof.map(toHex), `${v.index}/${v.size}`).toEqual(v.proof);
    }
  });

  it('verifies the published proofs and refuses every corruption of them', () => {
    for (const v of INCLUSION) {
      const leaf = hashLeaf(sha256, LEAVES[v.index] as Buffer);
      const proof = v.proof.map(fromHex);
      const r = root(v.size);
      const ok = (i: number, n: number, p: Uint8Array[], rt: Uint8Array, lf: Uint8Array) =>
        verifyInclusion(sha256, lf, i, n, p, rt);
      expect(ok(v.index, v.size, proof, r, leaf), `${v.index}/${v.size}`).toBe(true);

      const probes: [string, boolean][] = [
        ['index - 1', ok(v.index - 1, v.size, proof, r, leaf)],
        ['index + 1', ok(v.index + 1, v.size, proof, r, leaf)],
        ['index ^ 2', ok(v.index ^ 2, v.size, proof, r, leaf)],
        ['size * 2', ok(v.index, v.size * 2, proof, r, leaf)],
        ['size / 2', ok(v.index, Math.floor(v.size / 2), proof, r, leaf)],
        ['index = size', ok(v.size, v.size, proof, r, leaf)],
        ['wrong leaf', ok(v.index, v.size, proof, r, sha256('WrongLeaf'))],
        ['empty root', ok(v.index, v.size, proof, EMPTY_TREE, leaf)],
        ['random root', ok(v.index, v.size, proof, SOME_HASH, leaf)],
        ['trailing garbage', ok(v.index, v.size, [...proof, new Uint8Array(0)], r, leaf)],
        ['trailing root', ok(v.index, v.size, [...proof, r], r, leaf)],
        ['preceding garbage', ok(v.index, v.size, [new Uint8Array(0), ...proof], r, leaf)],
        ['preceding root', ok(v.index, v.size, [r, ...proof], r, leaf)],
        ['truncated root', ok(v.index, v.size, proof, r.subarray(0, 31), leaf)],
        ['truncated leaf', ok(v.index, v.size, proof, r, leaf.subarray(0, 31))],
        ['negative index', ok(-1, v.size, proof, r, leaf)],
        ['fractional index', ok(v.index + 0.5, v.size, proof, r, leaf)],
      ];
      if (proof.length > 0) {
        probes.push(['removed last', ok(v.index, v.size, proof.slice(0, -1), r, leaf)]);
        probes.push(['removed first', ok(v.index, v.size, proof.slice(1), r, leaf)]);
        const truncated = proof.map((p, i) => (i === 0 ? p.subarray(0, 31) : p));
        probes.push(['truncated element', ok(v.index, v.size, truncated, r, leaf)]);
      }
      if (proof.length > 1) {
        const inserted = [proof[0] as Buffer, SOME_HASH, ...proof.slice(1)];
        probes.push(['inserted component', ok(v.index, v.size, inserted, r, leaf)]);
        probes.push(['swapped', ok(v.index, v.size, [...proof].reverse(), r, leaf)]);
      }
      for (const [i, element] of proof.entries()) {
        for (const [bit, flipped] of [...bitFlips(element)].entries()) {
          const wrong = proof.map((p, j) => (j === i ? flipped : p));
          probes.push([`proof[${i}] bit ${bit}`, ok(v.index, v.size, wrong, r, leaf)]);
        }
      }
      for (const [bit, flipped] of [...bitFlips(r)].entries()) {
        probes.push([`root bit ${bit}`, ok(v.index, v.size, proof, flipped, leaf)]);
      }
      for (const [bit, flipped] of [...bitFlips(leaf)].entries()) {
        probes.push([`leaf bit ${bit}`, ok(v.index, v.size, proof, r, flipped)]);
      }
      const accepted = probes.filter(([, result]) => result).map(([desc]) => desc);
      expect(accepted, `${v.index}/${v.size}`).toEqual([]);
    }
  });

  it('refuses the degenerate probes of the reference suites', () => {
    const some = sha256('data');
    for (const [index, size] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [1, 1],
    ] as const) {
      expect(verifyInclusion(sha256, some, index, size, [], some)).toBe(false);
      expect(verifyInclusion(sha256, some, index, size, [], EMPTY_TREE)).toBe(false);
    }
    // Size 1: the root is the leaf hash and the proof is empty.
    expect(verifyInclusion(sha256, some, 0, 1, [], some)).toBe(true);
    expect(verifyInclusion(sha256, some, 0, 1, [], new Uint8Array(0))).toBe(false);
    expect(verifyInclusion(sha256, new Uint8Array(0), 0, 1, [], some)).toBe(false);
  });

  it('refuses to build a proof outside the tree', async () => {
    const tree = tree8();
    await expect(inclusionProof(tree, 8, 8, sha256)).rejects.toThrow(RangeError);
    await expect(inclusionProof(tree, 0, 0, sha256)).rejects.toThrow(RangeError);
    await expect(inclusionProof(tree, 0, 9, sha256)).rejects.toThrow(/not stored/);
  });
});

describe('consistency proofs (RFC 6962 §2.1.2, RFC 9162 §2.1.4)', () => {
  it('generates the published proofs', async () => {
    const tree = tree8();
    for (const v of CONSISTENCY) {
      const proof = await consistencyProof(tree, v.first, v.second, sha256);
      expect(proof.map(toHex), `${v.first}->${v.second}`).toEqual(v.proof);
    }
  });

  it('verifies the published proofs and refuses every corruption of them', () => {
    for (const v of CONSISTENCY) {
      const proof = v.proof.map(fromHex);
      const r1 = root(v.first);
      const r2 = root(v.second);
      const ok = (m: number, n: number, a: Uint8Array, b: Uint8Array, p: Uint8Array[]) =>
        verifyConsistency(sha256, m, n, a, b, p);
      expect(ok(v.first, v.second, r1, r2, proof), `${v.first}->${v.second}`).toBe(true);
      if (proof.length === 0) continue; // first == second: covered by the trivial-case test

      const probes: [string, boolean][] = [
        ['first - 1', ok(v.first - 1, v.second, r1, r2, proof)],
        ['first + 1', ok(v.first + 1, v.second, r1, r2, proof)],
        ['first ^ 2', ok(v.first ^ 2, v.second, r1, r2, proof)],
        ['second * 2', ok(v.first, v.second * 2, r1, r2, proof)],
        ['second / 2', ok(v.first, Math.floor(v.second / 2), r1, r2, proof)],
        ['sizes swapped', ok(v.second, v.first, r2, r1, proof)],
        ['wrong root1', ok(v.first, v.second, SOME_HASH, r2, proof)],
        ['wrong root2', ok(v.first, v.second, r1, SOME_HASH, proof)],
        ['swapped roots', ok(v.first, v.second, r2, r1, proof)],
        ['empty proof', ok(v.first, v.second, r1, r2, [])],
        ['trailing garbage', ok(v.first, v.second, r1, r2, [...proof, new Uint8Array(0)])],
        ['trailing root1', ok(v.first, v.second, r1, r2, [...proof, r1])],
        ['trailing root2', ok(v.first, v.second, r1, r2, [...proof, r2])],
        ['preceding garbage', ok(v.first, v.second, r1, r2, [new Uint8Array(0), ...proof])],
        ['preceding root1', ok(v.first, v.second, r1, r2, [r1, ...proof])],
        ['preceding root2', ok(v.first, v.second, r1, r2, [r2, ...proof])],
        ['preceding proof[0]', ok(v.first, v.second, r1, r2, [proof[0] as Buffer, ...proof])],
        ['truncated proof', ok(v.first, v.second, r1, r2, proof.slice(0, -1))],
        ['first element removed', ok(v.first, v.second, r1, r2, proof.slice(1))],
        ['truncated root1', ok(v.first, v.second, r1.subarray(0, 31), r2, proof)],
        ['truncated root2', ok(v.first, v.second, r1, r2.subarray(0, 31), proof)],
        [
          'truncated element',
          ok(v.first, v.second, r1, r2, [(proof[0] as Buffer).subarray(1), ...proof.slice(1)]),
        ],
        [
          'inserted element',
          ok(v.first, v.second, r1, r2, [proof[0] as Buffer, SOME_HASH, ...proof.slice(1)]),
        ],
      ];
      for (const [i, element] of proof.entries()) {
        for (const [bit, flipped] of [...bitFlips(element)].entries()) {
          const wrong = proof.map((p, j) => (j === i ? flipped : p));
          probes.push([`proof[${i}] bit ${bit}`, ok(v.first, v.second, r1, r2, wrong)]);
        }
      }
      for (const [bit, flipped] of [...bitFlips(r1)].entries()) {
        probes.push([`root1 bit ${bit}`, ok(v.first, v.second, flipped, r2, proof)]);
      }
      for (const [bit, flipped] of [...bitFlips(r2)].entries()) {
        probes.push([`root2 bit ${bit}`, ok(v.first, v.second, r1, flipped, proof)]);
      }
      const accepted = probes.filter(([, result]) => result).map(([desc]) => desc);
      expect(accepted, `${v.first}->${v.second}`).toEqual([]);
    }
  });

  it('handles the trivial cases: equal sizes, the empty tree, time travel', async () => {
    const tree = tree8();
    const r1 = root(1);
    const r2 = root(2);
    const ok = (m: number, n: number, a: Uint8Array, b: Uint8Array, p: Uint8Array[]) =>
      verifyConsistency(sha256, m, n, a, b, p);
    // Equal sizes: empty proof, equal roots.
    expect(ok(1, 1, r1, r1, [])).toBe(true);
    expect(ok(8, 8, root(8), root(8), [])).toBe(true);
    expect(ok(1, 1, r1, r2, [])).toBe(false);
    expect(ok(1, 1, r1, r1, [EMPTY_TREE])).toBe(false);
    expect(ok(0, 0, EMPTY_TREE, EMPTY_TREE, [])).toBe(true);
    expect(ok(0, 0, EMPTY_TREE, EMPTY_TREE, [EMPTY_TREE])).toBe(false);
    // Every tree extends the empty tree, whose root is H().
    expect(ok(0, 1, EMPTY_TREE, r1, [])).toBe(true);
    expect(ok(0, 8, EMPTY_TREE, root(8), [])).toBe(true);
    expect(ok(0, 1, EMPTY_TREE, r1, [EMPTY_TREE])).toBe(false);
    expect(ok(0, 1, SOME_HASH, r1, [])).toBe(false);
    // Time travel to the past, and an empty proof for a real extension.
    expect(ok(1, 0, r1, EMPTY_TREE, [])).toBe(false);
    expect(ok(2, 1, r2, r1, [])).toBe(false);
    expect(ok(1, 2, r1, r2, [])).toBe(false);
    // Generation of the same cases.
    expect(await consistencyProof(tree, 0, 8, sha256)).toEqual([]);
    expect(await consistencyProof(tree, 0, 0, sha256)).toEqual([]);
    expect(await consistencyProof(tree, 5, 5, sha256)).toEqual([]);
    await expect(consistencyProof(tree, 3, 2, sha256)).rejects.toThrow(RangeError);
  });

  it('verifies every generated proof between all sizes 0..8', async () => {
    const tree = tree8();
    const roots = [EMPTY_TREE, ...ROOTS];
    for (let second = 0; second <= 8; second++) {
      for (let first = 0; first <= second; first++) {
        const proof = await consistencyProof(tree, first, second, sha256);
        const a = roots[first] as Buffer;
        const b = roots[second] as Buffer;
        expect(verifyConsistency(sha256, first, second, a, b, proof), `${first}->${second}`).toBe(
          true,
        );
      }
      for (let index = 0; index < second; index++) {
        const proof = await inclusionProof(tree, index, second, sha256);
        const leaf = hashLeaf(sha256, LEAVES[index] as Buffer);
        const r = roots[second] as Buffer;
        expect(verifyInclusion(sha256, leaf, index, second, proof, r)).toBe(true);
      }
    }
  });
});

/** A node source over a bigger tree that records which nodes a proof reads. */
class RecordingSource implements NodeSource {
  readonly reads: string[] = [];
  constructor(private readonly inner: MemoryTree) {}
  async get(level: number, index: number): Promise<Buffer> {
    this.reads.push(`${level}:${index}`);
    return this.inner.get(level, index);
  }
}

describe('proofs read only complete stored nodes, O(log n) of them', () => {
  const id = (level: number, index: number): NodeId => ({ level, index });
  const big = new MemoryTree(sha256);
  for (let i = 0; i < 128; i++) big.appendData(Buffer.from([i]));
  const keys = (ids: NodeId[]) => ids.map((n) => `${n.level}:${n.index}`).sort();

  it.each([
    [7, 0, [id(0, 1), id(1, 1), id(0, 6), id(1, 2)]],
    [7, 4, [id(0, 5), id(0, 6), id(2, 0)]],
    [7, 6, [id(1, 2), id(2, 0)]],
    [5, 3, [id(0, 2), id(1, 0), id(0, 4)]],
    [15, 10, [id(0, 11), id(1, 4), id(0, 14), id(1, 6), id(3, 0)]],
    [31, 24, [id(0, 25), id(1, 13), id(0, 30), id(1, 14), id(3, 2), id(4, 0)]],
    [
      95,
      81,
      [id(0, 80), id(1, 41), id(2, 21), id(0, 94), id(1, 46), id(2, 22), id(4, 4), id(6, 0)],
    ],
  ])('inclusion in %i of leaf %i', async (size, index, expected) => {
    const source = new RecordingSource(big);
    await inclusionProof(source, index, size, sha256);
    expect(source.reads.sort()).toEqual(keys(expected));
  });

  it.each([
    [1, 7, [id(0, 1), id(1, 1), id(0, 6), id(1, 2)]],
    [3, 7, [id(0, 2), id(0, 3), id(1, 0), id(0, 6), id(1, 2)]],
    [4, 7, [id(0, 6), id(1, 2)]],
    [5, 7, [id(0, 4), id(0, 5), id(0, 6), id(2, 0)]],
    [7, 8, [id(0, 6), id(0, 7), id(1, 2), id(2, 0)]],
    [10, 15, [id(1, 4), id(1, 5), id(0, 14), id(1, 6), id(3, 0)]],
    [24, 31, [id(3, 2), id(0, 30), id(1, 14), id(2, 6), id(4, 0)]],
    [
      81,
      95,
      [
        ...[id(0, 80), id(0, 81), id(1, 41), id(2, 21)],
        ...[id(0, 94), id(1, 46), id(2, 22), id(4, 4), id(6, 0)],
      ],
    ],
  ])('consistency %i -> %i', async (first, second, expected) => {
    const source = new RecordingSource(big);
    await consistencyProof(source, first, second, sha256);
    expect(source.reads.sort()).toEqual(keys(expected));
  });
});
