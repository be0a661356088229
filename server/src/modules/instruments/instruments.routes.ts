// Routes of instruments (文书): list and issue on a case, read a version and its files, the
// public seal check (API and page), and the agency's numbering pattern.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { instrumentsPolicies as p } from './instruments.policy.ts';
import {
  AgencyParams,
  CaseInstrumentsView,
  CaseParams,
  FileQuery,
  InstrumentParams,
  InstrumentView,
  IssueBody,
  NumberingBody,
  NumberingView,
  ReadQuery,
  ReissueBody,
  TemplateView,
  VerificationView,
  VersionDetailView,
  VersionParams,
} from './instruments.schemas.ts';
import { createInstrumentsService } from './instruments.service.ts';
import { verificationPage } from './instruments.verify-page.ts';

const tags = ['执法文书'];
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};
const PDF_MAX_BYTES = 20 * 1024 * 1024;
const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function contentDisposition(fileName: string): string {
  return `attachment; filename="instrument"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerInstrumentsRoutes(app: App, ctx: AppContext) {
  const instruments = createInstrumentsService(ctx);

  app.get(
    '/api/instrument-templates',
    {
      config: { policy: p.listTemplates },
      schema: {
        tags,
        summary: '文书模板：栏目、法定必备内容及其依据',
        response: { 200: Type.Array(TemplateView), ...refusals },
      },
    },
    () => instruments.listTemplates(),
  );

  app.get(
    '/api/cases/:caseId/instruments',
    {
      config: { policy: p.list },
      schema: {
        tags,
        summary: '案件的文书，及本阶段需要制作的文书（已由案件数据填写，列出尚缺的栏目）',
        params: CaseParams,
        querystring: ReadQuery,
        response: { 200: CaseInstrumentsView, ...refusals },
      },
    },
    (request) =>
      instruments.listOfCase(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.query.reason,
      ),
  );

  app.post(
    '/api/cases/:caseId/instruments',
    {
      config: { policy: p.issue },
      schema: {
        tags,
        summary: '制作文书（由案件数据填写，data 补充或更正栏目；编号、签章、留存）',
        params: CaseParams,
        body: IssueBody,
        response: { 201: InstrumentView, ...refusals },
      },
    },
    async (request, reply) => {
      const view = await instruments.issue(
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/instruments/:instrumentId/versions',
    {
      config: { policy: p.issue },
      schema: {
        tags,
        summary: '重新制作文书（新版本，文号不变，须说明理由；原版本保留）',
        params: InstrumentParams,
        body: ReissueBody,
        response: { 201: InstrumentView, ...refusals },
      },
    },
    async (request, reply) => {
      const view = await instruments.reissue(
        principalOf(request),
        actorOf(request),
        request.params.instrumentId,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/instruments/:instrumentId',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '文书及其全部版本',
        params: InstrumentParams,
        querystring: ReadQuery,
        response: { 200: InstrumentView, ...refusals },
      },
    },
    (request) =>
      instruments.get(
        principalOf(request),
        actorOf(request),
        request.params.instrumentId,
        request.query.reason,
      ),
  );

  app.get(
    '/api/instruments/:instrumentId/versions/:version',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '文书的一个版本（栏目内容、哈希、签章）',
        params: VersionParams,
        querystring: ReadQuery,
        response: { 200: VersionDetailView, ...refusals },
      },
    },
    (request) =>
      instruments.version(
        principalOf(request),
        actorOf(request),
        request.params.instrumentId,
        request.params.version,
        request.query.reason,
      ),
  );

  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      `/api/instruments/:instrumentId/${format}`,
      {
        config: { policy: p.read },
        schema: {
          tags,
          summary:
            format === 'pdf' ? '下载文书 PDF（加盖电子印章的原件）' : '下载文书 DOCX（工作副本）',
          params: InstrumentParams,
          querystring: FileQuery,
          response: {
            200: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }),
            ...refusals,
          },
        },
      },
      async (request, reply) => {
        const file = await instruments.file(
          principalOf(request),
          actorOf(request),
          request.params.instrumentId,
          format,
          request.query,
        );
        return reply
          .header('etag', `"${file.sm3}"`)
          .header('cache-control', 'private, no-cache')
          .header('x-content-type-options', 'nosniff')
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(file.fileName))
          .type(MEDIA_TYPES[format])
          .send(file.open());
      },
    );
  }

  app.get(
    '/api/instruments/:instrumentId/verification',
    {
      config: { policy: p.verify },
      schema: {
        tags,
        summary: '核验文书电子印章（公开）：每个版本的签名及留存文件',
        params: InstrumentParams,
        response: { 200: VerificationView, ...refusals },
      },
    },
    (request) => instruments.verify(request.params.instrumentId),
  );

  app.put(
    '/api/agencies/:agencyId/instrument-numbering',
    {
      config: { policy: p.setNumbering },
      schema: {
        tags,
        summary: '设置本机关文号格式',
        params: AgencyParams,
        body: NumberingBody,
        response: { 200: NumberingView, ...refusals },
      },
    },
    (request) =>
      instruments.setNumbering(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      ),
  );

  app.get(
    '/api/agencies/:agencyId/instrument-numbering',
    {
      config: { policy: p.readNumbering },
      schema: {
        tags,
        summary: '本机关文号格式',
        params: AgencyParams,
        response: { 200: NumberingView, ...refusals },
      },
    },
    (request) => instruments.numbering(principalOf(request), request.params.agencyId),
  );

  // The file check takes the PDF itself as the body; its parser lives in this plugin's scope so
  // that no other route accepts PDF bodies.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(
      MEDIA_TYPES.pdf,
      { parseAs: 'buffer', bodyLimit: PDF_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/instruments/:instrumentId/verification',
      {
        config: { policy: p.verify },
        bodyLimit: PDF_MAX_BYTES,
        schema: {
          tags,
          summary: '核验一份文书 PDF（公开）：是否为已签章的某一版本，签名是否有效',
          params: InstrumentParams,
          consumes: [MEDIA_TYPES.pdf],
          body: Type.Unsafe<Buffer>({
            description: 'PDF 文件本身（Content-Type: application/pdf）',
          }),
          response: { 200: VerificationView, ...refusals, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError('INSTRUMENT_FILE_REQUIRED');
        return instruments.verify(request.params.instrumentId, body);
      },
    );
  });

  app.get(
    '/instruments/verify/:instrumentId',
    {
      config: { policy: p.verify },
      schema: { hide: true, params: InstrumentParams },
    },
    async (request, reply) => {
      // Browsers get a page either way; other clients get the API's {code, message} refusal.
      const isBrowser = /\btext\/html\b/.test(request.headers.accept ?? '');
      const result = await instruments
        .verify(request.params.instrumentId)
        .catch((error: unknown) => {
          if (isBrowser && error instanceof AppError && error.code === 'INSTRUMENT_NOT_FOUND')
            return null;
          throw error;
        });
      return reply
        .status(result ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(verificationPage(request.params.instrumentId, result));
    },
  );
}
