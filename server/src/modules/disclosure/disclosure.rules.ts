// Which jurisdiction-profile rule sets each disclosure deadline, and how it becomes a deadline row.
// "及时" (promptly) stays what it is: no number is invented, so no due date is stored for it.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import { openDeadline } from '../deadlines/deadlines.service.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { compareDeadlines, describeDeadline } from '../profile/profile.rules.ts';
import type { Deadline } from '../profile/profile.values.ts';
import type { DisclosureCategory } from './disclosure.tables.ts';

export interface DeadlineRule {
  ruleKey: string;
  deadline: Deadline | null;
  /** The rule in Chinese, e.g. “7个工作日内”, “及时”. */
  text: string;
}

function ruleOf(ruleKey: string, deadline: Deadline | null): DeadlineRule {
  return { ruleKey, deadline, text: deadline ? describeDeadline(deadline) : '未规定' };
}

/** Permits and penalties, inspection results, and all other decisions have their own limits. */
export function publicationRule(rules: EffectiveRules, category: DisclosureCategory): DeadlineRule {
  const d = rules.disclosure;
  switch (category) {
    case 'penalty':
      return ruleOf('disclosure.penaltyDecision', d.penaltyDecision.effective);
    case 'permit':
      return ruleOf('disclosure.permitDecision', d.permitDecision.effective);
    case 'inspection':
      return ruleOf('disclosure.inspectionResults', d.inspectionResults.effective);
    case 'coercion':
    case 'expropriation':
    case 'other':
      return ruleOf('disclosure.otherDecision', d.otherDecision.effective);
  }
}

/** The stricter of two limits (a number beats 及时); the first when they cannot be compared. */
export function stricterRule(a: DeadlineRule, b: DeadlineRule): DeadlineRule {
  if (!a.deadline) return b;
  if (!b.deadline) return a;
  return compareDeadlines(a.deadline, b.deadline) === 'laxer' ? b : a;
}

/**
 * Withdrawal of a revoked decision: the profile's limit, and for penalties also 《行政处罚法》
 * art.48 (3 working days under art.85), whichever is stricter.
 */
export function withdrawalRule(rules: EffectiveRules, category: DisclosureCategory): DeadlineRule {
  const own = ruleOf('disclosure.withdrawal', rules.disclosure.withdrawal.effective);
  if (category !== 'penalty') return own;
  const statute = ruleOf(
    'statute.penaltyDisclosureWithdrawal',
    rules.statute.penaltyDisclosureWithdrawal.effective,
  );
  return stricterRule(own, statute);
}

export function correctionAnswerRule(rules: EffectiveRules): DeadlineRule {
  return ruleOf('disclosure.correctionAnswer', rules.disclosure.correctionAnswer.effective);
}

/** Whether the withdrawal notice must give its reason (always true in every profile so far). */
export function isWithdrawalReasonRequired(rules: EffectiveRules): boolean {
  return (
    rules.disclosure.withdrawalExplanationRequired.effective === true ||
    rules.statute.penaltyWithdrawalReasonRequired.effective === true
  );
}

/** Opens the deadline a rule sets, when it sets a number; returns its due date and id. */
export async function openRuleDeadline(
  trx: Transaction<Database>,
  actor: Actor,
  rule: DeadlineRule,
  target: {
    agencyId: string;
    caseId?: string | null;
    subjectType: string;
    subjectId: string;
    kind: string;
    startOn: string;
  },
): Promise<{ dueOn: string | null; deadlineId: string | null }> {
  const d = rule.deadline;
  if (!d || d.mode !== 'within' || (d.unit !== 'working_days' && d.unit !== 'days')) {
    return { dueOn: null, deadlineId: null };
  }
  const deadline = await openDeadline(trx, actor, {
    ...target,
    ruleKey: rule.ruleKey,
    unit: d.unit,
    amount: d.amount,
  });
  return { dueOn: deadline.dueOn, deadlineId: deadline.id };
}
