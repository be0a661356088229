// Aggregates for the statistics charts, computed in the browser from the lists the API already
// gives (no statistics endpoint exists yet): cases by state and kind, running review and
// publication deadlines, and whether decisions were published within their period.
import { chinaToday, daysUntil } from '../../shared/labels.ts';

export interface CaseRow {
  kind: string;
  state: string;
  agencyName: string;
}

/** counts[state][kind], states in first-seen order. */
export function casesByStateAndKind(cases: readonly CaseRow[]) {
  const states: string[] = [];
  const kinds: string[] = [];
  const counts = new Map<string, Map<string, number>>();
  for (const c of cases) {
    if (!states.includes(c.state)) states.push(c.state);
    if (!kinds.includes(c.kind)) kinds.push(c.kind);
    const row = counts.get(c.state) ?? new Map<string, number>();
    row.set(c.kind, (row.get(c.kind) ?? 0) + 1);
    counts.set(c.state, row);
  }
  return {
    states,
    kinds,
    count: (state: string, kind: string) => counts.get(state)?.get(kind) ?? 0,
  };
}

export type DueBucket = 'overdue' | 'soon' | 'later' | 'undated';

/** Where a running deadline stands today: overdue, due within `soonDays` days, or later. */
export function dueBucket(dueOn: string | null, isOverdue: boolean, soonDays = 3): DueBucket {
  if (isOverdue) return 'overdue';
  if (!dueOn) return 'undated';
  const left = daysUntil(dueOn);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'soon' : 'later';
}

export const DUE_BUCKET_LABELS: Record<DueBucket, string> = {
  overdue: '已超期',
  soon: '3日内到期',
  later: '尚未到期',
  undated: '未定期限',
};

export interface QueueRow {
  agencyName: string;
  status: string;
  dueOn: string | null;
  isOverdue?: boolean;
  publicationId: string | null;
}

export type Timeliness =
  'on_time' | 'late' | 'published_undated' | 'pending' | 'pending_overdue' | 'withheld';

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '按期公示',
  late: '逾期公示',
  published_undated: '已公示（已撤下，日期不详）',
  pending: '待公示（未超期）',
  pending_overdue: '待公示（已超期）',
  withheld: '依法不予公开',
};

/** China date (YYYY-MM-DD) of an ISO instant. */
export function chinaDateOf(instant: string): string {
  return chinaToday(new Date(instant));
}

/**
 * Each queued decision's timeliness: published on or before its due date, published after it,
 * still waiting (within or past the period), or withheld. `publishedAt` maps a publication id to
 * its publication instant (from the public register).
 */
export function timelinessOf(row: QueueRow, publishedAt: ReadonlyMap<string, string>): Timeliness {
  if (row.status === 'withheld') return 'withheld';
  if (row.status === 'published') {
    const at = row.publicationId ? publishedAt.get(row.publicationId) : undefined;
    if (!at) return 'published_undated';
    if (!row.dueOn) return 'on_time';
    return chinaDateOf(at) <= row.dueOn ? 'on_time' : 'late';
  }
  const bucket = dueBucket(row.dueOn, row.isOverdue ?? false);
  return bucket === 'overdue' ? 'pending_overdue' : 'pending';
}
