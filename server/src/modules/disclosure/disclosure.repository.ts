// The only place the disclosure pipeline touches Kysely: the case data it reads once (to make the
// redacted projection), the queue, the public rows and their write-once events.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CaseForDisclosure, DecisionContent } from './disclosure.project.ts';
import type {
  DecisionStatus,
  DisclosureCategory,
  DisclosureEventKind,
  DisclosureTables,
  QueueStatus,
} from './disclosure.tables.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
export type DecisionRow = Selectable<DisclosureTables['disclosure_decisions']>;
export type QueueRow = Selectable<DisclosureTables['disclosure_queue']>;

export interface StoredDecision extends DecisionContent {
  agencyId: string;
  agencyName: string;
  docNoNorm: string;
  searchText: string;
  displayUntil: string | null;
  displayBasis: string | null;
  isEarlyEndBarred: boolean;
}

export const disclosureRepository = {
  async loadCase(db: Db, caseId: string): Promise<CaseForDisclosure | undefined> {
    const row = await db
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .leftJoin('powers', 'powers.id', 'cases.power_id')
      .select([
        'cases.id',
        'cases.agency_id',
        'agencies.name as agency_name',
        'cases.case_no',
        'cases.kind',
        'cases.title',
        'cases.facts',
        'cases.decided_on',
        'cases.details',
        'powers.name as power_name',
        'powers.legal_basis as power_legal_basis',
        'cases.procedure',
        'cases.state',
      ])
      .where('cases.id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    const parties = await db
      .selectFrom('case_parties')
      .select([
        'kind',
        'name',
        'id_card_no',
        'credit_code',
        'legal_representative',
        'address',
        'phone',
      ])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    return {
      caseId: row.id,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      caseNo: row.case_no,
      kind: row.kind,
      title: row.title,
      facts: row.facts,
      decidedOn: row.decided_on,
      details: row.details,
      powerName: row.power_name,
      powerLegalBasis: row.power_legal_basis,
      procedure: row.procedure,
      state: row.state,
      parties: parties.map((p) => ({
        kind: p.kind,
        name: p.name,
        idCardNo: p.id_card_no,
        creditCode: p.credit_code,
        legalRepresentative: p.legal_representative,
        address: p.address,
        phone: p.phone,
      })),
    };
  },

  async requiresSignoff(db: Db, agencyId: string): Promise<boolean> {
    const row = await db
      .selectFrom('disclosure_settings')
      .select('requires_signoff')
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return row?.requires_signoff ?? false;
  },

  async saveSettings(db: Db, agencyId: string, requiresSignoff: boolean) {
    await db
      .insertInto('disclosure_settings')
      .values({ agency_id: agencyId, requires_signoff: requiresSignoff })
      .onConflict((oc) =>
        oc
          .column('agency_id')
          .doUpdateSet({ requires_signoff: requiresSignoff, updated_at: new Date() }),
      )
      .execute();
  },

  async findQueueByCase(db: Db, caseId: string): Promise<QueueRow | undefined> {
    return db
      .selectFrom('disclosure_queue')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },

  async findQueue(db: Db, id: string): Promise<QueueRow | undefined> {
    return db.selectFrom('disclosure_queue').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async lockQueue(trx: Trx, id: string): Promise<QueueRow | undefined> {
    return trx
      .selectFrom('disclosure_queue')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async insertQueue(
    trx: Trx,
    row: {
      id?: string | undefined;
      agencyId: string;
      caseId: string;
      category: DisclosureCategory;
      ruleKey: string;
      ruleText: string;
      decidedOn: string;
      dueOn: string | null;
      deadlineId: string | null;
    },
  ): Promise<QueueRow> {
    return trx
      .insertInto('disclosure_queue')
      .values({
        ...(row.id ? { id: row.id } : {}),
        agency_id: row.agencyId,
        case_id: row.caseId,
        category: row.category,
        rule_key: row.ruleKey,
        rule_text: row.ruleText,
        decided_on: row.decidedOn,
        due_on: row.dueOn,
        deadline_id: row.deadlineId,
        status: 'pending_signoff',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async settleQueue(
    trx: Trx,
    id: string,
    patch: {
      status: QueueStatus;
      withheldFields: string[];
      withholdReason: string | null;
      publicationId: string | null;
      decidedBy: string | null;
      decidedAt: Date;
    },
  ) {
    await trx
      .updateTable('disclosure_queue')
      .set({
        status: patch.status,
        withheld_fields: patch.withheldFields,
        withhold_reason: patch.withholdReason,
        publication_id: patch.publicationId,
        decided_by: patch.decidedBy,
        decided_at: patch.decidedAt,
      })
      .where('id', '=', id)
      .execute();
  },

  async insertDecision(
    trx: Trx,
    id: string,
    d: StoredDecision,
    publishedAt: Date,
    ledgerIndex: number,
  ) {
    await trx
      .insertInto('disclosure_decisions')
      .values({
        id,
        agency_id: d.agencyId,
        agency_name: d.agencyName,
        doc_no: d.docNo,
        doc_no_norm: d.docNoNorm,
        category: d.category,
        power_name: d.powerName,
        party: d.party,
        party_credit_code: d.partyCreditCode,
        facts: d.facts,
        legal_basis: d.legalBasis,
        result: d.result,
        decided_on: d.decidedOn,
        published_at: publishedAt,
        status: 'published',
        ledger_index: ledgerIndex,
        display_until: d.displayUntil,
        display_basis: d.displayBasis,
        is_early_end_barred: d.isEarlyEndBarred,
        search_text: d.searchText,
      })
      .execute();
  },

  async lockDecision(trx: Trx, id: string): Promise<DecisionRow | undefined> {
    return trx
      .selectFrom('disclosure_decisions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async updateDecision(
    trx: Trx,
    id: string,
    patch: Partial<{
      content: DecisionContent;
      searchText: string;
      docNoNorm: string;
      status: DecisionStatus;
      correctedAt: Date;
      withdrawnAt: Date;
      withdrawalReason: string;
      displayUntil: string;
      ledgerIndex: number;
    }>,
  ) {
    const c = patch.content;
    await trx
      .updateTable('disclosure_decisions')
      .set({
        ...(c
          ? {
              doc_no: c.docNo,
              power_name: c.powerName,
              party: c.party,
              party_credit_code: c.partyCreditCode,
              facts: c.facts,
              legal_basis: c.legalBasis,
              result: c.result,
            }
          : {}),
        ...(patch.docNoNorm !== undefined ? { doc_no_norm: patch.docNoNorm } : {}),
        ...(patch.searchText !== undefined ? { search_text: patch.searchText } : {}),
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.correctedAt ? { corrected_at: patch.correctedAt } : {}),
        ...(patch.withdrawnAt ? { withdrawn_at: patch.withdrawnAt } : {}),
        ...(patch.withdrawalReason ? { withdrawal_reason: patch.withdrawalReason } : {}),
        ...(patch.displayUntil ? { display_until: patch.displayUntil } : {}),
        ...(patch.ledgerIndex !== undefined ? { ledger_index: patch.ledgerIndex } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  async insertEvent(
    trx: Trx,
    e: {
      decisionId: string;
      event: DisclosureEventKind;
      at: Date;
      reason: string | null;
      snapshot: Record<string, unknown>;
      ledgerIndex: number;
    },
  ) {
    await trx
      .insertInto('disclosure_events')
      .values({
        decision_id: e.decisionId,
        event: e.event,
        at: e.at,
        reason: e.reason,
        snapshot: JSON.stringify(e.snapshot),
        ledger_index: e.ledgerIndex,
      })
      .execute();
  },

  async findDecision(db: Db, id: string): Promise<DecisionRow | undefined> {
    return db
      .selectFrom('disclosure_decisions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async listEvents(db: Db, decisionId: string) {
    return db
      .selectFrom('disclosure_events')
      .select(['event', 'at', 'reason', 'ledger_index'])
      .where('decision_id', '=', decisionId)
      .orderBy('id')
      .execute();
  },

  async agencyName(db: Db, agencyId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', agencyId)
      .executeTakeFirst();
    return row?.name;
  },
};
