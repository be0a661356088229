// Statistics for supervisors, heads and administrators: cases by state and kind, the deadlines
// agencies bear and how they stand, and whether decisions went public on time. The server counts
// (GET /api/stats/*, within what the reader may see); this page chooses the scope and draws.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Form, Row, Select, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { FINISHED_STATES } from '../../shared/labels.ts';
import { useAgencies } from '../admin/AgencySelect.tsx';
import { EChart, type ChartOption } from './EChart.tsx';
import {
  crossTab,
  DUE_BUCKET_LABELS,
  DUE_BUCKETS,
  sumBy,
  TIMELINESS,
  TIMELINESS_LABELS,
  type CaseRow,
  type DeadlineRow,
  type DueBucket,
  type PublicationRow,
  type Timeliness,
} from './rollups.ts';

const BUCKET_COLORS: Record<DueBucket, string> = {
  overdue: '#cf1322',
  soon: '#fa8c16',
  later: '#1677ff',
  undated: '#bfbfbf',
};
const TIMELINESS_COLORS: Record<Timeliness, string> = {
  on_time: '#52c41a',
  late: '#fa8c16',
  pending: '#1677ff',
  pending_overdue: '#cf1322',
  withheld: '#bfbfbf',
};
const MAX_DEADLINE_KINDS = 10;

interface Filter {
  agencyId?: string;
  from?: string;
  to?: string;
}

function CasesChart(props: { rows: readonly CaseRow[] }) {
  const { option, summary } = useMemo(() => {
    const table = crossTab(
      props.rows,
      (r) => r.stateLabel,
      (r) => r.workflowLabel,
    );
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: table.rowKeys,
        axisLabel: { interval: 0, rotate: table.rowKeys.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1, name: '件' },
      series: table.columnKeys.map((workflow) => ({
        type: 'bar',
        stack: 'cases',
        name: workflow,
        data: table.rowKeys.map((state) => table.count(state, workflow)),
      })),
    };
    const summary = [...sumBy(props.rows, (r) => r.stateLabel)]
      .map(([state, n]) => `${state} ${n} 件`)
      .join('，');
    return { option, summary };
  }, [props.rows]);
  return <EChart option={option} label="案件按状态和类别" summary={summary || '没有案件'} />;
}

function KindPie(props: { rows: readonly CaseRow[] }) {
  const { option, summary } = useMemo(() => {
    const data = [...sumBy(props.rows, (r) => r.workflowLabel)].map(([name, value]) => ({
      name,
      value,
    }));
    const option: ChartOption = {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['40%', '70%'], data, label: { formatter: '{b}\n{c} 件' } }],
    };
    return { option, summary: data.map((d) => `${d.name} ${d.value} 件`).join('，') };
  }, [props.rows]);
  return <EChart option={option} label="案件按类别" summary={summary || '没有案件'} />;
}

function DeadlinesChart(props: { rows: readonly DeadlineRow[] }) {
  const { option, summary, height } = useMemo(() => {
    const table = crossTab(
      props.rows,
      (r) => r.label,
      (r) => r.bucket,
    );
    // The kinds with the most overdue first; the chart draws bottom-up, hence the reverse.
    const kinds = [...table.rowKeys]
      .sort((a, b) => table.count(b, 'overdue') - table.count(a, 'overdue'))
      .slice(0, MAX_DEADLINE_KINDS)
      .reverse();
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: { type: 'category', data: kinds, axisLabel: { width: 180, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1, name: '项' },
      series: DUE_BUCKETS.map((b) => ({
        type: 'bar',
        stack: 'due',
        name: DUE_BUCKET_LABELS[b],
        itemStyle: { color: BUCKET_COLORS[b] },
        data: kinds.map((k) => table.count(k, b)),
      })),
    };
    const byBucket = sumBy(props.rows, (r) => r.bucket);
    const total = [...byBucket.values()].reduce((a, b) => a + b, 0);
    const summary = `共 ${total} 项进行中的期限，其中已超期 ${byBucket.get('overdue') ?? 0} 项，即将到期 ${byBucket.get('soon') ?? 0} 项`;
    return { option, summary, height: Math.max(240, kinds.length * 36 + 80) };
  }, [props.rows]);
  return (
    <EChart option={option} label="进行中的期限（按事项）" summary={summary} height={height} />
  );
}

