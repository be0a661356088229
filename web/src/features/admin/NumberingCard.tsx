// An agency's 文号 pattern (GET/PUT /instrument-numbering): abbreviation, pattern and, optionally,
// its own code for each kind of instrument, with a preview that follows every keystroke. Heads set
// their own agency's pattern, administrators any agency's; the server checks it again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Collapse, Descriptions, Form, Input, List, Row, Tag, Typography } from 'antd';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { NUMBERING_INVALID_MESSAGE, chinaYear, formatDocNo, isValidPattern } from './numbering.ts';

export type Template = GetResponse<'/api/instrument-templates'>[number];
type Numbering = GetResponse<'/api/agencies/{agencyId}/instrument-numbering'>;
type NumberingBody =
  paths['/api/agencies/{agencyId}/instrument-numbering']['put']['requestBody']['content']['application/json'];

interface Values {
  abbreviation: string;
  pattern: string;
  kindCodes: Record<string, string | undefined>;
}

// The kinds shown in the preview: the decision, the filing approval and the prior notice.
const PREVIEW_KINDS = ['penalty_decision', 'filing_approval', 'penalty_prior_notice'];

/** The number an instrument of each template would get under the given numbering. */
export function docNoOf(
  numbering: { abbreviation: string; pattern: string; kindCodes: Record<string, unknown> },
  template: Template,
  seq = 1,
): string {
  const own = numbering.kindCodes[template.kind];
  return formatDocNo(numbering.pattern, {
    abbr: numbering.abbreviation,
    code: typeof own === 'string' && own.trim() !== '' ? own.trim() : template.code,
    year: chinaYear(),
    seq,
  });
}

function Preview(props: { templates: readonly Template[] }) {
  const form = Form.useFormInstance<Values>();
  const abbreviation = (Form.useWatch('abbreviation', form) as string | undefined) ?? '';
  const pattern = (Form.useWatch('pattern', form) as string | undefined) ?? '';
  const kindCodes = (Form.useWatch('kindCodes', form) as Values['kindCodes'] | undefined) ?? {};
  const shown = props.templates.filter((t) => PREVIEW_KINDS.includes(t.kind));
  const isValid = isValidPattern(pattern);
  return (
    <div aria-live="polite" data-testid="numbering-preview">
      <Typography.Text strong>预览</Typography.Text>
      {isValid ? (
        <List
          size="small"
          dataSource={shown}
          renderItem={(t) => (
            <List.Item>
              <Typography.Text type="secondary">{t.title}</Typography.Text>
              <Typography.Text strong>
                {docNoOf({ abbreviation, pattern, kindCodes }, t)}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Paragraph type="warning">{NUMBERING_INVALID_MESSAGE}</Typography.Paragraph>
      )}
    </div>
  );
}

function NumberingForm(props: {
  agencyId: string;
  numbering: Numbering;
  templates: readonly Template[];
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: NumberingBody) =>
      call(
        api.PUT('/api/agencies/{agencyId}/instrument-numbering', {
          params: { path: { agencyId: props.agencyId } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      notifySuccess(`已保存文号格式，例如 ${saved.example}`);
      queryClient.setQueryData(['instrument-numbering', props.agencyId], saved);
    },
  });
  const onFinish = (values: Values) => {
    const kindCodes = Object.fromEntries(
      Object.entries(values.kindCodes ?? {}).flatMap(([kind, code]) =>
        code && code.trim() !== '' ? [[kind, code.trim()]] : [],
      ),
    );
    save.mutate({
      abbreviation: values.abbreviation.trim(),
      pattern: values.pattern.trim(),
      kindCodes,
    });
  };
  return (
    <Form<Values>
      name="numbering"
      form={form}
      layout="vertical"
      initialValues={props.numbering}
      onFinish={onFinish}
    >
      {save.error ? <ErrorAlert error={save.error} title="未能保存文号格式" /> : null}
      <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} xl={14}>
          <Form.Item
            name="abbreviation"
            label="机关简称"
            rules={[
              { required: true, whitespace: true, message: '请填写机关简称' },
              { max: 20, message: '不能超过 20 个字符' },
            ]}
          >
            <Input maxLength={20} placeholder="如 薛市监" />
          </Form.Item>
          <Form.Item
            name="pattern"
            label="文号格式"
            extra="可用：{abbr} 机关简称、{code} 文书代码、{year} 年份、{seq} 序号；须包含 {year} 和 {seq}"
            rules={[
              { required: true, whitespace: true, message: '请填写文号格式' },
              { min: 4, max: 60, message: '文号格式为 4 至 60 个字符' },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || isValidPattern(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(NUMBERING_INVALID_MESSAGE)),
              },
            ]}
          >
            <Input maxLength={60} placeholder="{abbr}{code}〔{year}〕{seq}号" />
          </Form.Item>
        </Col>
        <Col xs={24} xl={10}>
          <Preview templates={props.templates} />
        </Col>
      </Row>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'codes',
            label: '各类文书的代码（可选，留空使用默认代码）',
            forceRender: true,
            children: (
              <Row gutter={12}>
                {props.templates.map((t) => (
                  <Col key={t.kind} xs={24} md={12} xl={8}>
                    <Form.Item
                      name={['kindCodes', t.kind]}
                      label={t.title}
                      rules={[{ max: 10, message: '不能超过 10 个字符' }]}
                    >
                      <Input maxLength={10} placeholder={`默认：${t.code}`} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            ),
          },
        ]}
      />
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存文号格式
      </Button>
    </Form>
  );
}

export function NumberingCard(props: {
  agencyId: string;
  templates: readonly Template[];
  canEdit: boolean;
}) {
  const numbering = useQuery({
    queryKey: ['instrument-numbering', props.agencyId],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/instrument-numbering', {
          params: { path: { agencyId: props.agencyId } },
        }),
      ),
  });
  return (
    <QueryState query={numbering}>
      {(data) => (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="现行格式">
              <Typography.Text code>{data.pattern}</Typography.Text>
              {data.isDefault ? <Tag style={{ marginLeft: 8 }}>系统默认</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="示例">{data.example}</Descriptions.Item>
          </Descriptions>
          {props.canEdit ? (
            <NumberingForm
              key={`${props.agencyId}:${data.pattern}:${data.abbreviation}`}
              agencyId={props.agencyId}
              numbering={data}
              templates={props.templates}
            />
          ) : null}
        </>
      )}
    </QueryState>
  );
}
