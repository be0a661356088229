// The public disclosure API of API.md: no login, strict validation, cacheable answers, and CSV
// for every list when asked with `Accept: text/csv` (the open-data interface).
import { Type, type TSchema } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams, StrictObject, Uuid } from '../../shared/schemas.ts';
import { annualReportXlsx, createAnnualReportService, FIGURE_LABELS } from './disclosure.annual.ts';
import { createCorrectionRequestService } from './disclosure.corrections.ts';
import {
  cacheFor,
  sendCsv,
  sendXlsx,
  toCsv,
  wantsCsv,
  wantsXlsx,
  XLSX_TYPE,
  type CsvColumn,
} from './disclosure.http.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { createPublicDisclosureService } from './disclosure.public.ts';
import { publicRateLimit } from './disclosure.rate-limit.ts';
import {
  CatalogueQuery,
  CorrectionRequestBody,
  CorrectionRequestCreated,
  CorrectionRequestStatus,
  CredentialParams,
  CsvBody,
  Decision,
  DecisionListQuery,
  DecisionPage,
  OfficerQuery,
  PublicAgency,
  PublicationRecord,
  PublicOfficer,
  PublicPower,
  PublicRandomCheck,
  PublicServiceGuide,
  TrackingParams,
} from './disclosure.schemas.ts';
import { Page } from '../../shared/schemas.ts';
import type { DecisionView } from './disclosure.view.ts';

const tags = ['行政执法公示（公开数据）'];
const refusals = { 400: ErrorResponse, 404: ErrorResponse };
// Lists change when something is published; a minute of staleness is the price of caching.
const LIST_MAX_AGE = 60;
const ITEM_MAX_AGE = 300;

function jsonOrCsv(schema: TSchema) {
  return {
    200: {
      description: 'JSON；请求头 Accept: text/csv 时返回 CSV',
      content: { 'application/json': { schema }, 'text/csv': { schema: CsvBody } },
    },
    ...refusals,
  };
}

export const DECISION_CSV: CsvColumn<DecisionView>[] = [
  ['标识', (d) => d.id],
  ['决定书文号', (d) => d.docNo],
  ['执法主体', (d) => d.agency],
  ['类别', (d) => d.categoryLabel],
  ['事项名称', (d) => d.power],
  ['当事人', (d) => d.party],
  ['统一社会信用代码', (d) => d.partyCreditCode],
  ['主要事实', (d) => d.facts],
  ['依据', (d) => d.legalBasis],
  ['处理结果', (d) => d.result],
  ['决定日期', (d) => d.decidedOn],
  ['公示时间', (d) => d.publishedAt],
  ['状态', (d) => d.status],
  ['撤下时间', (d) => d.withdrawal?.at],
  ['撤下理由', (d) => d.withdrawal?.reason],
  ['账本序号', (d) => d.ledgerIndex],
];

