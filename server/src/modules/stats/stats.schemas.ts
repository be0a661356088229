import { Type } from 'typebox';
import { IsoDate, StrictObject, Uuid } from '../../shared/schemas.ts';

const AgencyFilter = {
  agencyId: Type.Optional(Uuid),
};

/** A registration-date window for case figures; both ends inclusive, China dates. */
export const CaseStatsQuery = StrictObject({
  ...AgencyFilter,
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});

export const DeadlineStatsQuery = StrictObject({
  ...AgencyFilter,
  soonDays: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 60, description: '“即将到期”的天数（默认 3 日）' }),
  ),
});

/** A decision-date window for publication figures; both ends inclusive. */
export const PublicationStatsQuery = CaseStatsQuery;

const AgencyColumns = {
  agencyId: Uuid,
  agencyName: Type.String(),
};

export const CaseStatsRow = Type.Object({
  ...AgencyColumns,
  kind: Type.String(),
  procedure: Type.String(),
  workflowLabel: Type.String({ description: '案件类别（含程序）' }),
  state: Type.String(),
  stateLabel: Type.String(),
  count: Type.Integer(),
});

export const DEADLINE_BUCKETS = ['overdue', 'soon', 'later', 'undated'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

export const DeadlineStatsRow = Type.Object({
  ...AgencyColumns,
  kind: Type.String(),
  label: Type.String({ description: '期限事项' }),
  bucket: Type.Enum(DEADLINE_BUCKETS, {
    description:
      'overdue 已逾期；soon 即将到期；later 尚未到期；undated 暂无法计算（缺节假日安排）',
  }),
  count: Type.Integer(),
});

export const TIMELINESS = ['on_time', 'late', 'pending', 'pending_overdue', 'withheld'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const PublicationStatsRow = Type.Object({
  ...AgencyColumns,
  timeliness: Type.Enum(TIMELINESS, {
    description:
      'on_time 按期公示；late 逾期公示；pending 待公示（未超期）；pending_overdue 待公示（已超期）；withheld 依法不予公开',
  }),
  count: Type.Integer(),
});

function Figures<T extends ReturnType<typeof Type.Object>>(row: T) {
  return Type.Object({
    asOf: IsoDate,
    total: Type.Integer(),
    rows: Type.Array(row),
  });
}

export const CaseStats = Figures(CaseStatsRow);
export const DeadlineStats = Figures(DeadlineStatsRow);
export const PublicationStats = Figures(PublicationStatsRow);
