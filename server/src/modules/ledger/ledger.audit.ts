// Everything `sanxiang verify` checks, as one function the command and the tests share: the
// entries and tree (ledger.verify.ts), every stored signed tree head, and the witnesses — tree
// heads kept outside the database — against which a rollback shows.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withSnapshot, type Snapshot } from '../../db/snapshot.ts';
import type { TrustedPublicKey } from './crypto/keys.ts';
import { verifyTreeHead, type SignedTreeHead } from './crypto/tree-head.ts';
import { listTreeHeads } from './ledger.heads.ts';
import { READ_AHEAD } from './ledger.verify-read.ts';
import { verifyLedgerOn, type TreeHeadToCheck, type VerifyReport } from './ledger.verify.ts';

export interface Witness {
  head: SignedTreeHead;
  /** Where it came from, for the report (a file name). */
  origin: string;
}

/** A check of what the ledger vouches for but does not hold (evidence blobs), run after it. */
export type AuditCheck = (db: Kysely<Database>) => Promise<{ issues: VerifyReport['issues'] }>;

export interface AuditReport extends VerifyReport {
  treeHeadsChecked: number;
  /** The size of the largest tree head whose signature holds (0: none signed yet). */
  signedTreeSize: number;
  /** Entries not yet covered by a signed tree head: chained or pending, beyond signedTreeSize. */
  entriesBeyondSignedHead: number;
}

export async function auditLedger(
  db: Kysely<Database>,
  trustedKeys: readonly TrustedPublicKey[],
  witnesses: readonly Witness[],
  checks: readonly AuditCheck[] = [],
): Promise<AuditReport> {
  // One snapshot for the tree heads, the ledger and the checks: a head the server signs while
  // this runs must not claim more than the entries this read sees. Witnesses were read before.
  return withSnapshot(db, READ_AHEAD, (snapshot) =>
    auditOn(snapshot, trustedKeys, witnesses, checks),
  );
}

async function auditOn(
  snapshot: Snapshot,
  trustedKeys: readonly TrustedPublicKey[],
  witnesses: readonly Witness[],
  checks: readonly AuditCheck[],
): Promise<AuditReport> {
  const { db } = snapshot;
  const stored = await listTreeHeads(db);
  const heads: TreeHeadToCheck[] = [
    ...stored.map((head) => ({
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      isSignatureValid: verifyTreeHead(head, trustedKeys).ok,
      source: '数据库中的签名树头',
    })),
    ...witnesses.map(({ head, origin }) => ({
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      isSignatureValid: verifyTreeHead(head, trustedKeys).ok,
      source: `见证树头 ${origin} `,
    })),
  ];
  const report = await verifyLedgerOn(snapshot, heads);
  for (const check of checks) report.issues.push(...(await check(db)).issues);
  const signedTreeSize = Math.max(
    0,
    ...heads.filter((h) => h.isSignatureValid).map((h) => h.treeSize),
  );
  return {
    ...report,
    treeHeadsChecked: heads.length,
    signedTreeSize,
    entriesBeyondSignedHead: Math.max(0, report.entriesChecked - signedTreeSize),
  };
}
