// 文书 of a case: every issued instrument with its versions, a PDF preview of the sealed original,
// the DOCX, and the seal's status (signature valid, key consistent, stored file intact) checked
// by the server's public verification endpoint.
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { formatDateTime } from '../../shared/labels.ts';

type Instrument = GetResponse<'/api/cases/{caseId}/instruments'>['items'][number];

function SealStatus(props: { instrumentId: string; version: number }) {
  const verification = useQuery({
    queryKey: ['instrument-verification', props.instrumentId],
    queryFn: () =>
      call(
        api.GET('/api/instruments/{instrumentId}/verification', {
          params: { path: { instrumentId: props.instrumentId } },
        }),
      ),
  });
  const row = verification.data?.versions.find((v) => v.version === props.version);
  if (verification.isPending) return <Tag>核验中…</Tag>;
  if (!row) return <Tag color="default">无法核验</Tag>;
  const ok = row.isSignatureValid && row.isKeyIdConsistent && row.isStoredFileIntact;
  return ok ? (
    <Tag color="green" icon={<SafetyCertificateOutlined />}>
      电子印章有效
    </Tag>
  ) : (
    <Tag color="red">
      {!row.isSignatureValid
        ? '印章签名无效'
        : !row.isStoredFileIntact
          ? '存档文件已变动'
          : '印章密钥不一致'}
    </Tag>
  );
}

export default function DocumentsTab(props: { caseId: string; reason?: string }) {
  const [preview, setPreview] = useState<{ item: Instrument; version: number } | null>(null);
  const instruments = useQuery({
    queryKey: ['instruments', props.caseId, props.reason ?? null],
    queryFn: () =>
      call(
        api.GET('/api/cases/{caseId}/instruments', {
          params: { path: { caseId: props.caseId }, query: { reason: props.reason } },
        }),
      ),
  });
  const query = (version: number) =>
    `?version=${version}${props.reason ? `&reason=${encodeURIComponent(props.reason)}` : ''}`;
  return (
    <>
      {instruments.error ? (
        <ErrorAlert error={instruments.error} onRetry={() => void instruments.refetch()} />
      ) : null}
      <Table<Instrument>
        rowKey="id"
        size="small"
        loading={instruments.isPending}
        dataSource={instruments.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: '本案尚未制作文书' }}
        columns={[
          { title: '文书', dataIndex: 'title' },
          { title: '文号', dataIndex: 'docNo' },
          {
            title: '版本',
            render: (_: unknown, item) => {
              const latest = item.versions.at(-1);
              return latest
                ? `第 ${latest.version} 版 · ${latest.issuedByName} · ${formatDateTime(latest.issuedAt)}`
                : '—';
            },
          },
          {
            title: '印章',
            render: (_: unknown, item) => {
              const latest = item.versions.at(-1);
              return latest ? <SealStatus instrumentId={item.id} version={latest.version} /> : null;
            },
          },
          {
            title: '操作',
            render: (_: unknown, item) => {
              const latest = item.versions.at(-1);
              if (!latest) return null;
              return (
                <Space>
                  <Button
                    size="small"
                    icon={<FilePdfOutlined />}
                    onClick={() => setPreview({ item, version: latest.version })}
                  >
                    预览
                  </Button>
                  <a href={`/api/instruments/${item.id}/docx${query(latest.version)}`}>下载 Word</a>
                </Space>
              );
            },
          },
        ]}
      />
      <Modal
        open={preview !== null}
        title={preview ? `${preview.item.title}（${preview.item.docNo}）` : ''}
        footer={null}
        width={960}
        onCancel={() => setPreview(null)}
        destroyOnClose
      >
        {preview ? (
          <>
            <iframe
              title={preview.item.title}
              src={`/api/instruments/${preview.item.id}/pdf${query(preview.version)}`}
              style={{ width: '100%', height: '70vh', border: 0 }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              公众可在{' '}
              <a href={preview.item.verificationUrl} target="_blank" rel="noreferrer">
                {preview.item.verificationUrl}
              </a>{' '}
              核验本文书的电子印章。
            </Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </>
  );
}
