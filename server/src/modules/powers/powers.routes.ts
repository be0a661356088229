// Staff API of the powers catalogue (权力清单) and the random-inspection list (随机抽查事项清单),
// with the bulk import from CSV/XLSX and its template.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams } from '../../shared/schemas.ts';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './powers.columns.ts';
import { IMPORT_MEDIA_TYPES, XLSX_MEDIA_TYPE } from './powers.file.ts';
import { powersPolicies as p } from './powers.policy.ts';
import type { Power } from './powers.repository.ts';
import { registerRandomCheckRoutes } from './random-checks.routes.ts';
import {
  AgencyParams,
  ImportIssue,
  ImportQuery,
  ImportResult,
  PowerCreateBody,
  PowerListQuery,
  PowerPage,
  PowerUpdateBody,
  PowerView,
  POWER_CATEGORY_LABELS,
  RepealBody,
} from './powers.schemas.ts';
import { createPowersImporter } from './powers.importer.ts';
import { createPowersService } from './powers.service.ts';
import { buildImportTemplate } from './powers.template.ts';

export const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
};
export const writeRefusals = { ...refusals, 409: ErrorResponse, 422: ErrorResponse };
const powerTags = ['权力清单'];

function toPowerView(power: Power) {
  return {
    id: power.id,
    agencyId: power.agencyId,
    code: power.code,
    name: power.name,
    category: power.category,
    categoryLabel: POWER_CATEGORY_LABELS[power.category],
    handlingUnit:
      power.handlingUnitId && power.handlingUnitName
        ? { id: power.handlingUnitId, name: power.handlingUnitName }
        : null,
    legalBasis: power.legalBasis,
    procedureSteps: power.procedureSteps,
    timeLimit: power.timeLimit,
    discretionBenchmarks: power.discretionBenchmarks,
    serviceGuide: power.serviceGuide,
    lawAreas: power.lawAreas,
    status: power.status,
    repealedAt: power.repealedAt?.toISOString() ?? null,
    repealReason: power.repealReason,
    version: power.version,
    createdAt: power.createdAt.toISOString(),
    updatedAt: power.updatedAt.toISOString(),
  };
}

// The template never changes while the process runs.
let templateCache: Promise<Buffer> | undefined;

export function registerPowersRoutes(app: App, ctx: AppContext) {
  const powers = createPowersService(ctx.db);
  const importer = createPowersImporter(ctx.db);

  app.get(
    '/api/agencies/:agencyId/powers',
    {
      config: { policy: p.read },
      schema: {
        tags: powerTags,
        summary: '权力事项列表（可按类别、状态、编码或名称筛选）',
        params: AgencyParams,
        querystring: PowerListQuery,
        response: { 200: PowerPage, ...refusals },
      },
    },
    async (request) => {
      const page = await powers.listPowers(
        principalOf(request),
        request.params.agencyId,
        request.query,
      );
      return { total: page.total, items: page.items.map(toPowerView) };
    },
  );

  app.get(
    '/api/powers/import-template',
    {
      config: { policy: p.template },
      schema: {
        tags: powerTags,
        summary: '权力清单导入模板（XLSX，含填写说明）',
        produces: [XLSX_MEDIA_TYPE],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (_request, reply) => {
      // A failed build is not kept: the next request tries again.
      templateCache ??= buildImportTemplate().catch((error: unknown) => {
        templateCache = undefined;
        throw error;
      });
      const fileName = encodeURIComponent('权力清单导入模板.xlsx');
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="powers-import-template.xlsx"; filename*=UTF-8''${fileName}`,
        )
        .send(await templateCache);
    },
  );

  app.get(
    '/api/powers/:id',
    {
      config: { policy: p.read },
      schema: {
        tags: powerTags,
        summary: '权力事项详情',
        params: IdParams,
        response: { 200: PowerView, ...refusals },
      },
    },
    async (request) => toPowerView(await powers.getPower(principalOf(request), request.params.id)),
  );

  app.post(
    '/api/agencies/:agencyId/powers',
    {
      config: { policy: p.write },
      schema: {
        tags: powerTags,
        summary: '新增权力事项',
        params: AgencyParams,
        body: PowerCreateBody,
        response: { 201: PowerView, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const power = await powers.createPower(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(toPowerView(power));
    },
  );

  app.put(
    '/api/powers/:id',
    {
      config: { policy: p.write },
      schema: {
        tags: powerTags,
        summary: '修改权力事项（整体替换内容，版本号加一）',
        params: IdParams,
        body: PowerUpdateBody,
        response: { 200: PowerView, ...writeRefusals },
      },
    },
    async (request) =>
      toPowerView(
        await powers.updatePower(
          principalOf(request),
          actorOf(request),
          request.params.id,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/powers/:id/repeal',
    {
      config: { policy: p.write },
      schema: {
        tags: powerTags,
        summary: '废止权力事项（保留记录，不再对外公示）',
        params: IdParams,
        body: RepealBody,
        response: { 200: PowerView, ...writeRefusals },
      },
    },
    async (request) =>
      toPowerView(
        await powers.repealPower(
          principalOf(request),
          actorOf(request),
          request.params.id,
          request.body.reason,
        ),
      ),
  );

  // The import takes the file itself as the request body. Its parsers live in this plugin's
  // scope so that no other route accepts CSV or spreadsheet bodies.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(IMPORT_MEDIA_TYPES, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/agencies/:agencyId/powers/import',
      {
        config: { policy: p.import },
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags: powerTags,
          summary: '从 XLSX 或 CSV 批量导入权力事项与随机抽查事项',
          description:
            `请求体为文件本身（Content-Type: text/csv 或 ${XLSX_MEDIA_TYPE}；` +
            `application/octet-stream 时按文件内容判断），不超过 ${IMPORT_MAX_BYTES / 1024 / 1024}MB、` +
            `每表 ${IMPORT_MAX_ROWS} 行。先校验全部行：有任何问题即返回 422 IMPORT_ROWS_INVALID，` +
            'details 列出每个问题的工作表、行号（表头为第 1 行）、列名和原因，且不写入任何数据。' +
            '编码已存在的事项按文件内容更新（版本号加一），内容相同的不改动。dryRun=true 时只校验。',
          params: AgencyParams,
          querystring: ImportQuery,
          consumes: IMPORT_MEDIA_TYPES,
          // No type: the body is a Buffer, which a JSON schema cannot describe; this only
          // documents the upload in the OpenAPI document.
          body: Type.Unsafe<Buffer>({ description: 'CSV 或 XLSX 文件本身' }),
          response: {
            200: ImportResult,
            ...refusals,
            413: ErrorResponse,
            415: ErrorResponse,
            422: Type.Object({
              code: Type.String(),
              message: Type.String(),
              details: Type.Optional(Type.Array(ImportIssue)),
            }),
          },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            message: `请直接上传文件内容（Content-Type: text/csv 或 ${XLSX_MEDIA_TYPE}）`,
          });
        }
        const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
        return importer.importFile(
          principalOf(request),
          actorOf(request),
          request.params.agencyId,
          {
            bytes: body,
            mediaType: mediaType.toLowerCase(),
            dryRun: request.query.dryRun ?? false,
          },
        );
      },
    );
  });

  registerRandomCheckRoutes(app, powers);
}
