// Frozen: ledger positions are handed out by a sequence when the entry is inserted, and the hash
// chain may be completed after commit by a sealing step. The business transaction then needs no
// lock on the ledger head when another transaction holds it: it inserts its entry with its
// position and payload hash ("pending"), and the sealer chains committed pending entries in
// position order, filling a position left by a rolled-back transaction with a void entry.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence ledger_leaf_index_seq as bigint minvalue 0 start 0`.execute(db);
  // Continue after every position already used (the head's, or a legacy entry's).
  await sql`select setval('ledger_leaf_index_seq',
    greatest((select tree_size from ledger_head where id = 1),
             coalesce((select max(leaf_index) + 1 from ledger_entries), 0)), false)`.execute(db);
  await sql`alter sequence ledger_leaf_index_seq owned by ledger_entries.leaf_index`.execute(db);

  // Three states: legacy (nothing), pending (position and payload hash), chained (everything).
  await sql`alter table ledger_entries drop constraint ledger_entries_sealed_ck`.execute(db);
  await sql`alter table ledger_entries add constraint ledger_entries_sealed_ck check (
    (leaf_index is null and payload_canonical is null and payload_hash is null
      and prev_hash is null and entry_hash is null)
    or (leaf_index is not null and payload_canonical is not null and payload_hash is not null
      and ((prev_hash is null and entry_hash is null)
        or (prev_hash is not null and entry_hash is not null))))`.execute(db);

  // The sealer finds pending entries through this index; it stays as small as the backlog.
  await sql`create index ledger_entries_pending_idx on ledger_entries (leaf_index)
    where entry_hash is null`.execute(db);

  // Two UPDATEs an entry may ever receive: a legacy entry getting its position and chain, and a
  // pending entry getting its chain (previous and entry hash) — each once, nothing else changing.
  await sql`create or replace function sanxiang_ledger_entry_guard() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.entry_hash is null
        and (old.leaf_index is null
          or (new.leaf_index = old.leaf_index
            and new.payload_canonical = old.payload_canonical
            and new.payload_hash = old.payload_hash))
        and new.seq = old.seq and new.kind = old.kind
        and new.agency_id is not distinct from old.agency_id
        and new.case_id is not distinct from old.case_id
        and new.subject_type = old.subject_type
        and new.subject_id is not distinct from old.subject_id
        and new.actor_user_id is not distinct from old.actor_user_id
        and new.actor_name = old.actor_name
        and new.actor_ip is not distinct from old.actor_ip
        and new.actor_user_agent is not distinct from old.actor_user_agent
        and new.recorded_at = old.recorded_at
        and new.payload = old.payload then
        return new;
      end if;
      raise exception 'write-once table ledger_entries: % refused', tg_op using errcode = 'SX001';
    end $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create or replace function sanxiang_ledger_entry_guard() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.leaf_index is null
        and new.seq = old.seq and new.kind = old.kind
        and new.agency_id is not distinct from old.agency_id
        and new.case_id is not distinct from old.case_id
        and new.subject_type = old.subject_type
        and new.subject_id is not distinct from old.subject_id
        and new.actor_user_id is not distinct from old.actor_user_id
        and new.actor_name = old.actor_name
        and new.actor_ip is not distinct from old.actor_ip
        and new.actor_user_agent is not distinct from old.actor_user_agent
        and new.recorded_at = old.recorded_at
        and new.payload = old.payload then
        return new;
      end if;
      raise exception 'write-once table ledger_entries: % refused', tg_op using errcode = 'SX001';
    end $$`.execute(db);
  await sql`drop index ledger_entries_pending_idx`.execute(db);
  await sql`alter table ledger_entries drop constraint ledger_entries_sealed_ck`.execute(db);
  await sql`alter table ledger_entries add constraint ledger_entries_sealed_ck check (
    (leaf_index is null and payload_canonical is null and payload_hash is null
      and prev_hash is null and entry_hash is null)
    or (leaf_index is not null and payload_canonical is not null and payload_hash is not null
      and prev_hash is not null and entry_hash is not null))`.execute(db);
  await sql`drop sequence ledger_leaf_index_seq`.execute(db);
}
