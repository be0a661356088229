// The archive package: a clean export passes the offline 四性检测 (also as the copied-out,
// dependency-free verify-archive.mjs), and every tamper kind is named by the verifier.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERIFIER_SOURCE } from '../../cli/export-archive.command.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { insertTestCase, tusClient } from '../evidence/evidence.test-support.ts';
import { exportArchive } from './export.ts';
import { verifyArchive } from './verify-archive.mjs';

const t = await createDemoApp();
const db = t.handle.db;
const tus = tusClient(() => t.app, await t.login('officer1'));
const caseId = await insertTestCase(db, t.ids.agencies.market);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('....IHDR 现场照片'),
]);
const PDF = Buffer.from('%PDF-1.4\n询问笔录\n%%EOF\n');
for (const [name, bytes] of [
  ['现场照片.png', PNG],
  ['询问笔录.pdf', PDF],
] as const) {
  const created = await tus.create(
    caseId,
    bytes.length,
    { filename: name, step: 'investigate' },
    { body: bytes },
  );
  expect(created.status).toBe(201);
}

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-archive-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));
const clean = path.join(work, 'clean');
const exported = await exportArchive(db, t.ctx.blobs, t.ctx.signingKey, {
  caseId,
  outDir: clean,
  verifierSource: VERIFIER_SOURCE,
});

type Manifest = {
  entries: { path: string; proof: string[]; no: number }[];
  files: { path: string; contentType: string }[];
};

