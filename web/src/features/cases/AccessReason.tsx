// 调阅监督: someone who does not handle a case states why they read it; the server records every
// reading with that reason. The reason is kept for the browser tab's session, per case.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';

const key = (caseId: string) => `sanxiang.access-reason.${caseId}`;

export function useAccessReason(caseId: string): [string | undefined, (reason: string) => void] {
  const [reason, setReason] = useState<string | undefined>(
    () => sessionStorage.getItem(key(caseId)) ?? undefined,
  );
  return [
    reason,
    (next: string) => {
      sessionStorage.setItem(key(caseId), next);
      setReason(next);
    },
  ];
}

export function AccessReasonForm(props: { message: string; onSubmit: (reason: string) => void }) {
  return (
    <Card title="调阅案件" style={{ maxWidth: 640 }}>
      <Alert type="info" showIcon message={props.message} style={{ marginBottom: 16 }} />
      <Form
        layout="vertical"
        onFinish={(values: { reason: string }) => props.onSubmit(values.reason.trim())}
      >
        <Form.Item
          name="reason"
          label="调阅事由"
          rules={[
            { required: true, whitespace: true, message: '请说明调阅事由' },
            { max: 500, message: '不超过 500 字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} placeholder="例如：法制审核" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          调阅
        </Button>
      </Form>
    </Card>
  );
}
