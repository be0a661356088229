// Recomputes the whole ledger from its stored columns and names every discrepancy: entries
// altered, dropped, inserted or reordered, stored tree nodes or the head that disagree with the
// entries, signed tree heads whose signature or root does not hold, and a database rolled back
// behind a tree head saved elsewhere (the witness). Streams in batches: memory stays flat.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { canonicalJson } from './crypto/canonical-json.ts';
import { fromHex, sm3, toHex } from './crypto/hash.ts';
import { appendLeaf, rootFromFrontier } from './crypto/merkle.ts';
import { entryHashOf, GENESIS_HASH, payloadHashOf } from './ledger.entry.ts';
import { classifyMismatches, MOVE_WINDOW, type MismatchedEntry } from './ledger.verify-classify.ts';

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

type EntryRow = Omit<Selectable<Database['ledger_entries']>, 'payload'> & {
  /** Whether the stored jsonb payload equals payload_canonical read as JSON (checked in SQL). */
  payload_ok: boolean;
};

/** Pending entries older than this mean no sealer has run: reported as unsealed. */
export const PENDING_GRACE_MS = 10 * 60 * 1000;

const BATCH = 2000;
const MAX_MISMATCHES = 10_000;

/** The entry's leaf hash recomputed from its stored columns (also what entry_hash must be). */
function recomputedLeafHash(row: EntryRow): Buffer {
  return entryHashOf({
    leafIndex: row.leaf_index ?? -1,
    kind: row.kind,
    agencyId: row.agency_id,
    caseId: row.case_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: {
      userId: row.actor_user_id,
      name: row.actor_name,
      ip: row.actor_ip,
      userAgent: row.actor_user_agent,
    },
    recordedAt: row.recorded_at.toISOString(),
    payloadHash: row.payload_hash ?? '',
    prevHash: row.prev_hash ?? '',
  });
}

/** Checks one entry against itself: payload, payload hash and entry hash. */
function contentIssue(row: EntryRow, leafHash: string | undefined): string | undefined {
  if (row.payload_canonical === null) return undefined;
  if (!row.payload_ok) return '记录内容（payload）被修改';
  if (payloadHashOf(row.payload_canonical) !== row.payload_hash) return '记录内容与其哈希不符';
  if (leafHash !== undefined && leafHash !== row.entry_hash) {
    return '记录的元数据（时间、操作人、类型等）或哈希被修改';
  }
  return undefined;
}

