// Signed tree heads: the documented message, verification by an outsider with the OpenSSL
// command line, and refusal of every altered or untrusted head.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sm3, toHex } from './hash.ts';
import { generateSm2KeyPair, sm2KeyId } from './sm2.ts';
import { signTreeHead, treeHeadMessage, verifyTreeHead, type SignedTreeHead } from './tree-head.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-sth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signer = generateSm2KeyPair();
const rootHash = toHex(sm3('root'));
const timestamp = '2026-11-21T08:00:00.123Z';

function sign(treeSize = 42): SignedTreeHead {
  return signTreeHead({ treeSize, rootHash, timestamp }, signer);
}

describe('signed tree heads', () => {
  it('signs the documented canonical message', () => {
    const head = sign();
    expect(head).toMatchObject({
      treeSize: 42,
      rootHash,
      timestamp,
      keyId: sm2KeyId(signer.publicKey),
      algorithm: 'SM2-with-SM3',
      publicKey: signer.publicKey.toPem(),
    });
    expect(treeHeadMessage(head).toString('utf8')).toBe(
      `{"keyId":"${head.keyId}","rootHash":"${rootHash}","timestamp":"${timestamp}",` +
        `"treeSize":42,"type":"sanxiang-ledger-tree-head","v":1}`,
    );
    expect(verifyTreeHead(head, [signer.publicKey])).toEqual({ ok: true, keyId: head.keyId });
  });

  it('can be verified by an outsider with OpenSSL alone, as the doc comment says', () => {
    const head = sign(7);
    const json = `{"keyId":"${head.keyId}","rootHash":"${head.rootHash}","timestamp":"${head.timestamp}","treeSize":${head.treeSize},"type":"sanxiang-ledger-tree-head","v":1}`;
    const files = { msg: 'head.msg', sig: 'head.sig', pub: 'head.pub.pem' };
    writeFileSync(path.join(dir, files.msg), json);
    writeFileSync(path.join(dir, files.sig), Buffer.from(head.signature, 'base64'));
    writeFileSync(path.join(dir, files.pub), head.publicKey);
    const verify = (msg: string) =>
      spawnSync(
        'openssl',
        [
          ...['pkeyutl', '-verify', '-pubin', '-inkey', files.pub, '-rawin', '-in', msg],
          ...['-sigfile', files.sig, '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'],
        ],
        { cwd: dir },
      );
    const good = verify(files.msg);
    expect(good.error).toBeUndefined();
    expect(good.status).toBe(0);
    writeFileSync(path.join(dir, 'other.msg'), json.replace('"treeSize":7', '"treeSize":8'));
    expect(verify('other.msg').status).toBe(1);
  });

  it('uses the current time when none is given, in UTC with milliseconds', () => {
    const before = Date.now();
    const head = signTreeHead({ treeSize: 0, rootHash: sm3('') }, signer);
    expect(head.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(head.timestamp)).toBeGreaterThanOrEqual(before);
    expect(head.rootHash).toBe(toHex(sm3('')));
    expect(verifyTreeHead(head, [signer]).ok).toBe(true);
  });

  it('refuses every altered field', () => {
    const head = sign();
    const flipHex = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
    const altered: [string, unknown][] = [
      ['treeSize', { ...head, treeSize: 43 }],
      ['rootHash', { ...head, rootHash: flipHex(head.rootHash) }],
      ['timestamp', { ...head, timestamp: '2026-11-21T08:00:00.124Z' }],
      ['signature', { ...head, signature: Buffer.from('x').toString('base64') }],
    ];
    for (const [what, candidate] of altered) {
      expect(verifyTreeHead(candidate, [signer.publicKey]), what).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    }
    const bytes = Buffer.from(head.signature, 'base64');
    for (let bit = 0; bit < bytes.length * 8; bit += 5) {
      const flipped = Buffer.from(bytes);
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      const candidate = { ...head, signature: flipped.toString('base64') };
      expect(verifyTreeHead(candidate, [signer.publicKey]).ok, `bit ${bit}`).toBe(false);
    }
  });

  it('refuses untrusted keys and a head carrying another key', () => {
    const head = sign();
    const stranger = generateSm2KeyPair();
    expect(verifyTreeHead(head, [])).toEqual({ ok: false, reason: 'unknown-key' });
    expect(verifyTreeHead(head, [stranger.publicKey])).toEqual({
      ok: false,
      reason: 'unknown-key',
    });
    // Signed by a stranger who claims the trusted key id.
    const forged = signTreeHead({ treeSize: 42, rootHash, timestamp }, stranger);
    const claimed = { ...forged, keyId: head.keyId };
    expect(verifyTreeHead(claimed, [signer.publicKey])).toEqual({
      ok: false,
      reason: 'public-key-mismatch',
    });
    const withoutKey: Partial<SignedTreeHead> = { ...claimed };
    delete withoutKey.publicKey;
    expect(verifyTreeHead(withoutKey, [signer.publicKey])).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    // Several trusted keys (before and after a rotation): the right one is found by key id.
    expect(verifyTreeHead(head, [stranger.publicKey, signer]).ok).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'head'],
    ['a negative size', { treeSize: -1 }],
    ['a fractional size', { treeSize: 1.5 }],
    ['an uppercase root', { rootHash: rootHash.toUpperCase() }],
    ['a short root', { rootHash: rootHash.slice(2) }],
    ['a local time', { timestamp: '2026-11-21T16:00:00.123+08:00' }],
    ['no milliseconds', { timestamp: '2026-11-21T08:00:00Z' }],
    ['an impossible date', { timestamp: '2026-02-30T08:00:00.000Z' }],
    ['another algorithm', { algorithm: 'ECDSA-with-SHA256' }],
    ['a bad key id', { keyId: 'abc' }],
    ['signature not base64', { signature: '***' }],
    ['a public key that is not PEM', { publicKey: 'key' }],
  ])('refuses a head with %s as malformed', (_what, change) => {
    const candidate =
      change === null || typeof change === 'string' ? change : { ...sign(), ...change };
    expect(verifyTreeHead(candidate, [signer.publicKey])).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses to sign what it could not verify', () => {
    expect(() => signTreeHead({ treeSize: -1, rootHash }, signer)).toThrow(/treeSize/);
    expect(() => signTreeHead({ treeSize: 1, rootHash: 'ab' }, signer)).toThrow(/rootHash/);
    expect(() => signTreeHead({ treeSize: 1, rootHash, timestamp: '2026-11-21' }, signer)).toThrow(
      /timestamp/,
    );
  });
});
