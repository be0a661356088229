import { Type } from 'typebox';
import { StrictObject, Uuid } from '../../shared/schemas.ts';
import type { PartyAccessRequest } from './party-access.repository.ts';
import { MAX_GRANT_DAYS } from './party-access.service.ts';

const Time = Type.String({ description: 'ISO 8601 时间' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CaseParams = StrictObject({ caseId: Uuid });
export const RequestParams = StrictObject({ caseId: Uuid, requestId: Uuid });
const Token = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: '查阅凭证' });
export const TokenParams = StrictObject({ token: Token });
export const TokenEvidenceParams = StrictObject({ token: Token, evidenceId: Uuid });

export const PartyAccessRequestBody = StrictObject({
  partyId: Uuid,
  purpose: Type.Enum(['read', 'copy'], { description: 'read 查阅 / copy 复制' }),
  evidenceIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
  statedNeed: Type.String({ minLength: 2, maxLength: 2000, description: '当事人申请的理由' }),
});

export const PartyAccessDecisionBody = StrictObject({
  approve: Type.Boolean(),
  note: Type.String({ minLength: 2, maxLength: 2000, description: '负责人意见' }),
  validForDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_GRANT_DAYS, description: '准予查阅的天数' }),
  ),
});

export const PartyAccessRequestView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  partyId: Uuid,
  partyName: Type.String(),
  purpose: Type.String(),
  evidenceIds: Type.Array(Uuid),
  statedNeed: Type.String(),
  requestedAt: Time,
  state: Type.Enum(['pending', 'approved', 'refused', 'expired']),
  decision: Nullable(
    Type.Object({
      isApproved: Type.Boolean(),
      note: Type.String(),
      decidedByName: Type.String(),
      decidedAt: Time,
      validUntil: Nullable(Time),
    }),
  ),
});

export const DecisionResult = Type.Object({
  request: PartyAccessRequestView,
  token: Nullable(Type.String({ description: '查阅凭证，仅此一次显示，交当事人使用' })),
});

export const PartyGrantView = Type.Object({
  caseId: Uuid,
  partyName: Type.String(),
  purpose: Type.String(),
  validUntil: Time,
  evidence: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      originalName: Nullable(Type.String()),
      contentType: Nullable(Type.String()),
      size: Nullable(Type.Integer()),
      sm3: Nullable(Type.String()),
    }),
  ),
});

export const AgencyAccessLogQuery = StrictObject({
  agencyId: Uuid,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const AccessEntry = Type.Object({
  caseId: Nullable(Uuid),
  resource: Type.String(),
  resourceId: Nullable(Type.String()),
  readerName: Type.String(),
  isHandler: Type.Boolean(),
  reason: Nullable(Type.String()),
  readAt: Time,
});

export function toRequestView(r: PartyAccessRequest, now: Date) {
  const d = r.decision;
  const state: 'pending' | 'approved' | 'refused' | 'expired' = !d
    ? 'pending'
    : !d.isApproved
      ? 'refused'
      : d.validUntil && d.validUntil.getTime() <= now.getTime()
        ? 'expired'
        : 'approved';
  return {
    id: r.id,
    caseId: r.caseId,
    partyId: r.partyId,
    partyName: r.partyName,
    purpose: r.purpose,
    evidenceIds: r.evidenceIds,
    statedNeed: r.statedNeed,
    requestedAt: r.requestedAt.toISOString(),
    state: state,
    decision: d
      ? {
          isApproved: d.isApproved,
          note: d.note,
          decidedByName: d.decidedByName,
          decidedAt: d.decidedAt.toISOString(),
          validUntil: d.validUntil?.toISOString() ?? null,
        }
      : null,
  };
}
