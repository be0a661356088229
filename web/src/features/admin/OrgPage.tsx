// Organisation tree: agencies grouped by region; for the chosen agency its details, its internal
// units as a tree and its entrustments. Administrators add and change agencies, units and
// entrustments here.
import { ApartmentOutlined, BankOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { useSelectedAgency, type Agency } from './AgencySelect.tsx';
import { AgencyDrawer } from './AgencyForm.tsx';
import { EntrustmentsCard } from './EntrustmentsCard.tsx';
import { AGENCY_KIND_LABELS, UNIT_KIND_LABELS, labelOf } from './labels.ts';

type Unit = GetResponse<'/api/agencies/{agencyId}/units'>[number];
type UnitBody =
  paths['/api/agencies/{agencyId}/units']['post']['requestBody']['content']['application/json'];

function agencyTree(agencies: readonly Agency[]): DataNode[] {
  const byRegion = new Map<string, Agency[]>();
  for (const agency of agencies) {
    byRegion.set(agency.regionName, [...(byRegion.get(agency.regionName) ?? []), agency]);
  }
  return [...byRegion].map(([region, list]) => ({
    key: `region:${region}`,
    title: region,
    selectable: false,
    children: list.map((a) => ({
      key: a.id,
      title: a.isActive ? a.name : `${a.name}（已停用）`,
      icon: <BankOutlined />,
      isLeaf: true,
    })),
  }));
}

function unitTree(units: readonly Unit[], parentId: string | null = null): DataNode[] {
  return units
    .filter((u) => u.parentUnitId === parentId)
    .map((u) => ({
      key: u.id,
      title: `${u.name}（${labelOf(UNIT_KIND_LABELS, u.kind)}${u.phone ? `，${u.phone}` : ''}）`,
      icon: <ApartmentOutlined />,
      children: unitTree(units, u.id),
    }));
}

function AddUnitForm(props: { agencyId: string; units: readonly Unit[] }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitBody>();
  const create = useMutation({
    mutationFn: (body: UnitBody) =>
      call(
        api.POST('/api/agencies/{agencyId}/units', {
          params: { path: { agencyId: props.agencyId } },
          body,
        }),
      ),
    onSuccess: async (unit) => {
      notifySuccess(`已新增内设机构“${unit.name}”`);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['units', props.agencyId] });
    },
  });
  return (
    <Form<UnitBody>
      name="unit"
      form={form}
      layout="vertical"
      initialValues={{ parentUnitId: null, kind: 'internal', phone: null }}
      onFinish={(values) => create.mutate({ ...values, phone: values.phone || null })}
    >
      {create.error ? <ErrorAlert error={create.error} title="未能新增内设机构" /> : null}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label="机构名称"
            rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label="机构类型" rules={[{ required: true }]}>
            <Select
              options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="parentUnitId" label="上级机构">
            <Select
              options={[
                { value: null, label: '（无，直属本机关）' },
                ...props.units.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        新增内设机构
      </Button>
    </Form>
  );
}

function AgencyDetail(props: { agency: Agency; canEdit: boolean }) {
  const { agency } = props;
  const [isEditing, setEditing] = useState(false);
  const units = useQuery({
    queryKey: ['units', agency.id],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/units', { params: { path: { agencyId: agency.id } } }),
      ),
  });
  return (
    <>
      <Card
        title={agency.name}
        style={{ marginBottom: 16 }}
        extra={
          props.canEdit ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          styles={{ label: { width: 110 } }}
        >
          <Descriptions.Item label="类型">
            {labelOf(AGENCY_KIND_LABELS, agency.kind)}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            {agency.isActive ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="简称">{agency.shortName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所在区划">{agency.regionName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{agency.creditCode}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{agency.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="执法领域" span={2}>
            {agency.lawAreas.length > 0
              ? agency.lawAreas.map((area) => <Tag key={area}>{area}</Tag>)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="管辖范围" span={2}>
            {agency.jurisdictionArea}
          </Descriptions.Item>
          <Descriptions.Item label="地址">{agency.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{agency.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="监督电话">{agency.supervisionPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="邮政编码">{agency.postcode ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="内设机构" style={{ marginBottom: 16 }}>
        <QueryState query={units}>
          {(list) => (
            <>
              {list.length > 0 ? (
                <Tree showIcon defaultExpandAll selectable={false} treeData={unitTree(list)} />
              ) : (
                <Empty description="尚未登记内设机构" />
              )}
              {props.canEdit ? (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    新增内设机构
                  </Typography.Title>
                  <AddUnitForm agencyId={agency.id} units={list} />
                </>
              ) : null}
            </>
          )}
        </QueryState>
      </Card>
      <EntrustmentsCard agencyId={agency.id} canEdit={props.canEdit} />
      {props.canEdit ? (
        <AgencyDrawer
          key={agency.updatedAt}
          open={isEditing}
          agency={agency}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}

export default function OrgPage() {
  const session = useSession();
  const { agency, agencies, select } = useSelectedAgency();
  const canEdit = hasRole(session.data, 'admin');
  const [isCreating, setCreating] = useState(false);
  return (
    <>
      <Typography.Title level={3}>组织机构</Typography.Title>
      <QueryState query={agencies}>
        {(list) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card
                title="执法主体"
                aria-label="执法主体树"
                extra={
                  canEdit ? (
                    <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                      新增执法主体
                    </Button>
                  ) : null
                }
              >
                <Tree
                  showIcon
                  defaultExpandAll
                  selectedKeys={agency ? [agency.id] : []}
                  onSelect={(keys) => {
                    const key = keys[0];
                    if (typeof key === 'string') select(key);
                  }}
                  treeData={agencyTree(list)}
                />
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              {agency ? (
                <AgencyDetail agency={agency} canEdit={canEdit} />
              ) : (
                <Empty description="没有可查看的执法主体" />
              )}
            </Col>
          </Row>
        )}
      </QueryState>
      {canEdit ? (
        <AgencyDrawer
          open={isCreating}
          onClose={() => setCreating(false)}
          onSaved={(created) => {
            setCreating(false);
            select(created.id);
          }}
        />
      ) : null}
    </>
  );
}
