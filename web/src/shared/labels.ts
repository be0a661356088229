// Chinese labels for values the API returns as codes.
export const CASE_KIND_LABELS: Record<string, string> = {
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  expropriation: '行政征收征用',
};

export function caseKindLabel(kind: string): string {
  return CASE_KIND_LABELS[kind] ?? kind;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

// The list endpoint returns state codes only; the case page shows the server's own label.
const STATE_LABELS: Record<string, string> = {
  registered: '案源登记',
  filing_pending: '待批准立案',
  investigating: '调查取证',
  notified: '已事先告知',
  hearing_requested: '已申请听证',
  hearing_scheduled: '已通知听证',
  decided: '已作出决定',
  served: '已送达',
  enforcing: '强制执行中',
  executed: '执行完毕',
  closed: '已结案',
  archived: '已归档',
  not_filed: '不予立案',
  terminated: '已终止',
  planned: '待检查',
  inspected: '检查无问题',
  problems_found: '发现问题',
  rectifying: '责令改正中',
  rectified: '已整改',
  not_rectified: '逾期未整改',
  referred: '已移送处理',
};

export const CASE_STATE_OPTIONS = Object.entries(STATE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export function caseStateLabel(state: string): string {
  return STATE_LABELS[state] ?? state;
}

export const FINISHED_STATES = new Set(['closed', 'archived', 'not_filed', 'terminated']);

/** Whole days from today (China time) to an ISO date; negative when past. */
export function daysUntil(isoDate: string, now = new Date()): number {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(isoDate) - Date.parse(today)) / 86_400_000);
}

/** Today's date in China (YYYY-MM-DD), which is what the server's dates mean. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