let copies = 0;
async function tampered(change: (dir: string, manifest: Manifest) => Promise<void> | void) {
  const dir = path.join(work, `copy-${++copies}`);
  await fs.cp(clean, dir, { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as Manifest;
  const before = JSON.stringify(manifest);
  await change(dir, manifest);
  if (JSON.stringify(manifest) !== before) {
    await fs.writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return verifyArchive(dir).problems.map((p) => p.kind);
}

async function flipByte(file: string, at: number) {
  const bytes = await fs.readFile(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  await fs.writeFile(file, bytes);
}

describe('archive package', () => {
  it('exports files, metadata, entries with proofs, the signed tree head and the key', async () => {
    expect(exported).toMatchObject({ files: 2, disposed: 0 });
    expect(exported.entries).toBeGreaterThanOrEqual(2);
    const names = await fs.readdir(clean);
    expect(names.sort()).toEqual(
      [
        'entries',
        'files',
        'manifest.json',
        'metadata',
        'public-key.pem',
        'seal.json',
        'tree-head.json',
        'verify-archive.mjs',
      ].sort(),
    );
    expect(verifyArchive(clean)).toMatchObject({ ok: true, problems: [], stats: { files: 2 } });
  });

  it('verifies itself with the copied-out verifier: plain Node, no database, no dependencies', async () => {
    const outside = path.join(work, 'verifier-alone.mjs');
    await fs.copyFile(path.join(clean, 'verify-archive.mjs'), outside);
    const run = spawnSync(process.execPath, [outside, clean], {
      encoding: 'utf8',
      cwd: os.tmpdir(),
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('四性检测通过');
    const trusted = path.join(work, 'trusted.pem');
    await fs.writeFile(trusted, t.ctx.signingKey.publicKeyPem);
    expect(
      spawnSync(process.execPath, [outside, clean, '--trusted-key', trusted], { encoding: 'utf8' })
        .status,
    ).toBe(0);
  });

  it('names an altered file', async () => {
    expect(
      await tampered((dir, m) => flipByte(path.join(dir, m.files[0]?.path ?? ''), 12)),
    ).toContain('file_altered');
  });

  it('names altered metadata', async () => {
    const kinds = await tampered(async (dir) => {
      const file = path.join(dir, 'metadata/case.json');
      const meta = JSON.parse(await fs.readFile(file, 'utf8')) as { title: string };
      meta.title = '被改过的案由';
      await fs.writeFile(file, JSON.stringify(meta, null, 2));
    });
    expect(kinds).toContain('metadata_altered');
  });

  it('names an altered ledger entry', async () => {
    const kinds = await tampered(async (dir, m) => {
      const file = path.join(dir, m.entries[0]?.path ?? '');
      const entry = JSON.parse(await fs.readFile(file, 'utf8')) as { payload: { size: number } };
      entry.payload.size += 1;
      await fs.writeFile(file, JSON.stringify(entry, null, 2));
    });
    expect(kinds).toContain('entry_altered');
  });

  it('names a removed entry as a gap in the numbering (and the broken seal)', async () => {
    const kinds = await tampered(async (dir, m) => {
      const [removed] = m.entries.splice(0, 1);
      await fs.rm(path.join(dir, removed?.path ?? ''));
    });
    expect(kinds).toEqual(expect.arrayContaining(['numbering_gap', 'manifest_altered']));
  });

  it('names a forged proof element', async () => {
    const kinds = await tampered((_, m) => {
      const entry = m.entries[0];
      if (entry)
        entry.proof = entry.proof.map((p, i) =>
          i === 0 ? `${p.slice(0, -1)}${p.endsWith('0') ? '1' : '0'}` : p,
        );
    });
    expect(kinds).toContain('proof_invalid');
  });

  it('names a forged tree head signature', async () => {
    const kinds = await tampered(async (dir) => {
      const file = path.join(dir, 'tree-head.json');
      const head = JSON.parse(await fs.readFile(file, 'utf8')) as { treeSize: number };
      head.treeSize += 1;
      await fs.writeFile(file, JSON.stringify(head, null, 2));
    });
    expect(kinds).toContain('tree_head_signature_invalid');
  });

  it('names an extra file', async () => {
    const kinds = await tampered((dir) =>
      fs.writeFile(path.join(dir, 'files', 'readme.exe'), 'MZ'),
    );
    expect(kinds).toEqual(['unexpected_file']);
  });

  it('names a path escape', async () => {
    const kinds = await tampered(async (dir, m) => {
      await fs.copyFile(path.join(dir, m.files[0]?.path ?? ''), path.join(work, 'outside.png'));
      const file = m.files[0];
      if (file) file.path = '../outside.png';
    });
    expect(kinds).toContain('path_escape');
  });

  it('names a file whose bytes are not of the declared type (usability)', async () => {
    const kinds = await tampered((_, m) => {
      const png = m.files.find((f) => f.contentType === 'image/png');
      if (png) png.contentType = 'application/pdf';
    });
    expect(kinds).toContain('format_mismatch');
  });
});

describe('archive package of a case with disposed evidence', () => {
  it('lists the disposed file with its register number, without its bytes, and still passes', async () => {
    const oldCase = await insertTestCase(db, t.ids.agencies.market);
    await db
      .updateTable('cases')
      .set({ state: 'closed', closed_on: '1990-01-01' })
      .where('id', '=', oldCase)
      .execute();
    const ids: string[] = [];
    for (const [name, bytes] of [
      ['旧照片.png', Buffer.concat([PNG, Buffer.from('旧')])],
      ['旧笔录.pdf', Buffer.from('%PDF-1.4\n旧笔录\n%%EOF\n')],
    ] as const) {
      const created = await tus.create(
        oldCase,
        bytes.length,
        { filename: name, step: 'investigate' },
        { body: bytes },
      );
      ids.push(created.headers['evidence-id'] as string);
    }
    const as = async (
      user: string,
      url: string,
      payload?: object,
    ): Promise<{ id: string; registerNo: number }> =>
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: await t.login(user) },
          ...(payload ? { payload } : {}),
        })
      ).json();
    const proposal = await as('archivist1', `/api/cases/${oldCase}/disposals`, {
      evidenceIds: [ids[0]],
      reason: '保管期限已满',
    });
    const approvals = `/api/cases/${oldCase}/disposals/${proposal.id}/approvals`;
    await as('head1', approvals);
    const done = await as('supervisor1', approvals);
    expect(done.registerNo).toBeGreaterThan(0);

    const dir = path.join(work, 'with-disposed');
    await exportArchive(db, t.ctx.blobs, t.ctx.signingKey, { caseId: oldCase, outDir: dir });
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
      files: { evidenceId: string; path: string | null; disposed: { registerNo: number } | null }[];
    };
    expect(manifest.files.find((f) => f.evidenceId === ids[0])).toMatchObject({
      path: null,
      disposed: { registerNo: done.registerNo },
    });
    const result = verifyArchive(dir);
    expect(result).toMatchObject({ ok: true, stats: { files: 1, disposed: 1 } });

    // Claiming another file disposed (and removing it) is caught even before the seal.
    const forged = path.join(work, 'forged-disposal');
    await fs.cp(dir, forged, { recursive: true });
    const other = manifest.files.find((f) => f.evidenceId === ids[1]);
    if (!other?.path) throw new Error('expected the second file');
    await fs.rm(path.join(forged, other.path));
    other.disposed = { registerNo: done.registerNo };
    other.path = null;
    await fs.writeFile(path.join(forged, 'manifest.json'), JSON.stringify(manifest, null, 2));
    expect(verifyArchive(forged).problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['disposal_unrecorded', 'manifest_altered']),
    );
  });
});
