// Frozen: a transaction writes the ledger head row at most twice, however many entries it chains,
// instead of once per chained entry. A transaction that appended many entries left a new version
// of the head row per entry; none of them could be pruned before it ended, so they spilled over
// hundreds of pages (non-HOT updates, an index entry each) and every later look-up of the head
// walked them: the appends of a 100-entry transaction slowed as it went (about 0.5 ms more per
// append on PostgreSQL), and the bloat stayed until a vacuum (never, on PGlite).
//
// The transaction that locks the head (FOR UPDATE SKIP LOCKED, as before) keeps its tip — size,
// last entry hash, frontier — in a transaction-local setting, `sanxiang.ledger_tip` (set_config(…,
// true): no row, no WAL, undone with a rolled-back savepoint), and later appends of the same
// transaction chain onto that tip without reading the head row. The first entry it chains writes
// the head row at once, as before (a one-entry transaction, the usual case, costs what it did);
// the later ones leave it behind and a deferred constraint trigger writes the tip into it when the
// transaction commits — once, from the event of the entry that ends the tip. The tip is set
// before such an entry is inserted, so `SET CONSTRAINTS … IMMEDIATE` (the trigger firing at the
// end of the INSERT) writes the head just as well.
//
// A caller that hashed against a stale guess of the head no longer gets its entry inserted and
// then rewritten by a second UPDATE: the function returns the locked head without inserting, and
// the caller calls again with that position (p_position) and the right hashes. The new frontier
// comes as one array literal (text), stored as it is and parsed only when the head row is written;
// the payload comes once, as its canonical text, which is also what the jsonb column is read from
// (the same JSON value, so the same jsonb).
//
// Positions, pending entries, voids and the writers lock are as in migration 2800; "the tree"
// is this transaction's tip when it holds the head.
import { sql, type Kysely } from 'kysely';
import * as appendFunction2800 from './2026_11_21_2800_ledger_append_writers_lock.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_append(boolean, bigint, text, text[], text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, jsonb, text, text)`.execute(db);
  await sql`create function sanxiang_ledger_append(
      p_defer boolean, p_position bigint,
      p_expected_size bigint, p_expected_last_hash text,
      p_new_frontier text, p_entry_hash text,
      p_node_levels smallint[], p_node_indexes bigint[], p_node_hashes text[],
      p_kind text, p_subject_type text, p_subject_id text, p_agency_id uuid, p_case_id uuid,
      p_actor_user_id uuid, p_actor_name text, p_actor_ip text, p_actor_user_agent text,
      p_recorded_at timestamptz, p_payload_canonical text, p_payload_hash text,
      out r_position bigint, out r_is_chained boolean, out r_is_locked boolean,
      out r_head_size bigint, out r_head_frontier text[], out r_head_last_hash text)
    language plpgsql as $$
    declare
      drawn bigint;
      given bigint := p_position;
      -- If this transaction holds the head row (sanxiang.ledger_tip, 'size/hash/frontier/written'):
      -- the size, last entry hash and frontier (an array literal) its chained entries reach, and
      -- the size at which it wrote the head row (empty while it has not written it).
      tip_text text := nullif(current_setting('sanxiang.ledger_tip', true), '');
      tip bigint;
      tip_hash text;
      tip_frontier text;
      written bigint;
      is_behind boolean;
      free_from bigint;
    begin
      if tip_text is null then
        -- LEDGER_WRITERS_LOCK (ledger.seal.ts), shared: taken before drawing, held to the end
        -- (a transaction that holds the head took it with its first append).
        perform pg_advisory_xact_lock_shared(91638701835335);
      else
        tip := split_part(tip_text, '/', 1)::bigint;
        tip_hash := split_part(tip_text, '/', 2);
        tip_frontier := split_part(tip_text, '/', 3);
        written := nullif(split_part(tip_text, '/', 4), '')::bigint;
      end if;
      loop
        if given is not null then
          -- The second call for a position whose head was locked by the first (stale guess).
          if tip is distinct from given then
            raise exception 'ledger position % is not this transaction''s tip %', given, tip;
          end if;
          drawn := given;
        else
          drawn := nextval('ledger_leaf_index_seq');
        end if;
        r_position := drawn;
        r_is_chained := false;
        r_is_locked := false;
        if not p_defer then
          if tip is null then
            select h.tree_size, h.last_entry_hash, h.frontier::text
            into tip, tip_hash, tip_frontier
            from ledger_head h where h.id = 1 and h.tree_size = drawn
            for update skip locked;
          end if;
          -- The tree has not reached the drawn position: the ones before it may be free.
          if tip is null then
            is_behind := (select h.tree_size from ledger_head h where h.id = 1) < drawn;
          else
            is_behind := tip < drawn;
          end if;
          if is_behind and current_setting('transaction_isolation') = 'read committed' then
            begin
              if pg_try_advisory_xact_lock(91638701835335) then
                -- A new statement, so a new snapshot: every writer that released its shared
                -- lock had committed before, and its entries are seen here.
                select coalesce(tip, h.tree_size) into free_from from ledger_head h
                where h.id = 1 and not exists (select 1 from ledger_entries e
                  where e.leaf_index >= coalesce(tip, h.tree_size));
                if found then
                  perform setval('ledger_leaf_index_seq', free_from + 1, false);
                  r_position := free_from;
                end if;
              end if;
              raise sqlstate 'SXL00';
            exception when sqlstate 'SXL00' then
              null;
            end;
            if tip is null and r_position < drawn then
              select h.tree_size, h.last_entry_hash, h.frontier::text
              into tip, tip_hash, tip_frontier
              from ledger_head h where h.id = 1 and h.tree_size = r_position
              for update skip locked;
            end if;
          end if;
          r_is_locked := coalesce(tip = r_position, false);
        end if;
        -- No expected head (p_expected_size null): the caller did not hash, expecting to be
        -- pending; if the head is its after all, it gets the head and calls again.
        r_is_chained := r_is_locked and coalesce(tip = p_expected_size
          and tip_hash = p_expected_last_hash, false);
        if r_is_chained then
          if written is not null then
            -- This transaction wrote the head row already: the trigger below writes it again at
            -- commit. The new tip is set before the insert, so that the trigger sees it even if
            -- the constraint is made immediate.
            tip_text := set_config('sanxiang.ledger_tip',
              concat_ws('/', tip + 1, p_entry_hash, p_new_frontier, written), true);
          end if;
        else
          if r_is_locked then
            -- Locked, but hashed against another head (or not at all): nothing is inserted; the
            -- caller hashes against this head and calls again with the position.
            if tip_text is null then
              tip_text := set_config('sanxiang.ledger_tip',
                concat_ws('/', tip, tip_hash, tip_frontier, ''), true);
            end if;
            r_head_size := tip;
            r_head_last_hash := tip_hash;
            r_head_frontier := tip_frontier::text[];
            return;
          end if;
        end if;
        insert into ledger_entries (kind, subject_type, subject_id, agency_id, case_id,
          actor_user_id, actor_name, actor_ip, actor_user_agent, recorded_at, payload,
          leaf_index, payload_canonical, payload_hash, prev_hash, entry_hash)
        values (p_kind, p_subject_type, p_subject_id, p_agency_id, p_case_id,
          p_actor_user_id, p_actor_name, p_actor_ip, p_actor_user_agent, p_recorded_at,
          p_payload_canonical::jsonb, r_position, p_payload_canonical, p_payload_hash,
          case when r_is_chained then p_expected_last_hash end,
          case when r_is_chained then p_entry_hash end)
        on conflict (leaf_index) do nothing;
        if found then
          if r_is_chained then
            insert into ledger_nodes (level, index, hash)
            select * from unnest(p_node_levels, p_node_indexes, p_node_hashes);
            if written is null then
              -- The first entry this transaction chains onto the head row writes it.
              update ledger_head set tree_size = tip + 1, frontier = p_new_frontier::text[],
                last_entry_hash = p_entry_hash, updated_at = now()
              where id = 1;
              tip_text := set_config('sanxiang.ledger_tip',
                concat_ws('/', tip + 1, p_entry_hash, p_new_frontier, tip + 1), true);
            end if;
          end if;
          return;
        end if;
        -- A void holds the position (the head's, the void awaiting sealing): draw another.
        if r_is_chained and written is not null then
          tip_text := set_config('sanxiang.ledger_tip',
            concat_ws('/', tip, tip_hash, tip_frontier, written), true);
        end if;
        given := null;
      end loop;
    end $$`.execute(db);

  // The head row at the transaction's tip, written when it commits (or, with the constraint made
  // immediate, right after the insert). Events are queued only for entries chained after the
  // transaction wrote the head row; only the event of the entry that ends the tip writes.
  await sql`create function sanxiang_ledger_head_at_commit() returns trigger
    language plpgsql as $$
    declare
      tip_text text := nullif(current_setting('sanxiang.ledger_tip', true), '');
      tip bigint := split_part(tip_text, '/', 1)::bigint;
    begin
      if tip = new.leaf_index + 1 and nullif(split_part(tip_text, '/', 4), '')::bigint < tip then
        update ledger_head set tree_size = tip,
          frontier = split_part(tip_text, '/', 3)::text[],
          last_entry_hash = split_part(tip_text, '/', 2), updated_at = now()
        where id = 1;
        perform set_config('sanxiang.ledger_tip', concat_ws('/', tip,
          split_part(tip_text, '/', 2), split_part(tip_text, '/', 3), tip), true);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger ledger_entries_head_at_commit
    after insert on ledger_entries deferrable initially deferred
    for each row when (new.entry_hash is not null and new.leaf_index >= nullif(split_part(
      current_setting('sanxiang.ledger_tip', true), '/', 4), '')::bigint)
    execute function sanxiang_ledger_head_at_commit()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger ledger_entries_head_at_commit on ledger_entries`.execute(db);
  await sql`drop function sanxiang_ledger_head_at_commit()`.execute(db);
  await sql`drop function sanxiang_ledger_append(boolean, bigint, bigint, text, text, text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, text, text)`.execute(db);
  // Migration 2800's up replaces the function of 2210: give it that signature to drop.
  await sql`create function sanxiang_ledger_append(boolean, text, bigint, text, text[], text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, jsonb, text, text) returns void language sql as ''`.execute(db);
  await appendFunction2800.up(db);
}
