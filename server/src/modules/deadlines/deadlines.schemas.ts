import { Type } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../shared/schemas.ts';

export const DEADLINE_STATES = [
  'running',
  'overdue',
  'lapsed',
  'met',
  'missed',
  'cancelled',
] as const;

export const DeadlineView = Type.Object({
  id: Uuid,
  caseId: Type.Union([Uuid, Type.Null()]),
  subjectType: Type.String(),
  subjectId: Type.String(),
  kind: Type.String(),
  label: Type.String({ description: '期限事项' }),
  bearer: Type.Enum(['agency', 'party'], { description: '须在期限内办理的一方' }),
  ruleKey: Type.String({ description: '期限所依据的规则（规则包中的键）' }),
  unit: Type.Enum(['working_days', 'days', 'hours']),
  amount: Type.Integer(),
  startOn: Type.Union([IsoDate, Type.Null()]),
  startAt: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([IsoDate, Type.Null()]),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  isCalendarMissing: Type.Boolean({ description: '所需年度的节假日安排尚未导入，暂无法计算' }),
  state: Type.Enum(DEADLINE_STATES),
  stateLabel: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});

export const AgencyDeadlinesQuery = StrictObject({
  status: Type.Enum(['due', 'overdue'], {
    description: 'due：尚未届满的期限；overdue：已逾期未办结的期限（当事人权利期间届满不计入）',
  }),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
