// Users and roles: every account in the administrator's scope, its roles per agency, enabling or
// disabling it (a disabled user is signed out at once) and replacing its roles.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorAlert, QueryState } from '../../shared/QueryState.tsx';
import { notifySuccess } from '../../shared/notify.ts';
import { useAgencies } from './AgencySelect.tsx';
import { ROLE_LABELS, labelOf } from './labels.ts';

type User = GetResponse<'/api/users'>[number];
type RolesBody =
  paths['/api/users/{id}/roles']['put']['requestBody']['content']['application/json'];
type Grant = RolesBody['roles'][number];

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

function RolesModal(props: {
  user: User | null;
  agencies: { id: string; name: string }[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ roles: Grant[] }>();
  const save = useMutation({
    mutationFn: (body: RolesBody) =>
      call(
        api.PUT('/api/users/{id}/roles', { params: { path: { id: props.user?.id ?? '' } }, body }),
      ),
    onSuccess: async () => {
      notifySuccess('已保存角色');
      props.onClose();
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <Modal
      open={props.user !== null}
      title={props.user ? `设置角色：${props.user.displayName}` : ''}
      okText="保存角色"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
    >
      {save.error ? <ErrorAlert error={save.error} title="未能保存角色" /> : null}
      <Form<{ roles: Grant[] }>
        form={form}
        name="user-roles"
        layout="vertical"
        initialValues={{ roles: props.user?.roles ?? [] }}
        onFinish={(values) =>
          save.mutate({
            roles: values.roles.map((g) => ({
              role: g.role,
              agencyId: g.agencyId ?? null,
              regionId: g.regionId ?? null,
            })),
          })
        }
      >
        <Form.List
          name="roles"
          rules={[
            {
              validator: async (_, roles: Grant[] | undefined) => {
                if (!roles || roles.length === 0) throw new Error('至少保留一个角色');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'role']}
                    label={`角色 ${index + 1}`}
                    rules={[{ required: true, message: '请选择角色' }]}
                  >
                    <Select style={{ width: 160 }} options={ROLE_OPTIONS} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'agencyId']} label={`角色 ${index + 1} 的执法主体`}>
                    <Select
                      style={{ width: 260 }}
                      allowClear
                      placeholder="不限（管理员、监督人员）"
                      options={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label={`删除角色 ${index + 1}`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ role: 'officer', agencyId: null, regionId: null })}
              >
                添加角色
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const queryClient = useQueryClient();
  const agencies = useAgencies();
  const users = useQuery({ queryKey: ['users'], queryFn: () => call(api.GET('/api/users')) });
  const [editing, setEditing] = useState<User | null>(null);
  const toggle = useMutation({
    mutationFn: (v: { id: string; isActive: boolean }) =>
      call(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: v.id } },
          body: { isActive: v.isActive },
        }),
      ),
    onSuccess: async (user) => {
      notifySuccess(user.isActive ? `已启用 ${user.displayName}` : `已停用 ${user.displayName}`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, a.name]));
  return (
    <>
      <Typography.Title level={3}>用户与角色</Typography.Title>
      <Card>
        {toggle.error ? <ErrorAlert error={toggle.error} title="未能变更用户状态" /> : null}
        <QueryState query={users}>
          {(rows) => (
            <Table
              rowKey="id"
              scroll={{ x: 640 }}
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '登录名', dataIndex: 'username', width: 130 },
                { title: '姓名', dataIndex: 'displayName', width: 100 },
                {
                  title: '角色',
                  render: (_: unknown, u) => (
                    <Space wrap size={4}>
                      {u.roles.map((g) => (
                        <Tag
                          key={`${g.role}-${g.agencyId ?? ''}-${g.regionId ?? ''}`}
                          style={{ whiteSpace: 'normal' }}
                        >
                          {labelOf(ROLE_LABELS, g.role)}
                          {g.agencyId ? `·${agencyName.get(g.agencyId) ?? '执法主体'}` : ''}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: '启用',
                  width: 80,
                  render: (_: unknown, u) => (
                    <Switch
                      checked={u.isActive}
                      aria-label={`${u.displayName}是否启用`}
                      loading={toggle.isPending && toggle.variables.id === u.id}
                      onChange={(isActive) => toggle.mutate({ id: u.id, isActive })}
                    />
                  ),
                },
                {
                  title: '操作',
                  fixed: 'right',
                  width: 110,
                  render: (_: unknown, u) => (
                    <Button size="small" onClick={() => setEditing(u)}>
                      设置角色
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <RolesModal user={editing} agencies={agencies.data ?? []} onClose={() => setEditing(null)} />
    </>
  );
}
