// The review record of a case as one answer: classification, gate, rounds with their countdowns,
// disputes and the responsibility chain (谁承办谁负责、谁审核谁负责、谁审批谁负责, XC 附件3 第十四条).
import { toDayNumber, type WorkingDayCalendar } from '../calendar/working-days.ts';
import { WORKFLOWS } from '../cases/workflows/index.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { APPROVER_LABELS, DISAGREEMENT_PATH_LABELS } from '../profile/profile.vocabulary.ts';
import { citeSource } from './review.catalog.ts';
import { describeProposal, ROUND_KIND_LABELS } from './review.document.ts';
import { gateStatusOf, type ClassifiedProposal, type GateStatus } from './review.gate.ts';
import type { Dispute, Extension, GateCheck, Opinion, Round } from './review.repository.ts';
import { checklistFor, GENERAL_CHECKLIST } from './review.rules.ts';
import type { ReviewView } from './review.schemas.ts';

type OpinionView = NonNullable<ReviewView['rounds'][number]['opinion']>;

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

/** Working days from today to the due day (negative once past it); null without the calendar. */
function workingDaysBetween(
  calendar: WorkingDayCalendar | null,
  today: string,
  dueOn: string,
): number | null {
  if (!calendar) return null;
  try {
    return dueOn >= today
      ? calendar.countWorkingDays(today, dueOn)
      : -calendar.countWorkingDays(dueOn, today);
  } catch {
    // A year not loaded into the calendar: the countdown in calendar days still stands.
    return null;
  }
}

export function countdown(
  dueOn: string | null,
  today: string,
  isPending: boolean,
  calendar: WorkingDayCalendar | null = null,
) {
  if (!dueOn) return { dueOn, daysLeft: null, workingDaysLeft: null, isOverdue: false };
  const daysLeft = toDayNumber(dueOn) - toDayNumber(today);
  return {
    dueOn,
    daysLeft,
    workingDaysLeft: workingDaysBetween(calendar, today, dueOn),
    isOverdue: isPending && daysLeft < 0,
  };
}

/** The years a countdown to any of these days may need from the calendar. */
export function calendarYears(today: string, dueDays: readonly (string | null)[]) {
  const years = [today, ...dueDays.filter((d): d is string => d !== null)].map((d) =>
    Number(d.slice(0, 4)),
  );
  return { first: Math.min(...years), last: Math.max(...years) };
}

const actionLabels = new Map(
  WORKFLOWS.flatMap((w) => w.actions.map((a) => [`${w.kind}/${w.procedure}.${a.name}`, a.label])),
);

