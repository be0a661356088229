// Where a rule's value comes from: the cited passage (with the quoted text on hover), the law, or
// the agency's adjustment; and the tag naming how the effective value was chosen.
import { Popover, Tag, Typography } from 'antd';
import type { RuleSource } from './rules-view.ts';

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

export function BasisTag(props: { basis: string }) {
  const b = BASIS[props.basis] ?? { label: props.basis, color: 'default' };
  return <Tag color={b.color}>{b.label}</Tag>;
}

export function Source(props: { source: RuleSource | null | undefined }) {
  const source = props.source;
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
