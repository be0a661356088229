// Statistics for supervisors, heads and administrators: cases by state and kind, the running
// review and publication deadlines, and publication timeliness per agency. The figures are
// computed here from the existing lists (see aggregate.ts); the scope is what the user may see.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { caseKindLabel, caseStateLabel, FINISHED_STATES } from '../../shared/labels.ts';
import { useAgencies } from '../admin/AgencySelect.tsx';
import {
  DUE_BUCKET_LABELS,
  TIMELINESS_LABELS,
  casesByStateAndKind,
  dueBucket,
  timelinessOf,
  type DueBucket,
  type Timeliness,
} from './aggregate.ts';
import { DeadlinesByKind } from './DeadlinesByKind.tsx';
import { runningDeadlines } from './deadlines-source.ts';
import { EChart, type ChartOption } from './EChart.tsx';

type CaseItem = GetResponse<'/api/cases'>['items'][number];
// The public register answers JSON here (it can also answer CSV text, typed as string).
type DecisionItem = Exclude<GetResponse<'/api/public/decisions'>, string>['items'][number];

const MAX_PAGES = 20;

async function allCases(): Promise<{ items: CaseItem[]; total: number }> {
  const items: CaseItem[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await call(
      api.GET('/api/cases', { params: { query: { page, pageSize: 100 } } }),
    );
    total = answer.total;
    items.push(...answer.items);
    if (items.length >= total || answer.items.length === 0) break;
  }
  return { items, total };
}

async function allPublicDecisions(): Promise<DecisionItem[]> {
  const items: DecisionItem[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await call(
      api.GET('/api/public/decisions', { params: { query: { page, pageSize: 100 } } }),
    );
    if (typeof answer === 'string') break;
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items;
}

const BUCKET_COLORS: Record<DueBucket, string> = {
  overdue: '#cf1322',
  soon: '#fa8c16',
  later: '#1677ff',
  undated: '#bfbfbf',
};
const TIMELINESS_COLORS: Record<Timeliness, string> = {
  on_time: '#52c41a',
  late: '#fa8c16',
  published_undated: '#95de64',
  pending: '#1677ff',
  pending_overdue: '#cf1322',
  withheld: '#bfbfbf',
};

function CasesChart(props: { cases: readonly CaseItem[] }) {
  const { option, summary } = useMemo(() => {
    const data = casesByStateAndKind(props.cases);
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.states.map(caseStateLabel),
        axisLabel: { interval: 0, rotate: data.states.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1, name: '件' },
      series: data.kinds.map((kind) => ({
        type: 'bar',
        stack: 'cases',
        name: caseKindLabel(kind),
        data: data.states.map((state) => data.count(state, kind)),
      })),
    };
    const summary = data.states
      .map((s) => `${caseStateLabel(s)} ${data.kinds.reduce((n, k) => n + data.count(s, k), 0)} 件`)
      .join('，');
    return { option, summary };
  }, [props.cases]);
  return <EChart option={option} label="案件按状态和类别" summary={summary || '没有案件'} />;
}

function KindPie(props: { cases: readonly CaseItem[] }) {
  const { option, summary } = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of props.cases) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    const data = [...counts].map(([kind, value]) => ({ name: caseKindLabel(kind), value }));
    const option: ChartOption = {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], data, label: { formatter: '{b}\n{c} 件' } }],
    };
    return { option, summary: data.map((d) => `${d.name} ${d.value} 件`).join('，') };
  }, [props.cases]);
  return <EChart option={option} label="案件按类别" summary={summary || '没有案件'} />;
}

function bucketCounts(rows: readonly { dueOn: string | null; isOverdue?: boolean }[]) {
  const counts: Record<DueBucket, number> = { overdue: 0, soon: 0, later: 0, undated: 0 };
  for (const r of rows) counts[dueBucket(r.dueOn, r.isOverdue ?? false)]++;
  return counts;
}

