// The review record of a case as one answer: classification, gate, rounds with their countdowns,
// disputes and the responsibility chain (谁承办谁负责、谁审核谁负责、谁审批谁负责, XC 附件3 第十四条).
import { toDayNumber } from '../calendar/working-days.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { DISAGREEMENT_PATH_LABELS } from '../profile/profile.vocabulary.ts';
import { describeProposal, ROUND_KIND_LABELS } from './review.document.ts';
import { gateStatusOf, type ClassifiedProposal, type GateStatus } from './review.gate.ts';
import type { Dispute, Extension, GateCheck, Opinion, Round } from './review.repository.ts';
import { checklistFor } from './review.rules.ts';
import type { ReviewView } from './review.schemas.ts';

export interface ReviewRecord {
  rounds: Round[];
  opinions: Opinion[];
  disputes: Dispute[];
  extensions: Extension[];
  gateChecks: GateCheck[];
}

type RoundStatus = 'pending' | 'answered' | 'superseded';

export type DeadlineMap = Map<string, { dueOn: string | null; status: string }>;

/** The deadline a round is held to now: the extended one if the round was extended. */
export function currentDeadlineId(round: Round, extensions: readonly Extension[]): string {
  return extensions.find((e) => e.roundId === round.id)?.deadlineId ?? round.deadlineId;
}

export function countdown(dueOn: string | null, today: string, isPending: boolean) {
  if (!dueOn) return { daysLeft: null, isOverdue: false };
  const daysLeft = toDayNumber(dueOn) - toDayNumber(today);
  return { daysLeft, isOverdue: isPending && daysLeft < 0 };
}

export function gateOf(classified: ClassifiedProposal, record: ReviewRecord): GateStatus {
  if (!classified.classification.isMajor) return { state: 'not_major' };
  return gateStatusOf(record.rounds, record.opinions, record.disputes, classified.proposalHash);
}

function gateMessage(gate: GateStatus): { canDecide: boolean; message: string } {
  switch (gate.state) {
    case 'not_major':
      return { canDecide: true, message: '不属于重大执法决定，无需经法制审核' };
    case 'required':
      return {
        canDecide: false,
        message:
          gate.reason === 'proposal_changed'
            ? '拟作出的决定在报送审核后已变更，须重新报送法制审核'
            : '属于重大执法决定，尚未报送法制审核',
      };
    case 'pending':
      return { canDecide: false, message: '法制审核进行中，尚未出具审核意见' };
    case 'not_agreed':
      return {
        canDecide: false,
        message: `审核意见为“${gate.opinion.outcomeLabel}”，审核未通过的不得作出决定`,
      };
    case 'agreed':
      return { canDecide: true, message: '法制审核同意，可以作出决定' };
    case 'collective_decision':
      return {
        canDecide: true,
        message: '经复审仍未同意，已由负责人会议集体讨论决定；不采纳审核意见的责任由负责人承担',
      };
  }
}

