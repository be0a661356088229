// The electronic seal: an SM2 signature (GB/T 32918, the ledger's own implementation) over a
// canonical statement that names the SM3 hash of the rendered PDF, the 文号 and the agency. The
// PDF is signed as rendered and served byte for byte, so anyone holding it can hash it and check
// the signature; the statement, signature and public key are stored with the version (write-once)
// and in the ledger entry of the issue.
//
// Key: the deployment's signing key (AppContext.signingKey, the one that signs ledger tree heads)
// seals on behalf of every agency; the statement names the agency, and the key id is recorded so
// a rotated key still verifies old instruments. Per-agency seal keys would need their own key
// custody (UKey/HSM); the statement format leaves room for it (keyId per version).
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';
import { fromHex, sm3, toHex } from '../ledger/crypto/hash.ts';
import type { SigningKey } from '../ledger/crypto/keys.ts';
import { Sm2PublicKey, sm2KeyId, sm2Sign, sm2Verify } from '../ledger/crypto/sm2.ts';

export interface SealStatement {
  type: 'sanxiang.instrument-seal';
  format: 1;
  instrumentId: string;
  versionId: string;
  version: number;
  agencyId: string;
  agencyName: string;
  kind: string;
  docNo: string;
  pdfSm3: string;
  docxSm3: string;
  issuedAt: string;
}

export interface Seal {
  payload: string;
  signature: string;
  keyId: string;
  publicKeyPem: string;
}

export function sm3Hex(bytes: Uint8Array): string {
  return toHex(sm3(bytes));
}

export function sealStatement(statement: SealStatement, key: SigningKey): Seal {
  const payload = canonicalJson(statement);
  return {
    payload,
    signature: toHex(sm2Sign(Buffer.from(payload, 'utf8'), key.privateKey)),
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
  };
}

export interface SealCheck {
  /** The signature is valid over the stored statement under the recorded key. */
  isSignatureValid: boolean;
  /** The recorded key id is the id of the recorded public key. */
  isKeyIdConsistent: boolean;
  /** SM3 of the bytes checked (the stored PDF or a file offered for checking). */
  pdfSm3: string | null;
  /** The checked bytes are the sealed PDF. */
  isPdfMatching: boolean | null;
}

export function checkSeal(seal: Seal & { pdfSm3: string }, pdf: Uint8Array | null): SealCheck {
  let isSignatureValid = false;
  let isKeyIdConsistent = false;
  try {
    const publicKey = Sm2PublicKey.fromPem(seal.publicKeyPem);
    isKeyIdConsistent = sm2KeyId(publicKey) === seal.keyId;
    const statement = JSON.parse(seal.payload) as Partial<SealStatement>;
    isSignatureValid =
      statement.pdfSm3 === seal.pdfSm3 &&
      sm2Verify(Buffer.from(seal.payload, 'utf8'), fromHex(seal.signature), publicKey);
  } catch {
    isSignatureValid = false;
  }
  const pdfSm3 = pdf ? sm3Hex(pdf) : null;
  return {
    isSignatureValid,
    isKeyIdConsistent,
    pdfSm3,
    isPdfMatching: pdfSm3 === null ? null : pdfSm3 === seal.pdfSm3,
  };
}
