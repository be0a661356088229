// The 法制审核意见书 is issued as an instrument (numbered, rendered to PDF/DOCX, sealed) in the
// same transaction as the opinion; the opinion names it, so the sealed document is archived with
// the case and found from the review record (SH 九; XC 附件3 第十三条).
import { type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('legal_review_opinions')
    .addColumn('instrument_id', 'uuid', (c) => c.references('instruments.id'))
    .execute();
  await db.schema
    .alterTable('legal_review_opinions')
    .addColumn('instrument_doc_no', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('legal_review_opinions').dropColumn('instrument_doc_no').execute();
  await db.schema.alterTable('legal_review_opinions').dropColumn('instrument_id').execute();
}
