import { Type, type Static } from 'typebox';
import {
  CreditCode,
  IdCardNo,
  IsoDate,
  Name,
  Phone,
  StrictObject,
  Uuid,
} from '../../shared/schemas.ts';
import { DeadlineView } from '../deadlines/deadlines.schemas.ts';

export const CASE_KINDS = ['penalty', 'permit', 'coercion', 'inspection', 'expropriation'] as const;
export const CASE_SOURCES = [
  'complaint',
  'inspection',
  'referral',
  'transfer',
  'application',
  'random_check',
  'other',
] as const;

const PartyBody = Type.Union([
  StrictObject({
    kind: Type.Literal('person'),
    name: Name,
    idCardNo: Type.Union([IdCardNo, Type.Null()]),
    address: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    phone: Type.Union([Phone, Type.Null()]),
  }),
  StrictObject({
    kind: Type.Literal('organisation'),
    name: Name,
    creditCode: CreditCode,
    legalRepresentative: Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()]),
    address: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    phone: Type.Union([Phone, Type.Null()]),
  }),
]);

/** A client's key for a request it may send again: letters, digits and . _ : - (a UUID fits). */
const IdempotencyKey = (description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9._:-]{8,100}$', description });

export const CreateCaseBody = StrictObject({
  kind: Type.Enum(CASE_KINDS),
  procedure: Type.String({ minLength: 1, maxLength: 30 }),
  source: Type.Enum(CASE_SOURCES),
  sourceDetail: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  powerId: Type.Union([Uuid, Type.Null()]),
  handlingUnitId: Type.Union([Uuid, Type.Null()]),
  title: Type.String({ minLength: 2, maxLength: 200 }),
  facts: Type.Union([Type.String({ maxLength: 20000 }), Type.Null()]),
  parties: Type.Array(PartyBody, { maxItems: 20 }),
  officers: Type.Array(StrictObject({ personId: Uuid, role: Type.Enum(['lead', 'assist']) }), {
    minItems: 1,
    maxItems: 10,
  }),
  idempotencyKey: Type.Optional(
    IdempotencyKey(
      '幂等键：未收到应答而重发同一登记请求时带上同一键，只登记一次并返回首次登记的案件',
    ),
  ),
});
export type CreateCaseInput = Static<typeof CreateCaseBody>;

export const ActionBody = StrictObject({
  input: Type.Optional(Type.Unknown({ description: '该环节的填报内容，格式见各环节说明' })),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  idempotencyKey: Type.Optional(
    IdempotencyKey('幂等键：未收到应答而重发同一办理请求时带上同一键，只办理一次'),
  ),
});
export type ActionBodyInput = Static<typeof ActionBody>;

export const ActionParams = StrictObject({
  caseId: Uuid,
  action: Type.String({ pattern: '^[a-z_]{2,40}$' }),
});
export const CaseParams = StrictObject({ caseId: Uuid });

export const CaseView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  caseNo: Type.String(),
  kind: Type.Enum(CASE_KINDS),
  procedure: Type.String(),
  procedureLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  version: Type.Integer(),
  powerId: Type.Union([Uuid, Type.Null()]),
  filedOn: Type.Union([IsoDate, Type.Null()]),
  decidedOn: Type.Union([IsoDate, Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  parties: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.Enum(['person', 'organisation']),
      name: Type.String(),
      idCardNoMasked: Type.Union([Type.String(), Type.Null()]),
      creditCode: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  officers: Type.Array(
    Type.Object({
      personId: Uuid,
      name: Type.String(),
      role: Type.Enum(['lead', 'assist']),
      credentialNo: Type.String(),
      recusalDeclaredAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  availableActions: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Type.String(),
      inputSchema: Type.Record(Type.String(), Type.Unknown(), {
        description:
          '该环节请求体中 input 的 JSON Schema（服务器据此校验），各字段的 title 为中文名称',
      }),
    }),
  ),
  deadlines: Type.Array(DeadlineView, {
    description: '本案的法定期限（含法制审核、音像上传、公示）',
  }),
  flags: Type.Array(
    Type.Object({
      kind: Type.String(),
      state: Type.Enum(['overdue', 'missed']),
      message: Type.String(),
    }),
    { description: '逾期提示：期限已过未办结（overdue）或逾期后才办结（missed）' },
  ),
  replayed: Type.Optional(Type.Boolean()),
});
export type CaseView = Static<typeof CaseView>;

export const CaseListQuery = StrictObject({
  agencyId: Type.Optional(Uuid),
  state: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const CaseSummary = Type.Object({
  id: Uuid,
  caseNo: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  title: Type.String(),
  agencyId: Uuid,
  agencyName: Type.String(),
  updatedAt: Type.String(),
});

export const PartyRecordsQuery = Type.Union([
  StrictObject({ creditCode: CreditCode }),
  StrictObject({ idCardNo: IdCardNo }),
]);

export const TimelineEntry = Type.Object({
  seq: Type.Integer(),
  kind: Type.String(),
  actorName: Type.String(),
  recordedAt: Type.String(),
  entryHash: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
});
