// Catalogue extensions of agencies, declared facts and stored classifications (part of the
// review repository; see review.repository.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CatalogEntry } from '../profile/profile.values.ts';
import type { MajorFact } from '../profile/profile.vocabulary.ts';
import type { EvaluatedEntry } from './review.catalog.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export const reviewCatalogRepository = {
  // --- Catalogue extensions and declared facts ---------------------------------------------------

  async listCatalogExtensions(db: Db, agencyId: string): Promise<EvaluatedEntry[]> {
    const rows = await db
      .selectFrom('major_catalog_extensions')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      label: r.label,
      decisionKind: r.decision_kind as CatalogEntry['decisionKind'],
      when: r.conditions as CatalogEntry['when'],
      source: {
        type: 'agency_extension',
        extensionId: r.id,
        reason: r.reason,
        filing:
          r.filing_authority && r.filing_no && r.filed_on
            ? { authority: r.filing_authority, filingNo: r.filing_no, filedOn: r.filed_on }
            : null,
      },
    }));
  },

  async insertCatalogExtension(
    trx: Trx,
    row: {
      agencyId: string;
      entry: Omit<CatalogEntry, 'source'>;
      reason: string;
      filing: { authority: string; filingNo: string; filedOn: string } | null;
      createdBy: string;
      createdByName: string;
    },
  ): Promise<string> {
    const inserted = await trx
      .insertInto('major_catalog_extensions')
      .values({
        agency_id: row.agencyId,
        code: row.entry.code,
        label: row.entry.label,
        decision_kind: row.entry.decisionKind,
        conditions: JSON.stringify(row.entry.when),
        reason: row.reason,
        filing_authority: row.filing?.authority ?? null,
        filing_no: row.filing?.filingNo ?? null,
        filed_on: row.filing?.filedOn ?? null,
        created_by: row.createdBy,
        created_by_name: row.createdByName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  },

  async latestFacts(db: Db, caseId: string) {
    const row = await db
      .selectFrom('legal_review_facts')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? {
          facts: row.facts as Partial<Record<MajorFact, boolean>>,
          note: row.note,
          declaredByName: row.declared_by_name,
          declaredAt: row.declared_at,
        }
      : null;
  },

  async insertFacts(
    trx: Trx,
    row: {
      caseId: string;
      facts: Record<string, boolean>;
      note: string | null;
      by: string;
      byName: string;
    },
  ) {
    await trx
      .insertInto('legal_review_facts')
      .values({
        case_id: row.caseId,
        facts: JSON.stringify(row.facts),
        note: row.note,
        declared_by: row.by,
        declared_by_name: row.byName,
      })
      .execute();
  },

  async saveClassification(
    trx: Trx,
    row: {
      caseId: string;
      proposalHash: string;
      proposal: unknown;
      isMajor: boolean;
      result: Record<string, unknown>;
      profileId: string;
      profileVersion: string;
      byName: string;
      ledgerSeq: number;
    },
  ) {
    const values = {
      proposal: json(row.proposal),
      is_major: row.isMajor,
      result: JSON.stringify(row.result),
      profile_id: row.profileId,
      profile_version: row.profileVersion,
      classified_by_name: row.byName,
      classified_at: new Date(),
      ledger_seq: row.ledgerSeq,
    };
    await trx
      .insertInto('legal_review_classifications')
      .values({ case_id: row.caseId, proposal_hash: row.proposalHash, ...values })
      .onConflict((oc) => oc.columns(['case_id', 'proposal_hash']).doUpdateSet(values))
      .execute();
  },

  async findClassification(db: Db, caseId: string, proposalHash: string) {
    const row = await db
      .selectFrom('legal_review_classifications')
      .select(['is_major', 'result', 'classified_at', 'classified_by_name'])
      .where('case_id', '=', caseId)
      .where('proposal_hash', '=', proposalHash)
      .executeTakeFirst();
    return row
      ? {
          isMajor: row.is_major,
          result: row.result,
          classifiedAt: row.classified_at,
          classifiedByName: row.classified_by_name,
        }
      : null;
  },
};
