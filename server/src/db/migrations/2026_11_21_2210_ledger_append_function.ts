// Frozen: the ledger append as one PL/pgSQL function. The same work as one SQL statement of
// several data-modifying CTEs, but PL/pgSQL keeps its plans for the session, where the statement
// was planned afresh on every call (about 20 ms on PGlite, far more than executing it). The
// caller hashes in advance against the head it expects; the function draws the position, locks
// the head only if the entry can be next in line and no one else holds it, and chains the entry
// only if the locked head is the expected one — otherwise the entry is inserted pending.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function sanxiang_ledger_append(
      p_defer boolean, p_sealer_application text,
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
      drawn bigint := nextval('ledger_leaf_index_seq');
      head record;
    begin
      r_is_chained := false;
      r_is_locked := false;
      if not p_defer then
        -- Next in line: the drawn position is the head's size; or it lies further on (positions
        -- of rolled-back transactions, or skipped by the sequence after a crash) while nothing is
        -- pending and no other transaction in this database runs, so none of them is in use.
        select h.tree_size, h.frontier, h.last_entry_hash into head
        from ledger_head h
        where h.id = 1 and (h.tree_size = drawn or (h.tree_size < drawn
          and not exists (select 1 from ledger_entries e
            where e.entry_hash is null and e.leaf_index >= 0)
          and not exists (select 1 from pg_stat_activity a
            where a.datname = current_database() and a.pid <> pg_backend_pid()
              and a.xact_start is not null
              and a.application_name is distinct from p_sealer_application)))
        for update skip locked;
        r_is_locked := found;
      end if;
      if r_is_locked then
        r_position := head.tree_size;
        r_head_size := head.tree_size;
        r_head_frontier := head.frontier;
        r_head_last_hash := head.last_entry_hash;
        if head.tree_size = p_expected_size and head.last_entry_hash = p_expected_last_hash then
          r_is_chained := true;
          update ledger_head set tree_size = p_expected_size + 1, frontier = p_new_frontier,
            last_entry_hash = p_entry_hash, updated_at = now()
          where id = 1;
          insert into ledger_nodes (level, index, hash)
          select * from unnest(p_node_levels, p_node_indexes, p_node_hashes);
        end if;
      else
        r_position := drawn;
        select h.tree_size, h.frontier, h.last_entry_hash
        into r_head_size, r_head_frontier, r_head_last_hash
        from ledger_head h where h.id = 1;
      end if;
      insert into ledger_entries (kind, subject_type, subject_id, agency_id, case_id,
        actor_user_id, actor_name, actor_ip, actor_user_agent, recorded_at, payload,
        leaf_index, payload_canonical, payload_hash, prev_hash, entry_hash)
      values (p_kind, p_subject_type, p_subject_id, p_agency_id, p_case_id,
        p_actor_user_id, p_actor_name, p_actor_ip, p_actor_user_agent, p_recorded_at, p_payload,
        r_position, p_payload_canonical, p_payload_hash,
        case when r_is_chained then p_expected_last_hash end,
        case when r_is_chained then p_entry_hash end);
    end $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_append(boolean, text, bigint, text, text[], text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, jsonb, text, text)`.execute(db);
}
