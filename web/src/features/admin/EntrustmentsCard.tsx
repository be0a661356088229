// An agency's entrustments (委托执法) with their period and whether it holds today; administrators
// add one, or change, end or revoke one with a reason.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { daysUntil } from '../../shared/labels.ts';
import {
  ChangeEntrustmentModal,
  NewEntrustmentModal,
  type Entrustment,
} from './EntrustmentForms.tsx';
import { ENTRUSTMENT_STATUS_LABELS, labelOf } from './labels.ts';

/** What the entrustment means today: its recorded status, or that its period has run out. */
function Standing(props: { entrustment: Entrustment }) {
  const e = props.entrustment;
  if (e.status !== 'active') return <Tag>{labelOf(ENTRUSTMENT_STATUS_LABELS, e.status)}</Tag>;
  if (daysUntil(e.endsOn) < 0) return <Tag color="warning">已到期</Tag>;
  if (daysUntil(e.startsOn) > 0) return <Tag color="processing">尚未开始</Tag>;
  return <Tag color="success">有效</Tag>;
}

export function EntrustmentsCard(props: { agencyId: string; canEdit: boolean }) {
  const [isAdding, setAdding] = useState(false);
  const [changing, setChanging] = useState<Entrustment | null>(null);
  const entrustments = useQuery({
    queryKey: ['entrustments', props.agencyId],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/entrustments', {
          params: { path: { agencyId: props.agencyId } },
        }),
      ),
  });
  return (
    <Card
      title="委托执法"
      extra={
        props.canEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增委托执法
          </Button>
        ) : null
      }
    >
      <QueryState query={entrustments}>
        {(list) => (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 860 }}
            dataSource={list}
            locale={{ emptyText: '没有委托执法' }}
            columns={[
              {
                title: '受委托组织',
                width: 200,
                render: (_: unknown, e) => (
                  <Space direction="vertical" size={0}>
                    {e.entrustedName}
                    <Typography.Text type="secondary">{e.entrustedCreditCode}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: '期限',
                width: 110,
                render: (_: unknown, e) => (
                  <span>
                    {e.startsOn}
                    <br />至 {e.endsOn}
                  </span>
                ),
              },
              {
                title: '状态',
                width: 90,
                render: (_: unknown, e) => <Standing entrustment={e} />,
              },
              { title: '委托事项', dataIndex: 'matters', ellipsis: true },
              { title: '依据', dataIndex: 'legalBasis', ellipsis: true },
              { title: '权限与责任', dataIndex: 'terms', ellipsis: true },
              ...(props.canEdit
                ? [
                    {
                      title: '操作',
                      width: 100,
                      fixed: 'right' as const,
                      // An ended or revoked entrustment is closed for good (the server
                      // refuses ENTRUSTMENT_CLOSED); a new one is registered instead.
                      render: (_: unknown, e: Entrustment) =>
                        e.status !== 'active' ? null : (
                          <Button
                            size="small"
                            aria-label={`变更或终止对${e.entrustedName}的委托`}
                            onClick={() => setChanging(e)}
                          >
                            变更/终止
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {props.canEdit ? (
        <>
          <NewEntrustmentModal
            agencyId={props.agencyId}
            open={isAdding}
            onClose={() => setAdding(false)}
          />
          <ChangeEntrustmentModal entrustment={changing} onClose={() => setChanging(null)} />
        </>
      ) : null}
    </Card>
  );
}
