// The reviewer's checklist and opinion, and the head's extension of the review period. Both forms
// repeat the server's checks (opinion-rules.ts) so a refusal is rare; when the server refuses
// anyway, its message is shown above the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { LawyerFields, type LawyerValue } from './LawyerFields.tsx';
import {
  checklistProblem,
  reasonsProblem,
  reasonsRequired,
  type ChecklistAnswer,
  type Conclusion,
} from './opinion-rules.ts';

export type Review = GetResponse<'/api/cases/{caseId}/review'>;
type OpinionBody =
  paths['/api/cases/{caseId}/review/opinion']['post']['requestBody']['content']['application/json'];
type ExtensionBody =
  paths['/api/cases/{caseId}/review/extension']['post']['requestBody']['content']['application/json'];

export function useReviewInvalidate(caseId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['review', caseId] });
    await queryClient.invalidateQueries({ queryKey: ['review-queue'] });
    await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
  };
}

interface OpinionValues {
  outcome?: string;
  reasons?: string;
  lawyers?: LawyerValue[];
  checklist: Record<string, { conclusion: Conclusion; note?: string }>;
}

const CONCLUSIONS: { value: Conclusion; label: string }[] = [
  { value: 'pass', label: '符合' },
  { value: 'problem', label: '存在问题' },
  { value: 'not_applicable', label: '不适用' },
];

export function OpinionForm(props: { review: Review; lawyersRequired: boolean }) {
  const { review } = props;
  const invalidate = useReviewInvalidate(review.caseId);
  const [form] = Form.useForm<OpinionValues>();
  const [problem, setProblem] = useState<string | undefined>();
  const outcomeCode = Form.useWatch('outcome', form);
  const answers = Form.useWatch('checklist', form);
  const outcome = review.outcomes.find((o) => o.code === outcomeCode);
  const give = useMutation({
    mutationFn: (body: OpinionBody) =>
      call(
        api.POST('/api/cases/{caseId}/review/opinion', {
          params: { path: { caseId: review.caseId } },
          body,
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已出具法制审核意见');
      await invalidate();
    },
  });

  const submit = (values: OpinionValues) => {
    const list: ChecklistAnswer[] = review.checklist.map((item) => {
      const answer = values.checklist[item.code];
      const note = answer?.note?.trim();
      return {
        item: item.code,
        conclusion: answer?.conclusion ?? 'pass',
        ...(note ? { note } : {}),
      };
    });
    const chosen = review.outcomes.find((o) => o.code === values.outcome);
    const found = checklistProblem(review.checklist, list, chosen);
    setProblem(found);
    if (found || !chosen) return;
    const reasons = values.reasons?.trim();
    const lawyers = (values.lawyers ?? []).map((l) => ({
      name: l.name.trim(),
      kind: l.kind,
      opinion: l.opinion.trim(),
      isAdopted: l.isAdopted,
      ...(!l.isAdopted && l.reasonNotAdopted
        ? { reasonNotAdopted: l.reasonNotAdopted.trim() }
        : {}),
    }));
    give.mutate({
      outcome: chosen.code as OpinionBody['outcome'],
      checklist: list,
      ...(reasons ? { reasons } : {}),
      ...(lawyers.length > 0 ? { lawyers } : {}),
    });
  };

  return (
    <Card title="审核要点与审核意见" size="small">
      {give.error ? <ErrorAlert error={give.error} title="审核意见未出具" /> : null}
      <Form<OpinionValues>
        form={form}
        layout="vertical"
        initialValues={{
          checklist: Object.fromEntries(
            review.checklist.map((c) => [c.code, { conclusion: 'pass' }]),
          ),
        }}
        onFinish={submit}
      >
        <ol style={{ paddingLeft: 20 }}>
          {review.checklist.map((item) => {
            const isProblem = answers?.[item.code]?.conclusion === 'problem';
            return (
              <li key={item.code} style={{ marginBottom: 12 }}>
                <div role="radiogroup" aria-label={`${item.label}的结论`}>
                  <Form.Item
                    name={['checklist', item.code, 'conclusion']}
                    label={item.label}
                    style={{ marginBottom: 4 }}
                  >
                    <Radio.Group optionType="button" options={CONCLUSIONS} />
                  </Form.Item>
                </div>
                {isProblem ? (
                  <Form.Item
                    name={['checklist', item.code, 'note']}
                    label={`${item.label}：存在的问题`}
                    rules={[{ required: true, whitespace: true, message: '请写明具体问题' }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
                  </Form.Item>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Form.Item
          name="outcome"
          label="审核意见"
          rules={[{ required: true, message: '请选择审核意见' }]}
        >
          <Select
            placeholder="请选择"
            options={review.outcomes.map((o) => ({
              value: o.code,
              label: o.isAgreement ? o.label : `${o.label}（须写明理由）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reasons"
          label={reasonsRequired(outcome) ? '理由（必填）' : '理由'}
          dependencies={['outcome']}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const found = reasonsProblem(value, reasonsRequired(outcome));
                if (found) throw new Error(found);
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} />
        </Form.Item>
        <LawyerFields required={props.lawyersRequired} />
        {problem ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={problem}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={give.isPending}>
          出具审核意见
        </Button>
      </Form>
    </Card>
  );
}

export function ExtensionForm(props: { review: Review }) {
  const { review } = props;
  const invalidate = useReviewInvalidate(review.caseId);
  const extend = useMutation({
    mutationFn: (body: ExtensionBody) =>
      call(
        api.POST('/api/cases/{caseId}/review/extension', {
          params: { path: { caseId: review.caseId } },
          body,
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已批准延长审核期限');
      await invalidate();
    },
  });
  return (
    <Card title="延长审核期限" size="small">
      <Typography.Paragraph type="secondary">
        案件复杂、在期限内不能审核完毕的，由负责人批准延长；延长的天数以辖区规定为限。
        {review.extensionRule
          ? `本辖区：经${review.extensionRule.approverTitle}批准可延长${review.extensionRule.display}（${review.extensionRule.citation}）。`
          : ''}
      </Typography.Paragraph>
      {extend.error ? <ErrorAlert error={extend.error} title="未能延长" /> : null}
      <Form<{ reason: string; amount?: number }>
        layout="vertical"
        onFinish={(values) =>
          extend.mutate({
            reason: values.reason.trim(),
            ...(values.amount ? { amount: values.amount } : {}),
          })
        }
      >
        <Form.Item
          name="reason"
          label="延长理由"
          rules={[
            { required: true, whitespace: true, message: '请写明延长理由' },
            { min: 2, message: '理由至少 2 个字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="amount" label="延长天数（不填按辖区规定）">
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Space>
          <Button htmlType="submit" loading={extend.isPending}>
            批准延长
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
