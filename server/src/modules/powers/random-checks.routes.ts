// Staff API of the random-inspection list (随机抽查事项清单): an agency's items, each tied to the
// power it checks, with the same create / update / repeal life as the powers catalogue.
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { IdParams } from '../../shared/schemas.ts';
import { powersPolicies as p } from './powers.policy.ts';
import type { RandomCheckItem } from './powers.repository.ts';
import { refusals, writeRefusals } from './powers.routes.ts';
import {
  AgencyParams,
  RandomCheckCreateBody,
  RandomCheckListQuery,
  RandomCheckPage,
  RandomCheckUpdateBody,
  RandomCheckView,
  RepealBody,
} from './powers.schemas.ts';
import type { createPowersService } from './powers.service.ts';

const randomCheckTags = ['随机抽查事项清单'];

function toRandomCheckView(item: RandomCheckItem) {
  return {
    id: item.id,
    agencyId: item.agencyId,
    code: item.code,
    name: item.name,
    power: item.power,
    basis: item.basis,
    subject: item.subject,
    content: item.content,
    method: item.method,
    ratioPercent: item.ratioPercent,
    ratioText: item.ratioText,
    frequency: item.frequency,
    status: item.status,
    repealedAt: item.repealedAt?.toISOString() ?? null,
    repealReason: item.repealReason,
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function registerRandomCheckRoutes(
  app: App,
  powers: ReturnType<typeof createPowersService>,
) {
  app.get(
    '/api/agencies/:agencyId/random-check-items',
    {
      config: { policy: p.readRandomChecks },
      schema: {
        tags: randomCheckTags,
        summary: '随机抽查事项列表',
        params: AgencyParams,
        querystring: RandomCheckListQuery,
        response: { 200: RandomCheckPage, ...refusals },
      },
    },
    async (request) => {
      const page = await powers.listRandomChecks(
        principalOf(request),
        request.params.agencyId,
        request.query,
      );
      return { total: page.total, items: page.items.map(toRandomCheckView) };
    },
  );

  app.get(
    '/api/random-check-items/:id',
    {
      config: { policy: p.readRandomChecks },
      schema: {
        tags: randomCheckTags,
        summary: '随机抽查事项详情',
        params: IdParams,
        response: { 200: RandomCheckView, ...refusals },
      },
    },
    async (request) =>
      toRandomCheckView(await powers.getRandomCheck(principalOf(request), request.params.id)),
  );

  app.post(
    '/api/agencies/:agencyId/random-check-items',
    {
      config: { policy: p.writeRandomChecks },
      schema: {
        tags: randomCheckTags,
        summary: '新增随机抽查事项',
        params: AgencyParams,
        body: RandomCheckCreateBody,
        response: { 201: RandomCheckView, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const item = await powers.createRandomCheck(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(toRandomCheckView(item));
    },
  );

  app.put(
    '/api/random-check-items/:id',
    {
      config: { policy: p.writeRandomChecks },
      schema: {
        tags: randomCheckTags,
        summary: '修改随机抽查事项（版本号加一）',
        params: IdParams,
        body: RandomCheckUpdateBody,
        response: { 200: RandomCheckView, ...writeRefusals },
      },
    },
    async (request) =>
      toRandomCheckView(
        await powers.updateRandomCheck(
          principalOf(request),
          actorOf(request),
          request.params.id,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/random-check-items/:id/repeal',
    {
      config: { policy: p.writeRandomChecks },
      schema: {
        tags: randomCheckTags,
        summary: '废止随机抽查事项',
        params: IdParams,
        body: RepealBody,
        response: { 200: RandomCheckView, ...writeRefusals },
      },
    },
    async (request) =>
      toRandomCheckView(
        await powers.repealRandomCheck(
          principalOf(request),
          actorOf(request),
          request.params.id,
          request.body.reason,
        ),
      ),
  );
}
