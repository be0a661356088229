// The public portal: server-rendered pages over the disclosure service (decisions come from the
// disclosure tables only), cacheable, no JavaScript. Pages are outside /api, so the OpenAPI
// document leaves them out; each still declares its public policy. Errors answer as HTML pages.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { AppError, ERROR_CODES } from '../../shared/errors.ts';
import { handleError, type App } from '../../shared/http.ts';
import { publicPolicy } from '../../shared/policy.ts';
import { StrictObject } from '../../shared/schemas.ts';
import { chinaToday } from '../../shared/dates.ts';
import { isValidIsoDate } from '../../shared/validators.ts';
import { cacheFor, publicOrigin } from '../disclosure/disclosure.http.ts';
import { publicRateLimit } from '../disclosure/disclosure.rate-limit.ts';
import { INSPECTION_CODE, publicInspection } from '../disclosure/disclosure.inspections.ts';
import {
  credentialPath,
  inspectionPath,
  qrImage,
  type QrFormat,
} from '../disclosure/disclosure.qr.ts';
import { createAnnualReportService } from '../disclosure/disclosure.annual.ts';
import { createPublicDisclosureService } from '../disclosure/disclosure.public.ts';
import { DISCLOSURE_CATEGORIES, type DisclosureCategory } from '../disclosure/disclosure.tables.ts';
import { agencyPage } from './portal.agency.ts';
import { atomFeed } from './portal.feed.ts';
import { annualReportPage } from './portal.annual.ts';
import { inspectionPage } from './portal.inspection.ts';
import {
  decisionPage,
  decisionsPage,
  errorPage,
  homePage,
  verifyFormPage,
  verifyPage,
} from './portal.pages.ts';

const policy = publicPolicy('portal.read');
const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREDENTIAL_NO = /^[A-Za-z0-9-]{1,40}$/;
const Loose = Type.Optional(Type.String({ maxLength: 100 }));

// Form fields arrive as strings, empty when left blank; blank means "any".
const DecisionsQuery = StrictObject({
  q: Loose,
  agency: Loose,
  category: Loose,
  from: Loose,
  to: Loose,
  page: Loose,
});

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message });
}

/**
 * Refusals of a page: an HTML page for browsers (they ask for text/html), the API's
 * {code, message} for every other client, with the same status and Chinese message.
 */
function pageErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (!/\btext\/html\b/.test(request.headers.accept ?? ''))
    return handleError(error, request, reply);
  let status = 500;
  let message: string = ERROR_CODES.INTERNAL_ERROR.message;
  if (error instanceof AppError) {
    status = error.status;
    message = error.message;
  } else if (error.validation) {
    status = 400;
    message = '查询条件不符合要求，请检查后重新查询';
  } else if (error.statusCode && error.statusCode < 500) {
    status = error.statusCode;
    message = ERROR_CODES.VALIDATION_FAILED.message;
  } else {
    request.log.error({ err: error }, 'portal page failed');
  }
  return reply.status(status).type('text/html; charset=utf-8').send(errorPage(status, message));
}

function sendHtml(reply: FastifyReply, body: string) {
  return reply.type('text/html; charset=utf-8').send(body);
}

