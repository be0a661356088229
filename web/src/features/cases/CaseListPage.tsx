// Cases the user may see, filtered by agency and state, newest change first.
import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call, type GetResponse } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import {
  caseKindLabel,
  caseStateLabel,
  CASE_KIND_LABELS,
  CASE_STATE_OPTIONS,
  formatDateTime,
} from '../../shared/labels.ts';
import { hasRole, useSession } from '../auth/session.ts';

type CaseRow = GetResponse<'/api/cases'>['items'][number];
const PAGE_SIZE = 20;

export default function CaseListPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const agencyId = params.get('agencyId') ?? undefined;
  const state = params.get('state') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const cases = useQuery({
    queryKey: ['cases', { agencyId, state, page }],
    queryFn: () =>
      call(
        api.GET('/api/cases', {
          params: { query: { agencyId, state, page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const agencies = new Map<string, string>();
  for (const grant of session.data?.roles ?? []) {
    if (grant.agencyId) agencies.set(grant.agencyId, grant.agencyName ?? grant.agencyId);
  }
  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const items = (cases.data?.items ?? []).filter((row) => !kind || row.kind === kind);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          案件
        </Typography.Title>
        {hasRole(session.data, 'officer') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/cases/new')}
          >
            登记案件
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="执法主体" htmlFor="filter-agency">
            <Select
              id="filter-agency"
              allowClear
              placeholder="全部"
              style={{ minWidth: 200 }}
              value={agencyId}
              onChange={(value?: string) => update('agencyId', value)}
              options={[...agencies].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="类别" htmlFor="filter-kind">
            <Select
              id="filter-kind"
              allowClear
              placeholder="全部"
              style={{ minWidth: 140 }}
              value={kind}
              onChange={(value?: string) => update('kind', value)}
              options={Object.entries(CASE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="状态" htmlFor="filter-state">
            <Select
              id="filter-state"
              allowClear
              placeholder="全部"
              style={{ minWidth: 160 }}
              value={state}
              onChange={(value?: string) => update('state', value)}
              options={CASE_STATE_OPTIONS}
            />
          </Form.Item>
        </Form>
      </Card>
      {cases.error ? <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      <Table<CaseRow>
        rowKey="id"
        loading={cases.isFetching}
        dataSource={items}
        scroll={{ x: 800 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: cases.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (next) => update('page', String(next)),
        }}
        columns={[
          {
            title: '案号',
            dataIndex: 'caseNo',
            render: (value: string, row) => <Link to={`/cases/${row.id}`}>{value}</Link>,
          },
          { title: '案由', dataIndex: 'title', ellipsis: true },
          { title: '类别', dataIndex: 'kind', render: (value: string) => caseKindLabel(value) },
          {
            title: '状态',
            dataIndex: 'state',
            render: (value: string) => <Tag>{caseStateLabel(value)}</Tag>,
          },
          { title: '执法主体', dataIndex: 'agencyName', responsive: ['lg'] },
          { title: '最近更新', dataIndex: 'updatedAt', render: formatDateTime },
        ]}
      />
    </Space>
  );
}
