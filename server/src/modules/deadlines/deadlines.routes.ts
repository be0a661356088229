// The deadlines an agency has running: due (still within their period) or overdue, for the staff's
// home pages. State is derived from the injectable clock at read time.
import type { AppContext } from '../../app.ts';
import { principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, Page, StrictObject, Uuid } from '../../shared/schemas.ts';
import { listAgencyDeadlines } from './deadlines.agency.ts';
import { deadlinesPolicies as p } from './deadlines.policy.ts';
import { AgencyDeadlinesQuery, DeadlineView } from './deadlines.schemas.ts';

export function registerDeadlinesRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/agencies/:agencyId/deadlines',
    {
      config: { policy: p.listAgencyDeadlines },
      schema: {
        tags: ['期限'],
        summary: '本机关尚未届满或已逾期的法定期限（案件办理、法制审核、音像上传、信息公示）',
        params: StrictObject({ agencyId: Uuid }),
        querystring: AgencyDeadlinesQuery,
        response: {
          200: Page(DeadlineView),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      listAgencyDeadlines(
        ctx.db,
        principalOf(request),
        { agencyId: request.params.agencyId, ...request.query },
        ctx.clock(),
      ),
  );
}
