import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { createReviewAgencyService } from './review.agency.ts';
import { createReviewDisputesService } from './review.disputes.ts';
import { reviewPolicies as p } from './review.policy.ts';
import {
  AgencyParams,
  CaseParams,
  CatalogExtensionBody,
  CatalogView,
  ClassificationView,
  ExtensionBody,
  FactsBody,
  ObjectionBody,
  OpinionBody,
  OpinionDocumentView,
  OpinionParams,
  QueueItem,
  ResolutionBody,
  ReviewView,
  StaffingView,
  SubmissionBody,
} from './review.schemas.ts';
import { createReviewService } from './review.service.ts';

const tags = ['法制审核'];
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
// Answers holding citations and free-form records: built field by field by the service (see the
// same choice in profile.routes.ts), and checked against these schemas in review tests.
const stringify = () => (data: unknown) => JSON.stringify(data);

export function registerReviewRoutes(app: App, ctx: AppContext) {
  const options = { config: ctx.config, now: ctx.clock, instruments: ctx };
  const review = createReviewService(ctx.db, options);
  const disputes = createReviewDisputesService(ctx.db, options);
  const agency = createReviewAgencyService(ctx.db, options);

  app.get(
    '/api/cases/:caseId/review',
    {
      config: { policy: p.read },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '案件的法制审核：目录认定、能否作出决定、各次送审与审核意见、审核期限、责任链',
        params: CaseParams,
        response: { 200: ReviewView, ...refusals },
      },
    },
    (request) => review.getReview(principalOf(request), request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/review/classification',
    {
      config: { policy: p.classify },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '对照重大执法决定目录认定拟作出的决定，并记入案件和账本',
        params: CaseParams,
        response: { 200: ClassificationView, ...refusals },
      },
    },
    (request) => review.classify(principalOf(request), actorOf(request), request.params.caseId),
  );

  app.put(
    '/api/cases/:caseId/review/facts',
    {
      config: { policy: p.declareFacts },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '认定目录中需要人工判断的事实（如涉及重大公共利益、以政府名义作出），并重新认定',
        params: CaseParams,
        body: FactsBody,
        response: { 200: ClassificationView, ...refusals },
      },
    },
    (request) =>
      review.declareFacts(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.body,
      ),
  );

  app.post(
    '/api/cases/:caseId/review/submissions',
    {
      config: { policy: p.submit },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '报送法制审核（材料齐全性检查、确定审核机构、起算审核期限）',
        params: CaseParams,
        body: SubmissionBody,
        response: { 200: ReviewView, ...refusals },
      },
    },
    (request) =>
      review.submit(principalOf(request), actorOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/review/opinion',
    {
      config: { policy: p.giveOpinion },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '出具法制审核意见（生成法制审核意见书并归档）',
        params: CaseParams,
        body: OpinionBody,
        response: { 200: ReviewView, ...refusals },
      },
    },
    (request) =>
      review.giveOpinion(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.body,
      ),
  );

  app.post(
    '/api/cases/:caseId/review/extension',
    {
      config: { policy: p.extend },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '批准延长审核期限（案件复杂的，按辖区规定的天数和批准人）',
        params: CaseParams,
        body: ExtensionBody,
        response: { 200: ReviewView, ...refusals },
      },
    },
    (request) =>
      review.extend(principalOf(request), actorOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/review/objection',
    {
      config: { policy: p.object },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '承办机构对审核意见提出异议（按辖区规定：申请复审、协商沟通或报请领导决定）',
        params: CaseParams,
        body: ObjectionBody,
        response: { 200: ReviewView, ...refusals },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await disputes.object(principal, actorOf(request), request.params.caseId, request.body);
      return review.getReview(principal, request.params.caseId);
    },
  );

  app.post(
    '/api/cases/:caseId/review/resolution',
    {
      config: { policy: p.resolve },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '负责人处理审核意见分歧（集体讨论决定、采纳审核意见或重新审核），记录会议纪要',
        params: CaseParams,
        body: ResolutionBody,
        response: { 200: ReviewView, ...refusals },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await disputes.resolve(principal, actorOf(request), request.params.caseId, request.body);
      return review.getReview(principal, request.params.caseId);
    },
  );

  app.get(
    '/api/cases/:caseId/review/opinions/:opinionId/document',
    {
      config: { policy: p.read },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '法制审核意见书（结构化数据、纯文本和 HTML）',
        params: OpinionParams,
        response: { 200: OpinionDocumentView, ...refusals },
      },
    },
    (request) =>
      review.opinionDocument(principalOf(request), request.params.caseId, request.params.opinionId),
  );

  app.get(
    '/api/agencies/:agencyId/review-queue',
    {
      config: { policy: p.queue },
      schema: {
        tags,
        summary: '送本机构审核、尚未出具意见的案件（含审核期限倒计时和超期标记）',
        params: AgencyParams,
        response: { 200: Type.Array(QueueItem), ...refusals },
      },
    },
    (request) => agency.queue(principalOf(request), request.params.agencyId),
  );

  app.get(
    '/api/agencies/:agencyId/reviewer-staffing',
    {
      config: { policy: p.staffing },
      schema: {
        tags,
        summary: '法制审核人员配备情况（不少于执法人员总数的规定比例）',
        params: AgencyParams,
        response: { 200: StaffingView, ...refusals },
      },
    },
    (request) => agency.staffing(principalOf(request), request.params.agencyId),
  );

  app.get(
    '/api/agencies/:agencyId/major-catalog',
    {
      config: { policy: p.readCatalog },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '本机关适用的重大执法决定目录清单（规则包条目及本机关备案的扩充条目）',
        params: AgencyParams,
        response: { 200: CatalogView, ...refusals },
      },
    },
    (request) => agency.catalog(principalOf(request), request.params.agencyId),
  );

  app.post(
    '/api/agencies/:agencyId/major-catalog/extensions',
    {
      config: { policy: p.extendCatalog },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '扩充本机关重大执法决定目录（须报备案的辖区应填写备案信息）',
        params: AgencyParams,
        body: CatalogExtensionBody,
        response: { 200: CatalogView, ...refusals },
      },
    },
    (request) =>
      agency.extendCatalog(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      ),
  );
}
