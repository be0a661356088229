// Opinions of public lawyers or legal advisers taking part in the review (曹杨新村街道 requires
// them to be recorded with whether each was adopted; elsewhere they are optional). A
// non-adopted opinion needs the reason, as the server requires.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';

export interface LawyerValue {
  name: string;
  kind: 'public_lawyer' | 'legal_adviser';
  opinion: string;
  isAdopted: boolean;
  reasonNotAdopted?: string;
}

export const LAWYERS_REQUIRED_MESSAGE = '须记录公职律师或法律顾问的参与意见及其采纳情况';

export function LawyerFields(props: { required: boolean }) {
  return (
    <Form.List
      name="lawyers"
      rules={[
        {
          validator: async (_, value: LawyerValue[] | undefined) => {
            if (props.required && (!value || value.length === 0)) {
              throw new Error(LAWYERS_REQUIRED_MESSAGE);
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Card
          size="small"
          type="inner"
          title={
            props.required ? '公职律师、法律顾问意见（必填）' : '公职律师、法律顾问意见（如有）'
          }
          style={{ marginBottom: 16 }}
        >
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">尚未记录。</Typography.Paragraph>
          ) : null}
          {fields.map((field, index) => (
            <LawyerRow key={field.key} name={field.name} index={index} onRemove={remove} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'legal_adviser', isAdopted: true })}
          >
            添加意见
          </Button>
        </Card>
      )}
    </Form.List>
  );
}

function LawyerRow(props: { name: number; index: number; onRemove: (name: number) => void }) {
  const n = props.index + 1;
  const isAdopted = Form.useWatch(['lawyers', props.name, 'isAdopted']) as boolean | undefined;
  return (
    <Row gutter={12} align="top">
      <Col xs={24} md={8}>
        <Form.Item
          name={[props.name, 'name']}
          label={`第 ${n} 位：姓名`}
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[props.name, 'kind']} label={`第 ${n} 位：身份`}>
          <Select
            options={[
              { value: 'public_lawyer', label: '公职律师' },
              { value: 'legal_adviser', label: '法律顾问' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={20} md={6}>
        <Form.Item
          name={[props.name, 'isAdopted']}
          label={`第 ${n} 位：意见是否采纳`}
          valuePropName="checked"
        >
          <Switch checkedChildren="采纳" unCheckedChildren="未采纳" />
        </Form.Item>
      </Col>
      <Col xs={4} md={2}>
        <Button
          type="text"
          aria-label={`删除第 ${n} 位的意见`}
          icon={<MinusCircleOutlined />}
          onClick={() => props.onRemove(props.name)}
          style={{ marginTop: 30 }}
        />
      </Col>
      <Col xs={24}>
        <Form.Item
          name={[props.name, 'opinion']}
          label={`第 ${n} 位：意见`}
          rules={[
            { required: true, whitespace: true, message: '请填写意见' },
            { min: 2, message: '至少 2 个字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={8000} />
        </Form.Item>
      </Col>
      {isAdopted === false ? (
        <Col xs={24}>
          <Form.Item
            name={[props.name, 'reasonNotAdopted']}
            label={`第 ${n} 位：未采纳的理由`}
            rules={[
              {
                required: true,
                whitespace: true,
                message: '未采纳公职律师或法律顾问意见的，须说明理由',
              },
              { min: 2, message: '至少 2 个字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
