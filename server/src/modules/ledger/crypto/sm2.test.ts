// SM2 (GB/T 32918.2) interoperability: our signatures against the OpenSSL command line and
// sm-crypto in both directions, with the default and a custom distinguishing ID, plus the
// known-answer vector and key formats. The OpenSSL CLI is required (present on developer
// machines and in CI): when it is missing these tests fail, they do not skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import smCrypto from 'sm-crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from './hash.ts';
import {
  SM2_CURVE,
  SM2_DEFAULT_ID,
  Sm2PrivateKey,
  Sm2PublicKey,
  decodeSm2Signature,
  generateSm2KeyPair,
  sm2KeyId,
  sm2Sign,
  sm2SignWithNonceForKnownAnswerTest,
  sm2Verify,
} from './sm2.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-sm2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCounter = 0;

function file(content: string | Uint8Array): string {
  const name = path.join(dir, `f${fileCounter++}`);
  writeFileSync(name, content);
  return name;
}

function openssl(args: string[]): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('openssl', args);
  if (result.error) throw result.error; // ENOENT: the CLI is missing, and that is a failure
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString() };
}

/** `openssl pkeyutl -verify` over the raw message with SM3 and the given ID. */
function opensslVerifies(publicPem: string, message: Uint8Array, sig: Uint8Array, id: string) {
  return openssl([
    ...['pkeyutl', '-verify', '-pubin', '-inkey', file(publicPem), '-rawin'],
    ...['-in', file(message), '-sigfile', file(sig), '-digest', 'sm3'],
    ...['-pkeyopt', `distid:${id}`],
  ]).ok;
}

function opensslSigns(privatePem: string, message: Uint8Array, id: string): Buffer {
  const out = path.join(dir, `sig${fileCounter++}`);
  const result = openssl([
    ...['pkeyutl', '-sign', '-inkey', file(privatePem), '-rawin', '-in', file(message)],
    ...['-digest', 'sm3', '-pkeyopt', `distid:${id}`, '-out', out],
  ]);
  expect(result.stderr).toBe('');
  expect(result.ok).toBe(true);
  return readFileSync(out);
}

/** A hex field of `openssl ecparam -text` output: the indented `aa:bb:…` lines after label. */
function opensslCurveField(text: string, label: string): bigint {
  const lines = text
    .slice(text.indexOf(label) + label.length)
    .split('\n')
    .slice(1);
  const hex: string[] = [];
  for (const line of lines) {
    if (!/^\s+[0-9a-f:]+$/.test(line)) break;
    hex.push(line.replace(/[\s:]/g, ''));
  }
  return BigInt(`0x${hex.join('')}`);
}

const CUSTOM_ID = 'ALICE123@YAHOO.COM';
const message = Buffer.from('{"v":1,"treeSize":42,"rootHash":"…"}', 'utf8');

describe('SM2 curve and known-answer vector', () => {
  it('uses the curve OpenSSL knows as SM2', () => {
    const text = execFileSync('openssl', [
      ...['ecparam', '-name', 'SM2', '-param_enc', 'explicit', '-text', '-noout'],
    ]).toString();
    const field = (label: string) => opensslCurveField(text, label);
    expect(field('Prime:')).toBe(SM2_CURVE.p);
    expect(field('A:')).toBe(SM2_CURVE.a);
    expect(field('B:')).toBe(SM2_CURVE.b);
    expect(field('Order:')).toBe(SM2_CURVE.n);
    const generator = field('Generator (uncompressed):').toString(16);
    expect(generator).toBe(`4${SM2_CURVE.Gx.toString(16)}${SM2_CURVE.Gy.toString(16)}`);
  });

  it('reproduces the GM/T 0003.5-2012 Annex A signature (as in OpenSSL sm2_internal_test.c)', () => {
    // Vector from openssl/openssl test/sm2_internal_test.c, sm2_sig_test, "From Annex A in both
    // GM/T0003.5-2012 and GB/T 32918.5-2016", with the default ID 1234567812345678.
    const key = new Sm2PrivateKey(
      0x3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8n,
    );
    const k = 0x59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21n;
    const digestMessage = Buffer.from('message digest');
    const signature = sm2SignWithNonceForKnownAnswerTest(digestMessage, key, k);
    expect(decodeSm2Signature(signature)).toEqual({
      r: 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n,
      s: 0xb1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aan,
    });
    expect(sm2Verify(digestMessage, signature, key.publicKey)).toBe(true);
    expect(sm2Verify(digestMessage, signature, key.publicKey, { id: CUSTOM_ID })).toBe(false);
    // OpenSSL agrees on the same signature from its own parse of our key.
    expect(opensslVerifies(key.publicKey.toPem(), digestMessage, signature, SM2_DEFAULT_ID)).toBe(
      true,
    );
  });
});

