// Key management on a real temporary data directory: permissions, reuse, production rules,
// rotation keeping old public keys trusted.
import { mkdtempSync, rmSync } from 'node:fs';
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sm3 } from './hash.ts';
import {
  keysDirectory,
  listPrivateKeyIds,
  listTrustedPublicKeys,
  loadOrCreateSigningKey,
  rotateSigningKey,
} from './keys.ts';
import { generateSm2KeyPair, sm2KeyId } from './sm2.ts';
import { signTreeHead, verifyTreeHead } from './tree-head.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-keys-'));
  made.push(dir);
  return dir;
}

const mode = async (file: string) => (await stat(file)).mode & 0o777;
const development = (dir: string) => ({ dataDir: dir, isProduction: false });

describe('ledger signing key', () => {
  it('is generated on first use with tight permissions and reused afterwards', async () => {
    const dir = dataDir();
    const first = await loadOrCreateSigningKey(development(dir));
    expect(first.source).toBe('file');
    expect(first.keyId).toBe(sm2KeyId(first.publicKey));
    const keys = keysDirectory(dir);
    expect(await mode(keys)).toBe(0o700);
    const privatePath = path.join(keys, `ledger-sm2-${first.keyId}.pem`);
    expect(await mode(privatePath)).toBe(0o600);
    expect(await readFile(privatePath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await readFile(path.join(keys, `ledger-sm2-${first.keyId}.pub.pem`), 'utf8')).toBe(
      first.publicKeyPem,
    );
    expect((await readdir(keys)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);

    const again = await loadOrCreateSigningKey(development(dir));
    expect(again.keyId).toBe(first.keyId);
    expect(again.publicKey.equals(first.publicKey)).toBe(true);
    expect(await listPrivateKeyIds(dir)).toEqual([first.keyId]);
  });

  it('gives concurrent first starts one key', async () => {
    const dir = dataDir();
    const keys = await Promise.all(
      [1, 2, 3, 4].map(() => loadOrCreateSigningKey(development(dir))),
    );
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
    expect(await listPrivateKeyIds(dir)).toEqual([keys[0]?.keyId]);
    expect((await listTrustedPublicKeys(dir)).map((key) => key.keyId)).toEqual([keys[0]?.keyId]);
  });

  it('tightens a keys directory that was created too open', async () => {
    const dir = dataDir();
    await loadOrCreateSigningKey(development(dir));
    await chmod(keysDirectory(dir), 0o755);
    await loadOrCreateSigningKey(development(dir));
    expect(await mode(keysDirectory(dir))).toBe(0o700);
  });

  it('refuses a private key file that others can read', async () => {
    const dir = dataDir();
    const key = await loadOrCreateSigningKey(development(dir));
    await chmod(path.join(keysDirectory(dir), `ledger-sm2-${key.keyId}.pem`), 0o644);
    await expect(loadOrCreateSigningKey(development(dir))).rejects.toThrow(/chmod 600/);
  });

  it('requires a configured key in production and records its public key', async () => {
    const dir = dataDir();
    await expect(loadOrCreateSigningKey({ dataDir: dir, isProduction: true })).rejects.toThrow(
      /must come from configuration/,
    );
    expect(await listPrivateKeyIds(dir)).toEqual([]);
    const configured = generateSm2KeyPair().privateKey;
    const key = await loadOrCreateSigningKey({
      dataDir: dir,
      isProduction: true,
      configuredPrivateKeyPem: configured.toPkcs8Pem(),
    });
    expect(key.source).toBe('configured');
    expect(key.publicKey.equals(configured.publicKey)).toBe(true);
    // Only the public key lands in the data directory.
    expect(await listPrivateKeyIds(dir)).toEqual([]);
    expect((await listTrustedPublicKeys(dir)).map((k) => k.keyId)).toEqual([key.keyId]);
    await expect(
      loadOrCreateSigningKey({ dataDir: dir, isProduction: true, configuredPrivateKeyPem: 'x' }),
    ).rejects.toThrow(/configured ledger signing key is not a usable SM2 key/);
  });

  it('rotates: new key signs, the old private key is gone, old heads still verify', async () => {
    const dir = dataDir();
    const old = await loadOrCreateSigningKey(development(dir));
    const oldHead = signTreeHead({ treeSize: 3, rootHash: sm3('three') }, old);
    const next = await rotateSigningKey(dir);
    expect(next.keyId).not.toBe(old.keyId);
    expect(await listPrivateKeyIds(dir)).toEqual([next.keyId]);
    expect((await loadOrCreateSigningKey(development(dir))).keyId).toBe(next.keyId);
    const trusted = await listTrustedPublicKeys(dir);
    expect(trusted.map((key) => key.keyId).sort()).toEqual([old.keyId, next.keyId].sort());
    const newHead = signTreeHead({ treeSize: 4, rootHash: sm3('four') }, next);
    expect(newHead.keyId).toBe(next.keyId);
    expect(verifyTreeHead(oldHead, trusted)).toEqual({ ok: true, keyId: old.keyId });
    expect(verifyTreeHead(newHead, trusted)).toEqual({ ok: true, keyId: next.keyId });
  });

  it('refuses a trusted-key file whose content is not the key its name says', async () => {
    const dir = dataDir();
    const key = await loadOrCreateSigningKey(development(dir));
    const stranger = generateSm2KeyPair().publicKey;
    await writeFile(
      path.join(keysDirectory(dir), `ledger-sm2-${key.keyId}.pub.pem`),
      stranger.toPem(),
    );
    await expect(listTrustedPublicKeys(dir)).rejects.toThrow(/does not hold the key/);
    expect(await listTrustedPublicKeys(dataDir())).toEqual([]);
  });
});
