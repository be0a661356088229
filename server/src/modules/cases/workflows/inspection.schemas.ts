// Inputs of the inspection workflows (行政检查): routine checks, 双随机 checks and checks after a
// permit granted on the applicant's commitment (告知承诺).
import { Type } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../../shared/schemas.ts';
import { LegalBasis, LongText, onSiteRecordFields, Reason } from './kinds.schemas.ts';

export const INSPECTION_PROCEDURES = ['routine', 'random', 'commitment'] as const;

const Count = Type.Integer({ minimum: 1, maximum: 10_000_000 });

/** The record of the draw (抽取记录): what was drawn from what, by which method. */
export const SelectionInput = StrictObject({
  randomCheckItemId: Uuid,
  taskName: Type.String({ minLength: 2, maxLength: 200 }),
  drawnOn: IsoDate,
  method: Type.Enum(['system', 'lottery', 'other'], {
    description: '抽取方式：系统随机、摇号、其他',
  }),
  entityPoolSize: Count,
  entitiesDrawn: Count,
  officerPoolSize: Count,
  drawnOfficerIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
  recordRef: Type.String({ minLength: 1, maxLength: 200, description: '抽取记录编号或存档位置' }),
});

export const CommitmentBasisInput = StrictObject({
  permitNo: Type.String({ minLength: 1, maxLength: 100 }),
  permitDecidedOn: IsoDate,
  commitment: Type.String({ minLength: 2, maxLength: 4000, description: '申请人承诺的条件' }),
});

export const PlanInspectionInput = StrictObject({
  plannedOn: IsoDate,
  reason: Reason,
  items: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1 }),
});

export const InspectionRecordInput = StrictObject({
  inspectedOn: IsoDate,
  ...onSiteRecordFields,
  /** How the officers' credentials were shown (扫码入企 is for the disclosure issue to add). */
  credentialForm: Type.Enum(['paper', 'electronic']),
  noticeDocNo: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: '行政检查通知书文号' }),
  ),
  itemsChecked: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1 }),
  result: Type.Enum(['normal', 'problems']),
  problems: Type.Optional(LongText),
});

export const RectificationOrderInput = StrictObject({
  issuedOn: IsoDate,
  docNo: Type.String({ minLength: 1, maxLength: 100, description: '责令改正通知书文号' }),
  items: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1 }),
  deadlineOn: IsoDate,
  legalBasis: LegalBasis,
});

export const RecheckInput = StrictObject({
  recheckedOn: IsoDate,
  ...onSiteRecordFields,
  outcome: Type.Enum(['rectified', 'not_rectified']),
});

export const ReferInput = StrictObject({
  referredOn: IsoDate,
  to: Type.Enum(['penalty', 'permit_revocation', 'other_agency']),
  reason: Reason,
  target: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: '新立案件编号或移送机关' }),
  ),
});
