import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { profilePolicies as p } from './profile.policy.ts';
import {
  AgencyParams,
  CreateOverrideBody,
  EffectiveRulesView,
  OverrideList,
  OverrideView,
  ProfileDetail,
  ProfileList,
  ProfileParams,
} from './profile.schemas.ts';
import { createProfileService } from './profile.service.ts';

// These answers are large trees of unions (citations, periods, nullable values). fast-json-stringify
// picks a union branch by compiling an ajv validator per branch on first use, which made the first
// answer take seconds; plain JSON.stringify is exact here because the service builds every field
// itself, and profile.db.test.ts checks the answers against these same schemas.
const stringify = () => (data: unknown) => JSON.stringify(data);

const refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['辖区规则包'];

export function registerProfileRoutes(app: App, ctx: AppContext) {
  const profiles = createProfileService(ctx.db, ctx.config.PROFILE);

  app.get(
    '/api/profiles',
    {
      config: { policy: p.listProfiles },
      schema: {
        tags,
        summary: '辖区规则包列表（含本系统部署选用的规则包）',
        response: { 200: ProfileList, 401: ErrorResponse },
      },
    },
    () => profiles.listProfiles(),
  );

  app.get(
    '/api/profiles/:profileId',
    {
      config: { policy: p.readProfile },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary: '辖区规则包全文：每项规则的取值及其出处（文件、条款、原文摘录）',
        params: ProfileParams,
        response: { 200: ProfileDetail, ...refusals },
      },
    },
    (request) => profiles.getProfile(request.params.profileId),
  );

  app.get(
    '/api/agencies/:agencyId/rules',
    {
      config: { policy: p.readAgencyRules },
      serializerCompiler: stringify,
      schema: {
        tags,
        summary:
          '执法主体现行适用的规则：部署规则包与国家规定从严适用，再叠加本机关的调整；每项注明出处与依据',
        params: AgencyParams,
        response: { 200: EffectiveRulesView, ...refusals },
      },
    },
    (request) => profiles.getAgencyRules(principalOf(request), request.params.agencyId),
  );

  app.get(
    '/api/agencies/:agencyId/rule-overrides',
    {
      config: { policy: p.listOverrides },
      schema: {
        tags,
        summary: '本机关对规则的调整记录（新的在前）',
        params: AgencyParams,
        response: { 200: OverrideList, ...refusals },
      },
    },
    (request) => profiles.listOverrides(principalOf(request), request.params.agencyId),
  );

  app.post(
    '/api/agencies/:agencyId/rule-overrides',
    {
      config: { policy: p.createOverride },
      schema: {
        tags,
        summary:
          '调整本机关的规则：机关负责人或管理员可从严；放宽仅限管理员且只能恢复本地文件的原值；均须填写理由',
        params: AgencyParams,
        body: CreateOverrideBody,
        response: { 201: OverrideView, 409: ErrorResponse, 422: ErrorResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const view = await profiles.createOverride(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );
}
