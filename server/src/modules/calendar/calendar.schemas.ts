import { Type } from 'typebox';
import { IsoDate, StrictObject } from '../../shared/schemas.ts';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN } from './calendar-file.ts';
import { MAX_WORKING_DAYS } from './working-days.ts';

export const AddWorkingDaysQuery = StrictObject({
  from: Type.String({ format: 'date', description: '起算日期 YYYY-MM-DD（当日不计入）' }),
  days: Type.Integer({
    minimum: 1,
    maximum: MAX_WORKING_DAYS,
    description: `工作日数，1 至 ${MAX_WORKING_DAYS}`,
  }),
});

export const CountWorkingDaysQuery = StrictObject({
  from: Type.String({ format: 'date', description: '起算日期 YYYY-MM-DD（当日不计入）' }),
  to: Type.String({
    format: 'date',
    description: '截止日期 YYYY-MM-DD（当日计入），不得早于起算日期',
  }),
});

export const CalendarYearParams = StrictObject({
  year: Type.Integer({ minimum: CALENDAR_YEAR_MIN, maximum: CALENDAR_YEAR_MAX }),
});

const Origin = Type.Enum(['shipped', 'imported'], {
  description: 'shipped = 随系统提供；imported = 管理员导入',
});

export const CalendarYearSummaryView = Type.Object({
  year: Type.Integer(),
  origin: Origin,
  source: Type.String({ description: '依据' }),
  checksum: Type.String({ description: '当年数据的 SHA-256 校验值' }),
  loadedAt: Type.String({ format: 'date-time' }),
  holidayCount: Type.Integer({ description: '放假日数（含其间的周末）' }),
  workdayCount: Type.Integer({ description: '调休上班日数' }),
});

export const CalendarDayView = Type.Object({
  date: IsoDate,
  kind: Type.Enum(['holiday', 'workday'], { description: 'holiday = 放假；workday = 调休上班' }),
  name: Type.String(),
});

export const CalendarYearView = Type.Object({
  ...CalendarYearSummaryView.properties,
  days: Type.Array(CalendarDayView),
});

export const CalendarImportView = Type.Object({
  year: Type.Integer(),
  isChanged: Type.Boolean({ description: '为 false 表示与已导入的数据相同，未作改动' }),
  holidayCount: Type.Integer(),
  workdayCount: Type.Integer(),
  checksum: Type.String(),
  deadlinesExamined: Type.Integer({ description: '受影响而重新计算的未结期限数' }),
  deadlinesChanged: Type.Integer({ description: '到期日因此改变的期限数' }),
});
