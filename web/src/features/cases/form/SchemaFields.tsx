// Renders the fields of one object schema as antd form items: text, numbers, dates, switches,
// selects, nested groups and lists of objects, each labelled with the schema's Chinese title
// and validated with the schema's own limits.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  TimePicker,
  type FormRule,
} from 'antd';
import type { ReactNode } from 'react';
import { enumLabel } from './labels.ts';
import { asSchema, fieldKind, unwrapNullable, type JsonSchema } from './schema.ts';

export interface FieldContext {
  /** Options for fields holding a person of the case (personId). */
  people: { value: string; label: string }[];
  /** Options for credential numbers of the case's officers. */
  credentials: { value: string; label: string }[];
}

type NamePath = (string | number)[];

function rulesFor(schema: JsonSchema, required: boolean, label: string): FormRule[] {
  const rules: FormRule[] = [];
  const kind = fieldKind(schema);
  if (required && kind !== 'boolean') {
    rules.push({ required: true, message: `请填写${label}` });
  }
  if (kind === 'string' || kind === 'text') {
    if (schema.minLength !== undefined && schema.minLength > 1) {
      rules.push({ min: schema.minLength, message: `${label}至少 ${schema.minLength} 个字` });
    }
    if (schema.maxLength !== undefined) {
      rules.push({ max: schema.maxLength, message: `${label}不能超过 ${schema.maxLength} 个字` });
    }
    if (schema.pattern) {
      rules.push({ pattern: new RegExp(schema.pattern, 'u'), message: `${label}格式不正确` });
    }
    rules.push({ whitespace: true, message: `${label}不能为空白` });
  }
  if (kind === 'number' || kind === 'integer') {
    if (schema.minimum !== undefined) {
      rules.push({
        type: 'number',
        min: schema.minimum,
        message: `${label}不能小于 ${schema.minimum}`,
      });
    }
    if (schema.maximum !== undefined) {
      rules.push({
        type: 'number',
        max: schema.maximum,
        message: `${label}不能大于 ${schema.maximum}`,
      });
    }
  }
  if (kind === 'enumList' || kind === 'stringList' || kind === 'objectList') {
    if (schema.minItems !== undefined && schema.minItems > (required ? 1 : 0)) {
      rules.push({
        type: 'array',
        min: schema.minItems,
        message: `${label}至少 ${schema.minItems} 项`,
      });
    }
    if (schema.maxItems !== undefined) {
      rules.push({
        type: 'array',
        max: schema.maxItems,
        message: `${label}最多 ${schema.maxItems} 项`,
      });
    }
  }
  return rules;
}

function idOf(name: NamePath): string {
  return `field-${name.join('-')}`;
}

function control(key: string, schema: JsonSchema, name: NamePath, ctx: FieldContext): ReactNode {
  const id = idOf(name);
  const labels = schema['x-enumLabels'];
  switch (fieldKind(schema)) {
    case 'text':
      return (
        <Input.TextArea
          id={id}
          autoSize={{ minRows: 2, maxRows: 8 }}
          showCount={!!schema.maxLength}
          maxLength={schema.maxLength}
        />
      );
    case 'date':
      return <DatePicker id={id} style={{ width: '100%' }} />;
    case 'datetime':
      return (
        <DatePicker
          id={id}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      );
    case 'time':
      return <TimePicker id={id} format="HH:mm" style={{ width: '100%' }} />;
    case 'number':
    case 'integer':
      return (
        <InputNumber
          id={id}
          style={{ width: '100%' }}
          min={schema.minimum}
          max={schema.maximum}
          precision={
            fieldKind(schema) === 'integer' ? 0 : schema.multipleOf === 0.01 ? 2 : undefined
          }
        />
      );
    case 'boolean':
      return <Switch id={id} checkedChildren="是" unCheckedChildren="否" />;
    case 'enum':
      return (
        <Select
          id={id}
          allowClear
          placeholder="请选择"
          options={(schema.enum ?? []).map((v) => ({
            value: String(v),
            label: enumLabel(v, labels),
          }))}
        />
      );
    case 'enumList': {
      const items = unwrapNullable(asSchema(schema.items)).schema;
      return (
        <Select
          id={id}
          mode="multiple"
          allowClear
          placeholder="请选择（可多选）"
          options={(items.enum ?? []).map((v) => ({
            value: String(v),
            label: enumLabel(v, items['x-enumLabels']),
          }))}
        />
      );
    }
    case 'stringList':
      return <Select id={id} mode="tags" placeholder="输入后按回车添加" open={false} />;
    case 'string':
      if (key === 'personId' || key === 'supervisorPersonId') {
        return <Select id={id} placeholder="请选择人员" options={ctx.people} />;
      }
      if (key === 'credentialNo') {
        return <Select id={id} placeholder="请选择执法证号" options={ctx.credentials} />;
      }
      return <Input id={id} maxLength={schema.maxLength} />;
    case 'object':
    case 'objectList':
    case 'unknown':
      return <Input id={id} />;
  }
}