export async function verifyLedger(
  db: Kysely<Database>,
  treeHeads: readonly TreeHeadToCheck[],
): Promise<VerifyReport> {
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

  let expected = 0;
  let prevEntryHash = GENESIS_HASH;
  let frontier: Buffer[] = [];
  let checked = 0;
  // Links to the previous entry that do not join, and entries that differ from the leaf stored for
  // their position (kept up to a bound: a ledger rewritten wholesale needs no finer report).
  const brokenLinks: number[] = [];
  const mismatched: MismatchedEntry[] = [];

  // A root is only needed where a tree head claims one.
  const checkHeadsAt = (size: number) => {
    const heads = headsBySize.get(size);
    if (!heads) return;
    const root = toHex(rootFromFrontier(frontier, sm3));
    for (const head of heads) {
      if (head.rootHash !== root) {
        issues.push({
          kind: head.source.includes('见证') ? 'rolled_back' : 'tree_head_mismatch',
          detail: `${head.source}（规模 ${size}）的根哈希与重新计算的不符：历史记录被改写`,
        });
      }
    }
  };
  checkHeadsAt(0);

  // The tree is rebuilt from the stored leaf hashes (each checked against its entry), so that one
  // altered entry is reported once rather than as every node above it.
  const appendToTree = (index: number, leafHash: Buffer, stored: Map<string, string>) => {
    const appended = appendLeaf(frontier, leafHash, sm3, index);
    frontier = appended.frontier;
    for (const node of appended.newNodes.filter((n) => n.level > 0)) {
      const hash = stored.get(`${node.level}:${node.index}`);
      if (hash !== toHex(node.hash)) {
        issues.push({
          kind: 'node_altered',
          seq: node.index * 2 ** node.level,
          detail: `默克尔树节点（层 ${node.level}，位置 ${node.index}）${hash === undefined ? '缺失' : '被修改'}`,
        });
      }
    }
    checkHeadsAt(index + 1);
  };

  // The next batch is read while this one is checked: on PostgreSQL the server's work (reading,
  // comparing payloads) overlaps the hashing here.
  const prefetch = (after: number) => {
    const read = readBatch(db, after);
    read.catch(() => undefined); // awaited below; this only keeps an early exit from leaking it
    return read;
  };
  for (let next = prefetch(-1); ;) {
    const rows = await next;
    const lastRow = rows.at(-1);
    if (!lastRow) break;
    next = prefetch(lastRow.leaf_index ?? expected);
    const stored = await fetchStoredNodes(db, expected, lastRow.leaf_index ?? expected);

    for (const row of rows) {
      const seq = row.leaf_index ?? 0;
      checked += 1;
      let isLinkExplained = false;
      if (seq > expected) {
        issues.push({
          kind: 'missing',
          seq: expected,
          detail:
            seq - 1 === expected
              ? `序号 ${expected} 的记录缺失（被删除）`
              : `序号 ${expected}–${seq - 1} 的记录缺失（被删除）`,
        });
        isLinkExplained = true;
        // The dropped entries' leaves are still in the tree: keep building with them.
        for (let gap = expected; gap < seq; gap++) {
          appendToTree(gap, fromHex(stored.get(`0:${gap}`) ?? GENESIS_HASH), stored);
        }
      }
      const recomputedLeaf = recomputedLeafHash(row);
      const problem = contentIssue(row, toHex(recomputedLeaf));
      if (problem) issues.push({ kind: 'altered', seq, detail: `序号 ${seq}：${problem}` });

      if (row.prev_hash !== prevEntryHash && !isLinkExplained) brokenLinks.push(seq);
      const storedLeaf = stored.get(`0:${seq}`);
      if (storedLeaf !== toHex(recomputedLeaf) && !problem && mismatched.length < MAX_MISMATCHES) {
        mismatched.push({
          seq,
          leafHashAt: (position) => toHex(recomputedLeafHash({ ...row, leaf_index: position })),
        });
      }
      appendToTree(seq, storedLeaf === undefined ? recomputedLeaf : fromHex(storedLeaf), stored);

      prevEntryHash = row.entry_hash ?? '';
      expected = seq + 1;
    }
  }

  const pending = await checkPending(db, expected);
  checked += pending.count;
  issues.push(...pending.issues);
  issues.push(...(await classifyAll(db, mismatched, brokenLinks, issues)));
  issues.push(...(await compareHead(db, expected, prevEntryHash, frontier)));
  for (const [size, heads] of headsBySize) {
    if (size > expected) {
      for (const head of heads) {
        issues.push({
          kind: head.source.includes('见证') ? 'rolled_back' : 'tree_head_mismatch',
          detail: `${head.source}记载账本已有 ${size} 条记录，现只有 ${expected} 条：数据库被回退或记录被删除`,
        });
      }
    }
  }
  return {
    entriesChecked: checked,
    ...(pending.count > 0 ? { pendingEntries: pending.count } : {}),
    issues: issues.sort((a, b) => (a.seq ?? -1) - (b.seq ?? -1)),
  };
}

const ENTRY_COLUMNS = [
  'seq',
  'kind',
  'agency_id',
  'case_id',
  'subject_type',
  'subject_id',
  'actor_user_id',
  'actor_name',
  'actor_ip',
  'actor_user_agent',
  'recorded_at',
  'leaf_index',
  'payload_canonical',
  'payload_hash',
  'prev_hash',
  'entry_hash',
] as const;

/**
 * The next batch of chained entries. The payload is compared with payload_canonical in SQL
 * (jsonb equality is semantic: key order, 1.0 = 1 — what the check is for, the hashes cover
 * payload_canonical) instead of re-canonicalising every payload here; a payload_canonical that
 * is not JSON at all makes the cast fail, and that batch is checked here instead.
 */
