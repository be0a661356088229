// Frozen: the ledger append without pg_stat_activity. The append of migration 2210 reused the
// positions of rolled-back transactions when "no other transaction runs", judged from
// pg_stat_activity; but that view is a snapshot taken once per transaction (a multi-entry
// transaction kept seeing the writers of its first append, and took the position of a writer
// that started later: a unique violation), shows other roles' transactions only to privileged
// roles, and nothing at all with track_activities off.
//
// Now every append holds an advisory lock (LEDGER_WRITERS_LOCK) shared from before it draws a
// position until its transaction ends. A position below the drawn one that the tree has not
// reached is taken only by a call that gets the same lock exclusive (so no other writer holds
// an uncommitted position) and sees nothing pending (so no committed one waits): all positions
// from the head on are then free, and the sequence is set back to follow the one taken, so
// positions stay aligned with the tree and later appends need no check at all. That check runs
// in a subtransaction which is then undone, so the exclusive lock is released at once (advisory
// transaction locks have no early release); the sequence, not transactional, keeps its value.
//
// The entry goes in with ON CONFLICT DO NOTHING: the sealer fills a position nobody committed
// with a void, and a writer that drew it and was descheduled before inserting would otherwise
// fail on the void; it draws again instead.
import { sql, type Kysely } from 'kysely';
import * as appendFunction2210 from './2026_11_21_2210_ledger_append_function.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_append(boolean, text, bigint, text, text[], text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, jsonb, text, text)`.execute(db);
  await sql`create function sanxiang_ledger_append(
      p_defer boolean,
      p_expected_size bigint, p_expected_last_hash text,
      p_new_frontier text[], p_entry_hash text,
      p_node_levels smallint[], p_node_indexes bigint[], p_node_hashes text[],
      p_kind text, p_subject_type text, p_subject_id text, p_agency_id uuid, p_case_id uuid,
      p_actor_user_id uuid, p_actor_name text, p_actor_ip text, p_actor_user_agent text,
      p_recorded_at timestamptz, p_payload jsonb, p_payload_canonical text, p_payload_hash text,
      out r_position bigint, out r_is_chained boolean, out r_is_locked boolean,
      out r_head_size bigint, out r_head_frontier text[], out r_head_last_hash text)
    language plpgsql as $$
    declare
      drawn bigint;
      head record;
      free_from bigint;
    begin
      -- LEDGER_WRITERS_LOCK (ledger.seal.ts), shared: taken before drawing, held to the end.
      perform pg_advisory_xact_lock_shared(91638701835335);
      loop
        drawn := nextval('ledger_leaf_index_seq');
        r_position := drawn;
        r_is_chained := false;
        r_is_locked := false;
        if not p_defer then
          select h.tree_size, h.frontier, h.last_entry_hash into head
          from ledger_head h where h.id = 1 and h.tree_size = drawn
          for update skip locked;
          r_is_locked := found;
          -- The tree has not reached the drawn position: the ones before it may be free.
          if not r_is_locked
            and (select h.tree_size from ledger_head h where h.id = 1) < drawn
            and current_setting('transaction_isolation') = 'read committed' then
            begin
              if pg_try_advisory_xact_lock(91638701835335) then
                -- A new statement, so a new snapshot: every writer that released its shared
                -- lock had committed before, and its entries are seen here.
                select h.tree_size into free_from from ledger_head h
                where h.id = 1 and not exists (select 1 from ledger_entries e
                  where e.entry_hash is null and e.leaf_index >= 0);
                if found then
                  perform setval('ledger_leaf_index_seq', free_from + 1, false);
                  r_position := free_from;
                end if;
              end if;
              raise sqlstate 'SXL00';
            exception when sqlstate 'SXL00' then
              null;
            end;
            if r_position < drawn then
              select h.tree_size, h.frontier, h.last_entry_hash into head
              from ledger_head h where h.id = 1 and h.tree_size = r_position
              for update skip locked;
              r_is_locked := found;
            end if;
          end if;
        end if;
        if r_is_locked then
          r_head_size := head.tree_size;
          r_head_frontier := head.frontier;
          r_head_last_hash := head.last_entry_hash;
          r_is_chained := head.tree_size = p_expected_size
            and head.last_entry_hash = p_expected_last_hash;
        else
          select h.tree_size, h.frontier, h.last_entry_hash
          into r_head_size, r_head_frontier, r_head_last_hash
          from ledger_head h where h.id = 1;
        end if;
        insert into ledger_entries (kind, subject_type, subject_id, agency_id, case_id,
          actor_user_id, actor_name, actor_ip, actor_user_agent, recorded_at, payload,
          leaf_index, payload_canonical, payload_hash, prev_hash, entry_hash)
        values (p_kind, p_subject_type, p_subject_id, p_agency_id, p_case_id,
          p_actor_user_id, p_actor_name, p_actor_ip, p_actor_user_agent, p_recorded_at,
          p_payload, r_position, p_payload_canonical, p_payload_hash,
          case when r_is_chained then p_expected_last_hash end,
          case when r_is_chained then p_entry_hash end)
        on conflict (leaf_index) do nothing;
        if found then
          if r_is_chained then
            update ledger_head set tree_size = p_expected_size + 1, frontier = p_new_frontier,
              last_entry_hash = p_entry_hash, updated_at = now()
            where id = 1;
            insert into ledger_nodes (level, index, hash)
            select * from unnest(p_node_levels, p_node_indexes, p_node_hashes);
          end if;
          return;
        end if;
        -- A void holds the position: draw another.
      end loop;
    end $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_append(boolean, bigint, text, text[], text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, jsonb, text, text)`.execute(db);
  await appendFunction2210.up(db);
}
