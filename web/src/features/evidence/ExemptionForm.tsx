// 未作音像记录的情况说明: where the law allows no recording (high-risk sites, emergencies — the
// reasons the agency's profile admits), the officers record why, when and where instead.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { AV_ACTS, AV_EXEMPTIONS, STEPS, options } from './av.ts';

type Body =
  paths['/api/cases/{caseId}/evidence/exemptions']['post']['requestBody']['content']['application/json'];

interface Values {
  step: string;
  kind: Body['kind'];
  act?: Body['act'];
  reason: Body['reason'];
  explanation: string;
  occurredAt: Dayjs;
  place: string;
  officerIds: string[];
}

export function ExemptionForm(props: {
  caseId: string;
  officers: { value: string; label: string }[];
}) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/cases/{caseId}/evidence/exemptions', {
          params: { path: { caseId: props.caseId } },
          body: {
            step: v.step,
            kind: v.kind,
            ...(v.act ? { act: v.act } : {}),
            reason: v.reason,
            explanation: v.explanation.trim(),
            occurredAt: v.occurredAt.toISOString(),
            place: v.place.trim(),
            officerIds: v.officerIds,
          },
        }),
      ),
    onSuccess: async () => {
      notifySuccess('已登记未作音像记录的情况说明');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['evidence', props.caseId] });
    },
  });
  return (
    <Card title="未作音像记录的情况说明" size="small">
      {record.error ? <ErrorAlert error={record.error} title="登记未成功" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ step: 'investigate', kind: 'video' }}
        onFinish={(v) => record.mutate(v)}
        disabled={record.isPending}
      >
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="step" label="环节" rules={[{ required: true }]}>
              <Select options={STEPS} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label="未制作的记录" rules={[{ required: true }]}>
              <Select
                options={[
                  { value: 'video', label: '录像' },
                  { value: 'audio', label: '录音' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="act" label="执法行为">
              <Select allowClear showSearch optionFilterProp="label" options={options(AV_ACTS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="reason"
              label="理由"
              rules={[{ required: true, message: '请选择理由' }]}
            >
              <Select options={options(AV_EXEMPTIONS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="occurredAt"
              label="发生时间"
              rules={[{ required: true, message: '请选择时间' }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="place"
              label="地点"
              rules={[{ required: true, whitespace: true, message: '请填写地点' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="officerIds"
              label="在场执法人员"
              rules={[{ required: true, type: 'array', min: 1, message: '请选择在场执法人员' }]}
            >
              <Select mode="multiple" options={props.officers} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="explanation"
              label="具体情况说明"
              rules={[{ required: true, whitespace: true, message: '请说明具体情况' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" loading={record.isPending}>
          登记情况说明
        </Button>
      </Form>
    </Card>
  );
}
