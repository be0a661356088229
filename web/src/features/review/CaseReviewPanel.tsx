// Legal review (法制审核) on the case page: whether the proposal is major and why, the gate's
// state, the rounds with their countdowns, and the forms each role uses — declaring the facts
// only people can settle and submitting (officers), giving the opinion (reviewers). The full
// review workspace (materials beside the checklist, history with diffs) builds on this.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { Countdown } from '../home/panels.tsx';

type Review = GetResponse<'/api/cases/{caseId}/review'>;
type FactsBody =
  paths['/api/cases/{caseId}/review/facts']['put']['requestBody']['content']['application/json'];
type OpinionBody =
  paths['/api/cases/{caseId}/review/opinion']['post']['requestBody']['content']['application/json'];
type FactKey = keyof FactsBody['facts'];

function useInvalidate(caseId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['review', caseId] });
    await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    await queryClient.invalidateQueries({ queryKey: ['timeline', caseId] });
  };
}

type FactsValues = { facts?: Partial<Record<FactKey, boolean>>; note?: string };

// One checkbox per fact, each its own form field: antd's Checkbox.Group drops a tick made before
// its options have registered (a click right after the tab opens), which lost declarations.
function FactsForm(props: { caseId: string; review: Review }) {
  const invalidate = useInvalidate(props.caseId);
  const unanswered = props.review.classification.unansweredFacts;
  const declare = useMutation({
    mutationFn: (values: FactsValues) => {
      const facts: FactsBody['facts'] = {};
      for (const fact of unanswered) {
        const key = fact.fact as FactKey;
        facts[key] = values.facts?.[key] === true;
      }
      return call(
        api.PUT('/api/cases/{caseId}/review/facts', {
          params: { path: { caseId: props.caseId } },
          body: { facts, ...(values.note ? { note: values.note } : {}) },
        }),
      );
    },
    onSuccess: async () => {
      notifySuccess('已记录情形声明');
      await invalidate();
    },
  });
  if (unanswered.length === 0) return null;
  return (
    <Card size="small" title="需由办案人员声明的情形" style={{ marginBottom: 16 }}>
      {declare.error ? <ErrorAlert error={declare.error} /> : null}
      <Form layout="vertical" onFinish={(values: FactsValues) => declare.mutate(values)}>
        <Typography.Paragraph>本案涉及以下情形（未勾选视为“否”）：</Typography.Paragraph>
        <div style={{ display: 'grid', gap: 8, marginBottom: 16 }}>
          {unanswered.map((f) => (
            <Form.Item key={f.fact} name={['facts', f.fact]} valuePropName="checked" noStyle>
              <Checkbox>{f.label}</Checkbox>
            </Form.Item>
          ))}
        </div>
        <Form.Item name="note" label="说明" rules={[{ min: 2, message: '说明至少 2 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={declare.isPending}>
          保存情形声明
        </Button>
      </Form>
    </Card>
  );
}

function SubmitForm(props: { caseId: string }) {
  const invalidate = useInvalidate(props.caseId);
  const submit = useMutation({
    mutationFn: (values: { situation: string; legalBasis?: string }) =>
      call(
        api.POST('/api/cases/{caseId}/review/submissions', {
          params: { path: { caseId: props.caseId } },
          body: {
            situation: values.situation,
            ...(values.legalBasis ? { legalBasis: values.legalBasis } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已报送法制审核');
      await invalidate();
    },
  });
  return (
    <Card size="small" title="报送法制审核" style={{ marginBottom: 16 }}>
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <Form
        layout="vertical"
        onFinish={(values: { situation: string; legalBasis?: string }) => submit.mutate(values)}
      >
        <Form.Item
          name="situation"
          label="案件情况及拟作出的决定"
          rules={[
            { required: true, message: '请填写案件情况' },
            { min: 2, message: '至少 2 个字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="legalBasis" label="法律依据">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          报送法制审核
        </Button>
      </Form>
    </Card>
  );
}

function OpinionForm(props: { caseId: string; review: Review }) {
  const invalidate = useInvalidate(props.caseId);
  const give = useMutation({
    mutationFn: (body: OpinionBody) =>
      call(
        api.POST('/api/cases/{caseId}/review/opinion', {
          params: { path: { caseId: props.caseId } },
          body,
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已出具审核意见');
      await invalidate();
    },
  });
  const { outcomes, checklist } = props.review;
  type Values = {
    outcome: OpinionBody['outcome'];
    reasons?: string;
    checklist: Record<string, 'pass' | 'problem' | 'not_applicable'>;
  };
  return (
    <Card size="small" title="出具法制审核意见" style={{ marginBottom: 16 }}>
      {give.error ? <ErrorAlert error={give.error} /> : null}
      <Form<Values>
        layout="vertical"
        initialValues={{ checklist: Object.fromEntries(checklist.map((c) => [c.code, 'pass'])) }}
        onFinish={(values) =>
          give.mutate({
            outcome: values.outcome,
            ...(values.reasons ? { reasons: values.reasons } : {}),
            checklist: checklist.map((c) => ({
              item: c.code,
              conclusion: values.checklist[c.code] ?? 'pass',
            })),
          })
        }
      >
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={checklist}
          style={{ marginBottom: 16 }}
          columns={[
            { title: '审核事项', dataIndex: 'label' },
            {
              title: '结论',
              width: 160,
              render: (_: unknown, item) => (
                <Form.Item name={['checklist', item.code]} noStyle>
                  <Select
                    aria-label={`${item.label}的结论`}
                    style={{ width: '100%' }}
                    options={[
                      { value: 'pass', label: '符合' },
                      { value: 'problem', label: '存在问题' },
                      { value: 'not_applicable', label: '不适用' },
                    ]}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item
          name="outcome"
          label="审核意见"
          rules={[{ required: true, message: '请选择审核意见' }]}
        >
          <Select
            placeholder="请选择"
            options={outcomes.map((o) => ({ value: o.code, label: o.label }))}
          />
        </Form.Item>
        <Form.Item name="reasons" label="理由" rules={[{ min: 2, message: '至少 2 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={20000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={give.isPending}>
          出具审核意见
        </Button>
      </Form>
    </Card>
  );
}

export function CaseReviewPanel(props: { caseId: string; caseState: string }) {
  const session = useSession();
  const review = useQuery({
    queryKey: ['review', props.caseId],
    queryFn: () =>
      call(api.GET('/api/cases/{caseId}/review', { params: { path: { caseId: props.caseId } } })),
  });
  const isOfficer = hasRole(session.data, 'officer');
  const isReviewer = hasRole(session.data, 'reviewer');
  return (
    <QueryState query={review}>
      {(data) => {
        const pending = data.rounds.find((r) => r.status === 'pending');
        const undecided = !['decided', 'served', 'executed', 'closed', 'archived'].includes(
          data.state,
        );
        return (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Alert
              type={data.gate.canDecide ? 'success' : 'warning'}
              showIcon
              message={data.gate.message}
              description={data.classification.summary}
            />
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label="重大执法决定">
                {data.classification.isMajor ? <Tag color="volcano">是</Tag> : <Tag>否</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="适用规定">
                {data.classification.profile.name}
              </Descriptions.Item>
              <Descriptions.Item label="拟作出的决定" span={2}>
                {data.proposalSummary || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="意见分歧处理">
                {data.disagreementPath.label}
              </Descriptions.Item>
            </Descriptions>
            {data.rounds.length > 0 ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 640 }}
                dataSource={data.rounds}
                columns={[
                  { title: '次序', dataIndex: 'roundNo', width: 60 },
                  { title: '类型', dataIndex: 'kindLabel' },
                  {
                    title: '报送',
                    render: (_: unknown, r) => `${r.submittedByName} ${r.submittedOn}`,
                  },
                  { title: '审核机构', render: (_: unknown, r) => r.body.name },
                  {
                    title: '期限',
                    render: (_: unknown, r) =>
                      r.status === 'pending' ? (
                        <Countdown dueOn={r.dueOn} isOverdue={r.isOverdue} />
                      ) : (
                        r.dueOn
                      ),
                  },
                  {
                    title: '状态',
                    render: (_: unknown, r) =>
                      r.status === 'pending' ? (
                        <Tag color="processing">待审核</Tag>
                      ) : r.status === 'answered' ? (
                        <Tag color="success">已出具意见</Tag>
                      ) : (
                        <Tag>已被后续报送取代</Tag>
                      ),
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">尚未报送法制审核。</Typography.Text>
            )}
            {isOfficer && undecided ? <FactsForm caseId={props.caseId} review={data} /> : null}
            {isOfficer && undecided && !pending && data.classification.isMajor ? (
              <SubmitForm caseId={props.caseId} />
            ) : null}
            {isReviewer && pending ? <OpinionForm caseId={props.caseId} review={data} /> : null}
          </Space>
        );
      }}
    </QueryState>
  );
}