function TimelinessChart(props: { rows: readonly PublicationRow[] }) {
  const { option, summary, height } = useMemo(() => {
    const table = crossTab(
      props.rows,
      (r) => r.agencyName,
      (r) => r.timeliness,
    );
    const used = TIMELINESS.filter((k) => table.columnKeys.includes(k));
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: { type: 'category', data: table.rowKeys },
      xAxis: { type: 'value', minInterval: 1, name: '件' },
      series: used.map((k) => ({
        type: 'bar',
        stack: 'timeliness',
        name: TIMELINESS_LABELS[k],
        itemStyle: { color: TIMELINESS_COLORS[k] },
        data: table.rowKeys.map((a) => table.count(a, k)),
      })),
    };
    const summary = table.rowKeys
      .map(
        (a) =>
          `${a}：按期 ${table.count(a, 'on_time')} 件，逾期 ${table.count(a, 'late')} 件，待公示已超期 ${table.count(a, 'pending_overdue')} 件`,
      )
      .join('；');
    return { option, summary, height: Math.max(240, 60 * table.rowKeys.length + 80) };
  }, [props.rows]);
  return (
    <EChart
      option={option}
      label="行政执法决定公示及时性"
      summary={summary || '没有需要公示的决定'}
      height={height}
    />
  );
}

function FilterBar(props: { filter: Filter; onChange: (filter: Filter) => void }) {
  const agencies = useAgencies();
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label="执法主体">
        <Select
          allowClear
          placeholder="全部（您有权查看的）"
          style={{ minWidth: 240 }}
          loading={agencies.isPending}
          value={props.filter.agencyId}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          onChange={(agencyId: string | undefined) => props.onChange({ ...props.filter, agencyId })}
        />
      </Form.Item>
      <Form.Item label="日期范围" tooltip="案件按立案登记日期，公示按决定日期">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            props.onChange({
              ...props.filter,
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
      </Form.Item>
    </Form>
  );
}

/** Drops the unset keys: the API refuses nothing for them, but the cache key stays stable. */
function query(filter: Filter) {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}

export default function StatsPage() {
  const [filter, setFilter] = useState<Filter>({});
  const dated = query(filter);
  const cases = useQuery({
    queryKey: ['stats', 'cases', dated],
    queryFn: () => call(api.GET('/api/stats/cases', { params: { query: dated } })),
  });
  const deadlines = useQuery({
    queryKey: ['stats', 'deadlines', filter.agencyId ?? null],
    queryFn: () =>
      call(
        api.GET('/api/stats/deadlines', {
          params: { query: query({ agencyId: filter.agencyId }) },
        }),
      ),
  });
  const publication = useQuery({
    queryKey: ['stats', 'publication', dated],
    queryFn: () => call(api.GET('/api/stats/publication', { params: { query: dated } })),
  });
  const open = (cases.data?.rows ?? [])
    .filter((r) => !FINISHED_STATES.has(r.state))
    .reduce((n, r) => n + r.count, 0);
  const reviewsRunning = (deadlines.data?.rows ?? [])
    .filter((r) => r.kind === 'review.opinion')
    .reduce((n, r) => n + r.count, 0);
  const lateToPublish = (publication.data?.rows ?? [])
    .filter((r) => r.timeliness === 'pending_overdue')
    .reduce((n, r) => n + r.count, 0);
  const figure = (value: number, pending: boolean) => (pending ? '…' : value);

  return (
    <>
      <Typography.Title level={3}>统计分析</Typography.Title>
      <Typography.Paragraph type="secondary">
        范围：您有权查看的执法主体。数据截至
        {cases.data?.asOf ?? '今日'}，由服务器按全部记录即时汇总。
      </Typography.Paragraph>
      <FilterBar filter={filter} onChange={setFilter} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="案件总数"
              value={figure(cases.data?.total ?? 0, cases.isPending)}
              suffix="件"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="在办案件" value={figure(open, cases.isPending)} suffix="件" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="审核中的法制审核"
              value={figure(reviewsRunning, deadlines.isPending)}
              suffix="件"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="逾期未公示"
              value={figure(lateToPublish, publication.isPending)}
              suffix="件"
              valueStyle={{ color: '#cf1322' }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title="案件：按状态和类别">
            <QueryState query={cases}>{(data) => <CasesChart rows={data.rows} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="案件：按类别">
            <QueryState query={cases}>{(data) => <KindPie rows={data.rows} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="进行中的期限">
            <QueryState query={deadlines}>
              {(data) => <DeadlinesChart rows={data.rows} />}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="决定公示及时性">
            <QueryState query={publication}>
              {(data) => <TimelinessChart rows={data.rows} />}
            </QueryState>
          </Card>
        </Col>
      </Row>
    </>
  );
}
