import { Type, type Static } from 'typebox';
import { StrictObject, Uuid } from '../../shared/schemas.ts';
import { AV_ACT_LABELS, AV_EXEMPTION_LABELS } from '../profile/profile.vocabulary.ts';
import type { AvRecord, Evidence } from './evidence.repository.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Time = Type.String({ description: 'ISO 8601 时间' });
const KINDS = ['photo', 'audio', 'video', 'document', 'other'] as const;

export const CaseParams = StrictObject({ caseId: Uuid });
export const UploadParams = StrictObject({ caseId: Uuid, uploadId: Uuid });
export const EvidenceParams = StrictObject({ caseId: Uuid, evidenceId: Uuid });

/** 调阅事由: required of readers outside the case (see modules/access). */
const ReadReason = Type.Optional(
  Type.String({ minLength: 2, maxLength: 500, description: '调阅事由（非本案承办人员必填）' }),
);

export const EvidenceListQuery = StrictObject({
  step: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$' })),
  kind: Type.Optional(Type.Enum(KINDS)),
  reason: ReadReason,
});
export const EvidenceReadQuery = StrictObject({ reason: ReadReason });
export type EvidenceListQuery = Static<typeof EvidenceListQuery>;

const AvView = Type.Object({
  act: Nullable(Type.String()),
  actLabel: Nullable(Type.String()),
  device: Nullable(Type.String()),
  officerIds: Type.Array(Type.String()),
  startedAt: Nullable(Time),
  endedAt: Nullable(Time),
  place: Type.String(),
  isPartyNotified: Nullable(Type.Boolean()),
  isContinuous: Nullable(Type.Boolean()),
  interruptions: Type.Array(
    Type.Object({
      startedAt: Time,
      endedAt: Time,
      reason: Type.String(),
      reasonStatedIn: Type.Enum(['recording', 'written']),
    }),
  ),
  exemptionReason: Nullable(Type.String()),
  exemptionReasonLabel: Nullable(Type.String()),
  exemptionExplanation: Nullable(Type.String()),
});

export const EvidenceView = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    agencyId: Type.String(),
    step: Type.String(),
    kind: Type.Enum(KINDS),
    isExemption: Type.Boolean({ description: '未作音像记录的情况说明（没有文件）' }),
    originalName: Nullable(Type.String()),
    contentType: Nullable(Type.String({ description: '由文件内容识别的类型' })),
    size: Nullable(Type.Integer()),
    sm3: Nullable(Type.String()),
    sha256: Nullable(Type.String()),
    uploadedBy: Nullable(Type.String()),
    uploadedByName: Nullable(Type.String()),
    uploadedAt: Time,
    recordedAt: Nullable(Time),
    uploadDueAt: Nullable(Time),
    isLate: Type.Boolean({ description: '超过辖区规则规定的上传时限' }),
    ledgerSeq: Type.Integer({ description: '账本序号（可用于包含证明）' }),
    av: Nullable(AvView),
  },
  { description: '证据' },
);

function labelOf(labels: Record<string, string>, code: string | null): string | null {
  return code === null ? null : (labels[code] ?? code);
}

function toAvView(av: AvRecord) {
  return {
    act: av.act,
    actLabel: labelOf(AV_ACT_LABELS, av.act),
    device: av.device,
    officerIds: av.officerIds,
    startedAt: av.startedAt?.toISOString() ?? null,
    endedAt: av.endedAt?.toISOString() ?? null,
    place: av.place,
    isPartyNotified: av.isPartyNotified,
    isContinuous: av.isContinuous,
    interruptions: av.interruptions,
    exemptionReason: av.exemptionReason,
    exemptionReasonLabel: labelOf(AV_EXEMPTION_LABELS, av.exemptionReason),
    exemptionExplanation: av.exemptionExplanation,
  };
}

export function toEvidenceView(e: Evidence): Static<typeof EvidenceView> {
  return {
    id: e.id,
    caseId: e.caseId,
    agencyId: e.agencyId,
    step: e.step,
    kind: e.kind,
    isExemption: e.sm3 === null,
    originalName: e.originalName,
    contentType: e.contentType,
    size: e.size,
    sm3: e.sm3,
    sha256: e.sha256,
    uploadedBy: e.uploadedBy,
    uploadedByName: e.uploadedByName,
    uploadedAt: e.uploadedAt.toISOString(),
    recordedAt: e.recordedAt?.toISOString() ?? null,
    uploadDueAt: e.uploadDueAt?.toISOString() ?? null,
    isLate: e.isLate,
    ledgerSeq: e.ledgerSeq,
    av: e.av ? toAvView(e.av) : null,
  };
}
