// The review workspace of one case: the materials (case summary, evidence, the proposed decision
// and what was submitted) beside the classification, the checklist and the opinion; the head's
// extension; the history of earlier versions with their differences.
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { QueryState } from '../../shared/QueryState.tsx';
import { caseKindLabel, formatDateTime } from '../../shared/labels.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { Countdown } from '../home/panels.tsx';
import { ExtensionForm, OpinionForm, type Review } from './OpinionPanel.tsx';
import { RoundHistory, materialItems } from './RoundHistory.tsx';

// Reading a case outside its own officers is logged with a reason (access audit); a reviewer's
// reason is the review itself.
const ACCESS_REASON = '法制审核：审查送审材料';

const EVIDENCE_KINDS: Record<string, string> = {
  photo: '照片',
  audio: '录音',
  video: '录像',
  document: '书证',
  other: '其他',
};

function useCaseForReview(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'review-reading'],
    queryFn: () =>
      call(
        api.GET('/api/cases/{caseId}', {
          params: { path: { caseId }, query: { reason: ACCESS_REASON } },
        }),
      ),
  });
}

/** Whether the agency's profile requires lawyers' opinions to be recorded with the opinion. */
function useLawyersRequired(agencyId: string | undefined): boolean {
  const rules = useQuery({
    queryKey: ['rules', agencyId],
    enabled: agencyId !== undefined,
    queryFn: () =>
      call(
        api.GET('/api/agencies/{agencyId}/rules', {
          params: { path: { agencyId: agencyId ?? '' } },
        }),
      ),
  });
  const review: unknown = rules.data?.review;
  if (typeof review !== 'object' || review === null) return false;
  const rule: unknown = (review as Record<string, unknown>).lawyerOpinionRecorded;
  if (typeof rule !== 'object' || rule === null) return false;
  return (rule as Record<string, unknown>).effective === true;
}

