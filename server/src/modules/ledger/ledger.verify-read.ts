// Reading the chained ledger for `verify`: pages of entries by position, each with the stored
// Merkle nodes above it, read ahead of the checking. A page is a fixed range of positions, so
// the next pages' queries can be sent before this page's rows are back: on PostgreSQL the
// server reads (and compares payloads) on other connections while this process hashes.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { canonicalJson } from './crypto/canonical-json.ts';

/** Positions per page, and how many pages are read ahead of the one being checked. */
export const PAGE_SIZE = 2000;
export const READ_AHEAD = 2;

/** A chained entry as `verify` reads it: the columns it hashes, and the payload verdict. */
export interface EntryRow {
  leaf_index: number;
  kind: string;
  agency_id: string | null;
  case_id: string | null;
  subject_type: string;
  subject_id: string | null;
  actor_user_id: string | null;
  actor_name: string;
  actor_ip: string | null;
  actor_user_agent: string | null;
  recorded_at: Date;
  payload_canonical: string;
  payload_hash: string;
  prev_hash: string;
  entry_hash: string;
  /** Whether the stored jsonb payload equals payload_canonical read as JSON. */
  payload_ok: boolean;
}

export interface Page {
  /** The positions [from, to) this page covers; rows are the chained entries among them. */
  from: number;
  to: number;
  rows: EntryRow[];
  nodes: StoredNodes;
}

const ENTRY_COLUMNS = [
  'leaf_index',
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
  'payload_canonical',
  'payload_hash',
  'prev_hash',
  'entry_hash',
] as const;

/**
 * Every chained entry in position order, page by page, READ_AHEAD pages in flight. Ends after
 * the last chained entry (looking again once there, in case the read is not on a snapshot); a
 * run of empty pages (positions deleted wholesale, a forged far position) is skipped in one step.
 * `readers` (transactions on the same snapshot as `db`) carry the pages side by side: page i's
 * queries go to one reader, which no other page uses while it is in flight.
 */
export async function* readChainedPages(
  db: Kysely<Database>,
  pageSize = PAGE_SIZE,
  readers: readonly Kysely<Database>[] = [],
): AsyncGenerator<Page> {
  let last = await lastChainedPosition(db, 0);
  let nextFrom = 0;
  let pageNo = 0;
  // Without readers the pages' queries would interleave on one connection: read one at a time.
  const ahead = readers.length === 0 ? 1 : Math.min(READ_AHEAD, readers.length);
  const inFlight: Promise<Page>[] = [];
  for (;;) {
    while (inFlight.length < ahead && nextFrom <= last) {
      const page = readPage(readers[pageNo++ % ahead] ?? db, nextFrom, nextFrom + pageSize);
      page.catch(() => undefined); // awaited below; this only keeps an early exit from leaking it
      inFlight.push(page);
      nextFrom += pageSize;
    }
    const next = inFlight.shift();
    if (!next) {
      const later = await lastChainedPosition(db, nextFrom);
      if (later < nextFrom) return;
      last = later;
      continue;
    }
    const page = await next;
    if (page.rows.length === 0 && nextFrom <= last) {
      const following = await firstChainedPosition(db, nextFrom);
      if (following !== undefined) nextFrom = following - (following % pageSize);
    }
    yield page;
  }
}

async function lastChainedPosition(db: Kysely<Database>, atLeast: number): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select('leaf_index')
    .where('leaf_index', '>=', atLeast)
    .where('entry_hash', 'is not', null)
    .orderBy('leaf_index', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.leaf_index ?? -1;
}

async function firstChainedPosition(db: Kysely<Database>, atLeast: number) {
  const row = await db
    .selectFrom('ledger_entries')
    .select('leaf_index')
    .where('leaf_index', '>=', atLeast)
    .where('entry_hash', 'is not', null)
    .orderBy('leaf_index')
    .limit(1)
    .executeTakeFirst();
  return row?.leaf_index ?? undefined;
}

async function readPage(db: Kysely<Database>, from: number, to: number): Promise<Page> {
  const [rows, nodes] = await Promise.all([readEntries(db, from, to), readNodes(db, from, to - 1)]);
  return { from, to, rows, nodes };
}

/**
 * The chained entries at positions [from, to). The payload is compared with payload_canonical
 * in SQL (jsonb equality is semantic: key order, 1.0 = 1 — what the check is for, the hashes
 * cover payload_canonical) instead of re-canonicalising every payload here; a payload_canonical
 * that is not JSON at all makes the cast fail, and that page's payloads are compared here.
 */
async function readEntries(db: Kysely<Database>, from: number, to: number): Promise<EntryRow[]> {
  const query = db
    .selectFrom('ledger_entries')
    .select(ENTRY_COLUMNS)
    .where('leaf_index', '>=', from)
    .where('leaf_index', '<', to)
    .where('entry_hash', 'is not', null)
    .orderBy('leaf_index');
  // On a snapshot the failed cast would end the transaction: it runs inside a savepoint.
  await sql`savepoint verify_page`.execute(db);
  try {
    const rows = await query
      .select(sql<boolean>`payload = payload_canonical::jsonb`.as('payload_ok'))
      .execute();
    await sql`release savepoint verify_page`.execute(db);
    return rows as EntryRow[];
  } catch {
    await sql`rollback to savepoint verify_page`.execute(db);
    const rows = await query.select('payload').execute();
    return rows.map(({ payload, ...row }) => ({
      ...(row as Omit<EntryRow, 'payload_ok'>),
      payload_ok: canonicalJson(payload) === row.payload_canonical,
    }));
  }
}

/**
 * Stored Merkle nodes by level and index, for the positions of a page (or any range): node
 * (level, index) covers leaves [index·2^level, (index+1)·2^level). Kept per level in arrays
 * indexed from the range's first node, which costs less per lookup than a map of string keys.
 */
export class StoredNodes {
  private readonly levels: { base: number; hashes: (string | undefined)[] }[] = [];

  constructor(
    readonly from: number,
    readonly to: number,
  ) {}

  set(level: number, index: number, hash: string): void {
    let entry = this.levels[level];
    if (!entry) {
      entry = { base: Math.floor(this.from / 2 ** level), hashes: [] };
      this.levels[level] = entry;
    }
    entry.hashes[index - entry.base] = hash;
  }

  get(level: number, index: number): string | undefined {
    const entry = this.levels[level];
    return entry === undefined || index < entry.base ? undefined : entry.hashes[index - entry.base];
  }
}

/**
 * Stored nodes of every level covering leaves from..to (level 0 = the leaves themselves, or
 * only those with levels = 1), read as one aggregated text rather than thousands of rows: the
 * drivers' per-row work (PGlite's most of all) costs more than the comparisons it feeds.
 */
export async function readNodes(
  db: Kysely<Database>,
  from: number,
  to: number,
  levels = Math.ceil(Math.log2(to + 2)) + 1,
): Promise<StoredNodes> {
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
  const nodes = new StoredNodes(from, to);
  const text = row?.nodes ?? '';
  for (let start = 0; start < text.length;) {
    const colon = text.indexOf(':', start);
    const equals = text.indexOf('=', colon);
    let end = text.indexOf(',', equals);
    if (end < 0) end = text.length;
    nodes.set(
      Number(text.slice(start, colon)),
      Number(text.slice(colon + 1, equals)),
      text.slice(equals + 1, end),
    );
    start = end + 1;
  }
  return nodes;
}