export function registerPortalRoutes(app: App, ctx: AppContext) {
  const service = createPublicDisclosureService(ctx.db, { clock: ctx.clock });
  const limit = publicRateLimit(ctx);
  const options = {
    config: { policy },
    onRequest: limit,
    onSend: cacheFor(60),
    errorHandler: pageErrorHandler,
  };
  const agencyOptions = async () =>
    (await service.agencies()).items.map((a) => ({ id: a.id, name: a.name }));

  app.get('/', options, async (_request, reply) => {
    const [agencies, latest] = await Promise.all([
      agencyOptions(),
      service.listDecisions({ pageSize: 10 }),
    ]);
    return sendHtml(
      reply,
      homePage({
        agencies,
        latest: latest.items,
        total: latest.total,
        totalIsLowerBound: latest.totalIsLowerBound,
      }),
    );
  });

  app.get(
    '/decisions',
    { ...options, schema: { querystring: DecisionsQuery } },
    async (request, reply) => {
      const q = request.query;
      const agency = blankToUndefined(q.agency);
      const category = blankToUndefined(q.category);
      const from = blankToUndefined(q.from);
      const to = blankToUndefined(q.to);
      const pageText = blankToUndefined(q.page) ?? '1';
      const page = Number(pageText);
      if (agency && !UUID.test(agency)) throw invalid('执法主体不正确');
      if (category && !DISCLOSURE_CATEGORIES.includes(category as DisclosureCategory)) {
        throw invalid('类别不正确');
      }
      for (const date of [from, to]) {
        if (date && !isValidIsoDate(date)) throw invalid('日期应为 YYYY-MM-DD');
      }
      if (!/^\d{1,3}$/.test(pageText) || page < 1 || page > 100) throw invalid('页码应为 1 至 100');
      const form = {
        q: blankToUndefined(q.q),
        agency,
        category: category as DisclosureCategory | undefined,
        from,
        to,
        page,
      };
      const [agencies, result] = await Promise.all([
        agencyOptions(),
        service.listDecisions({ ...form, pageSize: PAGE_SIZE }),
      ]);
      return sendHtml(reply, decisionsPage({ form, agencies, ...result, pageSize: PAGE_SIZE }));
    },
  );

  app.get('/decisions/:id', options, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new AppError('DISCLOSURE_NOT_FOUND');
    return sendHtml(reply, decisionPage(await service.getDecision(id)));
  });

  app.get('/agencies/:id', options, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new AppError('NOT_FOUND', { message: '执法主体不存在' });
    return sendHtml(reply, agencyPage(await service.agencyProfile(id)));
  });

  app.get(
    '/verify',
    { ...options, schema: { querystring: StrictObject({ no: Loose }) } },
    async (request, reply) => {
      const no = blankToUndefined(request.query.no);
      if (!no) return sendHtml(reply, verifyFormPage());
      if (!CREDENTIAL_NO.test(no)) throw new AppError('CREDENTIAL_NOT_FOUND');
      return reply.redirect(`/verify/${encodeURIComponent(no)}`, 303);
    },
  );

  app.get('/verify/:credentialNo', options, async (request, reply) => {
    const { credentialNo } = request.params as { credentialNo: string };
    if (!CREDENTIAL_NO.test(credentialNo)) throw new AppError('CREDENTIAL_NOT_FOUND');
    return sendHtml(reply, verifyPage(await service.credential(credentialNo)));
  });

  // QR images: the code of a credential or an inspection, pointing at its public page.
  const qrRoute = (path: string, format: QrFormat, target: (param: string) => Promise<string>) =>
    app.get(path, { ...options, onSend: cacheFor(3600) }, async (request, reply) => {
      const { param } = request.params as { param: string };
      const qr = await qrImage(
        publicOrigin(ctx.config.PUBLIC_BASE_URL, request) + (await target(param)),
        format,
      );
      return reply.type(qr.type).send(qr.body);
    });
  for (const format of ['svg', 'png'] as const) {
    qrRoute(`/verify/:param/qr.${format}`, format, async (no) => {
      if (!CREDENTIAL_NO.test(no)) throw new AppError('CREDENTIAL_NOT_FOUND');
      await service.credential(no);
      return credentialPath(no);
    });
    qrRoute(`/inspections/:param/qr.${format}`, format, async (code) => {
      if (!INSPECTION_CODE.test(code)) throw new AppError('INSPECTION_CODE_NOT_FOUND');
      await publicInspection(ctx.db, code);
      return inspectionPath(code);
    });
  }

  const annual = createAnnualReportService(ctx.db, {
    profile: ctx.config.PROFILE,
    clock: ctx.clock,
  });
  app.get(
    '/reports/annual',
    { ...options, schema: { querystring: StrictObject({ year: Loose }) } },
    async (request, reply) => {
      // Statistics cover a finished year: last year by default, back to 2020.
      const lastYear = Number(chinaToday(ctx.clock()).slice(0, 4)) - 1;
      const text = blankToUndefined(request.query.year) ?? String(lastYear);
      const year = Number(text);
      if (!/^\d{4}$/.test(text) || year < 2020 || year > lastYear) {
        throw invalid(`年度应为 2020 至 ${lastYear}`);
      }
      const years = Array.from({ length: lastYear - 2019 }, (_, i) => lastYear - i);
      const { items } = await annual.list(year, undefined);
      return sendHtml(reply, annualReportPage({ year, years, items }));
    },
  );

  app.get('/inspections/:code', options, async (request, reply) => {
    const { code } = request.params as { code: string };
    return sendHtml(reply, inspectionPage(await publicInspection(ctx.db, code)));
  });

  app.get(
    '/feed.atom',
    { config: { policy }, onRequest: limit, onSend: cacheFor(60) },
    async (request, reply) => {
      const latest = await service.latestChanges(50);
      const base = `${request.protocol}://${request.host}`;
      return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(base, latest));
    },
  );
}
