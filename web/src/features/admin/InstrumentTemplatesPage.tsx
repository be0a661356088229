// 文书模板: the instruments the system draws up, what each must contain by law (the required fields
// with their legal basis) and every field it prints; and the agency's 文号 pattern, with the number
// each kind of instrument gets under it.
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { caseKindLabel } from '../../shared/labels.ts';
import { agenciesWithRole, hasRole, useSession } from '../auth/session.ts';
import { AgencySelect, useSelectedAgency } from './AgencySelect.tsx';
import { NumberingCard, docNoOf, type Template } from './NumberingCard.tsx';

type Numbering = Parameters<typeof docNoOf>[0];

function Requirements(props: { template: Template }) {
  const { template } = props;
  const labelOf = (key: string) => template.fields.find((f) => f.key === key)?.label ?? key;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>法定必备内容</Typography.Text>
      {template.required.map((r) => (
        <div key={`${r.source.text}:${r.fields.join()}`}>
          <Space wrap size={[4, 4]}>
            {r.fields.map((f) => (
              <Tag key={f} color="blue">
                {labelOf(f)}
              </Tag>
            ))}
          </Space>
          <Typography.Text type="secondary">
            {r.condition ? ` ${r.condition}必备，` : ' '}依据：{r.source.text}
          </Typography.Text>
        </div>
      ))}
      <Typography.Text strong>文书栏目</Typography.Text>
      <Space wrap size={[4, 4]}>
        {template.fields.map((f) => (
          <Tag key={f.key}>{f.label}</Tag>
        ))}
      </Space>
    </Space>
  );
}

function TemplatesTable(props: { templates: readonly Template[]; numbering?: Numbering }) {
  return (
    <Table
      size="small"
      rowKey="kind"
      pagination={false}
      scroll={{ x: 820 }}
      dataSource={[...props.templates]}
      expandable={{ expandedRowRender: (t) => <Requirements template={t} /> }}
      columns={[
        { title: '文书', dataIndex: 'title', width: 220 },
        {
          title: '代码',
          width: 90,
          render: (_: unknown, t) => props.numbering?.kindCodes[t.kind] ?? t.code,
        },
        {
          title: '本机关文号示例',
          width: 220,
          render: (_: unknown, t) => (props.numbering ? docNoOf(props.numbering, t) : '—'),
        },
        {
          title: '适用案件',
          render: (_: unknown, t) =>
            t.caseKinds
              ? t.caseKinds.map((k) => <Tag key={k}>{caseKindLabel(k)}</Tag>)
              : '各类案件',
        },
        {
          title: '电子印章',
          width: 90,
          render: (_: unknown, t) => (t.isSealed ? <Tag color="red">加盖</Tag> : '不加盖'),
        },
        {
          title: '必备内容',
          width: 100,
          render: (_: unknown, t) =>
            `${new Set(t.required.flatMap((r) => r.fields)).size} 项 / ${t.fields.length} 栏`,
        },
      ]}
    />
  );
}

export default function InstrumentTemplatesPage() {
  const session = useSession();
  const { agency, agencies, select } = useSelectedAgency();
  const templates = useQuery({
    queryKey: ['instrument-templates'],
    queryFn: () => call(api.GET('/api/instrument-templates')),
    staleTime: 300_000,
  });
  // The numbering the table shows is the one NumberingCard loaded (same query key).
  const numbering = useQuery({
    queryKey: ['instrument-numbering', agency?.id],
    enabled: agency !== undefined,
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/instrument-numbering', {
          params: { path: { agencyId: agency?.id ?? '' } },
        }),
      ),
  });
  const canEdit =
    agency !== undefined &&
    (hasRole(session.data, 'admin') ||
      agenciesWithRole(session.data, 'head').some((a) => a.id === agency.id));
  return (
    <>
      <Typography.Title level={3}>文书模板</Typography.Title>
      <QueryState query={templates}>
        {(list) => (
          <>
            <Card title="文号格式" style={{ marginBottom: 16 }}>
              <QueryState query={agencies}>
                {(all) => <AgencySelect agencies={all} value={agency?.id} onChange={select} />}
              </QueryState>
              {agency ? (
                <NumberingCard agencyId={agency.id} templates={list} canEdit={canEdit} />
              ) : null}
            </Card>
            <Card title={`文书模板（${list.length} 种）`}>
              <Typography.Paragraph type="secondary">
                展开一行查看该文书的法定必备内容及其依据；缺少必备内容的文书系统不予制作。
              </Typography.Paragraph>
              <TemplatesTable templates={list} numbering={numbering.data} />
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
