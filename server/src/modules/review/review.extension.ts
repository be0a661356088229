// Extending a review's time limit when the case is complex (CY 5+3 and NC 3+2 working days, XC
// 5+3 days): once per round, before the limit runs out, by the profile's approver, within the
// profile's length. The extension lengthens the same period, so its deadline replaces the first.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor, Principal } from '../../shared/policy.ts';
import type { CaseSnapshot } from '../cases/workflow.ts';
import { closeDeadline, openDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { APPROVER_LABELS } from '../profile/profile.vocabulary.ts';
import { reviewRepository as repo } from './review.repository.ts';
import { deadlineUnit } from './review.rounds.ts';
import type { ExtensionInput } from './review.schemas.ts';

export async function extendRound(
  trx: Transaction<Database>,
  actor: Actor,
  principal: Principal,
  a: { snapshot: CaseSnapshot; rules: EffectiveRules; input: ExtensionInput; today: string },
): Promise<void> {
  const { snapshot, rules, input, today } = a;
  const round = (await repo.listRounds(trx, snapshot.id)).at(-1);
  const opinions = await repo.listOpinions(trx, snapshot.id);
  if (!round || opinions.some((o) => o.roundId === round.id)) {
    throw new AppError('REVIEW_NOT_PENDING');
  }
  const rule = rules.review.extension.effective;
  if (rule?.mode !== 'within') throw new AppError('REVIEW_EXTENSION_NOT_ALLOWED');
  const amount = input.amount ?? rule.amount;
  const extensions = await repo.listExtensions(trx, snapshot.id);
  if (extensions.some((e) => e.roundId === round.id) || amount > rule.amount) {
    throw new AppError('REVIEW_EXTENSION_LIMIT', {
      message: `审核期限只能延长一次，且不得超过 ${rules.review.extension.display ?? ''}`,
    });
  }
  const due = (await repo.dueOfDeadlines(trx, [round.deadlineId])).get(round.deadlineId);
  if (!due?.dueOn || today > due.dueOn) throw new AppError('REVIEW_EXTENSION_LATE');
  const approver = rules.review.extensionApprover.effective ?? 'head';
  await closeDeadline(trx, actor, {
    deadlineId: round.deadlineId,
    status: 'cancelled',
    note: `经${APPROVER_LABELS[approver]}批准延长审核期限`,
  });
  const unit = deadlineUnit(rule.unit);
  // Same unit: the extension lengthens the period counted from the submission; otherwise it
  // runs from the original last day.
  const isSameUnit = unit === round.timeLimit.unit;
  const deadline = await openDeadline(trx, actor, {
    agencyId: snapshot.agencyId,
    caseId: snapshot.id,
    subjectType: 'legal_review',
    subjectId: round.id,
    kind: 'review.opinion',
    ruleKey: rules.review.extension.key,
    unit,
    amount: isSameUnit ? round.timeLimit.amount + amount : amount,
    startOn: isSameUnit ? round.submittedOn : due.dueOn,
    rollsToWorkingDay: unit === 'days',
  });
  const extension = {
    roundId: round.id,
    amount,
    unit,
    reason: input.reason,
    approverTitle: APPROVER_LABELS[approver],
    approvedByName: principal.displayName,
    approvedOn: today,
    deadlineId: deadline.id,
    dueOn: deadline.dueOn,
  };
  const ledgerSeq = await appendLedgerEntry(trx, actor, {
    kind: 'review.extended',
    subjectType: 'legal_review',
    subjectId: round.id,
    agencyId: snapshot.agencyId,
    caseId: snapshot.id,
    payload: { ...extension, previousDueOn: due.dueOn },
  });
  await repo.insertExtension(trx, { ...extension, approvedBy: principal.userId, ledgerSeq });
}
