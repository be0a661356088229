// Resumable evidence upload (tus 1.0.0 against /api/cases/:caseId/uploads): progress, pause and
// resume, automatic retries after a dropped connection, resumption of an upload a closed tab left
// unfinished (same file), and the SM3 / SHA-256 the server computed once the evidence is recorded.
import {
  CaretRightOutlined,
  CloudUploadOutlined,
  PaperClipOutlined,
  PauseOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Progress,
  Row,
  Select,
  Space,
  Switch,
  Typography,
  Upload as AntUpload,
} from 'antd';
import { useRef, useState } from 'react';
import { Upload, type DetailedError } from 'tus-js-client';
import { api, call } from '../../api/client.ts';
import { toApiError } from '../../api/errors.ts';
import { AvFields } from './AvFields.tsx';
import { STEPS, toAvMetadata, type AvFormValues } from './av.ts';
import { formatBytes, type Evidence } from './EvidenceList.tsx';

const CHUNK_SIZE = 2 * 1024 * 1024;
// Retries after a dropped connection: at once, then waiting longer (mobile networks in the field).
const RETRY_DELAYS = [0, 1000, 2000, 4000, 8000, 15000];

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number; retrying: boolean }
  | { kind: 'paused'; sent: number; total: number }
  | { kind: 'failed'; sent: number; total: number; message: string }
  | { kind: 'done'; evidence: Evidence };

interface Values {
  step: string;
  withAv: boolean;
  av?: AvFormValues;
}

function tusErrorMessage(error: Error | DetailedError): string {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (response) {
    let body: unknown;
    try {
      body = JSON.parse(response.getBody()) as unknown;
    } catch {
      body = undefined;
    }
    return toApiError(response.getStatus(), body).message;
  }
  return '网络连接中断，上传已暂停；恢复网络后点击“继续上传”即可从中断处续传';
}

