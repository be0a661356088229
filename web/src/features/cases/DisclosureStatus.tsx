// Where the case's decision stands in the disclosure pipeline (行政执法公示), for the heads who
// sign it off: due date, status, the sign-off button, and the public page once published.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Popconfirm, Tag } from 'antd';
import { api, call } from '../../api/client.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { Countdown } from '../home/panels.tsx';

const STATUS: Record<string, { label: string; color: string }> = {
  pending_signoff: { label: '待签发', color: 'orange' },
  published: { label: '已公示', color: 'green' },
  withheld: { label: '不予公开', color: 'default' },
};

export function DisclosureStatus(props: { caseId: string; agencyId: string }) {
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: ['disclosure-queue', props.agencyId, 'all'],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/disclosure/queue', {
          params: { path: { agencyId: props.agencyId } },
        }),
      ),
  });
  const publish = useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/disclosure/queue/{id}/publish', { params: { path: { id } }, body: {} })),
    onSuccess: async () => {
      notifySuccess('已签发公示');
      await queryClient.invalidateQueries({ queryKey: ['disclosure-queue'] });
    },
  });
  const item = queue.data?.find((q) => q.caseId === props.caseId);
  if (!item) return null;
  const status = STATUS[item.status] ?? { label: item.status, color: 'default' };
  return (
    <Card title="行政执法公示" size="small">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="状态">
          <Tag color={status.color}>{status.label}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="公示时限">{item.ruleText}</Descriptions.Item>
        <Descriptions.Item label="应于">
          {item.dueOn ?? '—'}
          {item.status === 'pending_signoff' ? (
            <span style={{ marginInlineStart: 8 }}>
              <Countdown dueOn={item.dueOn} isOverdue={item.isOverdue} />
            </span>
          ) : null}
        </Descriptions.Item>
      </Descriptions>
      {item.status === 'pending_signoff' ? (
        <Popconfirm
          title="确认签发公示？"
          okText="签发"
          cancelText="取消"
          onConfirm={() => publish.mutate(item.id)}
        >
          <Button type="primary" loading={publish.isPending}>
            签发公示
          </Button>
        </Popconfirm>
      ) : null}
      {item.publicationId ? (
        <a href={`/decisions/${item.publicationId}`} target="_blank" rel="noreferrer">
          查看公示页面
        </a>
      ) : null}
    </Card>
  );
}
