// Pre-disclosure update deadlines: record a change, confirm the update is public, list them with
// their state (pending, overdue, published, published late).
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams, IsoDate, StrictObject, Uuid } from '../../shared/schemas.ts';
import { createCatalogueChangeService } from './disclosure.catalogue-changes.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { AgencyParams } from './disclosure.schemas.ts';
import { CATALOGUE_SUBJECTS } from './disclosure.tables.ts';

const tags = ['行政执法公示（机关办理）'];
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

const ChangeBody = StrictObject({
  subject: Type.Enum([...CATALOGUE_SUBJECTS], { description: '变更的事前公开信息类别' }),
  description: Type.String({ minLength: 2, maxLength: 1000, description: '变更内容及原因' }),
  changedOn: IsoDate,
});

const ChangeView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  subject: Type.String(),
  subjectLabel: Type.String(),
  description: Type.String(),
  changedOn: Type.String(),
  rule: Type.String(),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum(['pending', 'overdue', 'published', 'published_late']),
});

export function registerCatalogueChangeRoutes(app: App, ctx: AppContext) {
  const service = createCatalogueChangeService(ctx.db, {
    profile: ctx.config.PROFILE,
    clock: ctx.clock,
  });

  app.post(
    '/api/agencies/:agencyId/disclosure/catalogue-changes',
    {
      config: { policy: p.recordCatalogueChange },
      schema: {
        tags,
        summary: '登记事前公开信息的变更（按规定时限更新公示）',
        params: AgencyParams,
        body: ChangeBody,
        response: { 201: ChangeView, ...refusals },
      },
    },
    async (request, reply) => {
      const view = await service.record(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/agencies/:agencyId/disclosure/catalogue-changes',
    {
      config: { policy: p.readCatalogueChanges },
      schema: {
        tags,
        summary: '事前公开信息变更及更新公示情况（含是否逾期）',
        params: AgencyParams,
        querystring: StrictObject({ open: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(ChangeView), ...refusals },
      },
    },
    async (request) =>
      service.list(principalOf(request), request.params.agencyId, request.query.open === true),
  );

  app.post(
    '/api/disclosure/catalogue-changes/:id/published',
    {
      config: { policy: p.recordCatalogueChange },
      schema: {
        tags,
        summary: '确认变更后的事前公开信息已更新公示',
        params: IdParams,
        response: { 200: ChangeView, ...refusals },
      },
    },
    async (request) =>
      service.confirmPublished(principalOf(request), actorOf(request), request.params.id),
  );
}
