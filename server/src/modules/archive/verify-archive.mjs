#!/usr/bin/env node
// The offline verifier of a Sanxiang archive package (四性检测, DA/T 70): dependency-free — Node's
// own crypto (SM3, SHA-256) and SM2 verification written out below — so it can be copied out of
// the package and run anywhere: `node verify-archive.mjs <package-dir> [--trusted-key <pem>]`.
// It never needs the database. Exit 0 when every check passes, 1 naming each problem.
//
//   authenticity (真实性): the tree head's SM2 signature, the package seal over the manifest, each
//     entry's payload and leaf hash, each inclusion proof recomputed to the signed root, each
//     file's SM3 and SHA-256 against the manifest and against the ledger entry that recorded it;
//   integrity (完整性): entries numbered 1..n without gaps, every listed entry, file and metadata
//     document present, every evidence record with its recording entry;
//   usability (可用性): every JSON document parses, every file's type from its bytes matches the
//     declared type;
//   security (安全性): no file the manifest does not list, no path leaving the package, no links.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// --- Hashing, canonical JSON (RFC 8785 for the JSON types a package holds) -------------------

const sm3 = (data) => createHash('sm3').update(data).digest();
const hex = (buf) => Buffer.from(buf).toString('hex');

export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

function hashLeaf(data) {
  return sm3(Buffer.concat([Buffer.from([0]), data]));
}
function hashChildren(left, right) {
  return sm3(Buffer.concat([Buffer.from([1]), left, right]));
}

/** RFC 9162 §2.1.3.2 inclusion proof verification. */
export function verifyInclusion(leafHash, index, treeSize, proof, root) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0) return false;
  if (index >= treeSize) return false;
  if (!proof.every((p) => p.length === 32) || leafHash.length !== 32 || root.length !== 32) {
    return false;
  }
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.compare(r, root) === 0;
}

// --- SM2 signature verification (GB/T 32918.2), affine arithmetic over BigInt ----------------

const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const G = [
  0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
];
const DEFAULT_ID = '1234567812345678';

