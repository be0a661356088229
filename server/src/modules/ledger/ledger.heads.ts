// Signed tree heads: the current head is signed on demand (once per tree size, whichever process
// gets there first) and copied to the witness file, a place outside the database from which a
// rollback of the database to an older copy can be detected.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { fromHex, sm3 } from './crypto/hash.ts';
import type { SigningKey } from './crypto/keys.ts';
import { rootFromFrontier } from './crypto/merkle.ts';
import { signTreeHead, TREE_HEAD_ALGORITHM, type SignedTreeHead } from './crypto/tree-head.ts';
import { sealAll } from './ledger.seal.ts';

function toSignedTreeHead(row: Selectable<Database['ledger_tree_heads']>): SignedTreeHead {
  return {
    treeSize: row.tree_size,
    rootHash: row.root_hash,
    timestamp: row.signed_at,
    keyId: row.key_id,
    algorithm: TREE_HEAD_ALGORITHM,
    signature: row.signature,
    publicKey: row.public_key,
  };
}

/** The size of the tree once every committed entry is sealed into it. */
export async function currentTreeSize(db: Kysely<Database>): Promise<number> {
  await sealAll(db);
  const head = await db.selectFrom('ledger_head').select('tree_size').executeTakeFirstOrThrow();
  return head.tree_size;
}

/** The signed head of the ledger as it stands now, signing it if no process has yet. */
export async function signCurrentTreeHead(
  db: Kysely<Database>,
  key: SigningKey,
  witnessFile: string | undefined,
): Promise<SignedTreeHead> {
  // Entries committed but not yet chained belong in the head a reader asks for now.
  await sealAll(db);
  const head = await db
    .selectFrom('ledger_head')
    .select(['tree_size', 'frontier'])
    .executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom('ledger_tree_heads')
    .selectAll()
    .where('tree_size', '=', head.tree_size)
    .executeTakeFirst();
  if (existing) return toSignedTreeHead(existing);

  const signed = signTreeHead(
    { treeSize: head.tree_size, rootHash: rootFromFrontier(head.frontier.map(fromHex), sm3) },
    key,
  );
  await db
    .insertInto('ledger_tree_heads')
    .values({
      tree_size: signed.treeSize,
      root_hash: signed.rootHash,
      signed_at: signed.timestamp,
      key_id: signed.keyId,
      algorithm: signed.algorithm,
      signature: signed.signature,
      public_key: signed.publicKey,
    })
    .onConflict((oc) => oc.column('tree_size').doNothing())
    .execute();
  // Another process may have signed the same size a moment earlier: its head is the one kept.
  const stored = toSignedTreeHead(
    await db
      .selectFrom('ledger_tree_heads')
      .selectAll()
      .where('tree_size', '=', head.tree_size)
      .executeTakeFirstOrThrow(),
  );
  if (witnessFile) await writeWitness(witnessFile, stored);
  return stored;
}

export async function listTreeHeads(db: Kysely<Database>): Promise<SignedTreeHead[]> {
  const rows = await db.selectFrom('ledger_tree_heads').selectAll().orderBy('tree_size').execute();
  return rows.map(toSignedTreeHead);
}

export async function findTreeHead(
  db: Kysely<Database>,
  treeSize: number,
): Promise<SignedTreeHead | undefined> {
  const row = await db
    .selectFrom('ledger_tree_heads')
    .selectAll()
    .where('tree_size', '=', treeSize)
    .executeTakeFirst();
  return row ? toSignedTreeHead(row) : undefined;
}

/** Keeps the witness at the largest head seen; written atomically so a crash leaves one intact. */
async function writeWitness(file: string, head: SignedTreeHead): Promise<void> {
  const current = await readWitness(file).catch(() => undefined);
  if (current && current.treeSize >= head.treeSize) return;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(head, null, 2)}\n`, { mode: 0o644 });
  await fs.rename(temporary, file);
}

export async function readWitness(file: string): Promise<SignedTreeHead | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as SignedTreeHead;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
