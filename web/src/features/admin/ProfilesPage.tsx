// Profile viewer: the jurisdiction profiles (规则包) with their source documents, and for one agency
// every rule's effective value, where it comes from (the cited passage) and the agency's
// adjustments (tightened by the agency, loosened by an administrator) with their reasons.
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, call, type GetResponse } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { formatDateTime } from '../../shared/labels.ts';
import { agenciesWithRole, hasRole, useSession } from '../auth/session.ts';
import { AgencySelect, useSelectedAgency } from './AgencySelect.tsx';
import { OverrideDrawer } from './OverrideDrawer.tsx';
import { BasisTag, Source } from './RuleSource.tsx';
import { editorOf } from './rule-values.ts';
import { SECTION_LABELS, rulesBySection, valueText } from './rules-view.ts';

type Overrides = GetResponse<'/api/agencies/{agencyId}/rule-overrides'>['items'];

const OVERRIDE_KIND: Record<string, string> = {
  tighten: '从严',
  loosen: '放宽（恢复本地规定）',
  withdraw: '撤销调整',
};

function RulesTable(props: { agencyId: string; canOverride: boolean; isAdmin: boolean }) {
  // Each opening mounts a fresh form (key), prefilled for the rule it was opened with.
  const [adjusting, setAdjusting] = useState({ rule: null as string | null, open: false, n: 0 });
  const adjust = (rule: string | null) => setAdjusting((a) => ({ rule, open: true, n: a.n + 1 }));
  const rules = useQuery({
    queryKey: ['rules', props.agencyId],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/rules', {
          params: { path: { agencyId: props.agencyId } },
        }),
      ),
  });
  return (
    <QueryState query={rules} rows={8}>
      {(data) => {
        const sections = rulesBySection(data);
        const overridable = sections
          .map((s) => ({ ...s, list: s.list.filter((r) => editorOf(r.key) !== undefined) }))
          .filter((s) => s.list.length > 0);
        return (
          <>
            <Space
              wrap
              style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}
            >
              <Typography.Text>
                适用规则包：<strong>{data.profile.name}</strong>（版本 {data.profile.version}，
                {data.profile.effectiveFrom} 起施行）
              </Typography.Text>
              {props.canOverride ? (
                <Button icon={<EditOutlined />} onClick={() => adjust(null)}>
                  调整本机关规则
                </Button>
              ) : null}
            </Space>
            {props.canOverride ? (
              <OverrideDrawer
                key={adjusting.n}
                agencyId={props.agencyId}
                sections={overridable}
                initialRule={adjusting.rule}
                open={adjusting.open}
                isAdmin={props.isAdmin}
                onClose={() => setAdjusting((a) => ({ ...a, open: false }))}
              />
            ) : null}
            <Collapse
              defaultActiveKey={sections.slice(0, 1).map((s) => s.section)}
              items={sections.map(({ section, list }) => ({
                key: section,
                label: `${SECTION_LABELS[section] ?? section}（${list.length} 项）`,
                children: (
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    scroll={{ x: 860 }}
                    dataSource={list}
                    columns={[
                      { title: '规则', dataIndex: 'label', width: 220 },
                      {
                        title: '现行取值',
                        render: (_: unknown, r) => valueText(r),
                      },
                      {
                        title: '依据',
                        width: 150,
                        render: (_: unknown, r) => <BasisTag basis={r.basis} />,
                      },
                      { title: '出处', render: (_: unknown, r) => <Source source={r.source} /> },
                      {
                        title: '可调整',
                        width: 90,
                        render: (_: unknown, r) =>
                          props.canOverride && editorOf(r.key) ? (
                            <Button
                              size="small"
                              aria-label={`调整：${r.label}`}
                              onClick={() => adjust(r.key)}
                            >
                              调整
                            </Button>
                          ) : r.isOverridable ? (
                            '是'
                          ) : (
                            '否'
                          ),
                      },
                    ]}
                  />
                ),
              }))}
            />
          </>
        );
      }}
    </QueryState>
  );
}

function OverrideHistory(props: { agencyId: string }) {
  const overrides = useQuery({
    queryKey: ['rule-overrides', props.agencyId],
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/rule-overrides', {
          params: { path: { agencyId: props.agencyId } },
        }),
      ),
  });
  return (
    <QueryState query={overrides}>
      {(data) =>
        data.items.length === 0 ? (
          <Typography.Text type="secondary">本机关未调整任何规则。</Typography.Text>
        ) : (
          <Timeline
            items={data.items.map((o: Overrides[number]) => ({
              color: o.isActive ? 'blue' : 'gray',
              children: (
                <>
                  <Typography.Text strong>{o.ruleLabel}</Typography.Text>{' '}
                  <Tag>{OVERRIDE_KIND[o.kind] ?? o.kind}</Tag>
                  {o.isActive ? <Tag color="processing">现行</Tag> : null}
                  <div>理由：{o.reason}</div>
                  <Typography.Text type="secondary">
                    {o.actorName} · {formatDateTime(o.createdAt)} · 规则包 {o.profileVersion}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        )
      }
    </QueryState>
  );
}

export default function ProfilesPage() {
  const session = useSession();
  const { agency, agencies, select } = useSelectedAgency();
  const isAdmin = hasRole(session.data, 'admin');
  // Heads adjust their own agency's rules; administrators any agency's.
  const canOverride =
    agency !== undefined &&
    (isAdmin || agenciesWithRole(session.data, 'head').some((a) => a.id === agency.id));
  const profiles = useQuery({
    queryKey: ['profiles'],
    queryFn: () => call(api.GET('/api/profiles')),
    staleTime: 300_000,
  });
  return (
    <>
      <Typography.Title level={3}>制度配置</Typography.Title>
      <Card title="辖区规则包" style={{ marginBottom: 16 }}>
        <QueryState query={profiles}>
          {(data) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 720 }}
              dataSource={data.items}
              expandable={{
                expandedRowRender: (p) => (
                  <Descriptions size="small" column={1} bordered>
                    {p.sources.map((s) => (
                      <Descriptions.Item key={s.key} label={s.document}>
                        {s.title}（{s.issuer}，{s.issuedOn}）
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ),
              }}
              columns={[
                {
                  title: '名称',
                  render: (_: unknown, p) => (
                    <>
                      {p.name} {p.isDeployed ? <Tag color="success">本系统选用</Tag> : null}
                    </>
                  ),
                },
                { title: '版本', dataIndex: 'version', width: 110 },
                { title: '施行日期', dataIndex: 'effectiveFrom', width: 120 },
                {
                  title: '有效期至',
                  width: 120,
                  render: (_: unknown, p) => p.validUntil ?? '未规定',
                },
                { title: '依据文件', render: (_: unknown, p) => `${p.sources.length} 件` },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <QueryState query={agencies}>
        {(list) => (
          <>
            <AgencySelect agencies={list} value={agency?.id} onChange={select} />
            {agency ? (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={16}>
                  <Card title={`${agency.name}适用的规则`}>
                    <RulesTable agencyId={agency.id} canOverride={canOverride} isAdmin={isAdmin} />
                  </Card>
                </Col>
                <Col xs={24} xl={8}>
                  <Card title="本机关的调整记录">
                    <OverrideHistory agencyId={agency.id} />
                  </Card>
                </Col>
              </Row>
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}
