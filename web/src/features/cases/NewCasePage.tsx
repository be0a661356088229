// Registering a case (案源登记): kind and procedure, source, the power it falls under, parties and
// the officers handling it. The server checks credentials, check digits and the power's scope.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { useIdempotencyKeys } from '../../shared/keys.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { agenciesWithRole, useSession } from '../auth/session.ts';
import { PartyFields } from './PartyFields.tsx';
import {
  blank,
  KINDS,
  PROCEDURES,
  SOURCES,
  toParty,
  type Kind,
  type Values,
} from './registration.ts';

export default function NewCasePage() {
  const session = useSession();
  const agencies = agenciesWithRole(session.data, 'officer');
  const [form] = Form.useForm<Values>();
  const agencyId = Form.useWatch('agencyId', form) ?? agencies[0]?.id;
  const kind = Form.useWatch('kind', form) ?? 'penalty';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const people = useQuery({
    queryKey: ['people', agencyId],
    enabled: !!agencyId,
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/people', {
          params: { path: { agencyId: agencyId ?? '' } },
        }),
      ),
  });
  const powers = useQuery({
    queryKey: ['powers', agencyId],
    enabled: !!agencyId,
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/powers', {
          params: { path: { agencyId: agencyId ?? '' }, query: { pageSize: 200 } },
        }),
      ),
  });
  // A registration sent again after a lost answer registers once; a corrected one is new.
  const keyFor = useIdempotencyKeys();
  const create = useMutation({
    mutationFn: (v: Values) => {
      const registration = {
        kind: v.kind,
        procedure: v.procedure,
        source: v.source,
        sourceDetail: blank(v.sourceDetail),
        powerId: v.powerId ?? null,
        handlingUnitId: null,
        title: v.title.trim(),
        facts: blank(v.facts),
        parties: v.parties.map(toParty),
        officers: v.officers,
      };
      return call(
        api.POST('/api/agencies/{agencyId}/cases', {
          params: { path: { agencyId: v.agencyId } },
          body: { ...registration, idempotencyKey: keyFor([v.agencyId, registration]) },
        }),
      );
    },
    onSuccess: async (created) => {
      notifySuccess(`已登记：${created.caseNo}`);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${created.id}`);
    },
  });
  const officerOptions = (people.data ?? [])
    .filter((p) => p.isActive && p.credentials.length > 0)
    .map((p) => ({ value: p.id, label: `${p.name}（${p.credentials[0]?.credentialNo ?? ''}）` }));
  const sessionName = session.data?.user.displayName;
  // The signed-in officer is usually the lead: preselected once the agency's people are known.
  const me = (people.data ?? []).find((p) => p.name === sessionName);
  useEffect(() => {
    const first: unknown = form.getFieldValue(['officers', 0, 'personId']);
    if (me && !first) form.setFieldValue(['officers', 0, 'personId'], me.id);
  }, [me, form]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        登记案件
      </Typography.Title>
      {create.error ? <ErrorAlert error={create.error} title="登记未成功" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        scrollToFirstError
        initialValues={{
          agencyId: agencies[0]?.id,
          kind: 'penalty',
          procedure: 'ordinary',
          source: 'inspection',
          parties: [{ kind: 'organisation' }],
          officers: [{ role: 'lead' }],
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Card size="small" title="案件信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="agencyId"
                label="执法主体"
                rules={[{ required: true, message: '请选择执法主体' }]}
              >
                <Select options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
                <Select
                  options={KINDS}
                  onChange={(value: Kind) =>
                    form.setFieldValue('procedure', PROCEDURES[value][0]?.value)
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="procedure"
                label="程序"
                rules={[{ required: true, message: '请选择程序' }]}
              >
                <Select options={PROCEDURES[kind]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label="案由"
                rules={[
                  { required: true, message: '请填写案由' },
                  { min: 2, max: 200, message: '案由为 2 至 200 个字' },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="powerId" label="执法职权（权责清单事项）">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  loading={powers.isPending}
                  placeholder="请选择"
                  options={(powers.data?.items ?? [])
                    .filter((p) => p.category === kind)
                    .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="source" label="案件来源" rules={[{ required: true }]}>
                <Select options={SOURCES} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="sourceDetail" label="来源说明">
                <Input maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="facts" label="基本案情">
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title="当事人" style={{ marginBottom: 16 }}>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <PartyFields
                    key={field.key}
                    name={field.name}
                    index={index}
                    onRemove={() => remove(field.name)}
                  />
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'organisation' })}
                >
                  添加当事人
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="执法人员（不少于两名持证人员）" style={{ marginBottom: 16 }}>
          <Form.List name="officers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col xs={14} md={12}>
                      <Form.Item
                        name={[field.name, 'personId']}
                        label={`执法人员 ${index + 1}`}
                        rules={[{ required: true, message: '请选择执法人员' }]}
                      >
                        <Select
                          options={officerOptions}
                          loading={people.isPending}
                          showSearch
                          optionFilterProp="label"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={7} md={6}>
                      <Form.Item
                        name={[field.name, 'role']}
                        label="分工"
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={[
                            { value: 'lead', label: '主办' },
                            { value: 'assist', label: '协办' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={3} md={6}>
                      <Form.Item label=" ">
                        <Button
                          type="text"
                          danger
                          icon={<MinusCircleOutlined />}
                          aria-label={`删除执法人员 ${index + 1}`}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ role: 'assist' })}
                >
                  添加执法人员
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            登记案件
          </Button>
          <Button htmlType="button" onClick={() => void navigate('/cases')}>
            取消
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