async function readBatch(db: Kysely<Database>, after: number): Promise<EntryRow[]> {
  const query = (payloadOk: ReturnType<typeof sql<boolean>>) =>
    db
      .selectFrom('ledger_entries')
      .select(ENTRY_COLUMNS)
      .select(payloadOk.as('payload_ok'))
      .where('leaf_index', '>', after)
      .where('entry_hash', 'is not', null)
      .orderBy('leaf_index')
      .limit(BATCH);
  try {
    return await query(sql<boolean>`payload = payload_canonical::jsonb`).execute();
  } catch {
    const rows = await db
      .selectFrom('ledger_entries')
      .select([...ENTRY_COLUMNS, 'payload'])
      .where('leaf_index', '>', after)
      .where('entry_hash', 'is not', null)
      .orderBy('leaf_index')
      .limit(BATCH)
      .execute();
    return rows.map(({ payload, ...row }) => ({
      ...row,
      payload_ok: canonicalJson(payload) === row.payload_canonical,
    }));
  }
}

/**
 * Entries committed but not chained yet (the sealer chains them moments after commit). Their
 * position must follow the chained ones and their payload must match its hash; one waiting
 * longer than PENDING_GRACE_MS means no sealer runs.
 */
async function checkPending(
  db: Kysely<Database>,
  chainedSize: number,
): Promise<{ count: number; issues: LedgerIssue[] }> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['leaf_index', 'recorded_at', 'payload', 'payload_canonical', 'payload_hash'])
    .where('entry_hash', 'is', null)
    .where('leaf_index', 'is not', null)
    .orderBy('leaf_index')
    .execute();
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

async function classifyAll(
  db: Kysely<Database>,
  mismatched: MismatchedEntry[],
  brokenLinks: number[],
  found: readonly LedgerIssue[],
): Promise<LedgerIssue[]> {
  const seqs = mismatched.map((m) => m.seq);
  const leaves =
    seqs.length === 0
      ? new Map<string, string>()
      : await fetchStoredNodes(
          db,
          Math.max(0, Math.min(...seqs) - MOVE_WINDOW),
          Math.max(...seqs) + MOVE_WINDOW,
          1,
        );
  const issues = classifyMismatches(mismatched, (p) => leaves.get(`0:${p}`));
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

/**
 * Stored nodes of every level covering leaves from..to (level 0 = the leaves themselves), read
 * as one aggregated text rather than thousands of rows: the drivers' per-row work (PGlite's most
 * of all) cost more than the comparisons they feed.
 */
async function fetchStoredNodes(
  db: Kysely<Database>,
  from: number,
  to: number,
  levels = Math.ceil(Math.log2(to + 2)) + 1,
): Promise<Map<string, string>> {
  const row = await db
    .selectFrom('ledger_nodes')
    .select(sql<string | null>`string_agg(level || ':' || index || '=' || hash, ',')`.as('nodes'))
    .where((eb) =>
      eb.or(
        Array.from({ length: levels }, (_, level) =>
          eb.and([
            eb('level', '=', level),
            eb('index', '>=', Math.floor(from / 2 ** level)),
            eb('index', '<=', Math.floor(to / 2 ** level)),
          ]),
        ),
      ),
    )
    .executeTakeFirst();
  const nodes = new Map<string, string>();
  for (const item of row?.nodes?.split(',') ?? []) {
    const at = item.indexOf('=');
    nodes.set(item.slice(0, at), item.slice(at + 1));
  }
  return nodes;
}

async function compareHead(
  db: Kysely<Database>,
  size: number,
  lastHash: string,
  frontier: Buffer[],
): Promise<LedgerIssue[]> {
  const head = await db.selectFrom('ledger_head').selectAll().executeTakeFirst();
  const isSame =
    head !== undefined &&
    head.tree_size === size &&
    head.last_entry_hash === lastHash &&
    head.frontier.join(',') === frontier.map(toHex).join(',');
  return isSame
    ? []
    : [{ kind: 'head_mismatch', detail: '账本头（规模、末条哈希或边界节点）与记录不符' }];
}
