// Frozen: the tamper-evident ledger. Each entry is chained (previous hash, entry hash) and is a
// leaf of an RFC 6962 Merkle tree whose complete subtrees are stored as nodes; the head row holds
// the tree size and the compact range (frontier) so appending costs O(log n). Ledger tables are
// write-once: triggers refuse UPDATE, DELETE and TRUNCATE, and PUBLIC loses those privileges.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ledger_entries')
    // Gapless position in the tree, assigned under the head-row lock (seq may have gaps).
    .addColumn('leaf_index', 'bigint', (c) => c.unique())
    .addColumn('payload_canonical', 'text')
    .addColumn('payload_hash', 'text')
    .addColumn('prev_hash', 'text')
    .addColumn('entry_hash', 'text')
    .execute();
  // Entries written before the chain existed are sealed at start-up; afterwards all or none.
  await sql`alter table ledger_entries add constraint ledger_entries_sealed_ck check (
    (leaf_index is null and payload_canonical is null and payload_hash is null
      and prev_hash is null and entry_hash is null)
    or (leaf_index is not null and payload_canonical is not null and payload_hash is not null
      and prev_hash is not null and entry_hash is not null))`.execute(db);

  await db.schema
    .createTable('ledger_nodes')
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('index', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'index'])
    .execute();

  await db.schema
    .createTable('ledger_head')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('frontier', sql`text[]`, (c) => c.notNull())
    .addColumn('last_entry_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into ledger_head (id, tree_size, frontier, last_entry_hash)
    values (1, 0, '{}', repeat('0', 64))`.execute(db);

  await db.schema
    .createTable('ledger_tree_heads')
    .addColumn('tree_size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One function guards every write-once table; RAISE with SQLSTATE 'SX001' so the application
  // can tell a refused tamper from other failures.
  await sql`create or replace function sanxiang_refuse_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'write-once table %: % refused', tg_table_name, tg_op
        using errcode = 'SX001';
    end $$`.execute(db);

  // Sealing a legacy entry is the only UPDATE a ledger entry may ever receive.
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

  await sql`create trigger ledger_entries_write_once before update or delete on ledger_entries
    for each row execute function sanxiang_ledger_entry_guard()`.execute(db);
  for (const table of ['ledger_entries', 'ledger_nodes', 'ledger_tree_heads']) {
    if (table !== 'ledger_entries') {
      await sql`create trigger ${sql.id(`${table}_write_once`)} before update or delete
        on ${sql.table(table)} for each row execute function sanxiang_refuse_change()`.execute(db);
    }
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate
      on ${sql.table(table)} for each statement execute function sanxiang_refuse_change()`.execute(
      db,
    );
    await sql`revoke update, delete, truncate on ${sql.table(table)} from public`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ledger_tree_heads', 'ledger_head', 'ledger_nodes']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop trigger ledger_entries_write_once on ledger_entries`.execute(db);
  await sql`drop trigger ledger_entries_no_truncate on ledger_entries`.execute(db);
  await sql`drop function sanxiang_ledger_entry_guard()`.execute(db);
  await sql`drop function sanxiang_refuse_change()`.execute(db);
  await sql`alter table ledger_entries drop constraint ledger_entries_sealed_ck`.execute(db);
  for (const column of [
    'leaf_index',
    'payload_canonical',
    'payload_hash',
    'prev_hash',
    'entry_hash',
  ]) {
    await db.schema.alterTable('ledger_entries').dropColumn(column).execute();
  }
}
