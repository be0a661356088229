// 调阅监督 routes: a party's request to read or copy (registered, decided by the head), the
// party's own reading with the token of an approval, and an agency's whole access log for
// supervisors. The per-case log is `GET /api/cases/:caseId/access-log` (cases module).
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { requireAgencyScope } from '../../shared/policy.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { contentDisposition } from '../evidence/evidence.routes.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { accessPolicies as p } from './access.policy.ts';
import {
  AccessEntry,
  AgencyAccessLogQuery,
  CaseParams,
  DecisionResult,
  PartyAccessDecisionBody,
  PartyAccessRequestBody,
  PartyAccessRequestView,
  PartyGrantView,
  RequestParams,
  TokenEvidenceParams,
  TokenParams,
  toRequestView,
} from './access.schemas.ts';
import { listAccess } from './access.service.ts';
import { createPartyAccessService } from './party-access.service.ts';

const tags = ['调阅监督'];
const refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function registerAccessRoutes(app: App, ctx: AppContext) {
  const party = createPartyAccessService(ctx);
  const view = (r: Parameters<typeof toRequestView>[0]) => toRequestView(r, ctx.clock());

  app.post(
    '/api/cases/:caseId/party-access-requests',
    {
      config: { policy: p.requestPartyAccess },
      schema: {
        tags,
        summary: '登记当事人查阅、复制执法全过程记录的申请（须经机关负责人同意）',
        params: CaseParams,
        body: PartyAccessRequestBody,
        response: { 201: PartyAccessRequestView, ...refusals, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const created = await party.request(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.body,
      );
      return reply.status(201).send(view(created));
    },
  );

  app.get(
    '/api/cases/:caseId/party-access-requests',
    {
      config: { policy: p.listPartyAccess },
      schema: {
        tags,
        summary: '本案当事人查阅、复制申请及负责人意见',
        params: CaseParams,
        response: { 200: Type.Array(PartyAccessRequestView), ...refusals },
      },
    },
    async (request) => (await party.list(principalOf(request), request.params.caseId)).map(view),
  );

  app.post(
    '/api/cases/:caseId/party-access-requests/:requestId/decision',
    {
      config: { policy: p.decidePartyAccess },
      schema: {
        tags,
        summary: '机关负责人同意或不同意当事人查阅、复制（同意时限定期限并生成一次性显示的凭证）',
        params: RequestParams,
        body: PartyAccessDecisionBody,
        response: { 200: DecisionResult, ...refusals, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request) => {
      const { caseId, requestId } = request.params;
      const decided = await party.decide(
        principalOf(request),
        actorOf(request),
        caseId,
        requestId,
        request.body,
      );
      return { request: view(decided.request), token: decided.token };
    },
  );

  app.get(
    '/api/party-access/:token',
    {
      config: { policy: p.partyReads },
      schema: {
        tags,
        summary: '当事人凭查阅凭证查看获准查阅的证据清单（调阅留痕）',
        params: TokenParams,
        response: { 200: PartyGrantView, ...refusals },
      },
    },
    async (request) => {
      const { request: grant, evidence } = await party.grantOf(
        request.params.token,
        actorOf(request),
      );
      return {
        caseId: grant.caseId,
        partyName: grant.partyName,
        purpose: grant.purpose,
        validUntil: grant.decision?.validUntil?.toISOString() ?? '',
        evidence: evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          originalName: e.originalName,
          contentType: e.contentType,
          size: e.size,
          sm3: e.sm3,
        })),
      };
    },
  );

  app.get(
    '/api/party-access/:token/evidence/:evidenceId/content',
    {
      config: { policy: p.partyReads },
      schema: {
        tags,
        summary: '当事人凭查阅凭证读取证据文件（调阅留痕）',
        params: TokenEvidenceParams,
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }),
          410: ErrorResponse,
          500: ErrorResponse,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const content = await party.openContent(
        request.params.token,
        actorOf(request),
        request.params.evidenceId,
      );
      return reply
        .header('etag', `"${content.sm3}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-length', String(content.size))
        .header('content-disposition', contentDisposition(content.originalName))
        .type(content.contentType)
        .send(content.open());
    },
  );

  app.get(
    '/api/access-log',
    {
      config: { policy: p.readAgencyAccessLog },
      schema: {
        tags,
        summary: '执法主体的调阅记录（调阅监督，含当事人查阅）',
        querystring: AgencyAccessLogQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(AccessEntry) }),
          ...refusals,
        },
      },
    },
    async (request) => {
      const { agencyId, page = 1, pageSize = 50 } = request.query;
      requireAgencyScope(
        principalOf(request),
        p.readAgencyAccessLog,
        await requireAgencyTarget(ctx.db, agencyId),
      );
      return listAccess(ctx.db, { agencyId, limit: pageSize, offset: (page - 1) * pageSize });
    },
  );
}
