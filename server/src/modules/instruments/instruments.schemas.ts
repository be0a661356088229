// Requests and responses of the instrument routes.
import { Type } from 'typebox';
import { StrictObject, Uuid } from '../../shared/schemas.ts';
import { INSTRUMENT_KINDS } from './instruments.templates.ts';

export const InstrumentKindSchema = Type.Enum([...INSTRUMENT_KINDS], { description: '文书种类' });

const FieldValues = Type.Record(
  Type.String({ pattern: '^[a-zA-Z]+$' }),
  Type.String({ minLength: 1, maxLength: 20000 }),
  {
    description: '补充或更正的栏目内容（栏目名见文书模板）；系统栏目（文号、机关、日期）不可填写',
  },
);

export const IssueBody = StrictObject({
  kind: InstrumentKindSchema,
  data: Type.Optional(FieldValues),
});

export const ReissueBody = StrictObject({
  reason: Type.String({ minLength: 2, maxLength: 1000, description: '重新制作的理由' }),
  data: Type.Optional(FieldValues),
});

export const ReadQuery = StrictObject({
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 500, description: '调阅事由' })),
});

export const FileQuery = StrictObject({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 500, description: '调阅事由' })),
});

export const CaseParams = StrictObject({ caseId: Uuid });
export const InstrumentParams = StrictObject({ instrumentId: Uuid });
export const VersionParams = StrictObject({
  instrumentId: Uuid,
  version: Type.Integer({ minimum: 1, maximum: 10000 }),
});
export const AgencyParams = StrictObject({ agencyId: Uuid });

const Citation = Type.Object({ text: Type.String(), type: Type.String() });

export const TemplateView = Type.Object({
  kind: InstrumentKindSchema,
  title: Type.String(),
  code: Type.String(),
  caseKinds: Type.Union([Type.Array(Type.String()), Type.Null()]),
  isSealed: Type.Boolean(),
  fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  required: Type.Array(
    Type.Object({
      fields: Type.Array(Type.String()),
      source: Citation,
      condition: Type.Union([Type.String(), Type.Null()], {
        description: '仅在此情形下必备（如拟作出的处罚属于听证范围）；null 为一律必备',
      }),
    }),
  ),
});

export const VersionView = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  reason: Type.Union([Type.String(), Type.Null()]),
  pdfSm3: Type.String(),
  pdfSize: Type.Integer(),
  pageCount: Type.Integer(),
  docxSm3: Type.String(),
  docxSize: Type.Integer(),
  sealKeyId: Type.String(),
  sealSignature: Type.String(),
  issuedByName: Type.String(),
  issuedAt: Type.String(),
  ledgerSeq: Type.Integer(),
});

export const InstrumentView = Type.Object({
  id: Uuid,
  caseId: Type.Union([Uuid, Type.Null()]),
  agencyId: Uuid,
  kind: InstrumentKindSchema,
  title: Type.String(),
  docNo: Type.String(),
  verificationUrl: Type.String(),
  versions: Type.Array(VersionView),
});

export const VersionDetailView = Type.Object({
  instrumentId: Uuid,
  docNo: Type.String(),
  title: Type.String(),
  version: VersionView,
  fields: Type.Record(Type.String(), Type.String()),
});

export const CaseInstrumentsView = Type.Object({
  items: Type.Array(InstrumentView),
  /** Kinds that apply to the case, with what the case still lacks for each. */
  available: Type.Array(
    Type.Object({
      kind: InstrumentKindSchema,
      title: Type.String(),
      isSuggested: Type.Boolean({ description: '案件当前阶段需要制作的文书' }),
      missing: Type.Array(
        Type.Object({
          field: Type.String(),
          label: Type.String(),
          sources: Type.Array(Type.String()),
        }),
      ),
    }),
  ),
});

export const VersionCheck = Type.Object({
  version: Type.Integer(),
  issuedAt: Type.String(),
  pdfSm3: Type.String(),
  sealKeyId: Type.String(),
  isSignatureValid: Type.Boolean(),
  isKeyIdConsistent: Type.Boolean(),
  isStoredFileIntact: Type.Boolean(),
});

export const VerificationView = Type.Object({
  instrumentId: Uuid,
  title: Type.String(),
  docNo: Type.String(),
  agencyName: Type.String(),
  versions: Type.Array(VersionCheck),
  /** Present when a file was offered: which version it is, if any. */
  offered: Type.Optional(
    Type.Object({
      pdfSm3: Type.String(),
      matchesVersion: Type.Union([Type.Integer(), Type.Null()]),
      isValid: Type.Boolean({ description: '文件与已签章版本一致且签名有效' }),
    }),
  ),
});

export const NumberingView = Type.Object({
  agencyId: Uuid,
  abbreviation: Type.String(),
  pattern: Type.String(),
  kindCodes: Type.Record(Type.String(), Type.String()),
  isDefault: Type.Boolean(),
  example: Type.String(),
});

export const NumberingBody = StrictObject({
  abbreviation: Type.String({ minLength: 1, maxLength: 20, description: '机关简称，如 薛市监' }),
  pattern: Type.String({
    minLength: 4,
    maxLength: 60,
    description: '如 {abbr}{code}〔{year}〕{seq}号',
  }),
  kindCodes: Type.Optional(
    Type.Record(
      Type.String({ pattern: '^[a-z_]+$' }),
      Type.String({ minLength: 1, maxLength: 10 }),
    ),
  ),
});
