import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { actorOf, type App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { CalendarFileSchema } from './calendar-file.ts';
import { importCalendarYear } from './calendar.import.ts';
import { calendarPolicies as p } from './calendar.policy.ts';
import type { CalendarYearSummary } from './calendar.repository.ts';
import {
  AddWorkingDaysQuery,
  CalendarImportView,
  CalendarYearParams,
  CalendarYearSummaryView,
  CalendarYearView,
  CountWorkingDaysQuery,
} from './calendar.schemas.ts';
import { createCalendarService } from './calendar.service.ts';

const tags = ['工作日'];
const readRefusals = { 400: ErrorResponse, 422: ErrorResponse };

function serialiseSummary(year: CalendarYearSummary) {
  return { ...year, loadedAt: year.loadedAt.toISOString() };
}

export function registerCalendarRoutes(app: App, ctx: AppContext) {
  const calendar = createCalendarService(ctx.db);

  app.get(
    '/api/calendar/add-working-days',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '起算日之后第 N 个工作日（“自…之日起N个工作日内”的最后一日）',
        description:
          '周六、周日及法定节假日不计，国务院调休上班的周末计入。起算日当日不计入。涉及未导入节假日安排的年度时返回 422 CALENDAR_NOT_LOADED。',
        querystring: AddWorkingDaysQuery,
        response: { 200: Type.Object({ date: Type.String({ format: 'date' }) }), ...readRefusals },
      },
    },
    (request) => calendar.addWorkingDays(request.query.from, request.query.days),
  );

  app.get(
    '/api/calendar/count-working-days',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '两日之间的工作日数（起算日之后，至截止日当日）',
        description: '截止日早于起算日时返回 400 INVALID_DATE_RANGE。',
        querystring: CountWorkingDaysQuery,
        response: { 200: Type.Object({ days: Type.Integer() }), ...readRefusals },
      },
    },
    (request) => calendar.countWorkingDays(request.query.from, request.query.to),
  );

  app.get(
    '/api/calendar/years',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '已导入节假日安排的年度',
        response: { 200: Type.Object({ items: Type.Array(CalendarYearSummaryView) }) },
      },
    },
    async () => ({ items: (await calendar.listYears()).map(serialiseSummary) }),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      config: { policy: p.read },
      schema: {
        tags,
        summary: '某年度的放假日与调休上班日',
        params: CalendarYearParams,
        response: { 200: CalendarYearView, ...readRefusals },
      },
    },
    async (request) => {
      const year = await calendar.getYear(request.params.year);
      return { ...serialiseSummary(year), days: year.days };
    },
  );

  app.put(
    '/api/calendar/years/:year',
    {
      config: { policy: p.importYear },
      schema: {
        tags,
        summary: '导入（替换）某年度的节假日安排',
        description:
          '请求体与 `npx sanxiang calendar import <file>` 的文件相同。整年替换，并在同一事务中重新计算受影响的未结期限。',
        params: CalendarYearParams,
        body: CalendarFileSchema,
        response: {
          200: CalendarImportView,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    (request) => importCalendarYear(ctx.db, actorOf(request), request.body, request.params.year),
  );
}
