// The panels of the home page, one per role. Each reads what that role acts on next.
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import {
  caseKindLabel,
  caseStateLabel,
  chinaToday,
  daysUntil,
  FINISHED_STATES,
  formatDateTime,
} from '../../shared/labels.ts';

function useCases(agencyId: string, state?: string) {
  return useQuery({
    queryKey: ['cases', { agencyId, state, page: 1, pageSize: 100 }],
    queryFn: () =>
      call(
        api.GET('/api/cases', { params: { query: { agencyId, state, page: 1, pageSize: 100 } } }),
      ),
  });
}

export function Countdown(props: { dueOn: string | null; isOverdue?: boolean }) {
  if (!props.dueOn) return <Tag>期限待定</Tag>;
  const days = daysUntil(props.dueOn);
  if (props.isOverdue || days < 0) return <Tag color="red">已逾期 {Math.abs(days)} 天</Tag>;
  if (days === 0) return <Tag color="orange">今日到期</Tag>;
  return <Tag color={days <= 2 ? 'gold' : 'green'}>剩余 {days} 天</Tag>;
}

/** Deadlines of the agency due today or already overdue, nearest first, linked to their case. */
export function DueDeadlines(props: { agencyId: string; titles: Map<string, string> }) {
  const query = (status: 'due' | 'overdue') => ({
    queryKey: ['deadlines', props.agencyId, status],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/deadlines', {
          params: { path: { agencyId: props.agencyId }, query: { status, pageSize: 100 } },
        }),
      ),
  });
  const due = useQuery(query('due'));
  const overdue = useQuery(query('overdue'));
  const today = chinaToday();
  const items = [
    ...(overdue.data?.items ?? []),
    ...(due.data?.items ?? []).filter((d) => d.dueOn !== null && d.dueOn <= today),
  ];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        今日到期与已逾期
      </Typography.Title>
      {due.error ? <ErrorAlert error={due.error} /> : null}
      <List
        size="small"
        loading={due.isPending || overdue.isPending}
        locale={{ emptyText: '没有今日到期或逾期的期限' }}
        dataSource={items}
        renderItem={(d) => (
          <List.Item
            key={d.id}
            extra={<Countdown dueOn={d.dueOn} isOverdue={d.state === 'overdue'} />}
          >
            {d.caseId ? (
              <Link to={`/cases/${d.caseId}`}>
                {d.label} · {props.titles.get(d.caseId) ?? '案件'}
              </Link>
            ) : (
              d.label
            )}
          </List.Item>
        )}
      />
    </>
  );
}

