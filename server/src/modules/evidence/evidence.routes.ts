import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { AvExemptionBody } from './evidence.av.ts';
import { evidencePolicies as p } from './evidence.policy.ts';
import {
  CaseParams,
  EvidenceListQuery,
  EvidenceParams,
  EvidenceReadQuery,
  EvidenceView,
  toEvidenceView,
} from './evidence.schemas.ts';
import { createEvidenceService } from './evidence.service.ts';
import { registerUploadRoutes } from './uploads.routes.ts';

const tags = ['证据与音像记录'];
const refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name (Chinese names survive). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function registerEvidenceRoutes(app: App, ctx: AppContext) {
  const evidence = createEvidenceService(ctx);
  registerUploadRoutes(app, ctx);

  app.get(
    '/api/cases/:caseId/evidence',
    {
      config: { policy: p.list },
      schema: {
        tags,
        summary: '案件的证据与音像记录（只含已登记入账本的）',
        params: CaseParams,
        querystring: EvidenceListQuery,
        response: { 200: Type.Array(EvidenceView), ...refusals },
      },
    },
    async (request) => {
      const items = await evidence.list(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.query,
      );
      return items.map(toEvidenceView);
    },
  );

  app.get(
    '/api/cases/:caseId/evidence/:evidenceId',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '证据详情（含音像记录元数据；调阅留痕）',
        params: EvidenceParams,
        querystring: EvidenceReadQuery,
        response: { 200: EvidenceView, ...refusals },
      },
    },
    async (request) => {
      const { caseId, evidenceId } = request.params;
      return toEvidenceView(
        await evidence.get(
          principalOf(request),
          actorOf(request),
          caseId,
          evidenceId,
          request.query.reason,
        ),
      );
    },
  );

  app.get(
    '/api/cases/:caseId/evidence/:evidenceId/content',
    {
      config: { policy: p.download },
      schema: {
        tags,
        summary: '下载证据文件（ETag 为 SM3 哈希；支持单段 Range；调阅留痕）',
        params: EvidenceParams,
        querystring: EvidenceReadQuery,
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }),
          206: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }),
          304: Type.Unsafe<undefined>({ description: '未变化（If-None-Match）' }),
          416: ErrorResponse,
          500: ErrorResponse,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const { caseId, evidenceId } = request.params;
      const content = await evidence.openContent(
        principalOf(request),
        actorOf(request),
        caseId,
        evidenceId,
        { range: request.headers.range, reason: request.query.reason },
      );
      const { sm3, size, contentType, originalName } = content.evidence;
      const etag = `"${sm3}"`;
      reply
        .header('etag', etag)
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('accept-ranges', 'bytes')
        .header('content-disposition', contentDisposition(originalName));
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) {
        return reply.status(304).send();
      }
      const { range } = content;
      if (range) {
        reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
          .header('content-length', String(range.end - range.start + 1));
      } else {
        reply.header('content-length', String(size));
      }
      return reply.type(contentType).send(content.open());
    },
  );

  app.post(
    '/api/cases/:caseId/evidence/exemptions',
    {
      config: { policy: p.recordExemption },
      schema: {
        tags,
        summary: '登记未作音像记录的情况（紧急情况、易燃易爆/无菌等高风险现场）',
        params: CaseParams,
        body: AvExemptionBody,
        response: { 201: EvidenceView, ...refusals, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const recorded = await evidence.recordExemption(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.body,
      );
      return reply.status(201).send(toEvidenceView(recorded));
    },
  );
}
