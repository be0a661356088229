// Evidence of a case: what was recorded, by whom, when (late uploads flagged), its hashes, and a
// preview of the bytes (images, audio, video, PDF) served by `/content` with the session cookie.
import { EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { formatDateTime } from '../../shared/labels.ts';

export type Evidence = GetResponse<'/api/cases/{caseId}/evidence'>[number];

const KIND_LABELS: Record<string, string> = {
  photo: '照片',
  audio: '录音',
  video: '录像',
  document: '文档',
  other: '其他',
};

export function formatBytes(size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 ** 2) return `${(size / 1024).toFixed(1)} KB`;
  if (size < 1024 ** 3) return `${(size / 1024 ** 2).toFixed(1)} MB`;
  return `${(size / 1024 ** 3).toFixed(2)} GB`;
}

function Preview(props: { evidence: Evidence; reason?: string }) {
  const { evidence } = props;
  const query = props.reason ? `?reason=${encodeURIComponent(props.reason)}` : '';
  const url = `/api/cases/${evidence.caseId}/evidence/${evidence.id}/content${query}`;
  const type = evidence.contentType ?? '';
  if (type.startsWith('image/')) {
    return <img src={url} alt={evidence.originalName ?? '证据照片'} style={{ maxWidth: '100%' }} />;
  }
  if (type.startsWith('video/')) {
    return (
      <video
        src={url}
        controls
        style={{ width: '100%' }}
        aria-label={evidence.originalName ?? '录像'}
      />
    );
  }
  if (type.startsWith('audio/')) {
    return (
      <audio
        src={url}
        controls
        style={{ width: '100%' }}
        aria-label={evidence.originalName ?? '录音'}
      />
    );
  }
  if (type === 'application/pdf') {
    return (
      <iframe
        src={url}
        title={evidence.originalName ?? '文档'}
        style={{ width: '100%', height: '70vh', border: 0 }}
      />
    );
  }
  return (
    <Typography.Paragraph>
      该类型无法在浏览器中预览，请{' '}
      <a href={url} download={evidence.originalName ?? undefined}>
        下载文件
      </a>{' '}
      查看。
    </Typography.Paragraph>
  );
}

export function EvidenceList(props: { caseId: string; reason?: string }) {
  const [open, setOpen] = useState<Evidence | null>(null);
  const evidence = useQuery({
    queryKey: ['evidence', props.caseId, props.reason ?? null],
    queryFn: () =>
      call(
        api.GET('/api/cases/{caseId}/evidence', {
          params: { path: { caseId: props.caseId }, query: { reason: props.reason } },
        }),
      ),
  });
  return (
    <>
      {evidence.error ? (
        <ErrorAlert error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : null}
      <Table<Evidence>
        rowKey="id"
        size="small"
        loading={evidence.isPending}
        dataSource={evidence.data ?? []}
        scroll={{ x: 720 }}
        locale={{ emptyText: '暂无证据' }}
        pagination={false}
        columns={[
          {
            title: '文件',
            render: (_: unknown, e) =>
              e.isExemption ? (
                <Tag color="orange">未录音录像（{e.av?.exemptionReasonLabel ?? '例外情形'}）</Tag>
              ) : (
                (e.originalName ?? '—')
              ),
          },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 80,
            render: (k: string) => KIND_LABELS[k] ?? k,
          },
          { title: '大小', dataIndex: 'size', width: 100, render: formatBytes },
          {
            title: '上传',
            render: (_: unknown, e) => (
              <>
                {e.uploadedByName ?? '—'} · {formatDateTime(e.recordedAt ?? e.uploadedAt)}
                {e.isLate ? (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    逾期上传
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: '操作',
            width: 100,
            render: (_: unknown, e) =>
              e.isExemption ? null : (
                <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(e)}>
                  查看
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={open !== null}
        title={open?.originalName ?? '证据'}
        footer={null}
        width={880}
        onCancel={() => setOpen(null)}
        destroyOnClose
      >
        {open ? (
          <>
            <Preview evidence={open} reason={props.reason} />
            <Descriptions column={1} size="small" bordered style={{ marginTop: 12 }}>
              <Descriptions.Item label="SM3">
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {open.sm3 ?? '—'}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="SHA-256">
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {open.sha256 ?? '—'}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="账本记录">第 {open.ledgerSeq} 号</Descriptions.Item>
              {open.av ? (
                <>
                  <Descriptions.Item label="执法行为">{open.av.actLabel ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="起止时间">
                    {formatDateTime(open.av.startedAt)} 至 {formatDateTime(open.av.endedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label="地点">{open.av.place}</Descriptions.Item>
                  <Descriptions.Item label="是否连续">
                    {open.av.isContinuous === false
                      ? `中断 ${open.av.interruptions.length} 次`
                      : open.av.isContinuous
                        ? '连续'
                        : '—'}
                  </Descriptions.Item>
                </>
              ) : null}
            </Descriptions>
          </>
        ) : null}
      </Modal>
    </>
  );
}
