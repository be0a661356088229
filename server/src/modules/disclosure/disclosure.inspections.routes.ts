// QR codes and inspection codes: the staff endpoints the workbench shows (a credential's QR for
// 亮证, an inspection case's code for 扫码入企) and the public JSON of an inspection.
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, StrictObject, Uuid } from '../../shared/schemas.ts';
import { catalogueRepository as catalogue } from './disclosure.catalogue.repository.ts';
import { cacheFor, publicOrigin } from './disclosure.http.ts';
import { inspectionCodeForStaff, publicInspection } from './disclosure.inspections.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { publicRateLimit } from './disclosure.rate-limit.ts';
import { credentialPath, inspectionPath, qrImage, qrSvg } from './disclosure.qr.ts';
import { CredentialParams } from './disclosure.schemas.ts';

const FormatQuery = StrictObject({ format: Type.Optional(Type.Enum(['svg', 'png'])) });
const CaseParams = StrictObject({ caseId: Uuid });
const CodeParams = StrictObject({
  code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9]+$' }),
});
const refusals = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  422: ErrorResponse,
};
const image = {
  description: 'SVG（默认）或 PNG 图片',
  content: {
    'image/svg+xml': { schema: Type.String({ description: 'SVG' }) },
    'image/png': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
  },
};

export const InspectionCode = Type.Object({
  code: Type.String({ description: '检查码' }),
  url: Type.String({ description: '扫码打开的公开页面地址' }),
  svg: Type.String({ description: '二维码（SVG）' }),
});

export const PublicInspection = Type.Object({
  code: Type.String(),
  agency: Type.String(),
  agencyId: Type.String(),
  procedure: Type.String(),
  power: Type.String(),
  legalBasis: Type.String(),
  items: Type.Array(Type.String()),
  party: Type.String(),
  partyCreditCode: Type.Union([Type.String(), Type.Null()]),
  officers: Type.Array(Type.Object({ name: Type.String(), credentialNo: Type.String() })),
  plannedOn: Type.Union([Type.String(), Type.Null()]),
  inspectedOn: Type.Union([Type.String(), Type.Null()]),
  result: Type.Enum(['pending', 'normal', 'problems']),
  stage: Type.String(),
  resultText: Type.Union([Type.String(), Type.Null()]),
  resultDueOn: Type.Union([Type.String(), Type.Null()]),
  resultDecisionId: Type.Union([Type.String(), Type.Null()]),
  resultPublishedAt: Type.Union([Type.String(), Type.Null()]),
  ledgerIndex: Type.Integer(),
  updatedAt: Type.String(),
});

export function registerInspectionRoutes(app: App, ctx: AppContext) {
  const context = () => ({ profile: ctx.config.PROFILE, now: ctx.clock() });

  app.get(
    '/api/disclosure/credentials/:credentialNo/qr',
    {
      config: { policy: p.credentialQr },
      schema: {
        tags: ['行政执法公示（机关办理）'],
        summary: '执法证件二维码（亮证执法，扫码打开证件核验页）',
        params: CredentialParams,
        querystring: FormatQuery,
        response: { 200: image, ...refusals },
      },
    },
    async (request, reply) => {
      const { credentialNo } = request.params;
      if (!(await catalogue.findCredential(ctx.db, credentialNo))) {
        throw new AppError('CREDENTIAL_NOT_FOUND');
      }
      const url = publicOrigin(ctx.config.PUBLIC_BASE_URL, request) + credentialPath(credentialNo);
      const qr = await qrImage(url, request.query.format ?? 'svg');
      return reply.type(qr.type).header('cache-control', 'private, max-age=300').send(qr.body);
    },
  );

  app.post(
    '/api/disclosure/inspections/:caseId/code',
    {
      config: { policy: p.inspectionCode },
      schema: {
        tags: ['行政执法公示（机关办理）'],
        summary: '行政检查的检查码与二维码（扫码入企；首次请求时生成）',
        params: CaseParams,
        response: { 200: InspectionCode, ...refusals },
      },
    },
    async (request) => {
      const code = await inspectionCodeForStaff(
        ctx.db,
        principalOf(request),
        actorOf(request),
        request.params.caseId,
        context(),
      );
      const url = publicOrigin(ctx.config.PUBLIC_BASE_URL, request) + inspectionPath(code);
      return { code, url, svg: await qrSvg(url) };
    },
  );

  app.get(
    '/api/public/inspections/:code',
    {
      config: { policy: p.readInspections },
      onRequest: publicRateLimit(ctx),
      onSend: cacheFor(60),
      schema: {
        tags: ['行政执法公示（公开数据）'],
        summary: '按检查码查询行政检查（执法主体、执法人员、依据、检查结果）',
        params: CodeParams,
        response: { 200: PublicInspection, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => publicInspection(ctx.db, request.params.code),
  );
}
