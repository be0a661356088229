import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams, StrictObject, Uuid } from '../../shared/schemas.ts';
import { orgPolicies as p } from './org.policy.ts';
import {
  AgencyListQuery,
  AgencyView,
  CreateAgencyBody,
  CreateEntrustmentBody,
  CreateRegionBody,
  CreateUnitBody,
  EntrustmentView,
  RegionView,
  UnitView,
  UpdateAgencyBody,
  UpdateEntrustmentBody,
  UpdateUnitBody,
} from './org.schemas.ts';
import { createOrgService } from './org.service.ts';

const AgencyParams = StrictObject({ agencyId: Uuid });
const refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['组织机构'];

export function registerOrgRoutes(app: App, ctx: AppContext) {
  const org = createOrgService(ctx.db);

  app.get(
    '/api/regions',
    {
      config: { policy: p.listRegions },
      schema: {
        tags,
        summary: '行政区划列表',
        response: { 200: Type.Array(RegionView), ...refusals },
      },
    },
    () => org.listRegions(),
  );

  app.post(
    '/api/regions',
    {
      config: { policy: p.createRegion },
      schema: {
        tags,
        summary: '新增行政区划',
        body: CreateRegionBody,
        response: { 201: RegionView, 409: ErrorResponse, 422: ErrorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const region = await org.createRegion(principalOf(request), actorOf(request), request.body);
      return reply.status(201).send(region);
    },
  );

  app.get(
    '/api/agencies',
    {
      config: { policy: p.listAgencies },
      schema: {
        tags,
        summary: '执法主体列表（按本人权限范围）',
        querystring: AgencyListQuery,
        response: { 200: Type.Array(AgencyView), ...refusals },
      },
    },
    (request) => org.listAgencies(principalOf(request), request.query),
  );

  app.post(
    '/api/agencies',
    {
      config: { policy: p.createAgency },
      schema: {
        tags,
        summary: '新增执法主体',
        body: CreateAgencyBody,
        response: { 201: AgencyView, 409: ErrorResponse, 422: ErrorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const agency = await org.createAgency(principalOf(request), actorOf(request), request.body);
      return reply.status(201).send(agency);
    },
  );

  app.get(
    '/api/agencies/:agencyId',
    {
      config: { policy: p.readAgency },
      schema: {
        tags,
        summary: '执法主体详情',
        params: AgencyParams,
        response: { 200: AgencyView, ...refusals },
      },
    },
    (request) => org.getAgency(principalOf(request), request.params.agencyId),
  );

  app.patch(
    '/api/agencies/:agencyId',
    {
      config: { policy: p.updateAgency },
      schema: {
        tags,
        summary: '修改执法主体',
        params: AgencyParams,
        body: UpdateAgencyBody,
        response: { 200: AgencyView, 409: ErrorResponse, 422: ErrorResponse, ...refusals },
      },
    },
    (request) =>
      org.updateAgency(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      ),
  );

  app.get(
    '/api/agencies/:agencyId/units',
    {
      config: { policy: p.listUnits },
      schema: {
        tags,
        summary: '内设机构列表',
        params: AgencyParams,
        response: { 200: Type.Array(UnitView), ...refusals },
      },
    },
    (request) => org.listUnits(principalOf(request), request.params.agencyId),
  );

  app.post(
    '/api/agencies/:agencyId/units',
    {
      config: { policy: p.createUnit },
      schema: {
        tags,
        summary: '新增内设机构',
        params: AgencyParams,
        body: CreateUnitBody,
        response: { 201: UnitView, 409: ErrorResponse, 422: ErrorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const unit = await org.createUnit(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/api/units/:id',
    {
      config: { policy: p.updateUnit },
      schema: {
        tags,
        summary: '修改内设机构',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: UnitView, 409: ErrorResponse, 422: ErrorResponse, ...refusals },
      },
    },
    (request) =>
      org.updateUnit(principalOf(request), actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/agencies/:agencyId/entrustments',
    {
      config: { policy: p.listEntrustments },
      schema: {
        tags,
        summary: '委托执法列表',
        params: AgencyParams,
        response: { 200: Type.Array(EntrustmentView), ...refusals },
      },
    },
    (request) => org.listEntrustments(principalOf(request), request.params.agencyId),
  );

  app.post(
    '/api/agencies/:agencyId/entrustments',
    {
      config: { policy: p.createEntrustment },
      schema: {
        tags,
        summary: '新增委托执法',
        params: AgencyParams,
        body: CreateEntrustmentBody,
        response: { 201: EntrustmentView, 422: ErrorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const entrustment = await org.createEntrustment(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(entrustment);
    },
  );

  app.patch(
    '/api/entrustments/:id',
    {
      config: { policy: p.updateEntrustment },
      schema: {
        tags,
        summary: '变更、终止或撤销委托执法（须说明理由）',
        params: IdParams,
        body: UpdateEntrustmentBody,
        response: { 200: EntrustmentView, 422: ErrorResponse, ...refusals },
      },
    },
    (request) =>
      org.updateEntrustment(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
}
