import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, Page, StrictObject, Uuid } from '../../shared/schemas.ts';
import { casesPolicies as p } from './cases.policy.ts';
import {
  ActionBody,
  ActionParams,
  CaseListQuery,
  CaseParams,
  CaseSummary,
  CaseView,
  CreateCaseBody,
  PartyRecordsQuery,
  TimelineEntry,
} from './cases.schemas.ts';
import { registerCasesBenchRoutes } from './cases.bench.ts';
import { createCasesService } from './cases.service.ts';

const tags = ['案件办理'];
const ReadReasonQuery = StrictObject({
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 500, description: '调阅事由' })),
});
const PageQuery = StrictObject({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
const AccessEntry = Type.Object({
  caseId: Type.Union([Uuid, Type.Null()]),
  resource: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  readerName: Type.String(),
  isHandler: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  readAt: Type.String(),
});
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export function registerCasesRoutes(app: App, ctx: AppContext) {
  const cases = createCasesService(ctx.db, { config: ctx.config, now: ctx.clock });
  registerCasesBenchRoutes(app, ctx);

  app.post(
    '/api/agencies/:agencyId/cases',
    {
      config: { policy: p.createCase },
      schema: {
        tags,
        summary: '登记案源（创建案件）',
        params: StrictObject({ agencyId: Uuid }),
        body: CreateCaseBody,
        response: { 201: CaseView, ...refusals },
      },
    },
    async (request, reply) => {
      const view = await cases.createCase(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/cases',
    {
      config: { policy: p.listCases },
      schema: {
        tags,
        summary: '案件列表（按本人权限范围）',
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary), ...refusals },
      },
    },
    (request) => cases.listCases(principalOf(request), request.query),
  );

  app.get(
    '/api/cases/:caseId',
    {
      config: { policy: p.readCase },
      schema: {
        tags,
        summary: '案件详情，含当前用户可办理的环节（每次调阅均留痕；非承办人员须说明事由）',
        params: CaseParams,
        querystring: ReadReasonQuery,
        response: { 200: CaseView, ...refusals },
      },
    },
    (request) =>
      cases.getCase(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.query.reason,
      ),
  );

  app.post(
    '/api/cases/:caseId/actions/:action',
    {
      config: { policy: p.act },
      schema: {
        tags,
        summary: '办理案件环节（立案、告知、决定、送达、执行、结案、归档等）',
        description:
          '所有法定条件由服务器校验，不符合时返回稳定错误码。相同 idempotencyKey 的重复提交只生效一次。',
        params: ActionParams,
        body: ActionBody,
        response: { 200: CaseView, ...refusals },
      },
    },
    (request) =>
      cases.performAction(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.params.action,
        request.body,
      ),
  );

  app.post(
    '/api/cases/:caseId/recusal',
    {
      config: { policy: p.declareRecusal },
      schema: {
        tags,
        summary: '执法人员本人作出回避声明',
        params: CaseParams,
        response: { 200: CaseView, ...refusals },
      },
    },
    (request) =>
      cases.declareRecusal(principalOf(request), actorOf(request), request.params.caseId),
  );

  app.get(
    '/api/cases/:caseId/timeline',
    {
      config: { policy: p.readCase },
      schema: {
        tags,
        summary: '案件全过程记录（取自账本；调阅留痕）',
        params: CaseParams,
        querystring: ReadReasonQuery,
        response: { 200: Type.Array(TimelineEntry), ...refusals },
      },
    },
    (request) =>
      cases.timeline(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.query.reason,
      ),
  );

  app.get(
    '/api/cases/:caseId/access-log',
    {
      config: { policy: p.readAccessLog },
      schema: {
        tags,
        summary: '案件调阅记录（调阅监督）',
        params: CaseParams,
        querystring: PageQuery,
        response: { 200: Page(AccessEntry), ...refusals },
      },
    },
    (request) => {
      const pageSize = request.query.pageSize ?? 50;
      return cases.accessLog(principalOf(request), request.params.caseId, {
        limit: pageSize,
        offset: ((request.query.page ?? 1) - 1) * pageSize,
      });
    },
  );

  app.get(
    '/api/party-records',
    {
      config: { policy: p.partyRecords },
      schema: {
        tags,
        summary: '同一执法对象的全部案件（按统一社会信用代码或身份证号，限本人权限范围）',
        querystring: PartyRecordsQuery,
        response: { 200: Type.Array(CaseSummary), ...refusals },
      },
    },
    (request) => cases.partyRecords(principalOf(request), request.query),
  );
}