export function registerPublicDisclosureRoutes(app: App, ctx: AppContext) {
  const limit = publicRateLimit(ctx);
  const service = createPublicDisclosureService(ctx.db, { clock: ctx.clock });
  const corrections = createCorrectionRequestService(ctx.db, {
    profile: ctx.config.PROFILE,
    clock: ctx.clock,
  });
  const annual = createAnnualReportService(ctx.db, {
    profile: ctx.config.PROFILE,
    clock: ctx.clock,
  });
  const listCache = cacheFor(LIST_MAX_AGE);
  const itemCache = cacheFor(ITEM_MAX_AGE);

  app.get(
    '/api/public/decisions',
    {
      config: { policy: p.readDecisions },
      onRequest: limit,
      onSend: listCache,
      schema: {
        tags,
        summary: '检索公示的行政执法决定（文号、当事人、事项、正文；可按主体、类别、日期筛选）',
        querystring: DecisionListQuery,
        response: jsonOrCsv(DecisionPage),
      },
    },
    async (request, reply) => {
      const page = await service.listDecisions(request.query);
      if (wantsCsv(request)) return sendCsv(reply, 'decisions', toCsv(DECISION_CSV, page.items));
      return page;
    },
  );

  app.get(
    '/api/public/decisions/:id',
    {
      config: { policy: p.readDecisions },
      onRequest: limit,
      onSend: itemCache,
      schema: {
        tags,
        summary: '一条公示的行政执法决定（已撤下的仍可查询，含撤下时间与理由）',
        params: IdParams,
        response: { 200: Decision, ...refusals, 410: ErrorResponse },
      },
    },
    async (request) => service.getDecision(request.params.id),
  );

  app.get(
    '/api/public/decisions/:id/record',
    {
      config: { policy: p.readDecisions },
      onRequest: limit,
      onSend: itemCache,
      schema: {
        tags,
        summary: '该决定最近一次公示事件的账本条目（用于核验未被悄悄修改）',
        params: IdParams,
        response: { 200: PublicationRecord, ...refusals, 410: ErrorResponse },
      },
    },
    async (request) => service.publicationRecord(request.params.id),
  );

  const lists: {
    url: string;
    summary: string;
    query: TSchema;
    item: TSchema;
    load: (query: Record<string, unknown>) => Promise<{ total: number; items: object[] }>;
    csvName: string;
  }[] = [
    {
      url: '/api/public/agencies',
      summary: '行政执法主体清单',
      query: StrictObject({}),
      item: PublicAgency,
      load: () => service.agencies(),
      csvName: 'agencies',
    },
    {
      url: '/api/public/officers',
      summary: '行政执法人员清单（姓名、证号、执法领域、有效期）',
      query: OfficerQuery,
      item: PublicOfficer,
      load: (q) => service.officers(q),
      csvName: 'officers',
    },
    {
      url: '/api/public/powers',
      summary: '权力清单（事项、依据、流程、时限、裁量基准）',
      query: CatalogueQuery,
      item: PublicPower,
      load: (q) => service.powers(q),
      csvName: 'powers',
    },
    {
      url: '/api/public/random-check-items',
      summary: '随机抽查事项清单',
      query: CatalogueQuery,
      item: PublicRandomCheck,
      load: (q) => service.randomChecks(q),
      csvName: 'random-check-items',
    },
    {
      url: '/api/public/service-guides',
      summary: '服务指南',
      query: CatalogueQuery,
      item: PublicServiceGuide,
      load: (q) => service.serviceGuides(q),
      csvName: 'service-guides',
    },
  ];
  for (const list of lists) {
    app.get(
      list.url,
      {
        config: { policy: p.readCatalogue },
        onRequest: limit,
        onSend: listCache,
        schema: {
          tags,
          summary: list.summary,
          querystring: list.query,
          response: jsonOrCsv(Page(list.item)),
        },
      },
      async (request, reply) => {
        const page = await list.load(request.query as Record<string, unknown>);
        if (!wantsCsv(request)) return page;
        const first = page.items[0] ?? {};
        const columns = Object.keys(first).map((key): CsvColumn<object> => [
          key,
          (row) => (row as Record<string, unknown>)[key],
        ]);
        return sendCsv(reply, list.csvName, toCsv(columns, page.items));
      },
    );
  }

  app.get(
    '/api/public/credentials/:credentialNo',
    {
      config: { policy: p.verifyCredential },
      onRequest: limit,
      onSend: cacheFor(LIST_MAX_AGE),
      schema: {
        tags,
        summary: '核验行政执法证件（亮证、扫码）',
        params: CredentialParams,
        response: {
          200: Type.Object({
            ...PublicOfficer.properties,
            checkedOn: Type.String(),
          }),
          ...refusals,
        },
      },
    },
    async (request) => service.credential(request.params.credentialNo),
  );

  app.post(
    '/api/public/correction-requests',
    {
      config: { policy: p.requestCorrection },
      onRequest: limit,
      schema: {
        tags,
        summary: '申请更正公示信息（返回受理编号与答复期限）',
        body: CorrectionRequestBody,
        response: { 201: CorrectionRequestCreated, ...refusals },
      },
    },
    async (request, reply) => {
      const created = await corrections.submit(actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/public/correction-requests/:id',
    {
      config: { policy: p.trackCorrection },
      onRequest: limit,
      schema: {
        tags,
        summary: '按受理编号查询更正申请的办理情况',
        params: TrackingParams,
        response: { 200: CorrectionRequestStatus, ...refusals },
      },
    },
    async (request, reply) => {
      // The answer may change at any moment and is keyed by a secret number: never cached.
      void reply.header('cache-control', 'no-store');
      return corrections.track(request.params.id);
    },
  );

  app.get(
    '/api/public/reports/annual',
    {
      config: { policy: p.readAnnualReports },
      onRequest: limit,
      onSend: cacheFor(ITEM_MAX_AGE),
      schema: {
        tags,
        summary: '年度行政执法统计数据（JSON；Accept: text/csv 为 CSV，XLSX 媒体类型为表格）',
        querystring: StrictObject({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          agency: Type.Optional(Uuid),
        }),
        produces: ['application/json', 'text/csv', XLSX_TYPE],
        response: {
          200: Type.Object({
            year: Type.Integer(),
            items: Type.Array(
              Type.Object({
                agencyId: Uuid,
                agency: Type.String(),
                year: Type.Integer(),
                publishedAt: Type.String(),
                dueOn: Type.Union([Type.String(), Type.Null()]),
                isLate: Type.Boolean(),
                ledgerIndex: Type.Integer(),
                figures: Type.Record(Type.String(), Type.Number()),
              }),
            ),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const { year, agency } = request.query;
      const reports = await annual.list(year, agency);
      if (wantsXlsx(request)) {
        return sendXlsx(
          reply,
          `annual-report-${year}`,
          await annualReportXlsx(year, reports.items),
        );
      }
      if (wantsCsv(request)) {
        const columns: CsvColumn<(typeof reports.items)[number]>[] = [
          ['执法主体', (r) => r.agency],
          ...FIGURE_LABELS.map(([key, label]): CsvColumn<(typeof reports.items)[number]> => [
            label,
            (r) => r.figures[key],
          ]),
          ['公开时间', (r) => r.publishedAt],
        ];
        return sendCsv(reply, `annual-report-${year}`, toCsv(columns, reports.items));
      }
      return reports;
    },
  );
}
