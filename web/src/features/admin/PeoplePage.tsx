// Officers and their credentials (执法证): each credential's validity today, its QR code (亮证执法:
// scanning opens the public verification page) and, for administrators, a status change with the
// reason the server requires.
import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { AgencySelect, useSelectedAgency } from './AgencySelect.tsx';
import {
  CREDENTIAL_KIND_LABELS,
  CREDENTIAL_VALIDITY,
  QUALIFICATION_KIND_LABELS,
  labelOf,
} from './labels.ts';

type Person = GetResponse<'/api/agencies/{agencyId}/people'>[number];
type Credential = Person['credentials'][number];
type CredentialPatch =
  paths['/api/credentials/{id}']['patch']['requestBody']['content']['application/json'];

function ValidityTag(props: { validity: string }) {
  const v = CREDENTIAL_VALIDITY[props.validity] ?? { label: props.validity, color: 'default' };
  return <Tag color={v.color}>{v.label}</Tag>;
}

function QrModal(props: { credential: Credential | null; holder: string; onClose: () => void }) {
  const credential = props.credential;
  return (
    <Modal
      open={credential !== null}
      title={credential ? `执法证二维码：${credential.credentialNo}` : ''}
      onCancel={props.onClose}
      footer={
        credential ? (
          <Space>
            <a
              href={`/api/disclosure/credentials/${encodeURIComponent(credential.credentialNo)}/qr?format=png`}
              download={`执法证-${credential.credentialNo}.png`}
            >
              下载 PNG 图片
            </a>
            <Button onClick={props.onClose}>关闭</Button>
          </Space>
        ) : null
      }
    >
      {credential ? (
        <div style={{ textAlign: 'center' }}>
          <img
            src={`/api/disclosure/credentials/${encodeURIComponent(credential.credentialNo)}/qr`}
            alt={`${props.holder}的执法证二维码，扫码核验证件`}
            width={240}
            height={240}
            data-testid="credential-qr"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            持证人：{props.holder}。现场出示，扫码打开证件核验页面。
          </Typography.Paragraph>
        </div>
      ) : null}
    </Modal>
  );
}

