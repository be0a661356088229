// Requests of the legal-review routes; the answers are in review.view.schemas.ts, re-exported here.
import { Type, type Static } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../shared/schemas.ts';
import { MajorCondition } from '../profile/profile.values.ts';
import {
  DECISION_KINDS,
  MAJOR_FACT_LABELS,
  REVIEW_OUTCOMES,
} from '../profile/profile.vocabulary.ts';
import { DECLARED_FACTS } from './review.catalog.ts';

const Text = (max: number, min = 2) => Type.String({ minLength: min, maxLength: max });

export const CaseParams = StrictObject({ caseId: Uuid });
export const AgencyParams = StrictObject({ agencyId: Uuid });
export const OpinionParams = StrictObject({ caseId: Uuid, opinionId: Uuid });

// --- Requests ----------------------------------------------------------------------------------

const factProperties = Object.fromEntries(
  DECLARED_FACTS.map((f) => [
    f,
    Type.Optional(Type.Boolean({ description: MAJOR_FACT_LABELS[f] })),
  ]),
);

export const FactsBody = StrictObject({
  facts: StrictObject(factProperties, {
    description: '需要人工认定的目录事实（true 是 / false 否）；未填写的保持原认定',
    minProperties: 1,
  }),
  note: Type.Optional(Text(2000)),
});
export type FactsInput = Static<typeof FactsBody>;

export const SubmissionBody = StrictObject({
  situation: Type.String({ minLength: 2, maxLength: 20000, description: '情况说明' }),
  factsAndEvidence: Type.Optional(Text(20000)),
  procedureMaterials: Type.Optional(Text(20000)),
  legalBasis: Type.Optional(Text(4000)),
  hearingRecord: Type.Optional(Text(20000)),
  kindSpecific: Type.Optional(
    StrictObject({
      compensationPlan: Type.Optional(Text(20000)),
      executionConditions: Type.Optional(Text(4000)),
      executor: Type.Optional(Text(200)),
      executionManner: Type.Optional(Text(2000)),
      executionTime: Type.Optional(Text(200)),
      consultation: Type.Optional(Text(20000)),
      fundsInPlace: Type.Optional(Text(4000)),
    }),
  ),
  attachments: Type.Optional(
    Type.Array(StrictObject({ title: Text(200, 1), reference: Text(500, 1) }), { maxItems: 100 }),
  ),
  fixNote: Type.Optional(Type.String({ minLength: 2, maxLength: 4000, description: '整改说明' })),
  reviewUnitId: Type.Optional(Uuid),
  timeLimit: Type.Optional(
    StrictObject(
      {
        amount: Type.Integer({ minimum: 1, maximum: 60 }),
        unit: Type.Enum(['working_days', 'days']),
      },
      { description: '机关确定的审核期限（规则包未规定具体期限时填写）' },
    ),
  ),
});
export type SubmissionInput = Static<typeof SubmissionBody>;

export const OpinionBody = StrictObject({
  outcome: Type.Enum(REVIEW_OUTCOMES),
  reasons: Type.Optional(Text(20000)),
  checklist: Type.Array(
    StrictObject({
      item: Type.String({ minLength: 1, maxLength: 100 }),
      conclusion: Type.Enum(['pass', 'problem', 'not_applicable']),
      note: Type.Optional(Text(4000, 1)),
    }),
    { maxItems: 50 },
  ),
  lawyers: Type.Optional(
    Type.Array(
      StrictObject({
        name: Text(50, 1),
        kind: Type.Enum(['public_lawyer', 'legal_adviser']),
        opinion: Text(8000),
        isAdopted: Type.Boolean(),
        reasonNotAdopted: Type.Optional(Text(4000)),
      }),
      { maxItems: 10 },
    ),
  ),
});
export type OpinionInput = Static<typeof OpinionBody>;

export const ExtensionBody = StrictObject({
  reason: Text(2000),
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
});
export type ExtensionInput = Static<typeof ExtensionBody>;

export const ObjectionBody = StrictObject({
  reasons: Text(8000),
  legalBasis: Type.Optional(Text(4000)),
  negotiation: Type.Optional(
    StrictObject({
      heldOn: IsoDate,
      participants: Type.Array(Text(50, 1), { minItems: 2, maxItems: 20 }),
      record: Text(20000),
      isAgreed: Type.Boolean({ description: '协商是否达成一致' }),
    }),
  ),
});
export type ObjectionInput = Static<typeof ObjectionBody>;

export const ResolutionBody = StrictObject({
  heldOn: IsoDate,
  participants: Type.Array(Text(50, 1), { minItems: 1, maxItems: 30 }),
  minutes: Text(20000),
  resolution: Type.Enum(['proceed_as_proposed', 'adopt_review_opinion', 'reconsider']),
});
export type ResolutionInput = Static<typeof ResolutionBody>;

export const CatalogExtensionBody = StrictObject({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,40}$' }),
  label: Text(200),
  decisionKind: Type.Enum(DECISION_KINDS),
  when: Type.Array(MajorCondition, { minItems: 1, maxItems: 10 }),
  reason: Text(2000),
  filing: Type.Optional(
    StrictObject({ authority: Text(100), filingNo: Text(100, 1), filedOn: IsoDate }),
  ),
});
export type CatalogExtensionInput = Static<typeof CatalogExtensionBody>;

export * from './review.view.schemas.ts';