export function SchemaFields(props: { schema: JsonSchema; name?: NamePath; ctx: FieldContext }) {
  const base = props.name ?? [];
  const required = new Set(props.schema.required ?? []);
  return (
    <>
      {Object.entries(props.schema.properties ?? {}).map(([key, raw]) => {
        const { schema } = unwrapNullable(raw);
        const label = schema.title ?? raw.title ?? key;
        const name = [...base, key];
        const isRequired = required.has(key);
        const kind = fieldKind(schema);
        if (kind === 'object') {
          return (
            <Card
              key={key}
              size="small"
              title={label}
              style={{ marginBottom: 16 }}
              role="group"
              aria-label={label}
            >
              <SchemaFields schema={schema} name={name} ctx={props.ctx} />
            </Card>
          );
        }
        if (kind === 'objectList') {
          return (
            <ObjectList
              key={key}
              label={label}
              name={name}
              schema={schema}
              ctx={props.ctx}
              rules={rulesFor(schema, isRequired, label)}
            />
          );
        }
        return (
          <Form.Item
            key={key}
            name={name}
            label={label}
            htmlFor={idOf(name)}
            tooltip={
              schema.description &&
              schema.description !== label &&
              !/^(YYYY|UUID)/.test(schema.description)
                ? schema.description
                : undefined
            }
            valuePropName={kind === 'boolean' ? 'checked' : 'value'}
            rules={rulesFor(schema, isRequired, label)}
          >
            {control(key, schema, name, props.ctx)}
          </Form.Item>
        );
      })}
    </>
  );
}

function ObjectList(props: {
  label: string;
  name: NamePath;
  schema: JsonSchema;
  ctx: FieldContext;
  rules: FormRule[];
}) {
  const items = unwrapNullable(asSchema(props.schema.items)).schema;
  const listRules = props.rules.filter(
    (r) => typeof r === 'object' && 'type' in r && r.type === 'array',
  );
  return (
    <Card
      size="small"
      title={props.label}
      style={{ marginBottom: 16 }}
      role="group"
      aria-label={props.label}
    >
      <Form.List
        name={props.name}
        rules={listRules.map((rule) => ({
          validator: async (_: unknown, value: unknown[] | undefined) => {
            const count = value?.length ?? 0;
            const r = rule as { min?: number; max?: number; message?: string };
            if ((r.min !== undefined && count < r.min) || (r.max !== undefined && count > r.max)) {
              throw new Error(r.message);
            }
          },
        }))}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={`第 ${index + 1} 项`}
                style={{ marginBottom: 8 }}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={`删除${props.label}第 ${index + 1} 项`}
                  >
                    删除
                  </Button>
                }
              >
                <SchemaFields schema={items} name={[field.name]} ctx={props.ctx} />
              </Card>
            ))}
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                添加{props.label}
              </Button>
              <Form.ErrorList errors={errors} />
            </Space>
          </>
        )}
      </Form.List>
    </Card>
  );
}