export function OfficerPanel(props: { agencyId: string; agencyName: string }) {
  const cases = useCases(props.agencyId);
  const items = cases.data?.items ?? [];
  const open = items.filter((c) => !FINISHED_STATES.has(c.state) && c.state !== 'decided');
  const drafts = items.filter((c) => c.state === 'registered');
  return (
    <Card title={`我的案件 · ${props.agencyName}`} extra={<Link to="/cases">全部案件</Link>}>
      {cases.error ? <ErrorAlert error={cases.error} /> : null}
      <Space size="large" wrap style={{ marginBottom: 16 }}>
        <Statistic title="办理中" value={open.length} loading={cases.isPending} />
        <Statistic title="草稿（待报请立案）" value={drafts.length} loading={cases.isPending} />
        <Statistic title="案件总数" value={cases.data?.total ?? 0} loading={cases.isPending} />
      </Space>
      <DueDeadlines agencyId={props.agencyId} titles={new Map(items.map((c) => [c.id, c.title]))} />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        办理中的案件
      </Typography.Title>
      <List
        loading={cases.isPending}
        locale={{ emptyText: <Empty description="暂无办理中的案件" /> }}
        dataSource={open.slice(0, 8)}
        renderItem={(c) => (
          <List.Item extra={<Tag>{caseStateLabel(c.state)}</Tag>}>
            <List.Item.Meta
              title={<Link to={`/cases/${c.id}`}>{c.title}</Link>}
              description={`${c.caseNo} · ${caseKindLabel(c.kind)} · 更新于 ${formatDateTime(c.updatedAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ReviewerPanel(props: { agencyId: string; agencyName: string }) {
  const queue = useQuery({
    queryKey: ['review-queue', props.agencyId],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/review-queue', {
          params: { path: { agencyId: props.agencyId } },
        }),
      ),
  });
  return (
    <Card
      title={
        <Space>
          待审核案件 · {props.agencyName}
          <Badge count={queue.data?.length ?? 0} showZero color="#1f5fbf" />
        </Space>
      }
    >
      {queue.error ? <ErrorAlert error={queue.error} /> : null}
      <List
        loading={queue.isPending}
        locale={{ emptyText: <Empty description="没有待审核的案件" /> }}
        dataSource={queue.data ?? []}
        renderItem={(item) => (
          <List.Item extra={<Countdown dueOn={item.dueOn} isOverdue={item.isOverdue} />}>
            <List.Item.Meta
              title={
                <Link to={`/cases/${item.caseId}?tab=review`}>
                  {item.caseTitle}
                  {item.isMajor ? (
                    <Tag color="volcano" style={{ marginInlineStart: 8 }}>
                      重大
                    </Tag>
                  ) : null}
                </Link>
              }
              description={`${item.caseNo} · 第 ${item.roundNo} 次报送 · ${item.submittedByName} 于 ${item.submittedOn} 报送`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function HeadPanel(props: { agencyId: string; agencyName: string }) {
  const filing = useCases(props.agencyId, 'filing_pending');
  const notified = useCases(props.agencyId, 'notified');
  const disclosure = useQuery({
    queryKey: ['disclosure-queue', props.agencyId, 'pending_signoff'],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/disclosure/queue', {
          params: { path: { agencyId: props.agencyId }, query: { status: 'pending_signoff' } },
        }),
      ),
  });
  const waiting = [
    ...(filing.data?.items ?? []).map((c) => ({ ...c, what: '待批准立案' })),
    ...(notified.data?.items ?? []).map((c) => ({ ...c, what: '待作出决定' })),
  ];
  return (
    <Card title={`待我审批 · ${props.agencyName}`}>
      {filing.error ? <ErrorAlert error={filing.error} /> : null}
      <List
        loading={filing.isPending || notified.isPending}
        locale={{ emptyText: <Empty description="没有待审批的事项" /> }}
        dataSource={waiting}
        renderItem={(c) => (
          <List.Item extra={<Tag color="blue">{c.what}</Tag>}>
            <List.Item.Meta
              title={<Link to={`/cases/${c.id}`}>{c.title}</Link>}
              description={c.caseNo}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        待签发公示
      </Typography.Title>
      {disclosure.error ? <ErrorAlert error={disclosure.error} /> : null}
      <List
        size="small"
        loading={disclosure.isPending}
        locale={{ emptyText: '没有待签发的公示' }}
        dataSource={disclosure.data ?? []}
        renderItem={(item) => (
          <List.Item extra={<Countdown dueOn={item.dueOn} isOverdue={item.isOverdue} />}>
            <Link to={`/cases/${item.caseId}`}>{item.title}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function SupervisorPanel() {
  const overdue = useQuery({
    queryKey: ['disclosure-overdue'],
    queryFn: () => call(api.GET('/api/disclosure/overdue')),
  });
  const cases = useQuery({
    queryKey: ['cases', { page: 1, pageSize: 100 }],
    queryFn: () => call(api.GET('/api/cases', { params: { query: { page: 1, pageSize: 100 } } })),
  });
  const byAgency = new Map<string, { name: string; open: number; total: number }>();
  for (const c of cases.data?.items ?? []) {
    const entry = byAgency.get(c.agencyId) ?? { name: c.agencyName, open: 0, total: 0 };
    entry.total += 1;
    if (!FINISHED_STATES.has(c.state)) entry.open += 1;
    byAgency.set(c.agencyId, entry);
  }
  const publications = overdue.data?.publications ?? [];
  const requests = overdue.data?.correctionRequests ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="区域概况">
        {cases.error ? <ErrorAlert error={cases.error} /> : null}
        <Space size="large" wrap>
          <Statistic title="案件总数" value={cases.data?.total ?? 0} loading={cases.isPending} />
          <Statistic
            title="公示逾期"
            value={publications.length}
            loading={overdue.isPending}
            valueStyle={publications.length > 0 ? { color: '#cf1322' } : undefined}
          />
          <Statistic
            title="更正申请待办"
            value={requests.length}
            loading={overdue.isPending}
            valueStyle={requests.length > 0 ? { color: '#d46b08' } : undefined}
          />
        </Space>
        <List
          style={{ marginTop: 16 }}
          size="small"
          dataSource={[...byAgency.values()]}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={a.name}
                description={`办理中 ${a.open} 件，共 ${a.total} 件`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title="预警">
        {overdue.error ? <ErrorAlert error={overdue.error} /> : null}
        <List
          loading={overdue.isPending}
          locale={{
            emptyText: <Empty description={`截至 ${overdue.data?.today ?? '今日'} 无逾期事项`} />,
          }}
          dataSource={[
            ...publications.map((p) => ({
              key: p.id,
              title: `${p.agencyName}：${p.title}（${p.caseNo}）`,
              text: `应于 ${p.dueOn ?? '—'} 前公示（${p.ruleText}）`,
              dueOn: p.dueOn,
            })),
            ...requests.map((r) => ({
              key: r.id,
              title: `更正申请 ${r.trackingNo}`,
              text: `收到于 ${r.receivedOn}，应于 ${r.dueOn ?? '—'} 前答复`,
              dueOn: r.dueOn,
            })),
          ]}
          renderItem={(w) => (
            <List.Item key={w.key} extra={<Countdown dueOn={w.dueOn} isOverdue />}>
              <List.Item.Meta title={w.title} description={w.text} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

export function ArchivistPanel(props: { agencyId: string; agencyName: string }) {
  const closed = useCases(props.agencyId, 'closed');
  return (
    <Card title={`待归档 · ${props.agencyName}`}>
      {closed.error ? <ErrorAlert error={closed.error} /> : null}
      <List
        loading={closed.isPending}
        locale={{ emptyText: <Empty description="没有待归档的案件" /> }}
        dataSource={closed.data?.items ?? []}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/cases/${c.id}`}>{c.title}</Link>}
              description={c.caseNo}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function AdminPanel() {
  return (
    <Card title="系统管理" extra={<Link to="/admin">进入系统管理</Link>}>
      <Typography.Paragraph>
        组织机构、用户与角色、执法人员与证件、权责清单、制度配置、工作日历均在“系统管理”中维护。
      </Typography.Paragraph>
    </Card>
  );
}
