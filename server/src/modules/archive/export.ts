// `npx sanxiang export-archive <caseId> <out>`: a self-contained archive package of one case —
// its files, metadata (JSON), hashes, every ledger entry of the case with its inclusion proof,
// the signed tree head those proofs lead to, the public key, and a seal (SM2 signature over the
// manifest's SM3). `verify-archive.mjs` checks a package offline with nothing but Node.
//
//   manifest.json           what the package holds (entries, files, metadata), each with hashes
//   seal.json               SM2 signature of SM3(manifest.json) by the ledger key
//   tree-head.json          the signed tree head every inclusion proof recomputes to
//   public-key.pem          the ledger's public key (trust it by its key id, published elsewhere)
//   metadata/case.json      the case and its parties (identity numbers left out)
//   metadata/evidence.json  every evidence record with its hashes, type and ledger position
//   entries/NNNNNN.json     each ledger entry of the case: the hashed fields and the payload
//   files/NNNNNN-<id>.<ext> the evidence files (disposed ones are listed, not present)
//   verify-archive.mjs      the verifier itself, so the package checks itself anywhere
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';
import { sm3, toHex } from '../ledger/crypto/hash.ts';
import type { SigningKey } from '../ledger/crypto/keys.ts';
import { inclusionProof } from '../ledger/crypto/merkle.ts';
import { sm2Sign } from '../ledger/crypto/sm2.ts';
import { signCurrentTreeHead } from '../ledger/ledger.heads.ts';
import { databaseNodeSource } from '../ledger/ledger.nodes.ts';
import { exportRepository as repo } from './export.repository.ts';

export const PACKAGE_FORMAT = 'sanxiang-archive-package';
export const SEAL_TYPE = 'sanxiang-archive-seal';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'video/mp4': '.mp4',
  'audio/mp4': '.m4a',
  'audio/mpeg': '.mp3',
  'audio/wav': '.wav',
  'text/plain': '.txt',
};

const pad = (n: number) => String(n).padStart(6, '0');

async function writeJson(root: string, rel: string, value: unknown): Promise<string> {
  const bytes = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await fs.writeFile(path.join(root, rel), bytes, { flag: 'wx' });
  return toHex(sm3(bytes));
}

export interface ExportResult {
  dir: string;
  entries: number;
  files: number;
  disposed: number;
  treeSize: number;
}

