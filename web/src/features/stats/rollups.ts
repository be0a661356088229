// Small roll-ups of the server's grouped figures (GET /api/stats/*) for the charts: the server
// counts, the page only regroups a few dozen rows for each drawing.
import type { GetResponse } from '../../api/client.ts';

export type CaseRow = GetResponse<'/api/stats/cases'>['rows'][number];
export type DeadlineRow = GetResponse<'/api/stats/deadlines'>['rows'][number];
export type PublicationRow = GetResponse<'/api/stats/publication'>['rows'][number];
export type DueBucket = DeadlineRow['bucket'];
export type Timeliness = PublicationRow['timeliness'];

export const DUE_BUCKETS: readonly DueBucket[] = ['overdue', 'soon', 'later', 'undated'];
export const DUE_BUCKET_LABELS: Record<DueBucket, string> = {
  overdue: '已超期',
  soon: '即将到期',
  later: '尚未到期',
  undated: '暂无法计算',
};

export const TIMELINESS: readonly Timeliness[] = [
  'on_time',
  'late',
  'pending',
  'pending_overdue',
  'withheld',
];
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '按期公示',
  late: '逾期公示',
  pending: '待公示（未超期）',
  pending_overdue: '待公示（已超期）',
  withheld: '依法不予公开',
};

/** Sums `count` by a key, keeping the keys in first-seen order. */
export function sumBy<R extends { count: number }>(rows: readonly R[], key: (row: R) => string) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + row.count);
  return sums;
}

/** A two-way table: rows × columns → count, both in first-seen order. */
export function crossTab<R extends { count: number }>(
  rows: readonly R[],
  rowKey: (row: R) => string,
  columnKey: (row: R) => string,
) {
  const rowKeys = [...sumBy(rows, rowKey).keys()];
  const columnKeys = [...sumBy(rows, columnKey).keys()];
  const cells = sumBy(rows, (r) => `${rowKey(r)}\u0000${columnKey(r)}`);
  return {
    rowKeys,
    columnKeys,
    count: (row: string, column: string) => cells.get(`${row}\u0000${column}`) ?? 0,
  };
}
