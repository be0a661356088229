// Recomputes the whole ledger from its stored columns and names every discrepancy: entries
// altered, dropped, inserted or reordered, stored tree nodes or the head that disagree with the
// entries, signed tree heads whose signature or root does not hold, and a database rolled back
// behind a tree head saved elsewhere (the witness). Streams page by page: memory stays flat.
//
// Reading (ledger.verify-read.ts) runs ahead of the per-entry checks (ledger.verify-chain.ts);
// what needs the whole picture — moved entries, broken links nothing else explains, pending
// entries, the head row, tree heads beyond the end — is judged here after the last page.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { withSnapshot, type Snapshot } from '../../db/snapshot.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { payloadHashOf } from './ledger.entry.ts';
import { ChainChecker, type NodeLookup } from './ledger.verify-chain.ts';
import { classifyMismatches, MOVE_WINDOW, type MismatchedEntry } from './ledger.verify-classify.ts';
import { READ_AHEAD, readChainedPages, readNodes } from './ledger.verify-read.ts';

export type LedgerIssueKind =
  | 'altered'
  | 'missing'
  | 'inserted'
  | 'reordered'
  | 'unsealed'
  | 'node_altered'
  | 'head_mismatch'
  | 'bad_signature'
  | 'tree_head_mismatch'
  | 'rolled_back'
  // Evidence (modules/evidence/evidence.audit.ts): a blob gone or changed, a row unlike its entry.
  | 'blob_missing'
  | 'blob_altered'
  | 'evidence_mismatch';

export interface LedgerIssue {
  kind: LedgerIssueKind;
  /** The entry's sequence number (leaf index) where one applies. */
  seq?: number;
  /** Chinese explanation for the operator. */
  detail: string;
}

export interface TreeHeadToCheck {
  treeSize: number;
  rootHash: string;
  /** Whether its signature verifies against a trusted key (checked by the caller's verifier). */
  isSignatureValid: boolean;
  source: string;
}

export interface VerifyReport {
  entriesChecked: number;
  /** Entries committed with their position and payload hash, not yet chained by the sealer. */
  pendingEntries?: number;
  issues: LedgerIssue[];
}

/** Pending entries older than this mean no sealer has run: reported as unsealed. */
export const PENDING_GRACE_MS = 10 * 60 * 1000;

export interface VerifyOptions {
  /** Positions read per page (tests use small pages to cross page boundaries). */
  pageSize?: number;
}

/**
 * Verifies the ledger as it stood at one instant: everything is read on one snapshot (see
 * db/snapshot.ts), so entries, nodes and the head that a running server writes meanwhile neither
 * join the check half-written nor make the head look wrong.
 */
export function verifyLedger(
  db: Kysely<Database>,
  treeHeads: readonly TreeHeadToCheck[],
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  return withSnapshot(db, READ_AHEAD, (snapshot) => verifyLedgerOn(snapshot, treeHeads, options));
}

/** verifyLedger on a snapshot the caller holds (to read more on the same one). */
export async function verifyLedgerOn(
  snapshot: Snapshot,
  treeHeads: readonly TreeHeadToCheck[],
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const { db } = snapshot;
  const issues: LedgerIssue[] = [];
  const headsBySize = new Map<number, TreeHeadToCheck[]>();
  for (const head of treeHeads) {
    if (!head.isSignatureValid) {
      issues.push({
        kind: 'bad_signature',
        detail: `${head.source}（规模 ${head.treeSize}）的签名无法用受信任的公钥验证`,
      });
    }
    headsBySize.set(head.treeSize, [...(headsBySize.get(head.treeSize) ?? []), head]);
  }

  const unsealed = await db
    .selectFrom('ledger_entries')
    .select('seq')
    .where('leaf_index', 'is', null)
    .execute();
  for (const row of unsealed) {
    issues.push({ kind: 'unsealed', detail: `插入序号 ${row.seq} 的记录未纳入账本链` });
  }

  const head = await db.selectFrom('ledger_head').selectAll().executeTakeFirst();
  const chain = new ChainChecker(headsBySize, head?.tree_size ?? 0);
  for await (const page of readChainedPages(db, options.pageSize, snapshot.readers)) {
    const first = page.rows[0];
    let stored: NodeLookup = (level, index) => page.nodes.get(level, index);
    // Entries missing across the page's start: their stored leaves lie in pages already read.
    if (first && first.leaf_index > chain.expected && chain.expected < page.from) {
      // Beyond the head nothing is walked (ChainChecker), so the range stops there.
      const before = await readNodes(
        db,
        chain.expected,
        Math.max(chain.expected, Math.min(page.from, chain.headSize) - 1),
      );
      stored = (level, index) => page.nodes.get(level, index) ?? before.get(level, index);
    }
    chain.checkRows(page.rows, stored);
  }
  issues.push(...chain.issues);

  const size = chain.expected;
  const pending = await checkPending(db, size, chain.gaps);
  issues.push(...pending.issues);
  issues.push(...(await classifyAll(db, chain.mismatched, chain.brokenLinks, issues)));
  issues.push(...compareHead(head, size, chain.lastEntryHash, chain.frontier));
  for (const [treeSize, heads] of headsBySize) {
    if (treeSize <= size) continue;
    for (const head of heads) {
      issues.push({
        kind: head.source.includes('见证') ? 'rolled_back' : 'tree_head_mismatch',
        detail: `${head.source}记载账本已有 ${treeSize} 条记录，现只有 ${size} 条：数据库被回退或记录被删除`,
      });
    }
  }
  return {
    entriesChecked: chain.checked + pending.count,
    ...(pending.count > 0 ? { pendingEntries: pending.count } : {}),
    issues: issues.sort((a, b) => (a.seq ?? -1) - (b.seq ?? -1)),
  };
}

