// What each kind of deadline is called, and whose it is. An agency's deadline passed is overdue
// (逾期); a party's right whose period passed (e.g. to ask for a hearing) has merely lapsed and is
// nobody's fault, so it never appears among the overdue.
import { chinaToday } from '../../shared/dates.ts';
import type { Deadline } from './deadlines.repository.ts';

export interface DeadlineKindInfo {
  label: string;
  /** Who must act by the due date. */
  bearer: 'agency' | 'party';
  /** A party's right, not a duty: its end is a lapse, not a delay. */
  isRight: boolean;
}

const agency = (label: string): DeadlineKindInfo => ({ label, bearer: 'agency', isRight: false });

export const DEADLINE_KINDS: Readonly<Record<string, DeadlineKindInfo>> = {
  'case.emergency_filing_approval': agency('先行启动执法程序后补报负责人批准'),
  'case.penalty_decision': agency('作出行政处罚决定'),
  'case.preservation_decision': agency('对先行登记保存的证据作出处理决定'),
  'case.decision_service': agency('送达行政处罚决定书'),
  'case.defence': { label: '当事人陈述、申辩', bearer: 'party', isRight: true },
  'case.hearing_request': { label: '当事人要求听证', bearer: 'party', isRight: true },
  // The party's time to prepare: the hearing may be held once it has run.
  'case.hearing_notice': { label: '听证通知送达后当事人准备听证', bearer: 'party', isRight: true },
  'case.payment': { label: '当事人缴纳罚没款', bearer: 'party', isRight: false },
  'case.permit_decision': agency('作出行政许可决定'),
  'case.coercion_measure': agency('查封、扣押（冻结）期限内作出处理决定'),
  'case.archive': agency('行政执法行为终结后立卷归档'),
  'review.opinion': agency('出具法制审核意见'),
  'evidence.av.upload': agency('音像记录存储至本单位专用存储器'),
  'disclosure.publish': agency('公示行政执法决定信息'),
  'disclosure.withdraw': agency('撤下或更正已公示的信息'),
  'disclosure.preDisclosureUpdate': agency('事前公开信息变更后及时更新'),
};

/** A kind this table does not name keeps its code as its label. */
export function kindInfo(kind: string): DeadlineKindInfo {
  return DEADLINE_KINDS[kind] ?? agency(kind);
}

/** Kinds whose passing is a lapse, not a delay. */
export const RIGHT_KINDS: readonly string[] = Object.entries(DEADLINE_KINDS)
  .filter(([, info]) => info.isRight)
  .map(([kind]) => kind);

export type DeadlineState = 'running' | 'overdue' | 'lapsed' | 'met' | 'missed' | 'cancelled';

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  running: '进行中',
  overdue: '已逾期',
  lapsed: '期限已届满',
  met: '按期完成',
  missed: '逾期完成',
  cancelled: '已撤销',
};

/** Whether an open deadline has passed at `now`: after its moment, or after its last day. */
export function isPast(deadline: Pick<Deadline, 'dueOn' | 'dueAt'>, now: Date): boolean {
  if (deadline.dueAt) return now.getTime() > deadline.dueAt.getTime();
  if (deadline.dueOn) return chinaToday(now) > deadline.dueOn;
  return false;
}

/** The state a reader sees, derived from the stored status and the clock (never from a timer). */
export function stateOf(deadline: Deadline, now: Date): DeadlineState {
  if (deadline.status !== 'open') return deadline.status;
  if (!isPast(deadline, now)) return 'running';
  return kindInfo(deadline.kind).isRight ? 'lapsed' : 'overdue';
}
