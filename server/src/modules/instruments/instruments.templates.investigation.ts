// Templates of the investigation stage: case source and filing, transcripts, sampling, evidence
// preservation, seizure, orders to correct, inspection notices.
import { CITES } from './instruments.law.ts';
import {
  APPROVAL_SIGNATURES,
  PARTY,
  T,
  TRANSCRIPT_SIGNATURES,
  transcriptRequirements,
  type InstrumentKind,
  type InstrumentTemplate,
} from './instruments.template-model.ts';

export const INVESTIGATION_TEMPLATES = {
  case_source_register: T({
    kind: 'case_source_register',
    title: '案件来源登记表',
    code: '案源',
    fields: ['caseTitle', 'caseSource', 'sourceDetail', 'registeredOn', ...PARTY, 'facts'],
    required: [
      { fields: ['caseSource', 'sourceDetail', 'registeredOn', 'facts'], source: CITES.filing },
    ],
    isSealed: false,
    signatures: ['登记人签名：', '负责人意见及签名：'],
  }),
  filing_approval: T({
    kind: 'filing_approval',
    title: '立案审批表',
    code: '立审',
    fields: ['caseTitle', 'caseSource', ...PARTY, 'facts', 'legalBasis', 'officers'],
    required: [
      { fields: ['caseTitle', 'partyName', 'facts', 'legalBasis'], source: CITES.filing },
      { fields: ['officers'], source: CITES.officersShowCredentials },
      { fields: ['approvalOpinion', 'approvedBy', 'approvedOn'], source: CITES.xcApprovalRecord },
    ],
    isSealed: false,
    signatures: APPROVAL_SIGNATURES,
  }),
  non_filing_approval: T({
    kind: 'non_filing_approval',
    title: '不予立案审批表',
    code: '不立审',
    fields: ['caseTitle', 'caseSource', 'sourceDetail', ...PARTY, 'notFiledReason'],
    required: [
      { fields: ['caseTitle', 'notFiledReason'], source: CITES.filing },
      { fields: ['approvalOpinion', 'approvedBy', 'approvedOn'], source: CITES.xcApprovalRecord },
    ],
    isSealed: false,
    signatures: APPROVAL_SIGNATURES,
  }),
  on_site_transcript: T({
    kind: 'on_site_transcript',
    title: '现场笔录',
    code: '现笔',
    fields: [
      'time',
      'place',
      ...PARTY,
      'officers',
      'credentialsShown',
      'content',
      'partySignature',
    ],
    required: [
      ...transcriptRequirements,
      { fields: ['partyName'], source: CITES.measureProcedure },
    ],
    isSealed: false,
    signatures: TRANSCRIPT_SIGNATURES,
  }),
  inquiry_transcript: T({
    kind: 'inquiry_transcript',
    title: '询问笔录',
    code: '询笔',
    fields: [
      'time',
      'place',
      ...PARTY,
      'officers',
      'credentialsShown',
      'content',
      'partySignature',
    ],
    required: [
      ...transcriptRequirements,
      { fields: ['partyName'], source: CITES.xcInvestigationRecords },
    ],
    isSealed: false,
    signatures: ['被询问人签名：', '询问人签名：', '记录人签名：'],
  }),
  inspection_transcript: T({
    kind: 'inspection_transcript',
    title: '现场检查（勘验）笔录',
    code: '检笔',
    fields: [
      'time',
      'place',
      ...PARTY,
      'officers',
      'credentialsShown',
      'content',
      'partySignature',
    ],
    required: transcriptRequirements,
    isSealed: false,
    signatures: TRANSCRIPT_SIGNATURES,
  }),
  sampling_receipt: T({
    kind: 'sampling_receipt',
    title: '抽样取证凭证',
    code: '抽样',
    fields: ['time', 'place', ...PARTY, 'officers', 'items', 'samplingMethod', 'partySignature'],
    required: [
      { fields: ['partyName', 'items', 'time', 'place'], source: CITES.officersShowCredentials },
      { fields: ['officers', 'partySignature'], source: CITES.xcTranscriptOfficers },
    ],
    isSealed: true,
    signatures: ['被抽样人签名：', '执法人员签名：'],
  }),
  preservation_notice: T({
    kind: 'preservation_notice',
    title: '先行登记保存证据通知书',
    code: '登保',
    preamble:
      '经本机关负责人批准，对下列证据予以先行登记保存。保存期间，当事人或者有关人员不得销毁或者转移证据。',
    fields: [...PARTY, 'facts', 'items', 'preservationPeriod', 'legalBasis'],
    required: [
      { fields: ['partyName', 'items', 'preservationPeriod'], source: CITES.preservation },
    ],
    isSealed: true,
    signatures: ['当事人签名：', '执法人员签名：'],
  }),
  preservation_decision: T({
    kind: 'preservation_decision',
    title: '先行登记保存证据处理决定书',
    code: '登保决',
    fields: [...PARTY, 'items', 'preservationOutcome', 'legalBasis', 'remedies'],
    required: [
      { fields: ['partyName', 'items', 'preservationOutcome'], source: CITES.preservation },
    ],
    isSealed: true,
    signatures: [],
  }),
  seizure_decision: T({
    kind: 'seizure_decision',
    title: '查封（扣押）决定书',
    code: '查扣决',
    fields: [...PARTY, 'seizureReason', 'seizureTerm', 'seizurePlace', 'remedies'],
    required: [
      {
        fields: ['partyName', 'partyAddress', 'seizureReason', 'seizureTerm', 'seizurePlace'],
        source: CITES.seizureDecision,
      },
      { fields: ['remedies'], source: CITES.seizureDecision },
    ],
    isSealed: true,
    signatures: [],
  }),
  rectification_order: T({
    kind: 'rectification_order',
    title: '责令改正通知书',
    code: '责改',
    fields: [...PARTY, 'facts', 'legalBasis', 'rectification', 'rectifyBy'],
    required: [
      {
        fields: ['partyName', 'facts', 'legalBasis', 'rectification', 'rectifyBy'],
        source: CITES.rectification,
      },
    ],
    isSealed: true,
    signatures: [],
  }),
  inspection_notice: T({
    kind: 'inspection_notice',
    title: '行政检查通知书',
    code: '检通',
    fields: [
      ...PARTY,
      'inspectionMatter',
      'inspectionBasis',
      'inspectionTime',
      'officers',
      'inspectionRequirements',
    ],
    required: [
      {
        fields: ['partyName', 'inspectionMatter', 'inspectionBasis', 'inspectionTime', 'officers'],
        source: CITES.officersShowCredentials,
      },
    ],
    isSealed: true,
    signatures: [],
  }),
} satisfies Partial<Record<InstrumentKind, InstrumentTemplate>>;
