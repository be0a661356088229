// Oversight figures for the workbench's statistics page and, later, supervision reports.
import type { AppContext } from '../../app.ts';
import { principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { statsPolicies as p } from './stats.policy.ts';
import {
  CaseStats,
  CaseStatsQuery,
  DeadlineStats,
  DeadlineStatsQuery,
  PublicationStats,
  PublicationStatsQuery,
} from './stats.schemas.ts';
import { createStatsService } from './stats.service.ts';

const tags = ['统计'];
const refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function registerStatsRoutes(app: App, ctx: AppContext) {
  const stats = createStatsService(ctx.db, ctx.clock);

  app.get(
    '/api/stats/cases',
    {
      config: { policy: p.caseStats },
      schema: {
        tags,
        summary: '案件数量：按执法主体、案件类别和办理状态统计（按立案登记日期筛选）',
        querystring: CaseStatsQuery,
        response: { 200: CaseStats, ...refusals },
      },
    },
    (request) => stats.cases(principalOf(request), request.query),
  );

  app.get(
    '/api/stats/deadlines',
    {
      config: { policy: p.deadlineStats },
      schema: {
        tags,
        summary: '执法机关承担的未届满及已逾期法定期限：按事项和到期情况统计',
        querystring: DeadlineStatsQuery,
        response: { 200: DeadlineStats, ...refusals },
      },
    },
    (request) => stats.deadlines(principalOf(request), request.query),
  );

  app.get(
    '/api/stats/publication',
    {
      config: { policy: p.publicationStats },
      schema: {
        tags,
        summary: '行政执法决定公示及时性：按期、逾期、待公示和依法不予公开（按决定日期筛选）',
        querystring: PublicationStatsQuery,
        response: { 200: PublicationStats, ...refusals },
      },
    },
    (request) => stats.publication(principalOf(request), request.query),
  );
}
