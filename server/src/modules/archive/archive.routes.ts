// Retention, legal holds, disposal and the destruction register (see disposal.service.ts).
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, StrictObject, Uuid } from '../../shared/schemas.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { archivePolicies as p } from './archive.policy.ts';
import { createDisposalService } from './disposal.service.ts';

const tags = ['档案保管与销毁'];
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const Time = Type.String({ description: 'ISO 8601 时间' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Reason = Type.String({ minLength: 2, maxLength: 2000 });
const CaseParams = StrictObject({ caseId: Uuid });
const HoldParams = StrictObject({ caseId: Uuid, holdId: Uuid });
const ProposalParams = StrictObject({ caseId: Uuid, proposalId: Uuid });

const HoldView = Type.Object({
  id: Uuid,
  reason: Type.String(),
  placedByName: Type.String(),
  placedAt: Time,
  isActive: Type.Boolean(),
  releaseReason: Nullable(Type.String()),
  releasedByName: Nullable(Type.String()),
  releasedAt: Nullable(Time),
});
const ProposalView = Type.Object({
  id: Uuid,
  evidenceIds: Type.Array(Uuid),
  reason: Type.String(),
  exception: Nullable(Type.String()),
  retention: Type.Array(
    Type.Object({
      evidenceId: Uuid,
      retentionClass: Type.String(),
      endsOn: Nullable(Type.String()),
      basis: Type.String(),
    }),
  ),
  proposedByName: Type.String(),
  proposedAt: Time,
  approvals: Type.Array(
    Type.Object({ approverName: Type.String(), role: Type.String(), approvedAt: Time }),
  ),
  registerNo: Nullable(Type.Integer()),
});
const RegisterEntry = Type.Object({
  registerNo: Type.Integer(),
  caseId: Uuid,
  proposalId: Uuid,
  evidence: Type.Array(
    Type.Object({
      evidenceId: Uuid,
      originalName: Nullable(Type.String()),
      kind: Type.String(),
      sm3: Nullable(Type.String()),
      sha256: Nullable(Type.String()),
      size: Nullable(Type.Integer()),
      retentionClass: Type.String(),
      blobDeleted: Type.Boolean(),
    }),
  ),
  approvers: Type.Array(Type.Object({ name: Type.String(), role: Type.String() })),
  disposedAt: Time,
  ledgerSeq: Type.Integer(),
});

export function registerArchiveRoutes(app: App, ctx: AppContext) {
  const disposal = createDisposalService(ctx);

  app.get(
    '/api/cases/:caseId/legal-holds',
    {
      config: { policy: p.readRetention },
      schema: {
        tags,
        summary: '案件的诉讼保全（冻结销毁）',
        params: CaseParams,
        response: { 200: Type.Array(HoldView), ...refusals },
      },
    },
    (request) => disposal.holds(principalOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/legal-holds',
    {
      config: { policy: p.placeHold },
      schema: {
        tags,
        summary: '对案件记录设置保全：存在争议、复议、诉讼等时禁止销毁',
        params: CaseParams,
        body: StrictObject({ reason: Reason }),
        response: { 201: Type.Array(HoldView), ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await disposal.placeHold(
            principalOf(request),
            actorOf(request),
            request.params.caseId,
            request.body.reason,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/legal-holds/:holdId/release',
    {
      config: { policy: p.releaseHold },
      schema: {
        tags,
        summary: '解除保全',
        params: HoldParams,
        body: StrictObject({ reason: Reason }),
        response: { 200: Type.Array(HoldView), ...refusals },
      },
    },
    (request) =>
      disposal.releaseHold(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.params.holdId,
        request.body.reason,
      ),
  );

  app.get(
    '/api/cases/:caseId/disposals',
    {
      config: { policy: p.readRetention },
      schema: {
        tags,
        summary: '案件记录的销毁申请与审批',
        params: CaseParams,
        response: { 200: Type.Array(ProposalView), ...refusals },
      },
    },
    (request) => disposal.proposals(principalOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/disposals',
    {
      config: { policy: p.propose },
      schema: {
        tags,
        summary: '提出销毁保管期满的记录（须两名不同人员审批，其中一名为机关负责人）',
        params: CaseParams,
        body: StrictObject({
          evidenceIds: Type.Array(Uuid, { minItems: 1, maxItems: 1000 }),
          reason: Reason,
          inspectionVideoException: Type.Optional(
            Type.Enum(['not_evidence', 'no_dispute'], {
              description: '不归档的行政检查视音频：不作为案件证据 / 未与行政相对人发生争议',
            }),
          ),
        }),
        response: { 201: ProposalView, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await disposal.propose(
            principalOf(request),
            actorOf(request),
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/cases/:caseId/disposals/:proposalId/approvals',
    {
      config: { policy: p.approve },
      schema: {
        tags,
        summary: '审批销毁（第二个有效审批即执行销毁：登记销毁清册，删除文件内容，保留存在证明）',
        params: ProposalParams,
        response: { 200: ProposalView, ...refusals },
      },
    },
    (request) =>
      disposal.approve(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.params.proposalId,
      ),
  );

  app.get(
    '/api/destruction-register',
    {
      config: { policy: p.readRegister },
      schema: {
        tags,
        summary: '销毁清册',
        querystring: StrictObject({
          agencyId: Uuid,
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(RegisterEntry), ...refusals },
      },
    },
    async (request) => {
      const { agencyId, page = 1, pageSize = 50 } = request.query;
      return disposal.register(
        principalOf(request),
        await requireAgencyTarget(ctx.db, agencyId),
        page,
        pageSize,
      );
    },
  );
}
