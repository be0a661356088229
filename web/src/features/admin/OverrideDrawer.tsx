// Adjusting one of the agency's rules (POST /rule-overrides): the rule's current value, where it
// comes from and what the local document and the national rules say, beside the new value and
// the reason. A head may tighten; only an administrator may loosen, and only back to the local
// document's value — the server judges, and its refusal is shown with the values it names.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { ApiError } from '../../api/errors.ts';
import { api, call } from '../../api/client.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { BasisTag, Source } from './RuleSource.tsx';
import { RuleValueFields } from './RuleValueFields.tsx';
import {
  UNIT_LABELS,
  describeValue,
  editorOf,
  fromFields,
  toFields,
  type DurationUnit,
  type OverrideBody,
  type OverridableRule,
  type ValueFields,
} from './rule-values.ts';
import { SECTION_LABELS, valueText, type CitedValue, type ResolvedRule } from './rules-view.ts';

export interface SectionRules {
  section: string;
  list: ResolvedRule[];
}

interface Values {
  rule: OverridableRule;
  value: ValueFields;
  reason: string;
}

function isCited(value: unknown): value is CitedValue {
  return typeof value === 'object' && value !== null && 'value' in value && 'source' in value;
}

/** A document's value of the rule with its citation (list rules: the entries' labels). */
function DocumentValue(props: { value: ResolvedRule['declared'] }) {
  const v = props.value;
  if (v === null || v === undefined)
    return <Typography.Text type="secondary">未规定</Typography.Text>;
  if (Array.isArray(v)) return <>{describeValue(v)}</>;
  if (!isCited(v)) return <>{describeValue(v)}</>;
  return (
    <Space direction="vertical" size={0}>
      <strong>{describeValue(v.value)}</strong>
      <Source source={v.source} />
    </Space>
  );
}

function RuleContext(props: { rule: ResolvedRule }) {
  const { rule } = props;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginBottom: 16 }}
      styles={{ label: { width: 130 } }}
      data-testid="override-rule-context"
    >
      <Descriptions.Item label="现行取值">
        <Space wrap>
          <strong>{valueText(rule)}</strong>
          <BasisTag basis={rule.basis} />
        </Space>
      </Descriptions.Item>
      {rule.shape === 'scalar' ? (
        <Descriptions.Item label="出处">
          <Source source={rule.source} />
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label="本地规定">
        <DocumentValue value={rule.declared} />
      </Descriptions.Item>
      <Descriptions.Item label="国家规定">
        <DocumentValue value={rule.national} />
      </Descriptions.Item>
      {rule.note ? <Descriptions.Item label="说明">{rule.note}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** What the server's refusal names besides its message: allowed units, the local value. */
function RefusalDetails(props: { error: unknown }) {
  const details = props.error instanceof ApiError ? props.error.details : undefined;
  if (typeof details !== 'object' || details === null) return null;
  const d = details as Record<string, unknown>;
  const lines: string[] = [];
  if (Array.isArray(d.allowedUnits)) {
    const units = d.allowedUnits.map((u) => UNIT_LABELS[u as DurationUnit] ?? String(u));
    lines.push(`该规则可使用的单位：${units.join('、')}`);
  }
  if ('declared' in d) lines.push(`本地规定的原值：${describeValue(d.declared)}`);
  if ('current' in d) lines.push(`规则包现行取值：${describeValue(d.current)}`);
  if (lines.length === 0) return null;
  return (
    <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function OverrideDrawer(props: {
  agencyId: string;
  sections: readonly SectionRules[];
  /** The rule to open with; the user may pick another. */
  initialRule: string | null;
  open: boolean;
  isAdmin: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const ruleKey = Form.useWatch('rule', form) ?? props.initialRule;
  const all = props.sections.flatMap((s) => s.list);
  const rule = all.find((r) => r.key === ruleKey);
  const editor = rule ? editorOf(rule.key) : undefined;

  const save = useMutation({
    mutationFn: (body: OverrideBody) =>
      call(
        api.POST('/api/agencies/{agencyId}/rule-overrides', {
          params: { path: { agencyId: props.agencyId } },
          body,
        }),
      ),
    onSuccess: async (override) => {
      notifySuccess(
        override.kind === 'withdraw'
          ? `已撤销对“${override.ruleLabel}”的调整`
          : `已调整“${override.ruleLabel}”`,
      );
      props.onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['rules', props.agencyId] }),
        queryClient.invalidateQueries({ queryKey: ['rule-overrides', props.agencyId] }),
      ]);
    },
  });

  const withdraw = async () => {
    const { reason } = await form.validateFields(['reason']).catch(() => ({ reason: null }));
    if (rule && typeof reason === 'string') {
      save.mutate({ rule: rule.key as OverridableRule, value: null, reason: reason.trim() });
    }
  };
  const initialEditor = props.initialRule ? editorOf(props.initialRule) : undefined;
  const initialRule = all.find((r) => r.key === props.initialRule);

  return (
    <Drawer
      open={props.open}
      title="调整本机关规则"
      width={640}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存调整
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="机关负责人可以从严调整本机关的规则；放宽仅限系统管理员，且只能恢复到本地规范性文件规定的原值。调整须说明理由，并记入全过程记录。"
      />
      {save.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={save.error} title="未能调整规则" />
          <RefusalDetails error={save.error} />
        </div>
      ) : null}
      <Form<Values>
        name="override"
        form={form}
        layout="vertical"
        initialValues={{
          rule: props.initialRule ?? undefined,
          value: initialEditor && initialRule ? toFields(initialEditor, initialRule.effective) : {},
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (!changed.rule) return;
          const next = all.find((r) => r.key === changed.rule);
          const nextEditor = editorOf(changed.rule);
          form.setFieldValue(
            'value',
            next && nextEditor ? toFields(nextEditor, next.effective) : {},
          );
          save.reset();
        }}
        onFinish={(values) => {
          if (!editor) return;
          save.mutate({
            rule: values.rule,
            value: fromFields(editor, values.value),
            reason: values.reason.trim(),
          });
        }}
      >
        <Form.Item name="rule" label="规则" rules={[{ required: true, message: '请选择规则' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择要调整的规则"
            options={props.sections.map((s) => ({
              label: SECTION_LABELS[s.section] ?? s.section,
              options: s.list.map((r) => ({ value: r.key, label: r.label })),
            }))}
          />
        </Form.Item>
        {rule ? <RuleContext rule={rule} /> : null}
        {editor ? <RuleValueFields key={rule?.key} editor={editor} /> : null}
        <Form.Item
          name="reason"
          label="调整理由"
          rules={[
            { required: true, whitespace: true, message: '调整辖区规则必须填写理由' },
            { max: 2000, message: '不能超过 2000 个字符' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        {rule?.override && (props.isAdmin || rule.override.kind === 'loosen') ? (
          <Space direction="vertical">
            <Typography.Text type="secondary">
              本机关现行调整：{rule.override.reason}（{rule.override.actorName}）
            </Typography.Text>
            <Button danger loading={save.isPending} onClick={() => void withdraw()}>
              撤销本机关的调整
            </Button>
          </Space>
        ) : null}
      </Form>
    </Drawer>
  );
}
