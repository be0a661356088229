// Opening a review round (a submission, XC's re-review, or a reconsideration the head ordered):
// the time limit from the profile, its deadline in the deadlines module, the ledger entry and the
// write-once row, all in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor, Principal } from '../../shared/policy.ts';
import { periodEnd, periodOf } from '../cases/periods.ts';
import type { CaseSnapshot } from '../cases/workflow.ts';
import { decisionDueOn, type Suspension } from '../cases/workflows/penalty.rules.ts';
import { openDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { citeSource } from './review.catalog.ts';
import { reviewRepository as repo, type Round } from './review.repository.ts';
import type { RoundKind } from './review.tables.ts';

type Trx = Transaction<Database>;
export type TimeLimit = Round['timeLimit'];

/** The decision's own last day, for a review limit the agency sets inside it (SH 附件3 六). */
async function decisionDue(trx: Trx, snapshot: CaseSnapshot, rules: EffectiveRules, today: string) {
  if (snapshot.kind !== 'penalty' || !snapshot.filedOn) return null;
  const base = await periodEnd(
    trx,
    snapshot.filedOn,
    periodOf(rules.statute.decisionDeadline.effective, 'decisionDeadline'),
  );
  const extensions = (snapshot.details.extensions as { days: number }[] | undefined) ?? [];
  const suspensions = (snapshot.details.suspensions as Suspension[] | undefined) ?? [];
  return decisionDueOn(
    base,
    extensions.reduce((s, e) => s + e.days, 0),
    suspensions,
    today,
  );
}

/**
 * The review's time limit: the profile's (CY 5 working days, XC 5 days, NC 3 working days), or
 * where the profile leaves it to the agency (SH: within the decision's handling period; national:
 * not stated) the one the submission sets, which may not run past the decision's own deadline.
 */
export async function reviewTimeLimit(
  trx: Trx,
  snapshot: CaseSnapshot,
  rules: EffectiveRules,
  requested: { amount: number; unit: 'working_days' | 'days' } | undefined,
  today: string,
): Promise<TimeLimit> {
  const rule = rules.review.timeLimit;
  if (rule.effective?.mode === 'within') {
    const source = rule.source ? `（${citeSource(rule.source)}）` : '';
    return {
      amount: rule.effective.amount,
      unit: rule.effective.unit,
      ruleKey: rule.key,
      basis: `${rule.display ?? ''}${source}`,
    };
  }
  if (!requested) throw new AppError('REVIEW_TIME_LIMIT_REQUIRED');
  const due = await decisionDue(trx, snapshot, rules, today);
  if (due) {
    const reviewDue = await periodEnd(trx, today, requested);
    if (reviewDue > due) {
      throw new AppError('REVIEW_TIME_LIMIT_TOO_LONG', {
        message: `审核期限（至 ${reviewDue}）不得超出作出决定的办理期限（至 ${due}）`,
        details: { reviewDue, decisionDue: due },
      });
    }
  }
  const how = rule.display ?? '规则包未规定审核期限';
  return { ...requested, ruleKey: rule.key, basis: `机关确定（${how}）` };
}

export function deadlineUnit(unit: string): 'working_days' | 'days' {
  if (unit === 'working_days' || unit === 'days') return unit;
  throw new Error(`review time limit in unsupported unit ${unit}`);
}

const LEDGER_KINDS: Record<RoundKind, string> = {
  submission: 'review.submitted',
  re_review: 'review.re_review_requested',
  reconsideration: 'review.reconsideration_ordered',
};

export async function openRound(
  trx: Trx,
  actor: Actor,
  principal: Principal,
  r: {
    snapshot: CaseSnapshot;
    today: string;
    kind: RoundKind;
    roundNo: number;
    proposal: unknown;
    proposalHash: string;
    materials: Record<string, unknown>;
    materialsHash: string;
    diff: unknown[] | null;
    fixNote: string | null;
    requestReason: string | null;
    isMajor: boolean;
    classification: unknown;
    body: Round['body'];
    timeLimit: TimeLimit;
  },
): Promise<Round> {
  const id = randomUUID();
  const unit = deadlineUnit(r.timeLimit.unit);
  const deadline = await openDeadline(trx, actor, {
    agencyId: r.snapshot.agencyId,
    caseId: r.snapshot.id,
    subjectType: 'legal_review',
    subjectId: id,
    kind: 'review.opinion',
    ruleKey: r.timeLimit.ruleKey,
    unit,
    amount: r.timeLimit.amount,
    startOn: r.today,
    // A period in days ending on a day off ends on the next working day (reading of the general
    // rule on periods; periods in working days never end on a day off).
    rollsToWorkingDay: unit === 'days',
  });
  const round: Omit<Round, 'ledgerSeq'> = {
    id,
    caseId: r.snapshot.id,
    agencyId: r.snapshot.agencyId,
    roundNo: r.roundNo,
    kind: r.kind,
    proposal: r.proposal,
    proposalHash: r.proposalHash,
    materials: r.materials,
    materialsHash: r.materialsHash,
    diff: r.diff,
    fixNote: r.fixNote,
    requestReason: r.requestReason,
    isMajor: r.isMajor,
    body: r.body,
    timeLimit: r.timeLimit,
    deadlineId: deadline.id,
    dueOn: deadline.dueOn,
    submittedBy: principal.userId,
    submittedByName: principal.displayName,
    submittedOn: r.today,
    submittedAt: new Date(),
  };
  const ledgerSeq = await appendLedgerEntry(trx, actor, {
    kind: LEDGER_KINDS[r.kind],
    subjectType: 'legal_review',
    subjectId: id,
    agencyId: r.snapshot.agencyId,
    caseId: r.snapshot.id,
    payload: {
      roundNo: r.roundNo,
      kind: r.kind,
      proposalHash: r.proposalHash,
      materialsHash: r.materialsHash,
      classification: r.classification,
      body: r.body,
      timeLimit: r.timeLimit,
      dueOn: deadline.dueOn,
      diff: r.diff,
      fixNote: r.fixNote,
      requestReason: r.requestReason,
    },
  });
  const stored: Round = { ...round, ledgerSeq };
  await repo.insertRound(trx, stored);
  return stored;
}
