// What an instrument template is: its kind, title, 文号 code, the fields printed in order, what the
// law requires to be filled before it may be rendered (each requirement cited), whether the
// agency's seal is drawn, and the signature lines; and the pieces templates share.
import type { CaseKind } from '../cases/cases.tables.ts';
import type { Citation } from '../profile/profile.values.ts';
import type { FieldKey } from './instruments.fields.ts';
import { CITES } from './instruments.law.ts';

export const INSTRUMENT_KINDS = [
  'case_source_register',
  'filing_approval',
  'non_filing_approval',
  'on_site_transcript',
  'inquiry_transcript',
  'inspection_transcript',
  'sampling_receipt',
  'preservation_notice',
  'preservation_decision',
  'seizure_decision',
  'rectification_order',
  'penalty_prior_notice',
  'hearing_rights_notice',
  'hearing_notice',
  'hearing_transcript',
  'defence_transcript',
  'legal_review_opinion',
  'collective_discussion_record',
  'penalty_decision',
  'on_spot_penalty_decision',
  'service_receipt',
  'payment_reminder',
  'enforcement_decision',
  'closing_approval',
  'inspection_notice',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** Facts of a case on which a requirement depends, with the words the template list shows. */
export const CASE_CONDITIONS = {
  hearingEligible: '拟作出的行政处罚属于听证范围的',
} as const;
export type CaseCondition = keyof typeof CASE_CONDITIONS;

export interface Requirement {
  fields: readonly FieldKey[];
  source: Citation;
  /** Required only where the case meets this condition (the notice of a hearing, art.63). */
  when?: CaseCondition;
}

export interface InstrumentTemplate {
  kind: InstrumentKind;
  title: string;
  /** The code in the 文号, e.g. 罚决 in 薛市监罚决〔2026〕12号; an agency may override it. */
  code: string;
  /** Case kinds it serves; absent = any. */
  caseKinds?: readonly CaseKind[];
  /** Fixed text printed before the fields. */
  preamble?: string;
  fields: readonly FieldKey[];
  required: readonly Requirement[];
  /** Whether the agency's round seal is drawn (forms signed by people are not sealed). */
  isSealed: boolean;
  signatures: readonly string[];
}

export const PARTY: FieldKey[] = [
  'partyName',
  'partyIdentity',
  'legalRepresentative',
  'partyAddress',
];
export const TRANSCRIPT_SIGNATURES = ['当事人签名：', '执法人员签名：', '记录人签名：'];
export const APPROVAL_SIGNATURES = ['承办人签名：', '负责人签名：'];

export const transcriptRequirements: Requirement[] = [
  {
    fields: ['officers', 'credentialsShown', 'partySignature'],
    source: CITES.xcTranscriptOfficers,
  },
  { fields: ['officers', 'time', 'place', 'content'], source: CITES.officersShowCredentials },
];

export const T = (t: InstrumentTemplate) => t;
