// Profile viewer: the jurisdiction profiles (规则包) with their source documents, and for one agency
// every rule's effective value, where it comes from (the cited passage) and the agency's
// adjustments (tightened by the agency, loosened by an administrator) with their reasons.
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Collapse,
  Descriptions,
  Popover,
  Row,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { api, call, type GetResponse } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { formatDateTime } from '../../shared/labels.ts';
import { AgencySelect, useSelectedAgency } from './AgencySelect.tsx';
import { SECTION_LABELS, isResolvedRule, valueText, type ResolvedRule } from './rules-view.ts';

type Overrides = GetResponse<'/api/agencies/{agencyId}/rule-overrides'>['items'];

const BASIS: Record<string, { label: string; color: string }> = {
  statute: { label: '法律规定', color: 'purple' },
  declared: { label: '本地规定', color: 'blue' },
  national: { label: '适用国家规定', color: 'cyan' },
  national_stricter: { label: '国家规定更严', color: 'geekblue' },
  merged: { label: '本地与国家合并', color: 'blue' },
  agency_tightened: { label: '本机关从严调整', color: 'orange' },
  admin_loosened: { label: '管理员恢复本地规定', color: 'gold' },
  not_stated: { label: '均未规定', color: 'default' },
};

const OVERRIDE_KIND: Record<string, string> = {
  tighten: '从严',
  loosen: '放宽（恢复本地规定）',
  withdraw: '撤销调整',
};

function Source(props: { rule: ResolvedRule }) {
  const source = props.rule.source;
  if (!source) return <Typography.Text type="secondary">—</Typography.Text>;
  if (source.type === 'override') {
    return (
      <span>
        本机关调整：{source.reason}（{source.actorName}）
      </span>
    );
  }
  const text = `${source.document} ${source.article}`;
  if (source.type === 'seed' && source.quote) {
    return (
      <Popover content={<div style={{ maxWidth: 420 }}>{source.quote}</div>} title="原文摘录">
        <Typography.Link>{text}</Typography.Link>
      </Popover>
    );
  }
  return <span>{text}</span>;
}

function RulesTable(props: { agencyId: string }) {
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
        const sections = Object.entries(data).flatMap(([section, value]) => {
          if (section === 'agencyId' || section === 'profile') return [];
          if (typeof value !== 'object' || value === null) return [];
          const list = Object.values(value as Record<string, unknown>).filter(isResolvedRule);
          return list.length > 0 ? [{ section, list }] : [];
        });
        return (
          <>
            <Typography.Paragraph>
              适用规则包：<strong>{data.profile.name}</strong>（版本 {data.profile.version}，
              {data.profile.effectiveFrom} 起施行）
            </Typography.Paragraph>
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
                        render: (_: unknown, r) => {
                          const b = BASIS[r.basis] ?? { label: r.basis, color: 'default' };
                          return <Tag color={b.color}>{b.label}</Tag>;
                        },
                      },
                      { title: '出处', render: (_: unknown, r) => <Source rule={r} /> },
                      {
                        title: '可调整',
                        width: 80,
                        render: (_: unknown, r) => (r.isOverridable ? '是' : '否'),
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
  const { agency, agencies, select } = useSelectedAgency();
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
                    <RulesTable agencyId={agency.id} />
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