describe('SM2 interoperability with the OpenSSL command line', () => {
  it.each([SM2_DEFAULT_ID, CUSTOM_ID, '执法记录'])('ours signs, OpenSSL verifies (ID %s)', (id) => {
    const { privateKey, publicKey } = generateSm2KeyPair();
    const signature = sm2Sign(message, privateKey, { id });
    expect(opensslVerifies(publicKey.toPem(), message, signature, id)).toBe(true);
    expect(opensslVerifies(publicKey.toPem(), message, signature, `${id}x`)).toBe(false);
    const otherMessage = Buffer.concat([message, Buffer.from(' ')]);
    expect(opensslVerifies(publicKey.toPem(), otherMessage, signature, id)).toBe(false);
  });

  it('signs with the default ID unless told otherwise (OpenSSL fails without distid)', () => {
    const { privateKey, publicKey } = generateSm2KeyPair();
    const signature = sm2Sign(message, privateKey);
    expect(opensslVerifies(publicKey.toPem(), message, signature, SM2_DEFAULT_ID)).toBe(true);
    const withoutId = openssl([
      ...['pkeyutl', '-verify', '-pubin', '-inkey', file(publicKey.toPem()), '-rawin'],
      ...['-in', file(message), '-sigfile', file(signature), '-digest', 'sm3'],
    ]);
    expect(withoutId.ok).toBe(false);
  });

  it.each([SM2_DEFAULT_ID, CUSTOM_ID])('OpenSSL signs, ours verifies (ID %s)', (id) => {
    const keyPem = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2']);
    expect(keyPem.ok).toBe(true);
    const privateKey = Sm2PrivateKey.fromPem(keyPem.stdout.toString());
    const publicPem = openssl(['pkey', '-in', file(keyPem.stdout), '-pubout']).stdout.toString();
    const publicKey = Sm2PublicKey.fromPem(publicPem);
    expect(publicKey.equals(privateKey.publicKey)).toBe(true);
    const signature = opensslSigns(keyPem.stdout.toString(), message, id);
    expect(sm2Verify(message, signature, publicKey, { id })).toBe(true);
    expect(sm2Verify(message, signature, publicKey, { id: `${id}x` })).toBe(false);
    expect(sm2Verify(Buffer.from('other'), signature, publicKey, { id })).toBe(false);
  });

  it('writes keys OpenSSL reads, and reads every form OpenSSL writes', () => {
    const { privateKey, publicKey } = generateSm2KeyPair();
    const pkcs8 = privateKey.toPkcs8Pem();
    // OpenSSL derives the same public key from our PKCS#8 and writes the same SPKI.
    const derived = openssl(['pkey', '-in', file(pkcs8), '-pubout']);
    expect(derived.ok).toBe(true);
    expect(derived.stdout.toString()).toBe(publicKey.toPem());
    // OpenSSL's own PKCS#8 and SEC1 ("SM2 PRIVATE KEY") forms of our key read back equal.
    const reWritten = openssl(['pkey', '-in', file(pkcs8)]).stdout.toString();
    expect(Sm2PrivateKey.fromPem(reWritten).publicKey.equals(publicKey)).toBe(true);
    const sec1 = openssl(['ec', '-in', file(pkcs8)]);
    expect(sec1.stdout.toString()).toMatch(/^-----BEGIN (SM2|EC) PRIVATE KEY-----/);
    expect(Sm2PrivateKey.fromPem(sec1.stdout.toString()).publicKey.equals(publicKey)).toBe(true);
    expect(Sm2PublicKey.fromPem(publicKey.toPem()).equals(publicKey)).toBe(true);
    expect(Sm2PublicKey.fromHex(publicKey.toHex()).equals(publicKey)).toBe(true);
  });
});

describe('SM2 cross-check with sm-crypto (an independent implementation)', () => {
  it.each([SM2_DEFAULT_ID, CUSTOM_ID])('both directions (ID %s)', (id) => {
    for (let i = 0; i < 5; i++) {
      const { privateKey, publicKey } = generateSm2KeyPair();
      const ours = sm2Sign(message, privateKey, { id });
      const options = { der: true, hash: true, userId: id };
      expect(
        smCrypto.sm2.doVerifySignature(message, ours.toString('hex'), publicKey.toHex(), options),
      ).toBe(true);

      const theirKeys = smCrypto.sm2.generateKeyPairHex();
      const theirs = smCrypto.sm2.doSignature(message, theirKeys.privateKey, options);
      const theirPublic = Sm2PublicKey.fromHex(theirKeys.publicKey);
      expect(sm2Verify(message, Buffer.from(theirs, 'hex'), theirPublic, { id })).toBe(true);
      expect(sm2Verify(message, Buffer.from(theirs, 'hex'), theirPublic, { id: 'x' })).toBe(false);
      // The same scalar gives the same public key in both.
      const imported = new Sm2PrivateKey(BigInt(`0x${theirKeys.privateKey}`));
      expect(imported.publicKey.toHex()).toBe(theirKeys.publicKey);
    }
  });
});

