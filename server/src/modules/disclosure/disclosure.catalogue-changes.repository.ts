// Changes to pre-disclosure information and their publication: only this file touches
// disclosure_catalogue_changes.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CatalogueSubject } from './disclosure.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const catalogueChangesRepository = {
  async insert(
    db: Db,
    row: {
      id: string;
      agencyId: string;
      subject: CatalogueSubject;
      description: string;
      changedOn: string;
      ruleText: string;
      dueOn: string | null;
      deadlineId: string | null;
      recordedBy: string | null;
    },
  ) {
    return db
      .insertInto('disclosure_catalogue_changes')
      .values({
        id: row.id,
        agency_id: row.agencyId,
        subject: row.subject,
        description: row.description,
        changed_on: row.changedOn,
        rule_text: row.ruleText,
        due_on: row.dueOn,
        deadline_id: row.deadlineId,
        recorded_by: row.recordedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async find(db: Db, id: string, forUpdate = false) {
    let query = db.selectFrom('disclosure_catalogue_changes').selectAll().where('id', '=', id);
    if (forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async markPublished(db: Db, id: string, at: Date, on: string) {
    return db
      .updateTable('disclosure_catalogue_changes')
      .set({ published_at: at, published_on: on })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async listOfAgency(db: Db, agencyId: string, options: { openOnly: boolean }) {
    let query = db
      .selectFrom('disclosure_catalogue_changes')
      .selectAll()
      .where('agency_id', '=', agencyId);
    if (options.openOnly) query = query.where('published_at', 'is', null);
    return query.orderBy('changed_on', 'desc').orderBy('created_at', 'desc').limit(500).execute();
  },
};

export type CatalogueChangeRow = NonNullable<
  Awaited<ReturnType<typeof catalogueChangesRepository.find>>
>;
