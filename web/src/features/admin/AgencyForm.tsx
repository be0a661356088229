// Creating an agency (执法主体) and changing it, for administrators. The fields and their limits
// follow the server's CreateAgencyBody / UpdateAgencyBody; region, credit code and kind are fixed
// once the agency exists (the server's update body has no such fields).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import type { Agency } from './AgencySelect.tsx';
import {
  blankToNull,
  creditCodeRule,
  emailRule,
  phoneRule,
  postcodeRule,
  requiredText,
} from './form-rules.ts';
import { AGENCY_KIND_LABELS } from './labels.ts';

type Region = GetResponse<'/api/regions'>[number];
type CreateBody = paths['/api/agencies']['post']['requestBody']['content']['application/json'];
type UpdateBody = NonNullable<
  paths['/api/agencies/{agencyId}']['patch']['requestBody']
>['content']['application/json'];

interface Values {
  regionId: string;
  name: string;
  shortName?: string;
  creditCode: string;
  kind: CreateBody['kind'];
  lawAreas: string[];
  jurisdictionArea: string;
  jurisdictionRegionIds: string[];
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
  supervisionPhone?: string;
  isActive: boolean;
}

/** "山东省 / 枣庄市 / 薛城区" for each region, from its ancestors. */
function regionOptions(regions: readonly Region[]) {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const fullName = (region: Region): string => {
    const parent = region.parentId ? byId.get(region.parentId) : undefined;
    return parent ? `${fullName(parent)} / ${region.name}` : region.name;
  };
  return regions
    .map((r) => ({ value: r.id, label: `${fullName(r)}（${r.code}）` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

const lawAreasRule = {
  validator: (_rule: unknown, value: unknown) => {
    const list = Array.isArray(value) ? (value as string[]) : [];
    if (list.length > 50) return Promise.reject(new Error('执法领域最多 50 项'));
    if (list.some((area) => area.trim() === '' || area.length > 50)) {
      return Promise.reject(new Error('每个执法领域 1 至 50 个字符'));
    }
    return Promise.resolve();
  },
};

function toValues(agency: Agency | undefined): Partial<Values> {
  if (!agency) return { lawAreas: [], jurisdictionRegionIds: [], isActive: true };
  return {
    ...agency,
    shortName: agency.shortName ?? '',
    address: agency.address ?? '',
    postcode: agency.postcode ?? '',
    phone: agency.phone ?? '',
    email: agency.email ?? '',
    supervisionPhone: agency.supervisionPhone ?? '',
  };
}

function createBody(v: Values): CreateBody {
  return {
    regionId: v.regionId,
    name: v.name.trim(),
    shortName: blankToNull(v.shortName),
    creditCode: v.creditCode.trim(),
    kind: v.kind,
    lawAreas: v.lawAreas.map((a) => a.trim()),
    jurisdictionArea: v.jurisdictionArea.trim(),
    jurisdictionRegionIds: v.jurisdictionRegionIds,
    address: blankToNull(v.address),
    postcode: blankToNull(v.postcode),
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
    supervisionPhone: blankToNull(v.supervisionPhone),
  };
}

/** Only what changed, so the ledger records the change itself. */
function updateBody(agency: Agency, v: Values): Partial<UpdateBody> {
  const next = createBody(v);
  const patch: Partial<UpdateBody> = {};
  const keys = [
    'name',
    'shortName',
    'lawAreas',
    'jurisdictionArea',
    'jurisdictionRegionIds',
    'address',
    'postcode',
    'phone',
    'email',
    'supervisionPhone',
  ] as const;
  for (const key of keys) {
    if (JSON.stringify(next[key]) !== JSON.stringify(agency[key])) {
      Object.assign(patch, { [key]: next[key] });
    }
  }
  if (v.isActive !== agency.isActive) patch.isActive = v.isActive;
  return patch;
}

export function AgencyDrawer(props: {
  open: boolean;
  /** The agency to change; absent to create one. */
  agency?: Agency;
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}) {
  const { agency } = props;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: () => call(api.GET('/api/regions')),
    staleTime: 300_000,
    enabled: props.open,
  });
  const save = useMutation({
    mutationFn: async (values: Values): Promise<Agency | null> => {
      if (!agency) return call(api.POST('/api/agencies', { body: createBody(values) }));
      const patch = updateBody(agency, values);
      if (Object.keys(patch).length === 0) return null;
      return call(
        api.PATCH('/api/agencies/{agencyId}', {
          params: { path: { agencyId: agency.id } },
          body: patch,
        }),
      );
    },
    onSuccess: async (saved) => {
      if (!saved) {
        props.onClose();
        return;
      }
      notifySuccess(agency ? `已保存“${saved.name}”的修改` : `已新增执法主体“${saved.name}”`);
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      props.onSaved(saved);
    },
  });
  const options = regionOptions(regions.data ?? []);
  const title = agency ? `修改执法主体：${agency.name}` : '新增执法主体';
  return (
    <Drawer
      open={props.open}
      title={title}
      width={720}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {agency ? '保存修改' : '新增执法主体'}
          </Button>
        </Space>
      }
    >
      {save.error ? (
        <ErrorAlert error={save.error} title={agency ? '未能保存修改' : '未能新增执法主体'} />
      ) : null}
      {regions.error ? <ErrorAlert error={regions.error} title="未能读取行政区划" /> : null}
      <Form<Values>
        name="agency"
        form={form}
        layout="vertical"
        initialValues={toValues(agency)}
        onFinish={(values) => save.mutate(values)}
        style={{ marginTop: 12 }}
      >
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label="名称" rules={requiredText('请填写执法主体名称', 100)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="shortName" label="简称" rules={[{ max: 50 }]}>
              <Input maxLength={50} placeholder="如 区市场监管局" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label="统一社会信用代码"
              rules={[{ required: true, message: '请填写统一社会信用代码' }, creditCodeRule]}
            >
              <Input maxLength={18} disabled={agency !== undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label="主体类型"
              rules={[{ required: true, message: '请选择主体类型' }]}
            >
              <Select
                disabled={agency !== undefined}
                options={Object.entries(AGENCY_KIND_LABELS).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="regionId"
              label="所属行政区划"
              rules={[{ required: true, message: '请选择所属行政区划' }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={regions.isPending}
                disabled={agency !== undefined}
                options={options}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="jurisdictionRegionIds"
              label="管辖区域（行政区划）"
              rules={[{ type: 'array', max: 100, message: '最多 100 个区划' }]}
            >
              <Select mode="multiple" optionFilterProp="label" options={options} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="jurisdictionArea"
              label="管辖范围"
              rules={requiredText('请填写管辖范围', 500)}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="lawAreas" label="执法领域（回车或顿号分隔）" rules={[lawAreasRule]}>
              <Select mode="tags" tokenSeparators={['、', '，', ',']} notFoundContent={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label="地址" rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="postcode" label="邮政编码" rules={[postcodeRule]}>
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label="联系电话" rules={[phoneRule]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="supervisionPhone" label="监督电话" rules={[phoneRule]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="email" label="电子邮箱" rules={[emailRule]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {agency ? (
            <Col xs={24}>
              <Form.Item name="isActive" label="启用" valuePropName="checked">
                <Switch checkedChildren="启用" unCheckedChildren="停用" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Drawer>
  );
}