describe('SM2 refusals', () => {
  const { privateKey, publicKey } = generateSm2KeyPair();
  const signature = sm2Sign(message, privateKey);
  const { r, s } = decodeSm2Signature(signature) ?? { r: 0n, s: 0n };
  const der = (...ints: string[]) =>
    Buffer.from(
      `30${(ints.join('').length / 2).toString(16).padStart(2, '0')}${ints.join('')}`,
      'hex',
    );
  const int = (v: bigint, pad = '') => {
    let hex = pad + v.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
    return `02${(hex.length / 2).toString(16).padStart(2, '0')}${hex}`;
  };

  it('accepts the genuine signature and refuses every malformed one', () => {
    expect(sm2Verify(message, signature, publicKey)).toBe(true);
    expect(sm2Verify(message, der(int(r), int(s)), publicKey)).toBe(true);
    const bad: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['truncated', signature.subarray(0, signature.length - 1)],
      ['trailing byte', Buffer.concat([signature, Buffer.from([0])])],
      ['non-minimal r', der(int(r, '0000'), int(s))],
      ['r = 0', der(int(0n), int(s))],
      ['s = 0', der(int(r), int(0n))],
      ['r = n', der(int(SM2_CURVE.n), int(s))],
      ['s + n', der(int(r), int(s + SM2_CURVE.n))],
      ['r and s swapped', der(int(s), int(r))],
      ['three integers', der(int(r), int(s), int(1n))],
      [
        'raw r || s',
        Buffer.from(r.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0'), 'hex'),
      ],
    ];
    for (const [what, candidate] of bad) {
      expect(sm2Verify(message, candidate, publicKey), what).toBe(false);
    }
    for (let bit = 0; bit < signature.length * 8; bit += 7) {
      const flipped = Buffer.from(signature);
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(sm2Verify(message, flipped, publicKey), `bit ${bit}`).toBe(false);
    }
    expect(sm2Verify(message, signature, generateSm2KeyPair().publicKey)).toBe(false);
  });

  it('refuses keys that are not SM2 or not on the curve', () => {
    expect(() => Sm2PublicKey.fromHex(`04${'00'.repeat(64)}`)).toThrow();
    expect(() => new Sm2PublicKey(publicKey.x, publicKey.y + 1n)).toThrow();
    expect(() => new Sm2PrivateKey(0n)).toThrow(/range/);
    expect(() => new Sm2PrivateKey(SM2_CURVE.n - 1n)).toThrow(/range/);
    const p256 = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    expect(() => Sm2PrivateKey.fromPem(p256.stdout.toString())).toThrow(/SM2 curve/);
    expect(() => Sm2PrivateKey.fromPem(publicKey.toPem())).toThrow(/PRIVATE KEY/);
    expect(() => Sm2PublicKey.fromPem(privateKey.toPkcs8Pem())).toThrow(/PUBLIC KEY/);
  });

  it('never shows the private scalar when a key is logged', () => {
    const pem = privateKey.toPkcs8Pem();
    const scalarHex = /0420([0-9a-f]{64})/.exec(
      Buffer.from(pem.replace(/-----[^-]+-----|\n/g, ''), 'base64').toString('hex'),
    )?.[1];
    expect(scalarHex).toMatch(/^[0-9a-f]{64}$/);
    for (const shown of [
      JSON.stringify(privateKey),
      inspect(privateKey),
      inspect({ privateKey }),
    ]) {
      expect(shown).not.toContain(scalarHex);
      expect(shown).not.toContain(BigInt(`0x${scalarHex}`).toString());
    }
  });

  it('derives a stable 16-byte key id from the SPKI', () => {
    expect(sm2KeyId(publicKey)).toMatch(/^[0-9a-f]{32}$/);
    expect(sm2KeyId(Sm2PublicKey.fromPem(publicKey.toPem()))).toBe(sm2KeyId(publicKey));
    expect(sm2KeyId(generateSm2KeyPair().publicKey)).not.toBe(sm2KeyId(publicKey));
    expect(
      toHex(publicKey.toDer()).startsWith('3059301306072a8648ce3d020106082a811ccf5501822d'),
    ).toBe(true);
  });
});
