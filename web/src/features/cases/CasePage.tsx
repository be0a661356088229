// One case: what it is, who is involved, its deadlines and warnings, the actions the server
// allows now, and — in tabs — evidence, legal review and the ledger timeline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call, type GetResponse } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { AccessReasonForm, useAccessReason } from './AccessReason.tsx';
import { QueryState } from '../../shared/QueryState.tsx';
import { caseKindLabel } from '../../shared/labels.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { Countdown } from '../home/panels.tsx';
import { PageFallback } from '../../app/Fallbacks.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { DisclosureStatus } from './DisclosureStatus.tsx';

type CaseView = GetResponse<'/api/cases/{caseId}'>;

const EvidenceTab = lazy(() => import('../evidence/EvidenceTab.tsx'));
const DocumentsTab = lazy(() => import('../instruments/DocumentsTab.tsx'));
const CaseReviewPanel = lazy(() =>
  import('../review/CaseReviewPanel.tsx').then((m) => ({ default: m.CaseReviewPanel })),
);
const CaseTimeline = lazy(() =>
  import('./Timeline.tsx').then((m) => ({ default: m.CaseTimeline })),
);

function RecusalButton(props: { caseView: CaseView }) {
  const queryClient = useQueryClient();
  const declare = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/cases/{caseId}/recusal', {
          params: { path: { caseId: props.caseView.id } },
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已作出回避声明');
      await queryClient.invalidateQueries({ queryKey: ['case', props.caseView.id] });
      await queryClient.invalidateQueries({ queryKey: ['timeline', props.caseView.id] });
    },
  });
  return (
    <Popconfirm
      title="本人与本案当事人无利害关系，不存在应当回避的情形。"
      okText="确认声明"
      cancelText="取消"
      onConfirm={() => declare.mutate()}
    >
      <Button loading={declare.isPending}>作出回避声明</Button>
    </Popconfirm>
  );
}

function Summary(props: { caseView: CaseView }) {
  const c = props.caseView;
  const session = useSession();
  const details = c.details;
  const title = typeof details.title === 'string' ? details.title : undefined;
  const [showClosed, setShowClosed] = useState(false);
  const allDeadlines = c.deadlines ?? [];
  const running = allDeadlines.filter((d) => d.state === 'running' || d.state === 'overdue');
  const deadlines = showClosed ? allDeadlines : running;
  const closedCount = allDeadlines.length - running.length;
  const flags = c.flags ?? [];
  const undeclared = c.officers.some((o) => o.recusalDeclaredAt === null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {flags.map((flag) => (
        <Alert
          key={`${flag.kind}-${flag.state}`}
          type={flag.state === 'overdue' ? 'error' : 'warning'}
          showIcon
          message={flag.message}
        />
      ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="案件概况" size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              {title ? (
                <Descriptions.Item label="案由" span={2}>
                  {title}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label="类别">{caseKindLabel(c.kind)}</Descriptions.Item>
              <Descriptions.Item label="程序">{c.procedureLabel}</Descriptions.Item>
              <Descriptions.Item label="阶段">{c.stateLabel}</Descriptions.Item>
              <Descriptions.Item label="立案日期">{c.filedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="决定日期">{c.decidedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="版本">{c.version}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title="法定期限"
            size="small"
            extra={
              closedCount > 0 ? (
                <Button type="link" size="small" onClick={() => setShowClosed(!showClosed)}>
                  {showClosed ? '只看未届满' : `显示已办结（${closedCount}）`}
                </Button>
              ) : null
            }
          >
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={deadlines}
              locale={{ emptyText: '暂无正在计算的期限' }}
              columns={[
                { title: '事项', dataIndex: 'label' },
                {
                  title: '届满日',
                  render: (_: unknown, d) =>
                    d.dueOn ?? (d.isCalendarMissing ? '待导入节假日' : '—'),
                },
                {
                  title: '状态',
                  render: (_: unknown, d) =>
                    d.state === 'running' || d.state === 'overdue' ? (
                      <Countdown dueOn={d.dueOn} isOverdue={d.state === 'overdue'} />
                    ) : (
                      <Tag>{d.stateLabel}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title="当事人" size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.parties}
          scroll={{ x: 560 }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            {
              title: '类型',
              dataIndex: 'kind',
              render: (k: string) => (k === 'person' ? '自然人' : '法人或其他组织'),
            },
            {
              title: '证件号码',
              render: (_: unknown, p) => p.creditCode ?? p.idCardNoMasked ?? '—',
            },
          ]}
        />
      </Card>
      <Card
        title="执法人员"
        size="small"
        extra={
          hasRole(session.data, 'officer') && undeclared && c.state === 'registered' ? (
            <RecusalButton caseView={c} />
          ) : null
        }
      >
        <Table
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={c.officers}
          scroll={{ x: 560 }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            {
              title: '分工',
              dataIndex: 'role',
              render: (r: string) => (r === 'lead' ? '主办' : '协办'),
            },
            { title: '执法证号', dataIndex: 'credentialNo' },
            {
              title: '回避声明',
              dataIndex: 'recusalDeclaredAt',
              render: (at: string | null) =>
                at ? <Tag color="green">已声明</Tag> : <Tag color="orange">未声明</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

export default function CasePage() {
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const [reason, setReason] = useAccessReason(caseId);
  const item = useQuery({
    queryKey: ['case', caseId, reason ?? null],
    queryFn: () =>
      call(api.GET('/api/cases/{caseId}', { params: { path: { caseId }, query: { reason } } })),
  });
  const tab = params.get('tab') ?? 'summary';
  if (item.error instanceof ApiError && item.error.code === 'ACCESS_REASON_REQUIRED') {
    return <AccessReasonForm message={item.error.message} onSubmit={setReason} />;
  }
  return (
    <QueryState query={item} rows={10}>
      {(c) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Link to="/cases">← 返回案件列表</Link>
            <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
              {c.caseNo}{' '}
              <Tag color="processing" style={{ verticalAlign: 'middle' }}>
                {c.stateLabel}
              </Tag>
            </Typography.Title>
          </div>
          <ActionsPanel caseView={c} />
          {hasRole(session.data, 'head') && c.decidedOn ? (
            <DisclosureStatus caseId={c.id} agencyId={c.agencyId} />
          ) : null}
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            items={[
              { key: 'summary', label: '概况', children: <Summary caseView={c} /> },
              {
                key: 'evidence',
                label: '证据',
                children: (
                  <Suspense fallback={<PageFallback />}>
                    <EvidenceTab caseView={c} reason={reason} />
                  </Suspense>
                ),
              },
              {
                key: 'documents',
                label: '文书',
                children: (
                  <Suspense fallback={<PageFallback />}>
                    <DocumentsTab caseId={c.id} reason={reason} />
                  </Suspense>
                ),
              },
              {
                key: 'review',
                label: '法制审核',
                children: (
                  <Suspense fallback={<PageFallback />}>
                    <CaseReviewPanel caseId={c.id} caseState={c.state} />
                  </Suspense>
                ),
              },
              {
                key: 'timeline',
                label: '全过程记录',
                children: (
                  <Suspense fallback={<PageFallback />}>
                    <CaseTimeline caseId={c.id} reason={reason} />
                  </Suspense>
                ),
              },
            ]}
          />
        </Space>
      )}
    </QueryState>
  );
}
