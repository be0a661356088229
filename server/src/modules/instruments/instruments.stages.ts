// Which instruments each stage of a case calls for: the case engine's states mapped to the
// documents an officer produces there (立案审批表 when filing is requested, 事先告知书 once its
// service date is recorded — its periods run from that day —, 决定书 at the decision, 送达回证 at
// service, 结案审批表 at closing …). The list of a case's instruments marks these as suggested,
// each already filled from the case.
import type { InstrumentKind } from './instruments.templates.ts';

const PENALTY: Record<string, readonly InstrumentKind[]> = {
  registered: [
    'case_source_register',
    'filing_approval',
    'non_filing_approval',
    'on_spot_penalty_decision',
  ],
  filing_pending: ['filing_approval', 'non_filing_approval'],
  investigating: [
    'on_site_transcript',
    'inquiry_transcript',
    'inspection_transcript',
    'sampling_receipt',
    'preservation_notice',
    'preservation_decision',
    'rectification_order',
  ],
  notified: [
    'penalty_prior_notice',
    'hearing_rights_notice',
    'defence_transcript',
    'collective_discussion_record',
    'legal_review_opinion',
    'penalty_decision',
  ],
  hearing_requested: ['hearing_notice'],
  hearing_scheduled: ['hearing_transcript'],
  decided: ['penalty_decision', 'service_receipt'],
  served: ['service_receipt', 'payment_reminder'],
  enforcing: ['enforcement_decision'],
  executed: ['closing_approval'],
  not_filed: ['non_filing_approval'],
  terminated: ['closing_approval'],
};

// Other kinds' workflows name their states differently; until they are mapped state by state,
// their whole set is suggested.
const BY_KIND: Partial<Record<string, readonly InstrumentKind[]>> = {
  coercion: ['on_site_transcript', 'seizure_decision', 'payment_reminder', 'enforcement_decision'],
  inspection: ['inspection_notice', 'inspection_transcript', 'rectification_order'],
};

/** Kinds suggested for a case in this state (only those not yet issued are marked). */
export function suggestedKinds(caseKind: string, state: string): readonly InstrumentKind[] {
  if (caseKind === 'penalty') return PENALTY[state] ?? [];
  return BY_KIND[caseKind] ?? [];
}