function DeadlinesChart(props: {
  review: readonly { dueOn: string | null; isOverdue: boolean }[];
  publication: readonly { dueOn: string | null; isOverdue?: boolean }[];
}) {
  const { option, summary } = useMemo(() => {
    const rows = [
      { name: '法制审核期限', counts: bucketCounts(props.review) },
      { name: '决定公示期限', counts: bucketCounts(props.publication) },
    ];
    const buckets: DueBucket[] = ['overdue', 'soon', 'later', 'undated'];
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: { type: 'category', data: rows.map((r) => r.name) },
      xAxis: { type: 'value', minInterval: 1, name: '项' },
      series: buckets.map((b) => ({
        type: 'bar',
        stack: 'due',
        name: DUE_BUCKET_LABELS[b],
        itemStyle: { color: BUCKET_COLORS[b] },
        data: rows.map((r) => r.counts[b]),
      })),
    };
    const summary = rows
      .map((r) => `${r.name}：已超期 ${r.counts.overdue} 项，3日内到期 ${r.counts.soon} 项`)
      .join('；');
    return { option, summary };
  }, [props.review, props.publication]);
  return <EChart option={option} label="进行中的期限" summary={summary} height={240} />;
}

function TimelinessChart(props: {
  queue: readonly GetResponse<'/api/agencies/{agencyId}/disclosure/queue'>[number][];
  publishedAt: ReadonlyMap<string, string>;
}) {
  const { option, summary } = useMemo(() => {
    const agencies = [...new Set(props.queue.map((q) => q.agencyName))];
    const kinds: Timeliness[] = [
      'on_time',
      'late',
      'published_undated',
      'pending',
      'pending_overdue',
      'withheld',
    ];
    const counts = new Map<string, Record<Timeliness, number>>();
    for (const q of props.queue) {
      const row = counts.get(q.agencyName) ?? {
        on_time: 0,
        late: 0,
        published_undated: 0,
        pending: 0,
        pending_overdue: 0,
        withheld: 0,
      };
      row[timelinessOf(q, props.publishedAt)]++;
      counts.set(q.agencyName, row);
    }
    const used = kinds.filter((k) => agencies.some((a) => (counts.get(a)?.[k] ?? 0) > 0));
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      yAxis: { type: 'category', data: agencies },
      xAxis: { type: 'value', minInterval: 1, name: '件' },
      series: used.map((k) => ({
        type: 'bar',
        stack: 'timeliness',
        name: TIMELINESS_LABELS[k],
        itemStyle: { color: TIMELINESS_COLORS[k] },
        data: agencies.map((a) => counts.get(a)?.[k] ?? 0),
      })),
    };
    const summary = agencies
      .map((a) => {
        const c = counts.get(a);
        return `${a}：按期 ${c?.on_time ?? 0} 件，逾期 ${c?.late ?? 0} 件，待公示已超期 ${c?.pending_overdue ?? 0} 件`;
      })
      .join('；');
    return { option, summary };
  }, [props.queue, props.publishedAt]);
  return (
    <EChart
      option={option}
      label="行政执法决定公示及时性"
      summary={summary || '没有需要公示的决定'}
      height={Math.max(240, 60 * new Set(props.queue.map((q) => q.agencyName)).size + 80)}
    />
  );
}

