// The ledger's SM2 signing key and the public keys tree heads are verified against.
//
// Files, in <dataDir>/keys/ (mode 0700):
//   ledger-sm2-<keyId>.pem       the private key, PKCS#8 PEM, mode 0600 — only the current one
//   ledger-sm2-<keyId>.pub.pem   every public key ever used, SPKI PEM, never deleted, so tree
//                                heads signed before a rotation still verify
//   current                      the key id of the private key in use
//
// Development generates a key on first use and reuses it. Production takes the key from
// configuration (a key sitting in the data directory is exactly what an operator must not
// rely on there) and only records its public key here. Rotation with file-managed keys is
// rotateSigningKey; with a configured key it is a configuration change.
import { randomBytes } from 'node:crypto';
import {
  chmod,
  link,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import { Sm2PrivateKey, Sm2PublicKey, generateSm2KeyPair, sm2KeyId } from './sm2.ts';

export interface SigningKey {
  keyId: string;
  privateKey: Sm2PrivateKey;
  publicKey: Sm2PublicKey;
  /** SPKI PEM: what GET /api/ledger/head publishes as `publicKey`. */
  publicKeyPem: string;
  source: 'configured' | 'file';
}

export interface TrustedPublicKey {
  keyId: string;
  publicKey: Sm2PublicKey;
  publicKeyPem: string;
}

const PRIVATE_FILE = /^ledger-sm2-([0-9a-f]{32})\.pem$/;
const PUBLIC_FILE = /^ledger-sm2-([0-9a-f]{32})\.pub\.pem$/;
const CURRENT = 'current';

export function keysDirectory(dataDir: string): string {
  return path.join(dataDir, 'keys');
}

const privateFile = (keyId: string) => `ledger-sm2-${keyId}.pem`;
const publicFile = (keyId: string) => `ledger-sm2-${keyId}.pub.pem`;

function describeKey(privateKey: Sm2PrivateKey, source: SigningKey['source']): SigningKey {
  const publicKey = privateKey.publicKey;
  return {
    keyId: sm2KeyId(publicKey),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.toPem(),
    source,
  };
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function isAlreadyThere(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EEXIST';
}

/** The keys directory, created or tightened to 0700 (mkdir's mode passes through the umask
 *  and does nothing to a directory that already exists). */
async function ensureKeysDirectory(dataDir: string): Promise<string> {
  const dir = keysDirectory(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  return dir;
}

/** Writes a new file durably under a temporary name; the caller then links it into place. */
async function writeTemporary(dir: string, content: string, mode: number): Promise<string> {
  const temporary = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/** Creates file with content unless it exists; true when this call created it. */
async function createExclusive(dir: string, name: string, content: string, mode: number) {
  const temporary = await writeTemporary(dir, content, mode);
  try {
    // link() fails if the target exists, unlike rename(): first writer wins, atomically.
    await link(temporary, path.join(dir, name));
    return true;
  } catch (error) {
    if (isAlreadyThere(error)) return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}

async function replaceFile(dir: string, name: string, content: string, mode: number) {
  await rename(await writeTemporary(dir, content, mode), path.join(dir, name));
}

/** Records a public key as trusted (idempotent). */
async function rememberPublicKey(dir: string, key: SigningKey): Promise<void> {
  await createExclusive(dir, publicFile(key.keyId), key.publicKeyPem, 0o644);
}

async function readPrivateKeyFile(dir: string, keyId: string): Promise<SigningKey> {
  const file = path.join(dir, privateFile(keyId));
  const info = await stat(file);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new Error(
      `Ledger signing key ${file} is readable by others (mode ${(info.mode & 0o777).toString(8)}); ` +
        'restrict it with chmod 600',
    );
  }
  const key = describeKey(Sm2PrivateKey.fromPem(await readFile(file, 'utf8')), 'file');
  if (key.keyId !== keyId) throw new Error(`Ledger signing key ${file} does not match its name`);
  await rememberPublicKey(dir, key);
  return key;
}

/** The current file-managed key, or null when there is none yet. */
async function loadCurrentKey(dir: string): Promise<SigningKey | null> {
  let keyId: string;
  try {
    keyId = (await readFile(path.join(dir, CURRENT), 'utf8')).trim();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!/^[0-9a-f]{32}$/.test(keyId)) throw new Error(`${path.join(dir, CURRENT)} is damaged`);
  return readPrivateKeyFile(dir, keyId);
}

/** Writes a new key pair's files (private 0600, public); does not make it current. */
async function writeNewKey(dir: string): Promise<SigningKey> {
  const key = describeKey(generateSm2KeyPair().privateKey, 'file');
  await replaceFile(dir, privateFile(key.keyId), key.privateKey.toPkcs8Pem(), 0o600);
  await rememberPublicKey(dir, key);
  return key;
}

/**
 * The ledger signing key. With configuredPrivateKeyPem (PKCS#8 or SEC1 PEM of an SM2 key) that
 * key is used and its public key recorded as trusted; in production it is required. Otherwise
 * (development) the key in <dataDir>/keys is used, generated on first use.
 */
export async function loadOrCreateSigningKey(options: {
  dataDir: string;
  configuredPrivateKeyPem?: string | undefined;
  isProduction: boolean;
}): Promise<SigningKey> {
  const { dataDir, configuredPrivateKeyPem, isProduction } = options;
  if (configuredPrivateKeyPem !== undefined && configuredPrivateKeyPem.trim() !== '') {
    let privateKey: Sm2PrivateKey;
    try {
      privateKey = Sm2PrivateKey.fromPem(configuredPrivateKeyPem);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The configured ledger signing key is not a usable SM2 key: ${reason}`);
    }
    const key = describeKey(privateKey, 'configured');
    await rememberPublicKey(await ensureKeysDirectory(dataDir), key);
    return key;
  }
  if (isProduction) {
    throw new Error(
      'In production the ledger signing key must come from configuration: an SM2 private key ' +
        'in PEM (create one with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2`)',
    );
  }
  const dir = await ensureKeysDirectory(dataDir);
  const current = await loadCurrentKey(dir);
  if (current) return current;
  const created = await writeNewKey(dir);
  if (await createExclusive(dir, CURRENT, `${created.keyId}\n`, 0o600)) return created;
  // Another process created the first key at the same moment: use theirs, drop ours.
  await unlink(path.join(dir, privateFile(created.keyId)));
  await unlink(path.join(dir, publicFile(created.keyId)));
  const winner = await loadCurrentKey(dir);
  if (!winner) throw new Error('Ledger signing key vanished while being created');
  return winner;
}

/**
 * Replaces the file-managed signing key with a new one. The old private key is deleted — it must
 * sign nothing more — and its public key stays trusted for the heads it signed.
 */
export async function rotateSigningKey(dataDir: string): Promise<SigningKey> {
  const dir = await ensureKeysDirectory(dataDir);
  const previous = await loadCurrentKey(dir);
  const next = await writeNewKey(dir);
  await replaceFile(dir, CURRENT, `${next.keyId}\n`, 0o600);
  if (previous) await unlink(path.join(dir, privateFile(previous.keyId)));
  return next;
}

/** Every public key recorded in <dataDir>/keys, the current one included, by key id. */
export async function listTrustedPublicKeys(dataDir: string): Promise<TrustedPublicKey[]> {
  const dir = keysDirectory(dataDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const keys: TrustedPublicKey[] = [];
  for (const name of names.sort()) {
    const keyId = PUBLIC_FILE.exec(name)?.[1];
    if (keyId === undefined) continue;
    const publicKeyPem = await readFile(path.join(dir, name), 'utf8');
    const publicKey = Sm2PublicKey.fromPem(publicKeyPem);
    // A file whose content is not the key its name says is a tampered key directory.
    if (sm2KeyId(publicKey) !== keyId) throw new Error(`${name} does not hold the key ${keyId}`);
    keys.push({ keyId, publicKey, publicKeyPem });
  }
  return keys;
}

/** Key ids of private key files present (tests and diagnostics: there should be one). */
export async function listPrivateKeyIds(dataDir: string): Promise<string[]> {
  const names = await readdir(keysDirectory(dataDir)).catch((error: unknown) => {
    if (isNotFound(error)) return [];
    throw error;
  });
  return names.flatMap((name) => PRIVATE_FILE.exec(name)?.[1] ?? []).sort();
}