function StatusModal(props: { credential: Credential | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CredentialPatch>();
  const credential = props.credential;
  const change = useMutation({
    mutationFn: (body: CredentialPatch) =>
      call(
        api.PATCH('/api/credentials/{id}', {
          params: { path: { id: credential?.id ?? '' } },
          body,
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已变更执法证状态');
      form.resetFields();
      props.onClose();
      await queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
  return (
    <Modal
      open={credential !== null}
      title={credential ? `变更执法证 ${credential.credentialNo}` : ''}
      onCancel={props.onClose}
      okText="确认变更"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {change.error ? <ErrorAlert error={change.error} title="未能变更执法证" /> : null}
      <Form<CredentialPatch>
        form={form}
        name="credential-change"
        layout="vertical"
        initialValues={{ status: credential?.status }}
        onFinish={(values) =>
          change.mutate({
            reason: values.reason.trim(),
            ...(values.status ? { status: values.status } : {}),
            ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
          })
        }
      >
        <Form.Item name="status" label="证件状态">
          <Select
            options={[
              { value: 'valid', label: '有效' },
              { value: 'suspended', label: '暂扣' },
              { value: 'revoked', label: '注销' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label="有效期至（延续时填写，格式 YYYY-MM-DD）"
          rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
        >
          <Input placeholder="例如 2029-12-31" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '变更执法证须说明理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CredentialTable(props: {
  person: Person;
  canEdit: boolean;
  onQr: (c: Credential) => void;
  onChange: (c: Credential) => void;
}) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={props.person.credentials}
      locale={{ emptyText: '未登记执法证' }}
      columns={[
        { title: '证号', dataIndex: 'credentialNo' },
        {
          title: '证件类型',
          dataIndex: 'kind',
          render: (kind: string) => labelOf(CREDENTIAL_KIND_LABELS, kind),
        },
        { title: '执法领域', render: (_: unknown, c) => c.lawAreas.join('、') },
        { title: '发证机关', dataIndex: 'issuingAuthority' },
        { title: '有效期', render: (_: unknown, c) => `${c.issuedOn} 至 ${c.expiresOn}` },
        {
          title: '状态',
          render: (_: unknown, c) => (
            <Space direction="vertical" size={0}>
              <ValidityTag validity={c.validity} />
              {c.statusReason ? (
                <Typography.Text type="secondary">{c.statusReason}</Typography.Text>
              ) : null}
            </Space>
          ),
        },
        {
          title: '操作',
          fixed: 'right',
          render: (_: unknown, c) => (
            <Space wrap>
              <Button size="small" icon={<QrcodeOutlined />} onClick={() => props.onQr(c)}>
                二维码
              </Button>
              {props.canEdit ? (
                <Button size="small" onClick={() => props.onChange(c)}>
                  变更状态
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

export default function PeoplePage() {
  const session = useSession();
  const canEdit = hasRole(session.data, 'admin');
  const { agency, agencies, select } = useSelectedAgency();
  const [search, setSearch] = useState('');
  const [qrFor, setQrFor] = useState<{ credential: Credential; holder: string } | null>(null);
  const [changing, setChanging] = useState<Credential | null>(null);
  const people = useQuery({
    queryKey: ['people', agency?.id, search],
    enabled: agency !== undefined,
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/people', {
          params: {
            path: { agencyId: agency?.id ?? '' },
            query: search ? { q: search } : {},
          },
        }),
      ),
  });
  return (
    <>
      <Typography.Title level={3}>执法人员与证件</Typography.Title>
      <QueryState query={agencies}>
        {(list) => (
          <Card>
            <Space wrap align="end" style={{ marginBottom: 8 }}>
              <AgencySelect agencies={list} value={agency?.id} onChange={select} />
              <Form.Item label="查找人员" htmlFor="people-search" style={{ marginBottom: 16 }}>
                <Input.Search
                  id="people-search"
                  allowClear
                  placeholder="姓名"
                  maxLength={50}
                  onSearch={(value) => setSearch(value.trim())}
                />
              </Form.Item>
            </Space>
            <QueryState query={people}>
              {(rows) => (
                <Table
                  key={agency?.id}
                  rowKey="id"
                  size="middle"
                  scroll={{ x: 760 }}
                  dataSource={rows}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  expandable={{
                    defaultExpandedRowKeys: rows
                      .filter((p) => p.credentials.length > 0)
                      .map((p) => p.id),
                    rowExpandable: (p) => p.credentials.length > 0,
                    expandedRowRender: (person) => (
                      <CredentialTable
                        person={person}
                        canEdit={canEdit}
                        onQr={(credential) => setQrFor({ credential, holder: person.name })}
                        onChange={setChanging}
                      />
                    ),
                  }}
                  columns={[
                    { title: '姓名', dataIndex: 'name' },
                    {
                      title: '职务',
                      dataIndex: 'position',
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: '身份证号',
                      dataIndex: 'idCardNoMasked',
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: '执法证',
                      render: (_: unknown, p) =>
                        p.credentials.length === 0 ? (
                          <Tag>无</Tag>
                        ) : (
                          <Space wrap size={4}>
                            {p.credentials.map((c) => (
                              <ValidityTag key={c.id} validity={c.validity} />
                            ))}
                          </Space>
                        ),
                    },
                    {
                      title: '资格',
                      render: (_: unknown, p) =>
                        p.qualifications.length === 0
                          ? '—'
                          : p.qualifications
                              .map((q) => labelOf(QUALIFICATION_KIND_LABELS, q.kind))
                              .join('、'),
                    },
                    {
                      title: '在职',
                      render: (_: unknown, p) =>
                        p.isActive ? <Tag color="success">在职</Tag> : <Tag>已停用</Tag>,
                    },
                  ]}
                />
              )}
            </QueryState>
          </Card>
        )}
      </QueryState>
      <QrModal
        credential={qrFor?.credential ?? null}
        holder={qrFor?.holder ?? ''}
        onClose={() => setQrFor(null)}
      />
      <StatusModal credential={changing} onClose={() => setChanging(null)} />
      {agency ? (
        <Descriptions size="small" style={{ marginTop: 16 }}>
          <Descriptions.Item label="说明">
            执法证状态以“有效期”和登记状态共同判断；暂扣、注销和延续均须说明理由并记入台账。
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </>
  );
}
