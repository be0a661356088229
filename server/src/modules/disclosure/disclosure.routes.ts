// The agency's disclosure commands (sign-off, correction, withdrawal, early end of display,
// settings, answers to correction requests, annual reports) and the supervisors' overdue list;
// registers the public API as well.
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams, StrictObject } from '../../shared/schemas.ts';
import { createAnnualReportService } from './disclosure.annual.ts';
import { createCorrectionRequestService } from './disclosure.corrections.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { registerCatalogueChangeRoutes } from './disclosure.catalogue-changes.routes.ts';
import { registerInspectionRoutes } from './disclosure.inspections.routes.ts';
import { registerPublicDisclosureRoutes } from './disclosure.public.routes.ts';
import {
  AgencyParams,
  AnswerBody,
  CorrectionBody,
  CorrectionRequestListQuery,
  CorrectionRequestView,
  Decision,
  EndDisplayBody,
  EndDisplayResult,
  OverdueView,
  QueueItem,
  QueueQuery,
  SettingsBody,
  SettingsView,
  SignOffBody,
  SignOffResult,
  WithdrawalBody,
  WithdrawalResult,
} from './disclosure.schemas.ts';
import { createDisclosureService } from './disclosure.service.ts';

const tags = ['行政执法公示（机关办理）'];
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export function registerDisclosureRoutes(app: App, ctx: AppContext) {
  registerPublicDisclosureRoutes(app, ctx);
  registerInspectionRoutes(app, ctx);
  registerCatalogueChangeRoutes(app, ctx);
  const options = { profile: ctx.config.PROFILE, clock: ctx.clock };
  const service = createDisclosureService(ctx.db, options);
  const corrections = createCorrectionRequestService(ctx.db, options);
  const annual = createAnnualReportService(ctx.db, options);

  app.get(
    '/api/agencies/:agencyId/disclosure/queue',
    {
      config: { policy: p.readQueue },
      schema: {
        tags,
        summary: '本机关待公示、已公示和不予公开的决定（含期限与是否逾期）',
        params: AgencyParams,
        querystring: QueueQuery,
        response: { 200: Type.Array(QueueItem), ...refusals },
      },
    },
    async (request) =>
      service.listQueue(principalOf(request), request.params.agencyId, request.query.status),
  );

  app.post(
    '/api/disclosure/queue/:id/publish',
    {
      config: { policy: p.signOff },
      schema: {
        tags,
        summary: '签发公示（可标注不予公开的字段，或整条依法不予公开）',
        params: IdParams,
        body: SignOffBody,
        response: { 200: SignOffResult, ...refusals },
      },
    },
    async (request) => {
      const body = request.body;
      return service.signOff(principalOf(request), actorOf(request), request.params.id, {
        withheldFields: body.withheldFields ?? [],
        withholdReason: body.withholdReason ?? 'trade_secret',
        isWithheld: body.isWithheld ?? false,
        withholdNote: body.withholdNote ?? null,
      });
    },
  );

  app.put(
    '/api/agencies/:agencyId/disclosure/settings',
    {
      config: { policy: p.settings },
      schema: {
        tags,
        summary: '公示设置：决定是否须经负责人签发后公示',
        params: AgencyParams,
        body: SettingsBody,
        response: { 200: SettingsView, ...refusals },
      },
    },
    async (request) =>
      service.saveSettings(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body.requiresSignoff,
      ),
  );

  app.get(
    '/api/disclosure/overdue',
    {
      config: { policy: p.readOverdue },
      schema: {
        tags,
        summary: '逾期预警：超过期限仍未公示的决定、未答复的更正申请',
        response: { 200: OverdueView, ...refusals },
      },
    },
    async (request) => service.listOverdue(principalOf(request)),
  );

  app.post(
    '/api/disclosure/decisions/:id/correction',
    {
      config: { policy: p.correct },
      schema: {
        tags,
        summary: '更正公示信息（留有更正记录）',
        params: IdParams,
        body: CorrectionBody,
        response: { 200: Decision, ...refusals },
      },
    },
    async (request) =>
      service.correct(principalOf(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/disclosure/decisions/:id/withdrawal',
    {
      config: { policy: p.withdraw },
      schema: {
        tags,
        summary: '撤下被撤销、确认违法或者要求重新作出的决定（公开撤下时间和理由）',
        params: IdParams,
        body: WithdrawalBody,
        response: { 200: WithdrawalResult, ...refusals },
      },
    },
    async (request) =>
      service.withdraw(principalOf(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/disclosure/decisions/:id/end-display',
    {
      config: { policy: p.endDisplay },
      schema: {
        tags,
        summary: '信用修复后提前停止公示（责令停产停业、吊销等除外）',
        params: IdParams,
        body: EndDisplayBody,
        response: { 200: EndDisplayResult, ...refusals },
      },
    },
    async (request) =>
      service.endDisplay(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body.reason,
      ),
  );

  app.get(
    '/api/agencies/:agencyId/correction-requests',
    {
      config: { policy: p.readCorrectionRequests },
      schema: {
        tags,
        summary: '本机关收到的更正申请（含申请人联系方式，仅工作人员可见）',
        params: AgencyParams,
        querystring: CorrectionRequestListQuery,
        response: { 200: Type.Array(CorrectionRequestView), ...refusals },
      },
    },
    async (request) =>
      corrections.list(principalOf(request), request.params.agencyId, request.query.status),
  );

  app.post(
    '/api/correction-requests/:id/answer',
    {
      config: { policy: p.answerCorrectionRequest },
      schema: {
        tags,
        summary: '书面答复更正申请',
        params: IdParams,
        body: AnswerBody,
        response: { 200: CorrectionRequestView, ...refusals },
      },
    },
    async (request) =>
      corrections.answer(principalOf(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/agencies/:agencyId/annual-reports',
    {
      config: { policy: p.publishAnnualReport },
      schema: {
        tags,
        summary: '生成并公开上一年度行政执法统计数据',
        params: AgencyParams,
        body: StrictObject({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: {
          201: Type.Object({
            agencyId: Type.String(),
            agency: Type.String(),
            year: Type.Integer(),
            publishedAt: Type.String(),
            dueOn: Type.Union([Type.String(), Type.Null()]),
            isLate: Type.Boolean(),
            ledgerIndex: Type.Integer(),
            figures: Type.Record(Type.String(), Type.Number()),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const report = await annual.publish(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body.year,
      );
      return reply.status(201).send(report);
    },
  );
}
