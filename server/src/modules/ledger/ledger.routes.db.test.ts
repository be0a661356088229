// The public proof surface of API.md, checked the way an outsider would: with the RFC 9162
// verification algorithms against the signed head, and the head's signature with OpenSSL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { fromHex, sm3 } from './crypto/hash.ts';
import { verifyConsistency, verifyInclusion } from './crypto/merkle.ts';
import { treeHeadMessage, verifyTreeHead, type SignedTreeHead } from './crypto/tree-head.ts';
import { readWitness } from './ledger.heads.ts';

const t = await createDemoApp();

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
}

describe('ledger proofs', () => {
  it('publishes a signed head that verifies with our key and with the OpenSSL command line', async () => {
    const { status, body: head } = await get<SignedTreeHead>('/api/ledger/head');
    expect(status).toBe(200);
    expect(head.treeSize).toBeGreaterThan(20);
    expect(head.algorithm).toBe('SM2-with-SM3');
    expect(verifyTreeHead(head, [t.ctx.signingKey])).toEqual({ ok: true, keyId: head.keyId });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sth-'));
    fs.writeFileSync(path.join(dir, 'head.msg'), treeHeadMessage(head));
    fs.writeFileSync(path.join(dir, 'head.sig'), Buffer.from(head.signature, 'base64'));
    fs.writeFileSync(path.join(dir, 'head.pub.pem'), head.publicKey);
    const verify = (distid: string) =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'head.pub.pem',
          '-rawin',
          '-in',
          'head.msg',
          '-sigfile',
          'head.sig',
          '-digest',
          'sm3',
          '-pkeyopt',
          `distid:${distid}`,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
    expect(verify('1234567812345678')).toContain('Signature Verified Successfully');
    expect(() => verify('someone-else')).toThrow();
    fs.rmSync(dir, { recursive: true });

    // The head is also copied to the witness file, outside the database.
    expect(await readWitness(t.ctx.config.LEDGER_WITNESS_FILE)).toEqual(head);
  });

  it('proves every entry is included in the signed tree', async () => {
    const { body: head } = await get<SignedTreeHead>('/api/ledger/head');
    for (const index of [0, 1, head.treeSize >> 1, head.treeSize - 1]) {
      const { status, body } = await get<{ leafHash: string; auditPath: string[] }>(
        `/api/ledger/proof/inclusion?index=${index}&treeSize=${head.treeSize}`,
      );
      expect(status).toBe(200);
      const isIncluded = verifyInclusion(
        sm3,
        fromHex(body.leafHash),
        index,
        head.treeSize,
        body.auditPath.map(fromHex),
        fromHex(head.rootHash),
      );
      expect(isIncluded, `leaf ${index}`).toBe(true);
    }
    // The leaf hash is the entry's own hash: anyone holding an entry can find its proof.
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select('entry_hash')
      .where('leaf_index', '=', 1)
      .executeTakeFirstOrThrow();
    const { body } = await get<{ leafHash: string }>(
      `/api/ledger/proof/inclusion?index=1&treeSize=${head.treeSize}`,
    );
    expect(body.leafHash).toBe(entry.entry_hash);
  });

  it('proves a later head extends an earlier one', async () => {
    const { body: before } = await get<SignedTreeHead>('/api/ledger/head');
    const admin = await t.login('admin');
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${t.ids.agencies.market}`,
      headers: { cookie: admin },
      payload: { phone: '0632-4412399' },
    });
    expect(change.statusCode).toBe(200);
    const { body: after } = await get<SignedTreeHead>('/api/ledger/head');
    expect(after.treeSize).toBe(before.treeSize + 1);

    const { body } = await get<{ proof: string[] }>(
      `/api/ledger/proof/consistency?first=${before.treeSize}&second=${after.treeSize}`,
    );
    const args = [
      sm3,
      before.treeSize,
      after.treeSize,
      fromHex(before.rootHash),
      fromHex(after.rootHash),
    ] as const;
    expect(verifyConsistency(...args, body.proof.map(fromHex))).toBe(true);
    // A proof with a flipped bit or a missing element proves nothing.
    const flipped = body.proof.map(fromHex);
    const firstElement = flipped[0];
    if (!firstElement) throw new Error('a one-entry extension has a non-empty proof');
    firstElement.writeUInt8(firstElement.readUInt8(0) ^ 1, 0);
    expect(verifyConsistency(...args, flipped)).toBe(false);
    expect(verifyConsistency(...args, body.proof.slice(1).map(fromHex))).toBe(false);

    // Earlier heads stay retrievable by size.
    const { status, body: old } = await get<SignedTreeHead>(`/api/ledger/heads/${before.treeSize}`);
    expect(status).toBe(200);
    expect(old).toEqual(before);
  });

  it('refuses indexes and sizes outside the ledger with a stable code', async () => {
    const { body: head } = await get<SignedTreeHead>('/api/ledger/head');
    for (const url of [
      `/api/ledger/proof/inclusion?index=${head.treeSize}&treeSize=${head.treeSize}`,
      `/api/ledger/proof/inclusion?index=0&treeSize=${head.treeSize + 5}`,
      `/api/ledger/proof/consistency?first=5&second=3`,
    ]) {
      const { status, body } = await get<{ code: string }>(url);
      expect(status, url).toBe(422);
      expect(body.code).toBe('LEDGER_RANGE_INVALID');
    }
    const bad = await get<{ code: string }>('/api/ledger/proof/inclusion?index=-1&treeSize=x');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await get<{ code: string }>('/api/ledger/heads/999999')).body.code).toBe(
      'TREE_HEAD_NOT_FOUND',
    );
  });
});