const mod = (a, m = P) => ((a % m) + m) % m;
function inverse(a, m = P) {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p1, p2) {
  if (p1 === null) return p2;
  if (p2 === null) return p1;
  const [x1, y1] = p1;
  const [x2, y2] = p2;
  if (x1 === x2 && mod(y1 + y2) === 0n) return null;
  const l =
    x1 === x2 && y1 === y2
      ? mod((3n * x1 * x1 + A) * inverse(2n * y1))
      : mod((y2 - y1) * inverse(x2 - x1));
  const x3 = mod(l * l - x1 - x2);
  return [x3, mod(l * (x1 - x3) - y1)];
}
function multiply(k, point) {
  let result = null;
  let addend = point;
  for (let n = k; n > 0n; n >>= 1n) {
    if (n & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}
const toBig = (buf) => BigInt(`0x${hex(buf) || '0'}`);
const bytes32 = (n) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');

function publicKeyFromPem(pem) {
  const body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(body, 'base64');
  const point = der.subarray(der.length - 65);
  if (point[0] !== 0x04) throw new Error('not an uncompressed SM2 public key');
  const x = toBig(point.subarray(1, 33));
  const y = toBig(point.subarray(33, 65));
  if (mod(y * y - (x * x * x + A * x + B)) !== 0n) throw new Error('point not on the SM2 curve');
  return { der, point: [x, y], keyId: hex(sm3(der).subarray(0, 16)) };
}

function derSignature(sig) {
  // SEQUENCE { INTEGER r, INTEGER s }, short lengths (an SM2 signature is at most 72 bytes)
  if (sig[0] !== 0x30 || sig[1] !== sig.length - 2) return null;
  let at = 2;
  const ints = [];
  for (let i = 0; i < 2; i++) {
    if (sig[at] !== 0x02) return null;
    const len = sig[at + 1];
    ints.push(toBig(sig.subarray(at + 2, at + 2 + len)));
    at += 2 + len;
  }
  return at === sig.length ? ints : null;
}

export function sm2Verify(message, signature, publicKey, id = DEFAULT_ID) {
  const rs = derSignature(signature);
  if (!rs) return false;
  const [r, s] = rs;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const idBytes = Buffer.from(id, 'utf8');
  const entl = Buffer.from([(idBytes.length * 8) >> 8, (idBytes.length * 8) & 0xff]);
  const za = sm3(
    Buffer.concat([
      entl,
      idBytes,
      bytes32(A),
      bytes32(B),
      bytes32(G[0]),
      bytes32(G[1]),
      bytes32(publicKey.point[0]),
      bytes32(publicKey.point[1]),
    ]),
  );
  const e = toBig(sm3(Buffer.concat([za, message])));
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const sum = add(multiply(s, G), multiply(t, publicKey.point));
  return sum !== null && mod(e + sum[0], N) === r;
}

// --- Format checks from the bytes -------------------------------------------------------------

const startsWith = (buf, bytes) => bytes.every((b, i) => buf[i] === b);
const ascii = (buf, at, n) => buf.subarray(at, at + n).toString('latin1');
const FORMAT_CHECKS = [
  [/^image\/jpeg$/, (h) => startsWith(h, [0xff, 0xd8, 0xff])],
  [/^image\/png$/, (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  [/^image\/gif$/, (h) => ascii(h, 0, 4) === 'GIF8'],
  [/^application\/pdf$/, (h) => ascii(h, 0, 5) === '%PDF-'],
  [
    /^(video|audio)\/(mp4|quicktime|3gpp2?)$|^image\/(heic|heif|avif)/,
    (h) => ascii(h, 4, 4) === 'ftyp',
  ],
  [/^(image\/webp|audio\/wav|video\/x-msvideo)$/, (h) => ascii(h, 0, 4) === 'RIFF'],
  [/^video\/x-matroska$/, (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3])],
  [/^audio\/amr/, (h) => ascii(h, 0, 5) === '#!AMR'],
  [/^audio\/mpeg$/, (h) => ascii(h, 0, 3) === 'ID3' || (h[0] === 0xff && (h[1] & 0xe0) === 0xe0)],
  [/^application\/(zip|vnd\.openxmlformats)/, (h) => startsWith(h, [0x50, 0x4b, 0x03, 0x04])],
];

/** true / false when the declared type is known, undefined when this verifier cannot tell. */
function formatMatches(contentType, head) {
  const check = FORMAT_CHECKS.find(([re]) => re.test(contentType ?? ''));
  return check ? check[1](head) : undefined;
}

// --- The package ------------------------------------------------------------------------------

const LABELS = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};
const FIXED_FILES = ['manifest.json', 'seal.json', 'tree-head.json', 'public-key.pem'];

/** A path from the manifest, or undefined (reported) when it could leave the package. */
function safePath(root, rel, problem) {
  if (
    typeof rel !== 'string' ||
    rel === '' ||
    path.isAbsolute(rel) ||
    rel.includes('\\') ||
    rel.split('/').some((part) => part === '..' || part === '.' || part === '') ||
    !path.resolve(root, rel).startsWith(`${root}${path.sep}`)
  ) {
    problem('security', 'path_escape', String(rel), '清单中的路径指向包外或不规范');
    return undefined;
  }
  return path.join(root, rel);
}

function walk(root, dir = root, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    if (entry.isDirectory()) walk(root, full, out);
    else out.push({ rel, isLink: entry.isSymbolicLink(), isFile: entry.isFile() });
  }
  return out;
}

/**
 * Checks the package in `dir`. `trustedKeyPem`, when given, is the key a reader trusts (from the
 * agency's publication): the package's own key must then be that key.
 */
export function verifyArchive(dir, options = {}) {
  const root = path.resolve(dir);
  const problems = [];
  const problem = (check, kind, where, detail) =>
    problems.push({ check, label: LABELS[check], kind, where, detail });
  const stats = { entries: 0, files: 0, disposed: 0 };

  const readJson = (rel) => {
    const full = safePath(root, rel, problem);
    if (!full) return undefined;
    let text;
    try {
      text = fs.readFileSync(full);
    } catch {
      problem('integrity', 'file_missing', rel, '文件缺失');
      return undefined;
    }
    try {
      return { value: JSON.parse(text.toString('utf8')), bytes: text };
    } catch {
      problem('usability', 'unreadable', rel, '不是有效的 JSON');
      return undefined;
    }
  };

  const manifestDoc = readJson('manifest.json');
  if (!manifestDoc) return { ok: false, problems, stats };
  const manifest = manifestDoc.value;
  if (manifest.format !== 'sanxiang-archive-package' || manifest.version !== 1) {
    problem('usability', 'unknown_format', 'manifest.json', '不是本系统的档案包格式');
    return { ok: false, problems, stats };
  }

  // Keys and signatures (authenticity).
  let key;
  try {
    key = publicKeyFromPem(fs.readFileSync(path.join(root, 'public-key.pem'), 'utf8'));
  } catch (error) {
    problem(
      'authenticity',
      'public_key_invalid',
      'public-key.pem',
      `公钥无法读取：${error.message}`,
    );
  }
  if (key && options.trustedKeyPem) {
    const trusted = publicKeyFromPem(options.trustedKeyPem);
    if (trusted.keyId !== key.keyId) {
      problem(
        'authenticity',
        'untrusted_key',
        'public-key.pem',
        `包内公钥 ${key.keyId} 不是受信任的公钥 ${trusted.keyId}`,
      );
    }
  }
  const headDoc = readJson('tree-head.json');
  const head = headDoc?.value;
  let root32;
  if (head && key) {
    const message = Buffer.from(
      canonicalJson({
        v: 1,
        type: 'sanxiang-ledger-tree-head',
        treeSize: head.treeSize,
        rootHash: head.rootHash,
        timestamp: head.timestamp,
        keyId: head.keyId,
      }),
      'utf8',
    );
    const valid =
      head.keyId === key.keyId &&
      typeof head.signature === 'string' &&
      sm2Verify(message, Buffer.from(head.signature, 'base64'), key);
    if (!valid)
      problem(
        'authenticity',
        'tree_head_signature_invalid',
        'tree-head.json',
        '签名树头的 SM2 签名无效',
      );
    else root32 = Buffer.from(head.rootHash, 'hex');
  }
  const sealDoc = readJson('seal.json');
  if (sealDoc && key) {
    const seal = sealDoc.value;
    const manifestSm3 = hex(sm3(manifestDoc.bytes));
    const message = Buffer.from(
      canonicalJson({
        type: 'sanxiang-archive-seal',
        v: 1,
        manifestSm3: seal.manifestSm3,
        keyId: seal.keyId,
      }),
      'utf8',
    );
    if (seal.manifestSm3 !== manifestSm3) {
      problem(
        'authenticity',
        'manifest_altered',
        'manifest.json',
        '清单与封签记录的 SM3 不符（清单被修改）',
      );
    }
    if (
      seal.keyId !== key.keyId ||
      !sm2Verify(message, Buffer.from(String(seal.signature), 'base64'), key)
    ) {
      problem('authenticity', 'seal_signature_invalid', 'seal.json', '档案包封签的 SM2 签名无效');
    }
  }

  // Ledger entries: numbering, payload, leaf hash, inclusion proof.
  const entries = Array.isArray(manifest.entries) ? manifest.entries : [];
  const bySubject = new Map();
  const disposals = [];
  entries.forEach((item, i) => {
    if (item.no !== i + 1) {
      problem(
        'integrity',
        'numbering_gap',
        `entries #${i + 1}`,
        `账本记录编号不连续：应为 ${i + 1}，实为 ${item.no}`,
      );
    }
  });
  for (const item of entries) {
    const doc = readJson(item.path);
    if (!doc) continue;
    stats.entries += 1;
    const e = doc.value;
    if (hex(sm3(doc.bytes)) !== item.sm3) {
      problem('authenticity', 'entry_altered', item.path, '账本记录文件与清单中的哈希不符');
    }
    const payloadHash = hex(sm3(Buffer.from(canonicalJson(e.payload ?? null), 'utf8')));
    const fields = {
      v: 1,
      leafIndex: e.leafIndex,
      kind: e.kind,
      agencyId: e.agencyId,
      caseId: e.caseId,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      actor: e.actor,
      recordedAt: e.recordedAt,
      payloadHash: e.payloadHash,
      prevHash: e.prevHash,
    };
    const leaf = hashLeaf(Buffer.from(canonicalJson(fields), 'utf8'));
    if (
      payloadHash !== e.payloadHash ||
      hex(leaf) !== e.entryHash ||
      e.entryHash !== item.entryHash
    ) {
      problem('authenticity', 'entry_altered', item.path, '账本记录内容与其哈希不符（被修改）');
    }
    if (e.leafIndex !== item.seq) {
      problem(
        'integrity',
        'entry_renumbered',
        item.path,
        `记录序号 ${e.leafIndex} 与清单 ${item.seq} 不符`,
      );
    }
    if (root32) {
      const proof = Array.isArray(item.proof)
        ? item.proof.map((p) => Buffer.from(String(p), 'hex'))
        : [];
      if (!verifyInclusion(leaf, item.seq, head.treeSize, proof, root32)) {
        problem('authenticity', 'proof_invalid', item.path, '包含证明不能推算出签名树头的根哈希');
      }
    }
    if (e.kind === 'evidence.recorded' && e.subjectId) bySubject.set(e.subjectId, e);
    if (e.kind === 'archive.disposal.executed') disposals.push(e.payload ?? {});
  }

  // Metadata documents.
  const metadata = Array.isArray(manifest.metadata) ? manifest.metadata : [];
  const metaValues = {};
  for (const item of metadata) {
    const doc = readJson(item.path);
    if (!doc) continue;
    if (hex(sm3(doc.bytes)) !== item.sm3) {
      problem('authenticity', 'metadata_altered', item.path, '元数据与清单中的哈希不符（被修改）');
    }
    metaValues[item.path] = doc.value;
  }
  const caseMeta = metaValues['metadata/case.json'];
  if (!caseMeta) {
    problem('integrity', 'metadata_missing', 'metadata/case.json', '缺少案件元数据');
  } else {
    for (const field of ['caseId', 'caseNo', 'agencyName', 'kind', 'title', 'parties']) {
      if (caseMeta[field] === undefined || caseMeta[field] === null) {
        problem(
          'integrity',
          'metadata_incomplete',
          'metadata/case.json',
          `案件元数据缺少 ${field}`,
        );
      }
    }
  }
  const evidenceMeta = metaValues['metadata/evidence.json'];
  if (!Array.isArray(evidenceMeta)) {
    problem('integrity', 'metadata_missing', 'metadata/evidence.json', '缺少证据元数据');
  }

  // Files: presence, hashes, the recording entry, the format.
  const files = Array.isArray(manifest.files) ? manifest.files : [];
  for (const item of files) {
    const where = item.path ?? `evidence ${item.evidenceId}`;
    const recorded = bySubject.get(item.evidenceId);
    if (!recorded) {
      problem('integrity', 'entry_missing', where, '缺少登记该证据文件的账本记录');
    } else if (
      recorded.payload?.sm3 !== item.sm3 ||
      recorded.payload?.sha256 !== item.sha256 ||
      recorded.payload?.size !== item.size
    ) {
      problem('authenticity', 'file_record_mismatch', where, '清单中的文件哈希与账本登记不符');
    }
    if (
      Array.isArray(evidenceMeta) &&
      !evidenceMeta.some((m) => m.evidenceId === item.evidenceId && m.sm3 === item.sm3)
    ) {
      problem('integrity', 'metadata_incomplete', where, '证据元数据中没有该文件');
    }
    if (item.disposed) {
      stats.disposed += 1;
      // A file may be absent only where the ledger records its disposal (销毁清册).
      const recordedDisposal = disposals.some(
        (d) =>
          d.registerNo === item.disposed.registerNo &&
          Array.isArray(d.evidence) &&
          d.evidence.some((x) => x.evidenceId === item.evidenceId),
      );
      if (!recordedDisposal) {
        problem(
          'integrity',
          'disposal_unrecorded',
          where,
          '声称已销毁的文件没有对应的账本销毁记录',
        );
      }
      continue;
    }
    const full = safePath(root, item.path, problem);
    if (!full) continue;
    let fd;
    try {
      fd = fs.openSync(full, 'r');
    } catch {
      problem('integrity', 'file_missing', where, '证据文件缺失');
      continue;
    }
    const a = createHash('sm3');
    const b = createHash('sha256');
    const head16 = Buffer.alloc(16);
    const chunk = Buffer.allocUnsafe(1 << 20);
    let size = 0;
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      if (size < 16) chunk.copy(head16, size, 0, Math.min(n, 16 - size));
      a.update(chunk.subarray(0, n));
      b.update(chunk.subarray(0, n));
      size += n;
    }
    fs.closeSync(fd);
    stats.files += 1;
    if (a.digest('hex') !== item.sm3 || b.digest('hex') !== item.sha256 || size !== item.size) {
      problem('authenticity', 'file_altered', where, '证据文件的 SM3/SHA-256 与记录不符（被修改）');
    }
    if (formatMatches(item.contentType, head16) === false) {
      problem('usability', 'format_mismatch', where, `文件内容不是声明的格式 ${item.contentType}`);
    }
  }
  if (Array.isArray(evidenceMeta)) {
    for (const m of evidenceMeta) {
      if (m.sm3 && !files.some((f) => f.evidenceId === m.evidenceId)) {
        problem(
          'integrity',
          'file_missing',
          `evidence ${m.evidenceId}`,
          '证据元数据所列文件不在清单中',
        );
      }
    }
  }

  // Security: nothing unlisted, no links.
  const listed = new Set([
    ...FIXED_FILES,
    ...(manifest.verifier ? [manifest.verifier] : []),
    ...entries.map((e) => e.path),
    ...metadata.map((m) => m.path),
    ...files.filter((f) => f.path).map((f) => f.path),
  ]);
  for (const found of walk(root)) {
    if (found.isLink) problem('security', 'symlink', found.rel, '包内不应有符号链接');
    else if (!listed.has(found.rel))
      problem('security', 'unexpected_file', found.rel, '清单未列出的文件');
  }
  return { ok: problems.length === 0, problems, stats };
}

export function formatReport(result) {
  if (result.ok) {
    return `档案包四性检测通过：${result.stats.entries} 条账本记录、${result.stats.files} 个文件（${result.stats.disposed} 个已依法销毁）\n`;
  }
  return `${result.problems
    .map((p) => `[${p.label}] ${p.kind}\t${p.where}\t${p.detail}`)
    .join('\n')}\n档案包检测发现 ${result.problems.length} 处问题\n`;
}

const isMain =
  process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--trusted-key');
  const keyAt = args.indexOf('--trusted-key');
  if (!dir) {
    process.stderr.write(
      '用法 (usage): node verify-archive.mjs <package-dir> [--trusted-key <pem>] [--json]\n',
    );
    process.exit(2);
  }
  const result = verifyArchive(dir, {
    trustedKeyPem: keyAt >= 0 ? fs.readFileSync(args[keyAt + 1], 'utf8') : undefined,
  });
  process.stdout.write(
    args.includes('--json') ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result),
  );
  process.exit(result.ok ? 0 : 1);
}