export function UploadPanel(props: {
  caseId: string;
  officers: { value: string; label: string }[];
}) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const upload = useRef<Upload | null>(null);
  const queryClient = useQueryClient();
  const withAv = Form.useWatch('withAv', form) ?? false;

  const finish = async (evidenceId: string | undefined) => {
    if (!evidenceId) {
      setPhase({
        kind: 'failed',
        sent: 0,
        total: 0,
        message: '服务器未返回证据标识，请刷新后查看证据列表',
      });
      return;
    }
    const evidence = await call(
      api.GET('/api/cases/{caseId}/evidence/{evidenceId}', {
        params: { path: { caseId: props.caseId, evidenceId } },
      }),
    );
    setPhase({ kind: 'done', evidence });
    await queryClient.invalidateQueries({ queryKey: ['evidence', props.caseId] });
    await queryClient.invalidateQueries({ queryKey: ['timeline', props.caseId] });
  };

  const start = async (values: Values) => {
    if (!file) return;
    let evidenceId: string | undefined;
    const metadata: Record<string, string> = { filename: file.name, step: values.step };
    if (values.withAv && values.av) metadata.av = JSON.stringify(toAvMetadata(values.av));
    const instance = new Upload(file, {
      endpoint: `/api/cases/${props.caseId}/uploads`,
      metadata,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => setPhase({ kind: 'uploading', sent, total, retrying: false }),
      onShouldRetry: (error, attempt) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = status === 0 || status >= 500 || status === 409 || status === 423;
        if (retry) {
          setPhase((p) => (p.kind === 'uploading' ? { ...p, retrying: true } : p));
        }
        return retry && attempt < RETRY_DELAYS.length;
      },
      onAfterResponse: (_request, response) => {
        evidenceId = response.getHeader('Evidence-Id') ?? evidenceId;
      },
      onError: (error) =>
        setPhase((p) => ({
          kind: 'failed',
          sent: 'sent' in p ? p.sent : 0,
          total: 'total' in p ? p.total : file.size,
          message: tusErrorMessage(error),
        })),
      onSuccess: () => void finish(evidenceId),
    });
    upload.current = instance;
    // The same file chosen again after a closed tab continues where the server stopped.
    const previous = await instance.findPreviousUploads();
    const latest = previous[0];
    if (latest) instance.resumeFromPreviousUpload(latest);
    setPhase({ kind: 'uploading', sent: 0, total: file.size, retrying: false });
    instance.start();
  };

  const pause = async () => {
    await upload.current?.abort();
    setPhase((p) =>
      p.kind === 'uploading' ? { kind: 'paused', sent: p.sent, total: p.total } : p,
    );
  };

  const resume = () => {
    setPhase((p) =>
      p.kind === 'paused' || p.kind === 'failed'
        ? { kind: 'uploading', sent: p.sent, total: p.total, retrying: false }
        : p,
    );
    upload.current?.start();
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'paused' || phase.kind === 'failed';
  const percent =
    'total' in phase && phase.total > 0 ? Math.floor((phase.sent / phase.total) * 100) : 0;

  return (
    <Card title="上传证据" size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          step: 'investigate',
          withAv: false,
          av: { isContinuous: true, isPartyNotified: true },
        }}
        onFinish={(values) => void start(values)}
        disabled={busy}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="选择文件" htmlFor="evidence-file" required>
              <AntUpload
                showUploadList={false}
                maxCount={1}
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  setPhase({ kind: 'idle' });
                  return false;
                }}
              >
                <Button id="evidence-file" icon={<PaperClipOutlined />}>
                  选择文件
                </Button>
              </AntUpload>
              {file ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {file.name} · {formatBytes(file.size)}
                </Typography.Text>
              ) : null}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="step"
              label="所属环节"
              rules={[{ required: true, message: '请选择环节' }]}
            >
              <Select options={STEPS} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="withAv" label="音像记录" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        {withAv ? <AvFields officers={props.officers} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          icon={<CloudUploadOutlined />}
          disabled={!file || busy}
        >
          开始上传
        </Button>
      </Form>

      {phase.kind !== 'idle' && phase.kind !== 'done' ? (
        <div style={{ marginTop: 16 }} aria-live="polite">
          <Progress
            percent={percent}
            status={
              phase.kind === 'failed' ? 'exception' : phase.kind === 'paused' ? 'normal' : 'active'
            }
            aria-label="上传进度"
          />
          <Typography.Text type="secondary">
            已上传 {formatBytes(phase.sent)} / {formatBytes(phase.total)}
            {phase.kind === 'uploading' && phase.retrying ? '（连接中断，正在重试…）' : ''}
            {phase.kind === 'paused' ? '（已暂停）' : ''}
          </Typography.Text>
          {phase.kind === 'failed' ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={phase.message}
              style={{ margin: '8px 0' }}
            />
          ) : null}
          <div style={{ marginTop: 8 }}>
            <Space>
              {phase.kind === 'uploading' ? (
                <Button icon={<PauseOutlined />} onClick={() => void pause()}>
                  暂停
                </Button>
              ) : (
                <Button type="primary" icon={<CaretRightOutlined />} onClick={resume}>
                  继续上传
                </Button>
              )}
            </Space>
          </div>
        </div>
      ) : null}

      {phase.kind === 'done' ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          message={`已入库：${phase.evidence.originalName ?? ''}（${formatBytes(phase.evidence.size)}）`}
          description={
            <Descriptions column={1} size="small">
              <Descriptions.Item label="SM3">
                <Typography.Text
                  code
                  copyable
                  data-testid="evidence-sm3"
                  style={{ wordBreak: 'break-all' }}
                >
                  {phase.evidence.sm3}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="SHA-256">
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {phase.evidence.sha256}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="账本记录">
                第 {phase.evidence.ledgerSeq} 号
              </Descriptions.Item>
              {phase.evidence.isLate ? (
                <Descriptions.Item label="提示">
                  超过规定的上传时限，已标记为逾期上传
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          }
        />
      ) : null}
    </Card>
  );
}
