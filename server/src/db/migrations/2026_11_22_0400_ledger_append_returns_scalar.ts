// Frozen: the ledger append returns one bigint instead of a row of six columns. On PGlite a
// call of `select * from f(…)` with six OUT columns cost 20–35 % more than `select f(…)` returning
// a scalar (a function scan and its tuple store, six fields to describe and parse), for a head
// that is needed only when the caller hashed against the wrong one. The result is
// position × 4 + state: 1 chained, 0 pending, 2 locked but not hashed against this head — then
// the caller reads the transaction's tip with sanxiang_ledger_tip() (size, last hash, frontier
// from the stored nodes) and calls again with the position. Everything else as in migration 0210.
import { sql, type Kysely } from 'kysely';
import * as appendFunction0210 from './2026_11_22_0210_ledger_append_frontier_from_nodes.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_append(boolean, bigint, bigint, text, text, text,
    smallint[], bigint[], text[], text, text, text, uuid, uuid, uuid, text, text, text,
    timestamptz, text, text)`.execute(db);
  await sql`create function sanxiang_ledger_append(
      p_defer boolean, p_position bigint,
      p_expected_size bigint, p_expected_last_hash text,
      p_new_frontier text, p_entry_hash text,
      p_node_levels smallint[], p_node_indexes bigint[], p_node_hashes text[],
      p_kind text, p_subject_type text, p_subject_id text, p_agency_id uuid, p_case_id uuid,
      p_actor_user_id uuid, p_actor_name text, p_actor_ip text, p_actor_user_agent text,
      p_recorded_at timestamptz, p_payload_canonical text, p_payload_hash text)
    returns bigint language plpgsql as $$
    declare
      r_position bigint;
      r_is_chained boolean;
      r_is_locked boolean;
      drawn bigint;
      given bigint := p_position;
      -- If this transaction holds the head row (sanxiang.ledger_tip, 'size/hash/written'): the
      -- size and last entry hash its chained entries reach, and the size at which it wrote the
      -- head row (empty while it has not written it).
      tip_text text := nullif(current_setting('sanxiang.ledger_tip', true), '');
      tip bigint;
      tip_hash text;
      written bigint;
      is_behind boolean;
      free_from bigint;
      inserted bigint;
    begin
      if tip_text is null then
        -- LEDGER_WRITERS_LOCK (ledger.seal.ts), shared: taken before drawing, held to the end
        -- (a transaction that holds the head took it with its first append).
        perform pg_advisory_xact_lock_shared(91638701835335);
      else
        tip := split_part(tip_text, '/', 1)::bigint;
        tip_hash := split_part(tip_text, '/', 2);
        written := nullif(split_part(tip_text, '/', 3), '')::bigint;
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
            select h.tree_size, h.last_entry_hash into tip, tip_hash
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
              select h.tree_size, h.last_entry_hash into tip, tip_hash
              from ledger_head h where h.id = 1 and h.tree_size = r_position
              for update skip locked;
            end if;
          end if;
          r_is_locked := coalesce(tip = r_position, false);
        end if;
        -- No expected head (p_expected_size null): the caller did not hash, expecting to be
        -- pending; if the head is its after all, it reads the tip and calls again.
        r_is_chained := r_is_locked and coalesce(tip = p_expected_size
          and tip_hash = p_expected_last_hash, false);
        if r_is_locked and not r_is_chained then
          -- Locked, but hashed against another head (or not at all): nothing is inserted; the
          -- caller reads this transaction's tip (sanxiang_ledger_tip), hashes against it and
          -- calls again with the position.
          if tip_text is null then
            tip_text := set_config('sanxiang.ledger_tip', concat_ws('/', tip, tip_hash, ''), true);
          end if;
          return r_position * 4 + 2;
        end if;
        if r_is_chained then
          if written is not null then
            -- This transaction wrote the head row already: the trigger below writes it again.
            -- The new tip is set before the insert, so that the trigger sees it even if the
            -- constraint is made immediate.
            tip_text := set_config('sanxiang.ledger_tip',
              concat_ws('/', tip + 1, p_entry_hash, written), true);
          end if;
          -- The entry and its nodes in one statement: a trigger made immediate fires after both.
          with entry as (
            insert into ledger_entries (kind, subject_type, subject_id, agency_id, case_id,
              actor_user_id, actor_name, actor_ip, actor_user_agent, recorded_at, payload,
              leaf_index, payload_canonical, payload_hash, prev_hash, entry_hash)
            values (p_kind, p_subject_type, p_subject_id, p_agency_id, p_case_id,
              p_actor_user_id, p_actor_name, p_actor_ip, p_actor_user_agent, p_recorded_at,
              p_payload_canonical::jsonb, r_position, p_payload_canonical, p_payload_hash,
              p_expected_last_hash, p_entry_hash)
            on conflict (leaf_index) do nothing
            returning 1
          )
          insert into ledger_nodes (level, index, hash)
          select * from unnest(p_node_levels, p_node_indexes, p_node_hashes)
          where exists (select 1 from entry);
          get diagnostics inserted = row_count;
          if inserted > 0 then
            if written is null then
              -- The first entry this transaction chains onto the head row writes it.
              update ledger_head set tree_size = tip + 1,
                frontier = coalesce(p_new_frontier::text[], sanxiang_ledger_frontier(tip + 1)),
                last_entry_hash = p_entry_hash, updated_at = now()
              where id = 1;
              tip_text := set_config('sanxiang.ledger_tip',
                concat_ws('/', tip + 1, p_entry_hash, tip + 1), true);
            end if;
            return r_position * 4 + 1;
          end if;
          -- A void holds the position (the head's, the void awaiting sealing): draw another.
          if written is not null then
            tip_text := set_config('sanxiang.ledger_tip', concat_ws('/', tip, tip_hash, written),
              true);
          end if;
        else
          insert into ledger_entries (kind, subject_type, subject_id, agency_id, case_id,
            actor_user_id, actor_name, actor_ip, actor_user_agent, recorded_at, payload,
            leaf_index, payload_canonical, payload_hash)
          values (p_kind, p_subject_type, p_subject_id, p_agency_id, p_case_id,
            p_actor_user_id, p_actor_name, p_actor_ip, p_actor_user_agent, p_recorded_at,
            p_payload_canonical::jsonb, r_position, p_payload_canonical, p_payload_hash)
          on conflict (leaf_index) do nothing;
          if found then
            return r_position * 4;
          end if;
          -- A void holds the position: draw another.
        end if;
        given := null;
      end loop;
    end $$`.execute(db);

  // The tip of the transaction that holds the head: its size and last entry hash, and the
  // frontier read from the stored nodes.
  await sql`create function sanxiang_ledger_tip(out size bigint, out last_hash text,
      out frontier text[])
    language plpgsql as $$
    declare
      tip_text text := nullif(current_setting('sanxiang.ledger_tip', true), '');
    begin
      if tip_text is null then
        raise exception 'this transaction does not hold the ledger head';
      end if;
      size := split_part(tip_text, '/', 1)::bigint;
      last_hash := split_part(tip_text, '/', 2);
      frontier := sanxiang_ledger_frontier(size);
    end $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function sanxiang_ledger_tip()`.execute(db);
  // Back to migration 0210's function: undo it (as far as 0200, which drops this one by its
  // arguments) and do it again.
  await appendFunction0210.down(db);
  await appendFunction0210.up(db);
}