export function buildReviewView(input: {
  caseId: string;
  caseNo: string;
  state: string;
  proposal: unknown;
  rules: EffectiveRules;
  classified: ClassifiedProposal;
  record: ReviewRecord;
  deadlines: DeadlineMap;
  today: string;
}): ReviewView {
  const { record, rules, classified, today } = input;
  const gate = gateOf(classified, record);
  const roundNo = new Map(record.rounds.map((r) => [r.id, r.roundNo]));
  const rounds = record.rounds.map((r, i) => {
    const opinion = record.opinions.find((o) => o.roundId === r.id) ?? null;
    const extension = record.extensions.find((e) => e.roundId === r.id) ?? null;
    const status: RoundStatus = opinion
      ? 'answered'
      : i < record.rounds.length - 1
        ? 'superseded'
        : 'pending';
    const dueOn = input.deadlines.get(currentDeadlineId(r, record.extensions))?.dueOn ?? r.dueOn;
    return {
      id: r.id,
      roundNo: r.roundNo,
      kind: r.kind,
      kindLabel: ROUND_KIND_LABELS[r.kind],
      status,
      proposalHash: r.proposalHash,
      proposalSummary: describeProposal(r.proposal),
      materials: r.materials,
      diff: r.diff,
      fixNote: r.fixNote,
      requestReason: r.requestReason,
      isMajor: r.isMajor,
      body: r.body,
      timeLimit: r.timeLimit,
      submittedByName: r.submittedByName,
      submittedOn: r.submittedOn,
      dueOn,
      ...countdown(dueOn, today, status === 'pending'),
      extension: extension && {
        amount: extension.amount,
        unit: extension.unit,
        reason: extension.reason,
        approverTitle: extension.approverTitle,
        approvedByName: extension.approvedByName,
        approvedOn: extension.approvedOn,
      },
      opinion: opinion && {
        id: opinion.id,
        outcome: opinion.outcome,
        outcomeLabel: opinion.outcomeLabel,
        isAgreement: opinion.isAgreement,
        reasons: opinion.reasons,
        checklist: opinion.checklist,
        lawyers: opinion.lawyers,
        reviewerName: opinion.reviewerName,
        givenOn: opinion.givenOn,
        isLate: opinion.isLate,
        documentHash: opinion.documentHash,
      },
    };
  });
  const hashOfRound = new Map(record.rounds.map((r) => [r.id, r.proposalHash]));
  const responsibility = [
    ...record.rounds.map((r) => ({
      step: r.kind,
      label: `承办：${ROUND_KIND_LABELS[r.kind]}（第 ${r.roundNo} 次）`,
      who: r.submittedByName,
      at: r.submittedAt.toISOString(),
      proposalHash: r.proposalHash,
      seq: r.ledgerSeq,
    })),
    ...record.extensions.map((e) => ({
      step: 'extension',
      label: `批准延长审核期限（${e.approverTitle}）`,
      who: e.approvedByName,
      at: e.approvedOn,
      proposalHash: hashOfRound.get(e.roundId) ?? null,
      seq: e.ledgerSeq,
    })),
    ...record.opinions.map((o) => ({
      step: 'opinion',
      label: `审核：${o.outcomeLabel}`,
      who: o.reviewerName,
      at: o.givenAt.toISOString(),
      proposalHash: hashOfRound.get(o.roundId) ?? null,
      seq: o.ledgerSeq,
    })),
    ...record.disputes.map((d) => ({
      step: d.kind,
      label: d.kind === 'objection' ? '承办机构提出异议' : '负责人处理审核意见分歧',
      who: d.recordedByName,
      at: d.recordedAt.toISOString(),
      proposalHash: d.proposalHash,
      seq: d.ledgerSeq,
    })),
    ...record.gateChecks.map((g) => ({
      step: 'decision',
      label: '审批：作出决定',
      who: g.checkedByName,
      at: g.checkedAt.toISOString(),
      proposalHash: g.proposalHash,
      seq: g.ledgerSeq,
    })),
  ]
    // The ledger's order is the order things happened, even within one transaction.
    .sort((x, y) => x.seq - y.seq)
    .map(({ seq: _seq, ...step }) => step);
  const path = rules.review.disagreementPath.effective;
  return {
    caseId: input.caseId,
    caseNo: input.caseNo,
    state: input.state,
    proposalSummary: describeProposal(input.proposal),
    classification: { proposalHash: classified.proposalHash, ...classified.classification },
    gate: { state: gate.state, ...gateMessage(gate) },
    outcomes: rules.review.outcomes.effective.map((o) => ({
      code: o.code,
      label: o.label,
      isAgreement: o.isAgreement,
      isReasonRequired: o.isReasonRequired || !o.isAgreement,
    })),
    checklist: checklistFor(classified.facts).map((c) => ({ code: c.code, label: c.label })),
    disagreementPath: { code: path, label: path ? DISAGREEMENT_PATH_LABELS[path] : '未规定' },
    rounds,
    disputes: record.disputes.map((d) => ({
      id: d.id,
      roundNo: roundNo.get(d.roundId) ?? 0,
      kind: d.kind,
      path: d.path,
      content: d.content,
      resolution: d.resolution,
      recordedByName: d.recordedByName,
      recordedAt: d.recordedAt.toISOString(),
    })),
    responsibility,
  };
}