/**
 * Entries committed but not chained yet (the sealer chains them moments after commit). Their
 * position must follow the chained ones and their payload must match its hash; one waiting
 * longer than PENDING_GRACE_MS means no sealer runs. An entry without its chain hashes inside
 * the chain (in one of its gaps) had them erased.
 */
async function checkPending(
  db: Kysely<Database>,
  chainedSize: number,
  gaps: readonly { from: number; to: number }[],
): Promise<{ count: number; issues: LedgerIssue[] }> {
  const rows = [];
  for (const gap of gaps) rows.push(...(await unchainedRows(db, gap.from, gap.to)));
  rows.push(...(await unchainedRows(db, chainedSize, undefined)));
  const issues: LedgerIssue[] = [];
  const staleBefore = Date.now() - PENDING_GRACE_MS;
  for (const row of rows) {
    const seq = row.leaf_index ?? -1;
    if (seq < chainedSize) {
      issues.push({ kind: 'altered', seq, detail: `序号 ${seq} 的记录的链接哈希被抹去` });
    } else if (
      canonicalJson(row.payload) !== row.payload_canonical ||
      payloadHashOf(row.payload_canonical) !== row.payload_hash
    ) {
      issues.push({ kind: 'altered', seq, detail: `序号 ${seq}（待入链）：记录内容与其哈希不符` });
    } else if (row.recorded_at.getTime() < staleBefore) {
      issues.push({
        kind: 'unsealed',
        seq,
        detail: `序号 ${seq} 的记录提交后久未入链（封链程序未运行？）`,
      });
    }
  }
  return { count: rows.length, issues };
}

/** Positions read per query when looking for entries without chain hashes. */
const UNCHAINED_WINDOW = 1000;

/**
 * Entries without chain hashes at positions from `from` (up to `to`), in order. No index covers
 * them (the sealing UPDATE stays HOT, migration 0500), so they are read through the leaf_index
 * index in bounded windows, each starting at the next position that holds an entry (min() is a
 * one-row index probe): an open range would be estimated at a third of the table without
 * statistics, and could be read by a sequential scan.
 */
async function unchainedRows(db: Kysely<Database>, from: number, to: number | undefined) {
  const rows = [];
  let cursor = from;
  while (to === undefined || cursor < to) {
    const next = await db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.min('leaf_index').as('at'))
      .where('leaf_index', '>=', cursor)
      .executeTakeFirst();
    if (next?.at == null || (to !== undefined && Number(next.at) >= to)) break;
    const start = Number(next.at);
    const end = Math.min(start + UNCHAINED_WINDOW, to ?? Infinity);
    rows.push(
      ...(await db
        .selectFrom('ledger_entries')
        .select(['leaf_index', 'recorded_at', 'payload', 'payload_canonical', 'payload_hash'])
        .where('leaf_index', '>=', start)
        .where('leaf_index', '<', end)
        .where('entry_hash', 'is', null)
        .orderBy('leaf_index')
        .execute()),
    );
    cursor = end;
  }
  return rows;
}

async function classifyAll(
  db: Kysely<Database>,
  mismatched: readonly MismatchedEntry[],
  brokenLinks: readonly number[],
  found: readonly LedgerIssue[],
): Promise<LedgerIssue[]> {
  const seqs = mismatched.map((m) => m.seq);
  const leaves =
    seqs.length === 0
      ? undefined
      : await readNodes(
          db,
          Math.max(0, Math.min(...seqs) - MOVE_WINDOW),
          Math.max(...seqs) + MOVE_WINDOW,
          1,
        );
  const issues = classifyMismatches(mismatched, (p) => leaves?.get(0, p));
  // A link that does not join and that nothing above explains: the entry before it was rewritten
  // and rechained with care, except for this one link.
  const named = new Set([
    ...seqs,
    ...[...found, ...issues].flatMap((i) => (i.seq === undefined ? [] : [i.seq])),
  ]);
  for (const seq of brokenLinks.filter((s) => !named.has(s) && !named.has(s - 1))) {
    issues.push({
      kind: 'altered',
      seq: seq - 1,
      detail: `序号 ${seq - 1} 的记录被改写（序号 ${seq} 与它的链接断开）`,
    });
  }
  return issues;
}

function compareHead(
  head: { tree_size: number; last_entry_hash: string; frontier: string[] } | undefined,
  size: number,
  lastHash: string,
  frontier: readonly string[],
): LedgerIssue[] {
  const isSame =
    head !== undefined &&
    head.tree_size === size &&
    head.last_entry_hash === lastHash &&
    head.frontier.join(',') === frontier.join(',');
  return isSame
    ? []
    : [{ kind: 'head_mismatch', detail: '账本头（规模、末条哈希或边界节点）与记录不符' }];
}
