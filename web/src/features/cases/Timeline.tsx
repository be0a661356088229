// The case's history as the ledger holds it, each entry with a "verify" button that checks its
// inclusion proof against the signed tree head in the browser.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Modal, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { formatDateTime } from '../../shared/labels.ts';
import { ledgerKindLabel } from './action-labels.ts';
import { verifyEntryInclusion, type InclusionResult } from './ledger-verify.ts';

function VerifyButton(props: { seq: number; entryHash: string }) {
  const [result, setResult] = useState<InclusionResult | null>(null);
  const verify = useMutation({
    mutationFn: () => verifyEntryInclusion(props.seq, props.entryHash),
    onSuccess: setResult,
  });
  return (
    <>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        aria-label={`核验第 ${props.seq} 号记录`}
      >
        核验
      </Button>
      <Modal
        open={result !== null || verify.isError}
        title="账本核验结果"
        footer={null}
        onCancel={() => {
          setResult(null);
          verify.reset();
        }}
      >
        {verify.isError ? (
          <Alert type="error" showIcon message={errorMessage(verify.error)} />
        ) : null}
        {result ? (
          <>
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              message={result.message}
              style={{ marginBottom: 12 }}
            />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="记录序号">{props.seq}</Descriptions.Item>
              <Descriptions.Item label="记录哈希（SM3）">
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {props.entryHash}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="树头规模">{result.head.treeSize}</Descriptions.Item>
              <Descriptions.Item label="根哈希">
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {result.head.rootHash}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="签名时间">
                {formatDateTime(result.head.timestamp)}
              </Descriptions.Item>
              <Descriptions.Item label="签名算法">{result.head.algorithm}</Descriptions.Item>
              <Descriptions.Item label="密钥标识">{result.head.keyId}</Descriptions.Item>
              <Descriptions.Item label="签名">
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {result.head.signature}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              树头签名可在服务器外用 <Typography.Text code>npx sanxiang verify</Typography.Text>{' '}
              对照公钥与见证文件离线核验。
            </Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </>
  );
}

export function CaseTimeline(props: { caseId: string; reason?: string }) {
  const timeline = useQuery({
    queryKey: ['timeline', props.caseId, props.reason ?? null],
    queryFn: () =>
      call(api.GET('/api/cases/{caseId}/timeline', { params: { path: { caseId: props.caseId } } })),
  });
  return (
    <Card title="全过程记录（账本）" size="small">
      <QueryState query={timeline}>
        {(entries) => (
          <Timeline
            items={entries.map((entry) => ({
              key: entry.seq,
              children: (
                <div
                  style={{
                    display: 'flex',
                    gap: 12,
                    justifyContent: 'space-between',
                    flexWrap: 'wrap',
                  }}
                >
                  <div>
                    <Typography.Text strong>{ledgerKindLabel(entry.kind)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {formatDateTime(entry.recordedAt)} · {entry.actorName} · 第 {entry.seq} 号
                    </Typography.Text>
                  </div>
                  <VerifyButton seq={entry.seq} entryHash={entry.entryHash} />
                </div>
              ),
            }))}
          />
        )}
      </QueryState>
    </Card>
  );
}
