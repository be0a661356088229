// The powers catalogue (权责清单) of an agency: search and filter, each power's basis, time
// limits and discretion benchmarks; administrators import the catalogue from XLSX or CSV.
import { useQuery } from '@tanstack/react-query';
import { Card, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { hasRole, useSession } from '../auth/session.ts';
import { AgencySelect, useSelectedAgency } from './AgencySelect.tsx';
import { PowersImport, type PowerList } from './PowersImport.tsx';
import { POWER_STATUS_LABELS, labelOf } from './labels.ts';

type Power = PowerList['items'][number];
type Category = Power['category'];

const CATEGORY_OPTIONS: { value: Category; label: string }[] = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'permit', label: '行政许可' },
  { value: 'coercion', label: '行政强制' },
  { value: 'inspection', label: '行政检查' },
  { value: 'levy', label: '行政征收' },
  { value: 'requisition', label: '行政征用' },
  { value: 'other', label: '其他' },
];

function limitText(limit: { amount: number; unit: string } | undefined): string {
  if (!limit) return '—';
  if (limit.amount === 0) return '即办';
  return `${limit.amount}${limit.unit === 'working_days' ? '个工作日' : '日'}`;
}

function PowerDetail(props: { power: Power }) {
  const { power } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        <Typography.Text strong>法律依据：</Typography.Text>
        {power.legalBasis.map((b) => `《${b.law}》${b.article}`).join('；')}
      </div>
      {power.procedureSteps.length > 0 ? (
        <div>
          <Typography.Text strong>办理流程：</Typography.Text>
          {power.procedureSteps
            .map((s) => (s.timeLimit ? `${s.name}（${limitText(s.timeLimit)}）` : s.name))
            .join(' → ')}
        </div>
      ) : null}
      {power.discretionBenchmarks.length > 0 ? (
        <List
          size="small"
          header={<Typography.Text strong>裁量基准</Typography.Text>}
          dataSource={power.discretionBenchmarks}
          renderItem={(b) => (
            <List.Item>
              <Tag>{b.circumstance}</Tag>
              {b.description}
              {b.penalty.minYuan !== undefined || b.penalty.maxYuan !== undefined
                ? `；罚款 ${b.penalty.minYuan ?? 0} 至 ${b.penalty.maxYuan ?? '不限'} 元`
                : ''}
              {b.penalty.otherMeasures ? `；${b.penalty.otherMeasures}` : ''}
            </List.Item>
          )}
        />
      ) : null}
    </Space>
  );
}

export default function PowersPage() {
  const session = useSession();
  const isAdmin = hasRole(session.data, 'admin');
  const { agency, agencies, select } = useSelectedAgency();
  const [filter, setFilter] = useState<{ q?: string; category?: Category }>({});
  const [page, setPage] = useState(1);
  const powers = useQuery({
    queryKey: ['powers', agency?.id, filter, page],
    enabled: agency !== undefined,
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/powers', {
          params: {
            path: { agencyId: agency?.id ?? '' },
            query: { ...filter, page, pageSize: 20 },
          },
        }),
      ),
  });
  return (
    <>
      <Typography.Title level={3}>权责清单</Typography.Title>
      <QueryState query={agencies}>
        {(list) => (
          <>
            <AgencySelect agencies={list} value={agency?.id} onChange={select} />
            {isAdmin && agency ? (
              <PowersImport agencyId={agency.id} agencyName={agency.name} />
            ) : null}
            <Card title="权力事项">
              <Space wrap align="end">
                <Form.Item label="编码或名称" htmlFor="power-search">
                  <Input.Search
                    id="power-search"
                    allowClear
                    maxLength={100}
                    onSearch={(value) => {
                      setPage(1);
                      setFilter((f) => ({ ...f, q: value.trim() || undefined }));
                    }}
                  />
                </Form.Item>
                <Form.Item label="类别" htmlFor="power-category">
                  <Select
                    id="power-category"
                    allowClear
                    style={{ width: 160 }}
                    placeholder="全部"
                    options={CATEGORY_OPTIONS}
                    onChange={(category: Category | undefined) => {
                      setPage(1);
                      setFilter((f) => ({ ...f, category }));
                    }}
                  />
                </Form.Item>
              </Space>
              <QueryState query={powers}>
                {(data) => (
                  <Table
                    rowKey="id"
                    scroll={{ x: 800 }}
                    dataSource={data.items}
                    expandable={{ expandedRowRender: (p) => <PowerDetail power={p} /> }}
                    pagination={{
                      current: page,
                      pageSize: 20,
                      total: data.total,
                      onChange: setPage,
                      showTotal: (total) => `共 ${total} 项`,
                      hideOnSinglePage: true,
                    }}
                    columns={[
                      { title: '编码', dataIndex: 'code', width: 160 },
                      { title: '名称', dataIndex: 'name' },
                      { title: '类别', dataIndex: 'categoryLabel', width: 100 },
                      { title: '承办机构', render: (_: unknown, p) => p.handlingUnit?.name ?? '—' },
                      {
                        title: '法定时限',
                        render: (_: unknown, p) => limitText(p.timeLimit.statutory),
                      },
                      {
                        title: '状态',
                        width: 90,
                        render: (_: unknown, p) => (
                          <Tag color={p.status === 'active' ? 'success' : 'default'}>
                            {labelOf(POWER_STATUS_LABELS, p.status)}
                          </Tag>
                        ),
                      },
                      { title: '版本', dataIndex: 'version', width: 70 },
                    ]}
                  />
                )}
              </QueryState>
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
