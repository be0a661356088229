// The review queue: cases submitted to the reviewer's body and not yet answered, most urgent
// first, each with its countdown; opening one goes to the review workspace.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { agenciesWithRole, useSession } from '../auth/session.ts';
import { Countdown } from '../home/panels.tsx';
import { AgencySelect, useSelectedAgency } from '../admin/AgencySelect.tsx';

function Queue(props: { agencyId: string }) {
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
    <QueryState query={queue}>
      {(rows) => (
        <Table
          rowKey="roundId"
          scroll={{ x: 760 }}
          dataSource={[...rows].sort((a, b) => (a.daysLeft ?? 9999) - (b.daysLeft ?? 9999))}
          locale={{ emptyText: '没有待审核的案件' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '案号',
              render: (_: unknown, r) => <Link to={`/review/${r.caseId}`}>{r.caseNo}</Link>,
            },
            { title: '案件', dataIndex: 'caseTitle' },
            { title: '报送机关', dataIndex: 'agencyName' },
            {
              title: '报送',
              render: (_: unknown, r) =>
                `第 ${r.roundNo} 次 · ${r.submittedByName} · ${r.submittedOn}`,
            },
            {
              title: '重大',
              width: 70,
              render: (_: unknown, r) =>
                r.isMajor ? <Tag color="volcano">是</Tag> : <Tag>否</Tag>,
            },
            {
              title: '审核期限',
              render: (_: unknown, r) => <Countdown dueOn={r.dueOn} isOverdue={r.isOverdue} />,
            },
          ]}
        />
      )}
    </QueryState>
  );
}

export default function ReviewQueuePage() {
  const session = useSession();
  const own = agenciesWithRole(session.data, 'reviewer', 'head');
  const { agency, agencies, select } = useSelectedAgency();
  return (
    <>
      <Typography.Title level={3}>法制审核</Typography.Title>
      {own.length > 0 ? (
        own.map((a) => (
          <Card key={a.id} title={`${a.name}：待审核案件`} style={{ marginBottom: 16 }}>
            <Queue agencyId={a.id} />
          </Card>
        ))
      ) : (
        <QueryState query={agencies}>
          {(list) => (
            <Card>
              <AgencySelect agencies={list} value={agency?.id} onChange={select} />
              {agency ? <Queue agencyId={agency.id} /> : null}
            </Card>
          )}
        </QueryState>
      )}
    </>
  );
}