function instrumentLinks(instrument: { id: string; docNo: string } | null) {
  return (
    instrument && {
      ...instrument,
      pdfUrl: `/api/instruments/${instrument.id}/pdf`,
      docxUrl: `/api/instruments/${instrument.id}/docx`,
      verificationUrl: `/instruments/verify/${instrument.id}`,
    }
  );
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
  kind: string;
  procedure: string;
  state: string;
  proposal: unknown;
  rules: EffectiveRules;
  classified: ClassifiedProposal;
  record: ReviewRecord;
  deadlines: DeadlineMap;
  today: string;
  calendar: WorkingDayCalendar | null;
}): ReviewView {
  const { record, rules, classified, today, calendar } = input;
  const gate = gateOf(classified, record);
  const roundNo = new Map(record.rounds.map((r) => [r.id, r.roundNo]));
  // Versions of the proposed decision: a new number whenever its content (hash) changes.
  const versionOfHash = new Map<string, number>();
  for (const r of record.rounds) {
    if (!versionOfHash.has(r.proposalHash))
      versionOfHash.set(r.proposalHash, versionOfHash.size + 1);
  }
  const versionOf = (hash: string | null) => (hash ? (versionOfHash.get(hash) ?? null) : null);
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
      proposalVersion: versionOf(r.proposalHash) ?? 0,
      proposal: r.proposal,
      proposalSummary: describeProposal(r.proposal),
      materials: r.materials as ReviewView['rounds'][number]['materials'],
      diff: r.diff as ReviewView['rounds'][number]['diff'],
      fixNote: r.fixNote,
      requestReason: r.requestReason,
      isMajor: r.isMajor,
      body: r.body,
      timeLimit: r.timeLimit,
      submittedByName: r.submittedByName,
      submittedOn: r.submittedOn,
      submittedAt: r.submittedAt.toISOString(),
      ...countdown(dueOn, today, status === 'pending', calendar),
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
        checklist: opinion.checklist as OpinionView['checklist'],
        lawyers: opinion.lawyers as OpinionView['lawyers'],
        reviewerName: opinion.reviewerName,
        givenOn: opinion.givenOn,
        givenAt: opinion.givenAt.toISOString(),
        isLate: opinion.isLate,
        documentHash: opinion.documentHash,
        instrument: instrumentLinks(opinion.instrument),
      },
    };
  });
  const step = (
    x: { step: string; label: string; who: string; at: Date; seq: number },
    roundId: string | null,
    proposalHash: string | null,
  ) => ({
    step: x.step,
    label: x.label,
    who: x.who,
    at: x.at.toISOString(),
    roundNo: roundId ? (roundNo.get(roundId) ?? null) : null,
    proposalHash,
    proposalVersion: versionOf(proposalHash),
    ledgerSeq: x.seq,
  });
  const hashOfRound = new Map(record.rounds.map((r) => [r.id, r.proposalHash]));
  const kindKey = `${input.kind}/${input.procedure}`;
  const responsibility = [
    ...record.rounds.map((r) =>
      step(
        {
          step: r.kind,
          label: `承办：${ROUND_KIND_LABELS[r.kind]}（第 ${r.roundNo} 次）`,
          who: r.submittedByName,
          at: r.submittedAt,
          seq: r.ledgerSeq,
        },
        r.id,
        r.proposalHash,
      ),
    ),
    ...record.extensions.map((e) =>
      step(
        {
          step: 'extension',
          label: `批准延长审核期限（${e.approverTitle}）`,
          who: e.approvedByName,
          at: e.approvedAt,
          seq: e.ledgerSeq,
        },
        e.roundId,
        hashOfRound.get(e.roundId) ?? null,
      ),
    ),
    ...record.opinions.map((o) =>
      step(
        {
          step: 'opinion',
          label: `审核：${o.outcomeLabel}${o.instrument ? `（${o.instrument.docNo}）` : ''}`,
          who: o.reviewerName,
          at: o.givenAt,
          seq: o.ledgerSeq,
        },
        o.roundId,
        hashOfRound.get(o.roundId) ?? null,
      ),
    ),
    ...record.disputes.map((d) =>
      step(
        {
          step: d.kind,
          label: d.kind === 'objection' ? '承办机构提出异议' : '负责人处理审核意见分歧',
          who: d.recordedByName,
          at: d.recordedAt,
          seq: d.ledgerSeq,
        },
        d.roundId,
        d.proposalHash,
      ),
    ),
    ...record.gateChecks.map((g) =>
      step(
        {
          step: 'decision',
          label: `审批：${actionLabels.get(`${kindKey}.${g.action}`) ?? '作出决定'}`,
          who: g.checkedByName,
          at: g.checkedAt,
          seq: g.ledgerSeq,
        },
        null,
        g.proposalHash,
      ),
    ),
  ]
    // The ledger's order is the order things happened, even within one transaction.
    .sort((x, y) => x.ledgerSeq - y.ledgerSeq);
  const path = rules.review.disagreementPath.effective;
  const latest = rounds.at(-1);
  const extensionRule = rules.review.extension;
  const extension = extensionRule.effective?.mode === 'within' ? extensionRule.effective : null;
  const approver = rules.review.extensionApprover.effective ?? 'head';
  const latestRound = record.rounds.at(-1);
  const originalDue = latestRound
    ? (input.deadlines.get(latestRound.deadlineId)?.dueOn ?? latestRound.dueOn)
    : null;
  const generalCodes = new Set(GENERAL_CHECKLIST.map((c) => c.code));
  const timeLimit = rules.review.timeLimit;
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
      citation: citeSource(o.source),
    })),
    checklist: checklistFor(classified.facts).map((c) => ({
      code: c.code,
      label: c.label,
      group: generalCodes.has(c.code) ? ('general' as const) : ('decision_kind' as const),
    })),
    timeLimit: {
      display: timeLimit.display,
      citation: timeLimit.source ? citeSource(timeLimit.source) : null,
      isSetByAgency: timeLimit.effective?.mode !== 'within',
    },
    extensionRule: extension && {
      amount: extension.amount,
      unit: extension.unit,
      display: extensionRule.display ?? '',
      approverTitle: APPROVER_LABELS[approver],
      citation: extensionRule.source ? citeSource(extensionRule.source) : '',
    },
    pending:
      latest && latest.status === 'pending'
        ? {
            roundId: latest.id,
            roundNo: latest.roundNo,
            dueOn: latest.dueOn,
            daysLeft: latest.daysLeft,
            workingDaysLeft: latest.workingDaysLeft,
            isOverdue: latest.isOverdue,
            canExtend:
              extension !== null &&
              latest.extension === null &&
              originalDue !== null &&
              today <= originalDue,
          }
        : null,
    disagreementPath: { code: path, label: path ? DISAGREEMENT_PATH_LABELS[path] : '未规定' },
    rounds,
    disputes: record.disputes.map((d) => ({
      id: d.id,
      roundNo: roundNo.get(d.roundId) ?? 0,
      kind: d.kind,
      path: d.path,
      content: d.content as ReviewView['disputes'][number]['content'],
      resolution: d.resolution,
      recordedByName: d.recordedByName,
      recordedAt: d.recordedAt.toISOString(),
    })),
    responsibility,
  };
}
