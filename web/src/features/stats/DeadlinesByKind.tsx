// Every running deadline of the agencies in view, by kind (the deadline's label), split into
// overdue, due within three days and later; the kinds with the most overdue come first.
import { useMemo } from 'react';
import { DUE_BUCKET_LABELS, dueBucket, type DueBucket } from './aggregate.ts';
import type { RunningDeadline } from './deadlines-source.ts';
import { EChart, type ChartOption } from './EChart.tsx';

const BUCKETS: DueBucket[] = ['overdue', 'soon', 'later', 'undated'];
const COLORS: Record<DueBucket, string> = {
  overdue: '#cf1322',
  soon: '#fa8c16',
  later: '#1677ff',
  undated: '#bfbfbf',
};
const MAX_KINDS = 10;

export function DeadlinesByKind(props: { deadlines: readonly RunningDeadline[] }) {
  const { option, summary, height } = useMemo(() => {
    const counts = new Map<string, Record<DueBucket, number>>();
    for (const d of props.deadlines) {
      const row = counts.get(d.label) ?? { overdue: 0, soon: 0, later: 0, undated: 0 };
      row[dueBucket(d.dueOn, d.isOverdue)]++;
      counts.set(d.label, row);
    }
    const kinds = [...counts]
      .sort(([, a], [, b]) => b.overdue - a.overdue || b.soon + b.later - (a.soon + a.later))
      .slice(0, MAX_KINDS)
      .reverse();
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: {
        type: 'category',
        data: kinds.map(([label]) => label),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      xAxis: { type: 'value', minInterval: 1, name: '项' },
      series: BUCKETS.map((b) => ({
        type: 'bar',
        stack: 'due',
        name: DUE_BUCKET_LABELS[b],
        itemStyle: { color: COLORS[b] },
        data: kinds.map(([, c]) => c[b]),
      })),
    };
    const overdue = props.deadlines.filter((d) => dueBucket(d.dueOn, d.isOverdue) === 'overdue');
    const summary = `共 ${props.deadlines.length} 项进行中的期限，其中已超期 ${overdue.length} 项；${kinds
      .map(([label, c]) => `${label} 超期 ${c.overdue} 项`)
      .join('，')}`;
    return { option, summary, height: Math.max(240, kinds.length * 36 + 80) };
  }, [props.deadlines]);
  return (
    <EChart option={option} label="进行中的期限（按类别）" summary={summary} height={height} />
  );
}