function CaseSummary(props: { item: ReturnType<typeof useCaseForReview> }) {
  const { item } = props;
  return (
    <Card title="案件概况" size="small">
      <QueryState query={item}>
        {(c) => (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="案号">
              <Link to={`/cases/${c.id}`}>{c.caseNo}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="类别">
              {caseKindLabel(c.kind)}（{c.procedureLabel}）
            </Descriptions.Item>
            <Descriptions.Item label="状态">{c.stateLabel}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{c.filedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="当事人">
              {c.parties.map((p) => p.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="执法人员">
              {c.officers.map((o) => `${o.name}（${o.credentialNo}）`).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
      </QueryState>
    </Card>
  );
}

function EvidenceList(props: { caseId: string }) {
  const evidence = useQuery({
    queryKey: ['evidence', props.caseId, 'review-reading'],
    queryFn: () =>
      call(
        api.GET('/api/cases/{caseId}/evidence', {
          params: { path: { caseId: props.caseId }, query: { reason: ACCESS_REASON } },
        }),
      ),
  });
  return (
    <Card title="证据" size="small">
      <QueryState query={evidence}>
        {(list) =>
          list.length === 0 ? (
            <Empty description="本案尚无证据" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <List
              size="small"
              dataSource={list}
              renderItem={(e) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <span>
                      <Tag>{EVIDENCE_KINDS[e.kind] ?? e.kind}</Tag>
                      {e.isExemption ? '未作音像记录的说明' : (e.originalName ?? '（无文件名）')}
                      {e.isLate ? <Tag color="error">逾期上传</Tag> : null}
                    </span>
                    <Typography.Text type="secondary">
                      {e.uploadedByName ?? '—'} · {formatDateTime(e.uploadedAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

function Materials(props: { review: Review }) {
  const latest = [...props.review.rounds].sort((a, b) => b.roundNo - a.roundNo)[0];
  const items = latest ? materialItems(latest.materials) : [];
  return (
    <Card title="拟作出的决定与送审材料" size="small">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {props.review.proposalSummary || '（未拟定）'}
      </Typography.Paragraph>
      {items.length > 0 ? (
        <Collapse
          size="small"
          items={items.map((m) => ({
            key: m.code,
            label: (
              <>
                {m.label} {m.content === null ? <Tag color="error">缺</Tag> : null}
              </>
            ),
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {m.content ?? '未提交'}
              </Typography.Paragraph>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">尚未报送材料。</Typography.Text>
      )}
    </Card>
  );
}

function Classification(props: { review: Review }) {
  const c = props.review.classification;
  return (
    <Card
      title="是否属于重大执法决定"
      size="small"
      extra={c.isMajor ? <Tag color="volcano">重大</Tag> : <Tag>非重大</Tag>}
    >
      <Typography.Paragraph>{c.summary}</Typography.Paragraph>
      {c.matched.length > 0 ? (
        <List
          size="small"
          header={<Typography.Text strong>符合的目录情形</Typography.Text>}
          dataSource={c.matched}
          renderItem={(entry) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>{entry.label}</span>
                <Typography.Text type="secondary">依据：{entry.citation}</Typography.Text>
                {entry.conditions.map((cond) => (
                  <Typography.Text
                    key={cond.explanation}
                    type={cond.holds ? 'success' : 'secondary'}
                  >
                    {cond.holds ? '✓' : '✗'} {cond.explanation}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {c.unansweredFacts.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message="尚待办案人员声明的情形"
          description={c.unansweredFacts.map((f) => f.label).join('；')}
          style={{ marginTop: 8 }}
        />
      ) : null}
      <Collapse
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'checked',
            label: `已比对的全部目录情形（${c.checked.length} 项，规则包：${c.profile.name} ${c.profile.version}）`,
            children: (
              <List
                size="small"
                dataSource={c.checked}
                renderItem={(entry) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>
                        {entry.isMatched ? <Tag color="volcano">符合</Tag> : <Tag>不符合</Tag>}
                        {entry.label}
                      </span>
                      <Typography.Text type="secondary">
                        {entry.citation}：{entry.conditions.map((x) => x.explanation).join('；')}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function ReviewWorkspacePage() {
  const { caseId = '' } = useParams();
  const session = useSession();
  const review = useQuery({
    queryKey: ['review', caseId],
    queryFn: () => call(api.GET('/api/cases/{caseId}/review', { params: { path: { caseId } } })),
  });
  const caseItem = useCaseForReview(caseId);
  const lawyersRequired = useLawyersRequired(caseItem.data?.agencyId);
  const isReviewer = hasRole(session.data, 'reviewer');
  const isHead = hasRole(session.data, 'head');
  return (
    <QueryState query={review} rows={10}>
      {(data) => {
        const pending = data.rounds.find((r) => r.status === 'pending');
        return (
          <>
            <Typography.Title level={3}>法制审核：{data.caseNo}</Typography.Title>
            <Alert
              type={data.gate.canDecide ? 'success' : 'warning'}
              showIcon
              message={data.gate.message}
              description={
                pending ? (
                  <span>
                    第 {pending.roundNo} 次报送，审核期限：
                    <Countdown dueOn={pending.dueOn} isOverdue={pending.isOverdue} />
                    {data.pending?.workingDaysLeft !== null &&
                    data.pending?.workingDaysLeft !== undefined
                      ? `（剩余 ${data.pending.workingDaysLeft} 个工作日）`
                      : ''}
                    {data.timeLimit.display
                      ? ` 期限：${data.timeLimit.display}${data.timeLimit.citation ? `（${data.timeLimit.citation}）` : ''}`
                      : ''}
                  </span>
                ) : undefined
              }
              style={{ marginBottom: 16 }}
            />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  <CaseSummary item={caseItem} />
                  <Materials review={data} />
                  <EvidenceList caseId={caseId} />
                </Space>
              </Col>
              <Col xs={24} lg={12}>
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  <Classification review={data} />
                  {isReviewer && pending ? (
                    <OpinionForm review={data} lawyersRequired={lawyersRequired} />
                  ) : (
                    <Card title="审核要点" size="small">
                      <ol style={{ paddingLeft: 20, marginBottom: 0 }}>
                        {data.checklist.map((c) => (
                          <li key={c.code}>{c.label}</li>
                        ))}
                      </ol>
                      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                        可出具的审核意见：{data.outcomes.map((o) => o.label).join('、')}。
                        {pending ? '' : '目前没有待审核的报送。'}
                      </Typography.Paragraph>
                    </Card>
                  )}
                  {isHead && data.pending?.canExtend ? <ExtensionForm review={data} /> : null}
                  <Card title="意见分歧与责任" size="small">
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label="意见分歧处理">
                        {data.disagreementPath.label}
                      </Descriptions.Item>
                      {data.responsibility.map((step) => (
                        <Descriptions.Item key={`${step.step}-${step.at}`} label={step.label}>
                          {step.who}，{formatDateTime(step.at)}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  </Card>
                </Space>
              </Col>
            </Row>
            <Card title="审核记录与版本差异" style={{ marginTop: 16 }}>
              <RoundHistory rounds={data.rounds} />
            </Card>
          </>
        );
      }}
    </QueryState>
  );
}
