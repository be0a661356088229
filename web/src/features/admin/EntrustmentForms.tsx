// The two entrustment forms (委托执法, 《行政处罚法》第二十条: the written entrustment states the
// matters, the authority and the period): entrusting an organisation, and changing, ending or
// revoking an entrustment with the reason the server requires. Limits follow the server's
// CreateEntrustmentBody / UpdateEntrustmentBody.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Modal, Radio, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { creditCodeRule, fromIsoDate, requiredText, toIsoDate } from './form-rules.ts';
import { ENTRUSTMENT_STATUS_LABELS } from './labels.ts';

export type Entrustment = GetResponse<'/api/agencies/{agencyId}/entrustments'>[number];
type CreateBody =
  paths['/api/agencies/{agencyId}/entrustments']['post']['requestBody']['content']['application/json'];
type UpdateBody =
  paths['/api/entrustments/{id}']['patch']['requestBody']['content']['application/json'];

interface CreateValues extends Omit<CreateBody, 'startsOn' | 'endsOn'> {
  startsOn: Dayjs;
  endsOn: Dayjs;
}

interface ChangeValues {
  status: UpdateBody['status'];
  startsOn: Dayjs;
  endsOn: Dayjs;
  matters: string;
  legalBasis: string;
  terms: string;
  reason: string;
}

/** The server refuses an end before the start (INVALID_DATE_RANGE); so does the form. */
function endNotBefore(start: () => Dayjs | string | undefined): Rule {
  return {
    validator: (_rule, end: Dayjs | undefined) => {
      const from = start();
      const begin = typeof from === 'string' ? fromIsoDate(from) : from;
      return end && begin && end.isBefore(begin, 'day')
        ? Promise.reject(new Error('终止日期不能早于起始日期'))
        : Promise.resolve();
    },
  };
}

/** What the entrustment covers, on what basis and on which terms: the same in both forms. */
function EntrustmentTermsFields() {
  return (
    <>
      <Col xs={24}>
        <Form.Item name="matters" label="委托事项" rules={requiredText('请填写委托事项', 4000)}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="legalBasis"
          label="委托依据"
          rules={requiredText('请填写委托所依据的法律、法规、规章', 1000)}
        >
          <Input.TextArea autoSize={{ minRows: 1 }} maxLength={1000} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="terms"
          label="委托权限与责任"
          rules={requiredText('请填写委托的权限、责任与监督', 4000)}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Col>
    </>
  );
}

/** The period of the entrustment; the end may not precede the start in either form. */
function EntrustmentPeriodFields() {
  const form = Form.useFormInstance<{ startsOn?: Dayjs }>();
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item
          name="startsOn"
          label="委托起始日期"
          rules={[{ required: true, message: '请选择委托起始日期' }]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="endsOn"
          label="委托终止日期"
          dependencies={['startsOn']}
          rules={[
            { required: true, message: '请选择委托终止日期' },
            endNotBefore(() => form.getFieldValue('startsOn') as Dayjs | undefined),
          ]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Col>
    </>
  );
}

export function NewEntrustmentModal(props: {
  agencyId: string;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      call(
        api.POST('/api/agencies/{agencyId}/entrustments', {
          params: { path: { agencyId: props.agencyId } },
          body: {
            entrustedName: values.entrustedName.trim(),
            entrustedCreditCode: values.entrustedCreditCode.trim(),
            matters: values.matters.trim(),
            legalBasis: values.legalBasis.trim(),
            terms: values.terms.trim(),
            startsOn: toIsoDate(values.startsOn),
            endsOn: toIsoDate(values.endsOn),
          },
        }),
      ),
    onSuccess: async (entrustment) => {
      notifySuccess(`已委托“${entrustment.entrustedName}”`);
      form.resetFields();
      props.onClose();
      await queryClient.invalidateQueries({ queryKey: ['entrustments', props.agencyId] });
    },
  });
  return (
    <Modal
      open={props.open}
      title="新增委托执法"
      width={720}
      okText="确认委托"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {create.error ? <ErrorAlert error={create.error} title="未能新增委托执法" /> : null}
      <Form<CreateValues>
        name="entrustment"
        form={form}
        layout="vertical"
        onFinish={(values) => create.mutate(values)}
        style={{ marginTop: 12 }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="entrustedName"
              label="受委托组织"
              rules={requiredText('请填写受委托组织名称', 100)}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="entrustedCreditCode"
              label="受委托组织统一社会信用代码"
              rules={[{ required: true, message: '请填写统一社会信用代码' }, creditCodeRule]}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <EntrustmentTermsFields />
          <EntrustmentPeriodFields />
        </Row>
      </Form>
    </Modal>
  );
}

/** Only what changed, with the reason; the server needs at least one change besides it. */
function changeBody(current: Entrustment, v: ChangeValues): UpdateBody | null {
  const body: Omit<UpdateBody, 'reason'> = {};
  if (v.status !== current.status) body.status = v.status;
  if (toIsoDate(v.startsOn) !== current.startsOn) body.startsOn = toIsoDate(v.startsOn);
  if (toIsoDate(v.endsOn) !== current.endsOn) body.endsOn = toIsoDate(v.endsOn);
  if (v.matters.trim() !== current.matters) body.matters = v.matters.trim();
  if (v.legalBasis.trim() !== current.legalBasis) body.legalBasis = v.legalBasis.trim();
  if (v.terms.trim() !== current.terms) body.terms = v.terms.trim();
  return Object.keys(body).length === 0 ? null : { ...body, reason: v.reason.trim() };
}

export function ChangeEntrustmentModal(props: {
  entrustment: Entrustment | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChangeValues>();
  const current = props.entrustment;
  const change = useMutation({
    mutationFn: (body: UpdateBody) =>
      call(
        api.PATCH('/api/entrustments/{id}', { params: { path: { id: current?.id ?? '' } }, body }),
      ),
    onSuccess: async (updated) => {
      notifySuccess(`已变更对“${updated.entrustedName}”的委托`);
      props.onClose();
      await queryClient.invalidateQueries({ queryKey: ['entrustments', updated.agencyId] });
    },
  });
  return (
    <Modal
      open={current !== null}
      title={current ? `变更或终止委托：${current.entrustedName}` : ''}
      width={640}
      okText="确认变更"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {change.error ? <ErrorAlert error={change.error} title="未能变更委托执法" /> : null}
      {current ? (
        <Form<ChangeValues>
          name="entrustment-change"
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{
            ...current,
            startsOn: fromIsoDate(current.startsOn),
            endsOn: fromIsoDate(current.endsOn),
          }}
          onFinish={(values) => {
            const body = changeBody(current, values);
            if (body) change.mutate(body);
            else form.setFields([{ name: 'status', errors: ['没有需要变更的内容'] }]);
          }}
        >
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="status" label="委托状态" rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={Object.entries(ENTRUSTMENT_STATUS_LABELS).map(([value, label]) => ({
                    value,
                    label,
                  }))}
                />
              </Form.Item>
            </Col>
            <EntrustmentPeriodFields />
            <EntrustmentTermsFields />
            <Col xs={24}>
              <Form.Item
                name="reason"
                label="变更理由"
                rules={requiredText('变更、终止或撤销委托须说明理由', 1000)}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : null}
    </Modal>
  );
}
