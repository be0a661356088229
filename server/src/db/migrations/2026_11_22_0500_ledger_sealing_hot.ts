// Frozen: sealing a pending entry (setting prev_hash and entry_hash) becomes a HOT update, and
// the sealer reads and writes in one call each, without a transaction of its own.
//
// The partial index of pending entries (migration 2200) named entry_hash in its predicate, so
// every sealed entry was written as a new row version with an entry in each of the table's five
// indexes. Without it no index covers the two columns the sealer sets, and the sealed version
// stays on its page when there is room (two thirds of them with 4 writers; a fillfactor of 70
// made it nine in ten and a sixth less WAL, but a third more pages for every entry, chained in
// place or not, and no CPU time measurably saved: not taken). Pending entries are found past the
// head through the unique leaf_index index (everything past the head is pending). Only an index
// finds them cheaply, and PL/pgSQL keeps the plan it chose in the session's first calls, when the
// table may have been nearly empty (a sequential scan then, and for ever after: 1.5–4 ms a call
// after a few thousand entries); PGlite never analyses, and without statistics an open range
// `>= tree_size` is estimated at a third of the table. So the two functions run with
// enable_seqscan off.
//
// sanxiang_ledger_pending reads the head and the entries after it on one snapshot;
// sanxiang_ledger_seal writes nodes, head and chain columns if the head is still the one read
// and no transaction holds it (compare-and-set under FOR UPDATE SKIP LOCKED). PL/pgSQL keeps
// their plans for the session: planning the equivalent statements each time cost more than
// running them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index ledger_entries_pending_idx`.execute(db);

  // First row: the head (entry columns null). Then the committed pending entries at the next
  // p_limit positions, in order, and the first one beyond them, which tells a gap at the head
  // (an entry waits after a position nothing was committed at) from an empty backlog. STABLE:
  // every query runs on the caller's snapshot.
  await sql`create function sanxiang_ledger_pending(p_limit integer)
    returns table (tree_size bigint, frontier text[], last_entry_hash text, leaf_index bigint,
      kind text, agency_id uuid, case_id uuid, subject_type text, subject_id text,
      actor_user_id uuid, actor_name text, actor_ip text, actor_user_agent text,
      recorded_at timestamptz, payload_hash text)
    language plpgsql stable set enable_seqscan = off as $$
    declare
      size bigint;
    begin
      select h.tree_size, h.frontier, h.last_entry_hash into tree_size, frontier, last_entry_hash
      from ledger_head h where h.id = 1;
      size := tree_size;
      return next;
      return query select null::bigint, null::text[], null::text, e.leaf_index, e.kind,
        e.agency_id, e.case_id, e.subject_type, e.subject_id, e.actor_user_id, e.actor_name,
        e.actor_ip, e.actor_user_agent, e.recorded_at, e.payload_hash
      from ledger_entries e
      where e.leaf_index >= size and e.leaf_index < size + p_limit and e.entry_hash is null
      order by e.leaf_index;
      return query select null::bigint, null::text[], null::text, e.leaf_index, e.kind,
        e.agency_id, e.case_id, e.subject_type, e.subject_id, e.actor_user_id, e.actor_name,
        e.actor_ip, e.actor_user_agent, e.recorded_at, e.payload_hash
      from ledger_entries e
      where e.leaf_index >= size + p_limit and e.entry_hash is null
      order by e.leaf_index limit 1;
    end $$`.execute(db);

  // Chains the entries at positions p_from_size, p_from_size + 1, … (their entry hashes in
  // order; each one's previous hash is the one before it, the first one's p_from_last_hash) with
  // their new nodes and the new frontier, if the head is still (p_from_size, p_from_last_hash)
  // and no one holds it. Returns whether it did. Every one of them must still be pending.
  await sql`create function sanxiang_ledger_seal(p_from_size bigint, p_from_last_hash text,
      p_entry_hashes text[], p_new_frontier text,
      p_node_levels smallint[], p_node_indexes bigint[], p_node_hashes text[])
    returns boolean language plpgsql set enable_seqscan = off as $$
    declare
      n integer := cardinality(p_entry_hashes);
      sealed integer;
    begin
      perform from ledger_head h
      where h.id = 1 and h.tree_size = p_from_size and h.last_entry_hash = p_from_last_hash
      for update skip locked;
      if not found then
        return false;
      end if;
      update ledger_head set tree_size = p_from_size + n, frontier = p_new_frontier::text[],
        last_entry_hash = p_entry_hashes[n], updated_at = now()
      where id = 1;
      insert into ledger_nodes (level, index, hash)
      select * from unnest(p_node_levels, p_node_indexes, p_node_hashes);
      update ledger_entries e
      set prev_hash = coalesce(p_entry_hashes[(e.leaf_index - p_from_size)::integer],
          p_from_last_hash),
        entry_hash = p_entry_hashes[(e.leaf_index - p_from_size)::integer + 1]
      where e.leaf_index >= p_from_size and e.leaf_index < p_from_size + n
        and e.entry_hash is null;
      get diagnostics sealed = row_count;
      if sealed <> n then
        raise exception 'ledger sealing: % of the % entries from position % were pending',
          sealed, n, p_from_size;
      end if;
      return true;
    end $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_seal(bigint, text, text[], text, smallint[], bigint[],
    text[])`.execute(db);
  await sql`drop function sanxiang_ledger_pending(integer)`.execute(db);
  await sql`create index ledger_entries_pending_idx on ledger_entries (leaf_index)
    where entry_hash is null`.execute(db);
}
