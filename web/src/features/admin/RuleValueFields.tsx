// The form fields of an override's value, by the kind of rule: a time limit (mode, amount, unit),
// a period, a yes/no requirement, a percentage, a day of the year, an approver or a list of codes.
// Ranges are the server's (profile.values.ts): amounts 0–3650 whole units, percent 0–100,
// month 1–12, day 1–31.
import { Col, Form, InputNumber, Radio, Row, Select } from 'antd';
import { APPROVER_LABELS, DEADLINE_MODES, UNIT_LABELS, type Editor } from './rule-values.ts';

const options = (labels: Readonly<Record<string, string>>, keys = Object.keys(labels)) =>
  keys.map((value) => ({ value, label: labels[value] ?? value }));

function AmountAndUnit(props: { editor: Editor & { units: readonly string[] } }) {
  return (
    <Row gutter={12}>
      <Col xs={12}>
        <Form.Item
          name={['value', 'amount']}
          label="期限数值"
          rules={[{ required: true, message: '请填写期限数值' }]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item name={['value', 'unit']} label="单位" rules={[{ required: true }]}>
          <Select options={options(UNIT_LABELS, [...props.editor.units])} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function RuleValueFields(props: { editor: Editor }) {
  const { editor } = props;
  const form = Form.useFormInstance();
  const mode = Form.useWatch(['value', 'mode'], form) as string | undefined;
  switch (editor.kind) {
    case 'deadline':
      return (
        <>
          <Form.Item name={['value', 'mode']} label="期限方式" rules={[{ required: true }]}>
            <Select options={options(DEADLINE_MODES)} />
          </Form.Item>
          {mode === 'within' ? <AmountAndUnit editor={editor} /> : null}
        </>
      );
    case 'duration':
      return <AmountAndUnit editor={editor} />;
    case 'flag':
      return (
        <Form.Item name={['value', 'flag']} label="是否要求" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: '要求' },
              { value: false, label: '不要求' },
            ]}
          />
        </Form.Item>
      );
    case 'percent':
      return (
        <Form.Item
          name={['value', 'number']}
          label="比例（%）"
          rules={[{ required: true, message: '请填写比例' }]}
        >
          <InputNumber min={0} max={100} style={{ width: '100%' }} addonAfter="%" />
        </Form.Item>
      );
    case 'annualDate':
      return (
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item
              name={['value', 'month']}
              label="月"
              rules={[{ required: true, message: '请填写月份' }]}
            >
              <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name={['value', 'day']}
              label="日"
              rules={[{ required: true, message: '请填写日期' }]}
            >
              <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'approver':
      return (
        <Form.Item name={['value', 'approver']} label="批准人" rules={[{ required: true }]}>
          <Select options={options(APPROVER_LABELS)} />
        </Form.Item>
      );
    case 'codes':
      return (
        <Form.Item name={['value', 'codes']} label="情形（可多选）">
          <Select mode="multiple" optionFilterProp="label" options={options(editor.vocabulary)} />
        </Form.Item>
      );
  }
}
