// The next steps the server offers on this case (availableActions), and nothing else: each opens
// a form built from the action's input schema. A refusal keeps the form open with the server's
// message above it (and the global message), so the user can correct and retry.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Empty, Form, Grid, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import { fieldErrors } from '../../api/errors.ts';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { newIdempotencyKey, useIdempotencyKeys } from '../../shared/keys.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { SchemaFields, type FieldContext } from './form/SchemaFields.tsx';
import { asSchema, initialValues, toRequestObject, type JsonSchema } from './form/schema.ts';

type CaseView = GetResponse<'/api/cases/{caseId}'>;
type AvailableAction = CaseView['availableActions'][number];

export function useCaseAction(caseView: CaseView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { action: string; input: Record<string, unknown>; key: string }) =>
      call(
        api.POST('/api/cases/{caseId}/actions/{action}', {
          params: { path: { caseId: caseView.id, action: args.action } },
          body: { input: args.input, expectedVersion: caseView.version, idempotencyKey: args.key },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseView.id] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['timeline', caseView.id] });
      await queryClient.invalidateQueries({ queryKey: ['review', caseView.id] });
    },
  });
}

function fieldContext(caseView: CaseView): FieldContext {
  return {
    people: caseView.officers.map((o) => ({ value: o.personId, label: o.name })),
    credentials: caseView.officers.map((o) => ({
      value: o.credentialNo,
      label: `${o.credentialNo}（${o.name}）`,
    })),
  };
}

/** Lists of people default to the case's officers with their credentials. */
function prefill(caseView: CaseView) {
  return (key: string, schema: JsonSchema): unknown => {
    const properties = asSchema(schema.items).properties;
    if (schema.type === 'array' && properties?.personId) {
      return caseView.officers.map((o) => ({
        personId: o.personId,
        ...(properties.credentialNo ? { credentialNo: o.credentialNo } : {}),
      }));
    }
    return undefined;
  };
}

function ActionForm(props: { caseView: CaseView; action: AvailableAction; onDone: () => void }) {
  const { caseView, action } = props;
  const schema = asSchema(action.inputSchema);
  const [form] = Form.useForm<Record<string, unknown>>();
  // A retried submission after a lost answer is not applied twice; a corrected one is new.
  const keyFor = useIdempotencyKeys();
  const mutation = useCaseAction(caseView);
  const submit = (values: Record<string, unknown>) => {
    const input = toRequestObject(schema, values);
    mutation.mutate(
      { action: action.name, input, key: keyFor({ action: action.name, input }) },
      {
        onSuccess: () => {
          notifySuccess(`已办理：${action.label}`);
          props.onDone();
        },
        onError: (error) => {
          const problems = fieldErrors(error);
          form.setFields(
            problems.flatMap((p) => {
              const path = p.path
                .replace(/^\/?(body\/)?input\/?/, '')
                .split('/')
                .filter(Boolean);
              return path.length > 0 ? [{ name: path, errors: [p.message] }] : [];
            }),
          );
        },
      },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(schema, dayjs(), prefill(caseView))}
      onFinish={submit}
      scrollToFirstError
      disabled={mutation.isPending}
      aria-label={action.label}
    >
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={mutation.error} title="服务器拒绝了该操作" />
        </div>
      ) : null}
      <SchemaFields schema={schema} ctx={fieldContext(caseView)} />
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          提交：{action.label}
        </Button>
        <Button htmlType="button" onClick={props.onDone}>
          取消
        </Button>
      </Space>
    </Form>
  );
}

function hasFields(action: AvailableAction): boolean {
  return Object.keys(asSchema(action.inputSchema).properties ?? {}).length > 0;
}

function QuickAction(props: { caseView: CaseView; action: AvailableAction }) {
  const mutation = useCaseAction(props.caseView);
  const [key] = useState(newIdempotencyKey);
  return (
    <Popconfirm
      title={`确认${props.action.label}？`}
      okText="确认"
      cancelText="取消"
      onConfirm={() =>
        mutation.mutate(
          { action: props.action.name, input: {}, key },
          { onSuccess: () => notifySuccess(`已办理：${props.action.label}`) },
        )
      }
    >
      <Button loading={mutation.isPending}>{props.action.label}</Button>
    </Popconfirm>
  );
}

export function ActionsPanel(props: { caseView: CaseView }) {
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const screens = Grid.useBreakpoint();
  const actions = props.caseView.availableActions;
  return (
    <Card title="可办理事项" size="small">
      {actions.length === 0 ? (
        <Empty description="当前阶段没有您可以办理的事项" />
      ) : (
        <Space wrap>
          {actions.map((action) =>
            hasFields(action) ? (
              <Button key={action.name} type="primary" ghost onClick={() => setOpen(action)}>
                {action.label}
              </Button>
            ) : (
              <QuickAction key={action.name} caseView={props.caseView} action={action} />
            ),
          )}
        </Space>
      )}
      <Alert
        style={{ marginTop: 12 }}
        type="info"
        showIcon
        message="此处仅列出服务器允许您在当前阶段办理的事项；办理条件由服务器按法律规定核验。"
      />
      <Drawer
        title={open?.label}
        open={open !== null}
        onClose={() => setOpen(null)}
        width={screens.md ? 640 : '100%'}
        destroyOnClose
      >
        {open ? (
          <ActionForm caseView={props.caseView} action={open} onDone={() => setOpen(null)} />
        ) : null}
      </Drawer>
    </Card>
  );
}
