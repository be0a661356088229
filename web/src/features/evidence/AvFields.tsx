// The audio/video record's fields (DA/T 63 in spirit): device, officers present, start and end,
// place, whether the party was told, continuity and each interruption with its reason.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import { AV_ACTS, options } from './av.ts';

export function AvFields(props: { officers: { value: string; label: string }[] }) {
  const isContinuous = Form.useWatch<boolean | undefined>(['av', 'isContinuous']);
  return (
    <Card
      size="small"
      title="音像记录信息"
      role="group"
      aria-label="音像记录信息"
      style={{ marginBottom: 16 }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['av', 'act']} label="记录的执法行为">
            <Select allowClear showSearch optionFilterProp="label" options={options(AV_ACTS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['av', 'device']}
            label="记录设备编号"
            rules={[{ required: true, whitespace: true, message: '请填写记录设备编号' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['av', 'officerIds']}
            label="在场执法人员"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择在场执法人员' }]}
          >
            <Select mode="multiple" options={props.officers} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['av', 'place']}
            label="记录地点"
            rules={[{ required: true, whitespace: true, message: '请填写地点' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['av', 'period']}
            label="记录起止时间"
            rules={[{ required: true, message: '请选择起止时间' }]}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['av', 'isPartyNotified']} label="已告知当事人" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['av', 'isContinuous']} label="记录连续无中断" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
      {isContinuous === false ? (
        <Form.List
          name={['av', 'interruptions']}
          rules={[
            {
              validator: async (_: unknown, value: unknown[] | undefined) => {
                if (!value || value.length === 0) {
                  throw new Error('记录有中断的，须逐一登记中断的起止时间和原因');
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={`中断 ${index + 1}`}
                  style={{ marginBottom: 8 }}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                    >
                      删除
                    </Button>
                  }
                >
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'period']}
                        label={`中断 ${index + 1} 起止时间`}
                        rules={[{ required: true, message: '请选择中断起止时间' }]}
                      >
                        <DatePicker.RangePicker
                          showTime={{ format: 'HH:mm' }}
                          format="YYYY-MM-DD HH:mm"
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'reasonStatedIn']}
                        label={`中断 ${index + 1} 原因说明方式`}
                        rules={[{ required: true, message: '请选择说明方式' }]}
                      >
                        <Select
                          options={[
                            { value: 'recording', label: '在录音录像中说明' },
                            { value: 'written', label: '事后书面说明' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[field.name, 'reason']}
                        label={`中断 ${index + 1} 原因`}
                        rules={[{ required: true, whitespace: true, message: '请填写中断原因' }]}
                      >
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ reasonStatedIn: 'recording' })}
              >
                登记中断
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      ) : null}
    </Card>
  );
}
