// The history of a review: every round (first review, resubmission after fixes, re-review), what
// was submitted, the opinion given and, from the second round on, what changed since the
// previous version of the proposed decision and materials (the server's field-by-field diff).
import { Collapse, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import type { Review } from './OpinionPanel.tsx';

type Round = Review['rounds'][number];

interface Change {
  part: string;
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

function isChange(value: unknown): value is Change {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.label === 'string';
}

export function plain(value: unknown): string {
  if (value === null || value === undefined) return '（无）';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  }
  if (Array.isArray(value)) return value.map(plain).join('、');
  return JSON.stringify(value);
}

/** Before and after with the differing middle marked: the common start and end stay plain. */
function InlineDiff(props: { before: string; after: string }) {
  const { before, after } = props;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  const head = before.slice(0, start);
  const removed = before.slice(start, before.length - end);
  const added = after.slice(start, after.length - end);
  const tail = before.slice(before.length - end);
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {head}
      {removed ? (
        <del style={{ background: '#fff1f0', color: '#a8071a' }} aria-label={`删除：${removed}`}>
          {removed}
        </del>
      ) : null}
      {added ? (
        <ins style={{ background: '#f6ffed', color: '#135200' }} aria-label={`新增：${added}`}>
          {added}
        </ins>
      ) : null}
      {tail}
    </span>
  );
}

/**
 * The server compares materials as a whole list ("items"); split such a change into one row per
 * material whose content differs, so the reviewer sees which material changed.
 */
function expand(change: Change): Change[] {
  if (change.field !== 'items') return [change];
  const before = new Map(materialItems({ items: change.before }).map((i) => [i.code, i]));
  const after = materialItems({ items: change.after });
  const rows = after
    .filter((i) => (before.get(i.code)?.content ?? null) !== i.content)
    .map((i) => ({
      part: change.part,
      field: `items.${i.code}`,
      label: i.label,
      before: before.get(i.code)?.content ?? null,
      after: i.content,
    }));
  return rows.length > 0 ? rows : [{ ...change, label: '送审材料' }];
}

function changesOf(diff: readonly unknown[]): Change[] {
  return diff.filter(isChange).flatMap(expand);
}

function DiffTable(props: { diff: readonly unknown[] }) {
  const changes = changesOf(props.diff);
  if (changes.length === 0) return <Typography.Text>与上一版本相同。</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey={(c) => `${c.part}.${c.field}`}
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={changes}
      aria-label="与上一版本的差异"
      columns={[
        {
          title: '内容',
          width: 160,
          render: (_: unknown, c) => (
            <>
              {c.label}
              <br />
              <Tag>{c.part === 'proposal' ? '拟作出的决定' : '送审材料'}</Tag>
            </>
          ),
        },
        { title: '上一版本', render: (_: unknown, c) => plain(c.before) },
        {
          title: '本版本（标出变化）',
          render: (_: unknown, c) => <InlineDiff before={plain(c.before)} after={plain(c.after)} />,
        },
      ]}
    />
  );
}

interface MaterialItem {
  code: string;
  label: string;
  content: string | null;
}

/** The submitted materials as the server stored them: {items: [{code, label, content}]}. */
export function materialItems(materials: unknown): MaterialItem[] {
  if (typeof materials !== 'object' || materials === null) return [];
  const items = (materials as Record<string, unknown>).items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const i = item as Record<string, unknown>;
    if (typeof i.code !== 'string' || typeof i.label !== 'string') return [];
    return [
      { code: i.code, label: i.label, content: typeof i.content === 'string' ? i.content : null },
    ];
  });
}

const STATUS: Record<Round['status'], { label: string; color: string }> = {
  pending: { label: '待审核', color: 'processing' },
  answered: { label: '已出具意见', color: 'success' },
  superseded: { label: '已被后续报送取代', color: 'default' },
};

function RoundBody(props: { round: Round }) {
  const r = props.round;
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="报送">
          {r.submittedByName}，{r.submittedOn}
        </Descriptions.Item>
        <Descriptions.Item label="审核机构">{r.body.name}</Descriptions.Item>
        <Descriptions.Item label="审核期限">
          {r.timeLimit.amount}
          {r.timeLimit.unit === 'working_days' ? '个工作日' : '日'}（{r.timeLimit.basis}）
        </Descriptions.Item>
        <Descriptions.Item label="期限届满">
          {r.dueOn ?? '—'} {r.isOverdue ? <Tag color="error">已超期</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="拟作出的决定" span={2}>
          {r.proposalSummary}
        </Descriptions.Item>
        {r.fixNote ? (
          <Descriptions.Item label="整改说明" span={2}>
            {r.fixNote}
          </Descriptions.Item>
        ) : null}
        {r.requestReason ? (
          <Descriptions.Item label="申请理由" span={2}>
            {r.requestReason}
          </Descriptions.Item>
        ) : null}
        {r.extension ? (
          <Descriptions.Item label="延长期限" span={2}>
            延长 {r.extension.amount}
            {r.extension.unit === 'working_days' ? '个工作日' : '日'}，理由：{r.extension.reason}（
            {r.extension.approverTitle}
            {r.extension.approvedByName}于{r.extension.approvedOn}批准）
          </Descriptions.Item>
        ) : null}
        {r.opinion ? (
          <Descriptions.Item label="审核意见" span={2}>
            <Tag color={r.opinion.isAgreement ? 'success' : 'warning'}>
              {r.opinion.outcomeLabel}
            </Tag>
            {r.opinion.reviewerName}，{r.opinion.givenOn}
            {r.opinion.isLate ? <Tag color="error">逾期出具</Tag> : null}
            {r.opinion.reasons ? <div>理由：{r.opinion.reasons}</div> : null}
            {r.opinion.instrument ? (
              <div>
                法制审核意见书 {r.opinion.instrument.docNo}：
                <a href={r.opinion.instrument.pdfUrl} target="_blank" rel="noreferrer">
                  查看 PDF
                </a>
              </div>
            ) : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {r.diff ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            与上一版本相比
          </Typography.Title>
          <DiffTable diff={r.diff} />
        </>
      ) : null}
    </>
  );
}

export function RoundHistory(props: { rounds: readonly Round[] }) {
  if (props.rounds.length === 0) return <Empty description="尚未报送法制审核" />;
  const rounds = [...props.rounds].sort((a, b) => b.roundNo - a.roundNo);
  return (
    <Collapse
      defaultActiveKey={rounds.slice(0, 1).map((r) => r.id)}
      items={rounds.map((r) => ({
        key: r.id,
        label: (
          <>
            第 {r.roundNo} 次：{r.kindLabel}（{r.submittedOn}）{' '}
            <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
            {r.diff && r.diff.length > 0 ? (
              <Tag color="orange">{changesOf(r.diff).length} 处变化</Tag>
            ) : null}
          </>
        ),
        children: <RoundBody round={r} />,
      }))}
    />
  );
}
