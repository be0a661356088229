// The public Decision of API.md, built from a disclosure row. The same function makes the
// snapshot written to the ledger at each publication event, so what the ledger proves is exactly
// what the portal shows (minus ledgerIndex, which names the entry itself).
import type { DecisionRow } from './disclosure.repository.ts';
import { CATEGORY_LABELS } from './disclosure.project.ts';
import type { DecisionStatus, DisclosureCategory } from './disclosure.tables.ts';

export type DecisionViewSource = Pick<
  DecisionRow,
  | 'id'
  | 'agency_id'
  | 'agency_name'
  | 'doc_no'
  | 'category'
  | 'power_name'
  | 'party'
  | 'party_credit_code'
  | 'facts'
  | 'legal_basis'
  | 'result'
  | 'decided_on'
  | 'published_at'
  | 'status'
  | 'corrected_at'
  | 'withdrawn_at'
  | 'withdrawal_reason'
  | 'display_until'
>;

export interface DecisionSnapshot {
  id: string;
  docNo: string;
  agency: string;
  agencyId: string;
  category: DisclosureCategory;
  categoryLabel: string;
  power: string;
  party: string;
  partyCreditCode?: string;
  facts: string;
  legalBasis: string;
  result: string;
  decidedOn: string;
  publishedAt: string;
  status: DecisionStatus;
  correctedAt?: string;
  withdrawal?: { at: string; reason: string };
  displayUntil: string | null;
}

export interface DecisionView extends DecisionSnapshot {
  ledgerIndex: number;
}

export function toDecisionSnapshot(row: DecisionViewSource): DecisionSnapshot {
  return {
    id: row.id,
    docNo: row.doc_no,
    agency: row.agency_name,
    agencyId: row.agency_id,
    category: row.category,
    categoryLabel: CATEGORY_LABELS[row.category],
    power: row.power_name,
    party: row.party,
    ...(row.party_credit_code ? { partyCreditCode: row.party_credit_code } : {}),
    facts: row.facts,
    legalBasis: row.legal_basis,
    result: row.result,
    decidedOn: row.decided_on,
    publishedAt: row.published_at.toISOString(),
    status: row.status,
    ...(row.corrected_at ? { correctedAt: row.corrected_at.toISOString() } : {}),
    ...(row.withdrawn_at && row.withdrawal_reason
      ? { withdrawal: { at: row.withdrawn_at.toISOString(), reason: row.withdrawal_reason } }
      : {}),
    displayUntil: row.display_until,
  };
}

export function toDecisionView(row: DecisionRow): DecisionView {
  return { ...toDecisionSnapshot(row), ledgerIndex: row.ledger_index };
}
