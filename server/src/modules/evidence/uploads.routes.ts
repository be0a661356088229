// The tus 1.0.0 endpoints of a case: OPTIONS (capabilities), POST (creation, optionally with the
// first bytes), HEAD (offset), PATCH (append), DELETE (termination). Bodies of type
// application/offset+octet-stream are handed to the service as the raw request stream — never
// buffered — so an upload of any size costs the same memory.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { evidencePolicies as p } from './evidence.policy.ts';
import { CaseParams, UploadParams } from './evidence.schemas.ts';
import { createUploadService } from './uploads.service.ts';
import {
  contentLengthOf,
  OFFSET_CONTENT_TYPE,
  parseUploadChecksum,
  parseUploadLength,
  parseUploadMetadata,
  parseUploadOffset,
  requireTusResumable,
  tusHeaders,
  TUS_VERSION,
} from './uploads.tus.ts';

const tags = ['证据与音像记录'];
const NoContent = Type.Unsafe<undefined>({ description: '无内容（进度见响应头 Upload-Offset）' });
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  412: ErrorResponse,
};
const writeRefusals = {
  ...refusals,
  413: ErrorResponse,
  415: ErrorResponse,
  422: ErrorResponse,
  460: ErrorResponse,
};

function isStream(body: unknown): body is Readable {
  return typeof (body as Readable | undefined)?.pipe === 'function';
}

/** The body of an append: the raw stream, refused unless typed as tus requires. */
function appendBody(request: FastifyRequest): Readable {
  if (request.headers['content-type']?.split(';')[0]?.trim() !== OFFSET_CONTENT_TYPE) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      message: `上传数据须为 ${OFFSET_CONTENT_TYPE}`,
    });
  }
  if (!isStream(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return request.body;
}

export function registerUploadRoutes(app: App, ctx: AppContext) {
  const uploads = createUploadService(ctx);
  const capabilities = tusHeaders(ctx.config.UPLOAD_MAX_BYTES);
  const locationOf = (caseId: string, uploadId: string) =>
    `/api/cases/${caseId}/uploads/${uploadId}`;
  /** tus expiration: when an unfinished upload untouched since `touchedAt` loses its bytes. */
  const expiresHeader = (reply: FastifyReply, touchedAt: Date) =>
    reply.header(
      'upload-expires',
      new Date(touchedAt.getTime() + ctx.config.UPLOAD_EXPIRY_HOURS * 3_600_000).toUTCString(),
    );

  // Encapsulated: the raw-stream parser and the tus response headers apply to these routes only.
  void app.register(async (tus: App) => {
    tus.addContentTypeParser(OFFSET_CONTENT_TYPE, (_request, payload, done) => done(null, payload));
    tus.addHook('onSend', async (request, reply: FastifyReply) => {
      reply.header('tus-resumable', TUS_VERSION);
      reply.header('cache-control', 'no-store');
      if (reply.statusCode === 412) reply.header('tus-version', TUS_VERSION);
      if (request.method === 'OPTIONS') reply.headers(capabilities);
    });
    tus.addHook('preHandler', async (request) => {
      if (request.method !== 'OPTIONS') requireTusResumable(request.headers);
    });

    tus.options(
      '/api/cases/:caseId/uploads',
      {
        config: { policy: p.discoverUploads },
        schema: {
          tags,
          summary: 'tus 协议能力（Tus-Version、Tus-Extension、Tus-Max-Size）',
          params: CaseParams,
          response: { 204: NoContent, 400: ErrorResponse },
        },
      },
      async (_request, reply) => reply.status(204).send(),
    );

    tus.post(
      '/api/cases/:caseId/uploads',
      {
        config: { policy: p.upload },
        schema: {
          tags,
          summary: '创建上传（tus creation；可同时上传首段数据）',
          description:
            '请求头：Tus-Resumable: 1.0.0；Upload-Length；Upload-Metadata（Base64 值）：filename、step 必填，sm3、sha256（最终哈希，十六进制）、recordedAt、av（音像记录元数据 JSON）可选。',
          params: CaseParams,
          response: { 201: NoContent, ...writeRefusals },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const actor = actorOf(request);
        // A body is the file's first bytes or nothing: JSON or a form is not an upload.
        if (request.body !== undefined && request.body !== null && !isStream(request.body)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            message: `上传数据须为 ${OFFSET_CONTENT_TYPE}`,
          });
        }
        const upload = await uploads.create(principal, actor, request.params.caseId, {
          length: parseUploadLength(request.headers),
          metadata: parseUploadMetadata(request.headers),
        });
        reply.header('location', locationOf(upload.caseId, upload.id));
        if (isStream(request.body)) {
          const result = await uploads.append(principal, actor, upload.caseId, upload.id, {
            offset: 0,
            contentLength: contentLengthOf(request.headers),
            checksum: parseUploadChecksum(request.headers),
            body: appendBody(request),
          });
          reply.header('upload-offset', String(result.offset));
          if (result.evidenceId) reply.header('evidence-id', result.evidenceId);
          else expiresHeader(reply, new Date());
        } else {
          expiresHeader(reply, upload.updatedAt);
        }
        return reply.status(201).send();
      },
    );

    tus.head(
      '/api/cases/:caseId/uploads/:uploadId',
      {
        config: { policy: p.upload },
        schema: {
          tags,
          summary: '查询上传进度（tus HEAD）',
          params: UploadParams,
          response: { 200: NoContent, ...refusals },
        },
      },
      async (request, reply) => {
        const { caseId, uploadId } = request.params;
        const upload = await uploads.status(
          principalOf(request),
          actorOf(request),
          caseId,
          uploadId,
        );
        reply.header('upload-offset', String(upload.received));
        reply.header('upload-length', String(upload.length));
        if (upload.evidenceId) reply.header('evidence-id', upload.evidenceId);
        else if (upload.state === 'receiving') expiresHeader(reply, upload.updatedAt);
        return reply.status(200).send();
      },
    );

    tus.patch(
      '/api/cases/:caseId/uploads/:uploadId',
      {
        config: { policy: p.upload },
        schema: {
          tags,
          summary: '续传数据（tus PATCH，Content-Type: application/offset+octet-stream）',
          description:
            '须给出 Upload-Offset（等于服务器已接收的字节数）；可附 Upload-Checksum（sha1、sha256、sm3）。最后一段到达后完成哈希核对、类型识别、入库与账本登记，响应头 Evidence-Id 为证据标识。',
          params: UploadParams,
          response: { 204: NoContent, ...writeRefusals },
        },
      },
      async (request, reply) => {
        const { caseId, uploadId } = request.params;
        const body = appendBody(request);
        const result = await uploads.append(
          principalOf(request),
          actorOf(request),
          caseId,
          uploadId,
          {
            offset: parseUploadOffset(request.headers),
            contentLength: contentLengthOf(request.headers),
            checksum: parseUploadChecksum(request.headers),
            body,
          },
        );
        reply.header('upload-offset', String(result.offset));
        if (result.evidenceId) reply.header('evidence-id', result.evidenceId);
        else expiresHeader(reply, new Date());
        return reply.status(204).send();
      },
    );

    tus.delete(
      '/api/cases/:caseId/uploads/:uploadId',
      {
        config: { policy: p.upload },
        schema: {
          tags,
          summary: '终止上传（tus termination）：删除未完成的数据',
          params: UploadParams,
          response: { 204: NoContent, ...refusals },
        },
      },
      async (request, reply) => {
        const { caseId, uploadId } = request.params;
        await uploads.terminate(principalOf(request), actorOf(request), caseId, uploadId);
        return reply.status(204).send();
      },
    );
  });
}