export default function StatsPage() {
  const agencies = useAgencies();
  const cases = useQuery({ queryKey: ['stats', 'cases'], queryFn: allCases });
  const decisions = useQuery({
    queryKey: ['stats', 'public-decisions'],
    queryFn: allPublicDecisions,
  });
  const ids = (agencies.data ?? []).map((a) => a.id);
  const reviewQueues = useQueries({
    queries: ids.map((agencyId) => ({
      queryKey: ['review-queue', agencyId],
      queryFn: () =>
        call(api.GET('/api/agencies/{agencyId}/review-queue', { params: { path: { agencyId } } })),
    })),
  });
  const disclosureQueues = useQueries({
    queries: ids.map((agencyId) => ({
      queryKey: ['disclosure-queue', agencyId, 'all'],
      queryFn: () =>
        call(
          api.GET('/api/agencies/{agencyId}/disclosure/queue', { params: { path: { agencyId } } }),
        ),
    })),
  });
  const deadlineLists = useQueries({
    queries: ids.map((agencyId) => ({
      queryKey: ['stats', 'deadlines', agencyId],
      queryFn: () => runningDeadlines(agencyId),
    })),
  });
  const deadlinesPending = agencies.isPending || deadlineLists.some((q) => q.isPending);
  const deadlinesError = deadlineLists.find((q) => q.error)?.error;
  // null from every agency: this server has no deadlines endpoint; the queues stand in.
  const deadlines = deadlineLists.every((q) => q.data === null)
    ? null
    : deadlineLists.flatMap((q) => q.data ?? []);
  const queuesPending =
    agencies.isPending ||
    reviewQueues.some((q) => q.isPending) ||
    disclosureQueues.some((q) => q.isPending);
  const queueError = [...reviewQueues, ...disclosureQueues].find((q) => q.error)?.error;
  const review = reviewQueues.flatMap((q) => q.data ?? []);
  const disclosure = disclosureQueues.flatMap((q) => q.data ?? []);
  const publishedAt = useMemo(
    () => new Map((decisions.data ?? []).map((d) => [d.id, d.publishedAt ?? ''])),
    [decisions.data],
  );
  const queueState = {
    data: queuesPending ? undefined : { review, disclosure },
    error: queueError ?? agencies.error,
    isPending: queuesPending,
    refetch: () => {
      void agencies.refetch();
      reviewQueues.forEach((q) => void q.refetch());
      disclosureQueues.forEach((q) => void q.refetch());
    },
  };

  return (
    <>
      <Typography.Title level={3}>统计分析</Typography.Title>
      <Typography.Paragraph type="secondary">
        范围：您有权查看的执法主体。数据按现有案件、法制审核和公示清单即时汇总。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <QueryState query={cases} rows={2}>
            {(data) => {
              const open = data.items.filter((c) => !FINISHED_STATES.has(c.state)).length;
              return (
                <Row gutter={[16, 16]}>
                  <Col xs={12} md={6}>
                    <Card>
                      <Statistic title="案件总数" value={data.total} suffix="件" />
                    </Card>
                  </Col>
                  <Col xs={12} md={6}>
                    <Card>
                      <Statistic title="在办案件" value={open} suffix="件" />
                    </Card>
                  </Col>
                  <Col xs={12} md={6}>
                    <Card>
                      <Statistic
                        title="待法制审核"
                        value={queuesPending ? '…' : review.length}
                        suffix="件"
                      />
                    </Card>
                  </Col>
                  <Col xs={12} md={6}>
                    <Card>
                      <Statistic
                        title="逾期未公示"
                        value={
                          queuesPending
                            ? '…'
                            : disclosure.filter(
                                (d) => timelinessOf(d, publishedAt) === 'pending_overdue',
                              ).length
                        }
                        suffix="件"
                        valueStyle={{ color: '#cf1322' }}
                      />
                    </Card>
                  </Col>
                  {data.items.length < data.total ? (
                    <Col xs={24}>
                      <Alert
                        type="info"
                        showIcon
                        message={`案件较多，图表按最近更新的 ${data.items.length} 件统计。`}
                      />
                    </Col>
                  ) : null}
                </Row>
              );
            }}
          </QueryState>
        </Col>
        <Col xs={24} xl={16}>
          <Card title="案件：按状态和类别">
            <QueryState query={cases}>{(data) => <CasesChart cases={data.items} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="案件：按类别">
            <QueryState query={cases}>{(data) => <KindPie cases={data.items} />}</QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="进行中的期限">
            {deadlinesPending ? (
              <Skeleton active aria-label="正在加载" />
            ) : deadlinesError ? (
              <ErrorAlert
                error={deadlinesError}
                onRetry={() => deadlineLists.forEach((q) => void q.refetch())}
              />
            ) : deadlines ? (
              <DeadlinesByKind deadlines={deadlines} />
            ) : (
              <QueryState query={queueState}>
                {(data) => (
                  <DeadlinesChart
                    review={data.review}
                    publication={data.disclosure.filter((d) => d.status === 'pending_signoff')}
                  />
                )}
              </QueryState>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="决定公示及时性">
            <QueryState query={queueState}>
              {(data) =>
                decisions.isPending ? (
                  <Typography.Text>正在读取公示记录…</Typography.Text>
                ) : (
                  <TimelinessChart queue={data.disclosure} publishedAt={publishedAt} />
                )
              }
            </QueryState>
          </Card>
        </Col>
      </Row>
    </>
  );
}
