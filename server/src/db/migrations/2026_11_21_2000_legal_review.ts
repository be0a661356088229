// Frozen: 重大执法决定法制审核 — agencies' catalogue extensions, the facts people declared, the
// classification of each proposed decision, review rounds, extensions, opinions, disputes and the
// record of every pass through the decision gate. Everything but the classification is
// write-once. A trigger on cases refuses a decision that did not pass the gate in the same
// transaction, so no code path (import, bulk update, a forgotten guard) can make one without it.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;

const WRITE_ONCE = [
  'major_catalog_extensions',
  'legal_review_facts',
  'legal_review_rounds',
  'legal_review_extensions',
  'legal_review_opinions',
  'legal_review_disputes',
  'legal_review_gate_checks',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('major_catalog_extensions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('decision_kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`decision_kind in ('any', 'penalty', 'permit', 'coercion', 'expropriation')`),
    )
    .addColumn('conditions', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // 备案: where the extension was filed before it took effect (XC 附件3 第八条).
    .addColumn('filing_authority', 'text')
    .addColumn('filing_no', 'text')
    .addColumn('filed_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('major_catalog_extensions_code_uq', ['agency_id', 'code'])
    .addCheckConstraint(
      'major_catalog_extensions_filing_ck',
      sql`(filing_no is null) = (filing_authority is null) and (filing_no is null) = (filed_on is null)`,
    )
    .execute();

  // Answers to the catalogue questions only people can settle (重大公共利益 …); newest row wins.
  await db.schema
    .createTable('legal_review_facts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('declared_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('declared_by_name', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('legal_review_facts_case_idx')
    .on('legal_review_facts')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('legal_review_classifications')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('proposal_hash', 'text', (c) => c.notNull())
    .addColumn('proposal', 'jsonb')
    .addColumn('is_major', 'boolean', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('profile_version', 'text', (c) => c.notNull())
    .addColumn('classified_by_name', 'text', (c) => c.notNull())
    .addColumn('classified_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_review_classifications_pk', ['case_id', 'proposal_hash'])
    .execute();

  await db.schema
    .createTable('legal_review_rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('round_no', 'integer', (c) => c.notNull().check(sql`round_no >= 1`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('submission', 're_review', 'reconsideration')`),
    )
    .addColumn('proposal', 'jsonb')
    .addColumn('proposal_hash', 'text', (c) => c.notNull())
    .addColumn('materials', 'jsonb', (c) => c.notNull())
    .addColumn('materials_hash', 'text', (c) => c.notNull())
    .addColumn('diff', 'jsonb')
    .addColumn('fix_note', 'text')
    .addColumn('request_reason', 'text')
    .addColumn('is_major', 'boolean', (c) => c.notNull())
    .addColumn('body_kind', 'text', (c) => c.notNull())
    .addColumn('body_agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('body_unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('body_name', 'text', (c) => c.notNull())
    .addColumn('time_limit', 'jsonb', (c) => c.notNull())
    .addColumn('deadline_id', 'uuid', (c) => c.notNull().references('deadlines.id'))
    .addColumn('due_on', 'date')
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('legal_review_rounds_no_uq', ['case_id', 'round_no'])
    .execute();
  await db.schema
    .createIndex('legal_review_rounds_body_idx')
    .on('legal_review_rounds')
    .column('body_agency_id')
    .execute();

  await db.schema
    .createTable('legal_review_extensions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    // One extension per round: the documents allow one, of a fixed length.
    .addColumn('round_id', 'uuid', (c) => c.notNull().unique().references('legal_review_rounds.id'))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 1`))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approver_title', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('approved_by_name', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'date', (c) => c.notNull())
    .addColumn('deadline_id', 'uuid', (c) => c.notNull().references('deadlines.id'))
    .addColumn('due_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_review_opinions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('round_id', 'uuid', (c) => c.notNull().unique().references('legal_review_rounds.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_label', 'text', (c) => c.notNull())
    .addColumn('is_agreement', 'boolean', (c) => c.notNull())
    .addColumn('reasons', 'text')
    .addColumn('checklist', 'jsonb', (c) => c.notNull())
    .addColumn('lawyers', 'jsonb', (c) => c.notNull())
    .addColumn('reviewer_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('reviewer_person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('given_on', 'date', (c) => c.notNull())
    .addColumn('given_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('is_late', 'boolean', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('document_text', 'text', (c) => c.notNull())
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'legal_review_opinions_reasons_ck',
      sql`is_agreement or coalesce(length(reasons), 0) > 0`,
    )
    .execute();
  await db.schema
    .createIndex('legal_review_opinions_person_idx')
    .on('legal_review_opinions')
    .column('reviewer_person_id')
    .execute();

  await db.schema
    .createTable('legal_review_disputes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('legal_review_rounds.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('objection', 'resolution')`))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) =>
      c.check(
        sql`resolution is null or resolution in ('proceed_as_proposed', 'adopt_review_opinion', 'reconsider')`,
      ),
    )
    .addColumn('proposal', 'jsonb')
    .addColumn('proposal_hash', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('legal_review_disputes_one_uq', ['round_id', 'kind'])
    .addCheckConstraint(
      'legal_review_disputes_resolution_ck',
      sql`(kind = 'resolution') = (resolution is not null)`,
    )
    .execute();

  // Every pass through the decision gate: what was decided, whether it was major and on what
  // basis. `txid` ties the pass to the transaction that makes the decision (checked below).
  await db.schema
    .createTable('legal_review_gate_checks')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('proposal', 'jsonb')
    .addColumn('proposal_hash', 'text', (c) => c.notNull())
    .addColumn('is_major', 'boolean', (c) => c.notNull())
    .addColumn('basis', 'text', (c) =>
      c.notNull().check(sql`basis in ('not_major', 'agreed', 'collective_decision')`),
    )
    .addColumn('opinion_id', 'uuid', (c) => c.references('legal_review_opinions.id'))
    .addColumn('dispute_id', 'uuid', (c) => c.references('legal_review_disputes.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('txid', 'bigint', (c) => c.notNull().defaultTo(sql`txid_current()`))
    .addColumn('checked_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('checked_by_name', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('ledger_seq', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'legal_review_gate_checks_basis_ck',
      sql`(basis = 'not_major' and not is_major and opinion_id is null and dispute_id is null)
        or (basis = 'agreed' and is_major and opinion_id is not null and dispute_id is null)
        or (basis = 'collective_decision' and is_major and dispute_id is not null and opinion_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('legal_review_gate_checks_case_idx')
    .on('legal_review_gate_checks')
    .columns(['case_id', 'txid'])
    .execute();

  for (const table of WRITE_ONCE) {
    await sql`create trigger ${sql.id(`${table}_write_once`)} before update or delete
      on ${sql.table(table)} for each row execute function sanxiang_refuse_change()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate
      on ${sql.table(table)} for each statement execute function sanxiang_refuse_change()`.execute(
      db,
    );
    await sql`revoke update, delete, truncate on ${sql.table(table)} from public`.execute(db);
  }

  // A case enters 'decided' (or gets a decision date) only in a transaction whose gate pass is for
  // exactly the proposed decision being decided; a major one only on an agreeing opinion of a
  // review of that same proposal, or on the heads' collective decision that resolved it.
  await sql`create or replace function sanxiang_legal_review_gate() returns trigger
    language plpgsql as $$
    declare
      is_entering boolean;
      chk record;
    begin
      if tg_op = 'INSERT' then
        is_entering := new.state = 'decided' or new.decided_on is not null;
      else
        is_entering := (new.state = 'decided' and old.state is distinct from 'decided')
          or (new.decided_on is not null and old.decided_on is null);
      end if;
      if not is_entering then
        return new;
      end if;
      select * into chk from legal_review_gate_checks g
        where g.case_id = new.id and g.txid = txid_current()
          and g.proposal is not distinct from (new.details -> 'proposed')
        order by g.id desc limit 1;
      if not found then
        raise exception 'case %: a decision needs the legal-review gate in the same transaction', new.id
          using errcode = 'SX002';
      end if;
      if chk.basis = 'agreed' then
        perform 1 from legal_review_opinions o
          join legal_review_rounds r on r.id = o.round_id
          where o.id = chk.opinion_id and o.is_agreement and r.case_id = new.id
            and r.proposal is not distinct from (new.details -> 'proposed');
        if not found then
          raise exception 'case %: the agreeing opinion is not for this proposed decision', new.id
            using errcode = 'SX002';
        end if;
      elsif chk.basis = 'collective_decision' then
        perform 1 from legal_review_disputes d
          where d.id = chk.dispute_id and d.case_id = new.id and d.kind = 'resolution'
            and d.resolution = 'proceed_as_proposed'
            and d.proposal is not distinct from (new.details -> 'proposed');
        if not found then
          raise exception 'case %: no collective decision for this proposed decision', new.id
            using errcode = 'SX002';
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger cases_legal_review_gate before insert or update on cases
    for each row execute function sanxiang_legal_review_gate()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists cases_legal_review_gate on cases`.execute(db);
  await sql`drop function if exists sanxiang_legal_review_gate()`.execute(db);
  for (const table of [
    'legal_review_gate_checks',
    'legal_review_disputes',
    'legal_review_opinions',
    'legal_review_extensions',
    'legal_review_rounds',
    'legal_review_classifications',
    'legal_review_facts',
    'major_catalog_extensions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
