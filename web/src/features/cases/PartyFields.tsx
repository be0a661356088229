// One party's fields on the registration form: a person (ID number optional) or an organisation
// (统一社会信用代码 required), with the labels numbered so each field is reachable by its name.
import { MinusCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import type { Values } from './registration.ts';

export function PartyFields(props: { name: number; index: number; onRemove: () => void }) {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['parties', props.name, 'kind'], form);
  const n = props.index + 1;
  return (
    <Card
      size="small"
      type="inner"
      title={`当事人 ${n}`}
      style={{ marginBottom: 8 }}
      extra={
        <Button type="text" danger icon={<MinusCircleOutlined />} onClick={props.onRemove}>
          删除
        </Button>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item
            name={[props.name, 'kind']}
            label={`当事人 ${n} 类型`}
            rules={[{ required: true }]}
          >
            <Select
              options={[
                { value: 'organisation', label: '法人或其他组织' },
                { value: 'person', label: '自然人' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item
            name={[props.name, 'name']}
            label={`当事人 ${n} 名称`}
            rules={[{ required: true, message: '请填写当事人名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item
            name={[props.name, 'number']}
            label={kind === 'person' ? `当事人 ${n} 身份证号` : `当事人 ${n} 统一社会信用代码`}
            rules={kind === 'person' ? [] : [{ required: true, message: '请填写统一社会信用代码' }]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        {kind === 'person' ? null : (
          <Col xs={24} md={6}>
            <Form.Item name={[props.name, 'legalRepresentative']} label={`当事人 ${n} 法定代表人`}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={kind === 'person' ? 15 : 9}>
          <Form.Item name={[props.name, 'address']} label={`当事人 ${n} 地址`}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={[props.name, 'phone']} label={`当事人 ${n} 电话`}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