export async function exportArchive(
  db: Kysely<Database>,
  blobs: BlobStore,
  key: SigningKey,
  options: { caseId: string; outDir: string; witnessFile?: string; verifierSource?: string },
): Promise<ExportResult> {
  const kase = await repo.caseWithAgency(db, options.caseId);
  if (!kase) throw new AppError('CASE_NOT_FOUND');
  const root = path.resolve(options.outDir);
  // A package is written once into an empty place: never merged into an older one.
  await fs.mkdir(root, { recursive: true });
  if ((await fs.readdir(root)).length > 0) {
    throw new Error(`导出目录不为空：${root}`);
  }

  const head = await signCurrentTreeHead(db, key, options.witnessFile);
  const nodes = databaseNodeSource(db);
  const entries = (await repo.entries(db, options.caseId)).filter(
    (e) => (e.leaf_index ?? head.treeSize) < head.treeSize,
  );
  const manifestEntries = [];
  for (const [i, e] of entries.entries()) {
    const no = i + 1;
    const rel = `entries/${pad(no)}.json`;
    const leafIndex = e.leaf_index ?? -1;
    const sha = await writeJson(root, rel, {
      leafIndex,
      kind: e.kind,
      agencyId: e.agency_id,
      caseId: e.case_id,
      subjectType: e.subject_type,
      subjectId: e.subject_id,
      actor: {
        userId: e.actor_user_id,
        name: e.actor_name,
        ip: e.actor_ip,
        userAgent: e.actor_user_agent,
      },
      recordedAt: e.recorded_at.toISOString(),
      payloadHash: e.payload_hash,
      prevHash: e.prev_hash,
      entryHash: e.entry_hash,
      payload: e.payload,
    });
    const proof = await inclusionProof(nodes, leafIndex, head.treeSize, sm3);
    manifestEntries.push({
      no,
      seq: leafIndex,
      path: rel,
      sm3: sha,
      entryHash: e.entry_hash,
      proof: proof.map(toHex),
    });
  }

  const evidence = await repo.evidence(db, options.caseId);
  const manifestFiles = [];
  for (const [i, ev] of evidence.entries()) {
    if (ev.sm3 === null || ev.size === null) continue; // an AV exemption: metadata only
    const no = i + 1;
    const disposed = ev.register_no === null ? null : { registerNo: Number(ev.register_no) };
    const rel = `files/${pad(no)}-${ev.id}${EXTENSIONS[ev.content_type ?? ''] ?? '.bin'}`;
    if (!disposed) {
      await fs.mkdir(path.join(root, 'files'), { recursive: true });
      const hash = createHash('sm3');
      const source = blobs.openRead(ev.sm3);
      source.on('data', (chunk: Buffer) => hash.update(chunk));
      await pipeline(source, createWriteStream(path.join(root, rel), { flags: 'wx' }));
      if (hash.digest('hex') !== ev.sm3) throw new Error(`证据文件 ${ev.sm3} 已损坏，导出中止`);
    }
    manifestFiles.push({
      no,
      evidenceId: ev.id,
      path: disposed ? null : rel,
      originalName: ev.original_name,
      contentType: ev.content_type,
      size: Number(ev.size),
      sm3: ev.sm3,
      sha256: ev.sha256,
      entrySeq: Number(ev.ledger_seq),
      disposed,
    });
  }

  const metadata = [
    {
      path: 'metadata/case.json',
      sm3: await writeJson(root, 'metadata/case.json', {
        caseId: kase.id,
        caseNo: kase.case_no,
        agencyId: kase.agency_id,
        agencyName: kase.agency_name,
        kind: kase.kind,
        procedure: kase.procedure,
        state: kase.state,
        title: kase.title,
        facts: kase.facts,
        filedOn: kase.filed_on,
        decidedOn: kase.decided_on,
        closedOn: kase.closed_on,
        archivedOn: kase.archived_on,
        parties: (await repo.parties(db, options.caseId)).map((p) => ({
          kind: p.kind,
          name: p.name,
          creditCode: p.credit_code,
          legalRepresentative: p.legal_representative,
        })),
      }),
    },
    {
      path: 'metadata/evidence.json',
      sm3: await writeJson(
        root,
        'metadata/evidence.json',
        evidence.map((ev) => ({
          evidenceId: ev.id,
          step: ev.step,
          kind: ev.kind,
          originalName: ev.original_name,
          contentType: ev.content_type,
          size: ev.size === null ? null : Number(ev.size),
          sm3: ev.sm3,
          sha256: ev.sha256,
          recordedAt: ev.recorded_at?.toISOString() ?? null,
          uploadedAt: ev.uploaded_at.toISOString(),
          entrySeq: Number(ev.ledger_seq),
          disposedRegisterNo: ev.register_no === null ? null : Number(ev.register_no),
        })),
      ),
    },
  ];

  await writeJson(root, 'tree-head.json', head);
  await fs.writeFile(path.join(root, 'public-key.pem'), key.publicKeyPem, { flag: 'wx' });
  if (options.verifierSource) {
    await fs.copyFile(options.verifierSource, path.join(root, 'verify-archive.mjs'));
  }
  const manifest = {
    format: PACKAGE_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    case: { id: kase.id, caseNo: kase.case_no, agencyName: kase.agency_name },
    hashAlgorithms: ['SM3', 'SHA-256'],
    treeHead: 'tree-head.json',
    publicKey: 'public-key.pem',
    verifier: options.verifierSource ? 'verify-archive.mjs' : null,
    metadata,
    entries: manifestEntries,
    files: manifestFiles,
  };
  const manifestSm3 = await writeJson(root, 'manifest.json', manifest);
  const sealMessage = Buffer.from(
    canonicalJson({ type: SEAL_TYPE, v: 1, manifestSm3, keyId: key.keyId }),
    'utf8',
  );
  await writeJson(root, 'seal.json', {
    type: SEAL_TYPE,
    v: 1,
    manifestSm3,
    keyId: key.keyId,
    algorithm: 'SM2-with-SM3',
    signature: sm2Sign(sealMessage, key.privateKey).toString('base64'),
  });
  // Verify the written bytes once more before reporting success.
  for (const file of manifestFiles) {
    if (!file.path) continue;
    const hash = createHash('sm3');
    for await (const chunk of createReadStream(path.join(root, file.path))) {
      hash.update(chunk as Buffer);
    }
    if (hash.digest('hex') !== file.sm3) throw new Error(`写入的文件与哈希不符：${file.path}`);
  }
  return {
    dir: root,
    entries: manifestEntries.length,
    files: manifestFiles.filter((f) => f.path).length,
    disposed: manifestFiles.filter((f) => f.disposed).length,
    treeSize: head.treeSize,
  };
}
