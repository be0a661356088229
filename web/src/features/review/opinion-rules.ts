// The checks the server makes on an opinion (server/src/modules/review/review.opinion.ts and
// checklistProblems in review.rules.ts), repeated here so the form refuses the same things before
// sending; the server stays the authority and its refusal is shown as it is.

export type Conclusion = 'pass' | 'problem' | 'not_applicable';

export interface ChecklistAnswer {
  item: string;
  conclusion: Conclusion;
  note?: string;
}

export interface OutcomeSpec {
  code: string;
  label: string;
  isAgreement: boolean;
  isReasonRequired: boolean;
}

/** Reasons are required for any outcome that is not agreement, or whose profile says so. */
export function reasonsRequired(outcome: OutcomeSpec | undefined): boolean {
  return outcome !== undefined && (!outcome.isAgreement || outcome.isReasonRequired);
}

/** The first problem of a checklist for the chosen outcome, in the server's words; or undefined. */
export function checklistProblem(
  items: readonly { code: string; label: string }[],
  answers: readonly ChecklistAnswer[],
  outcome: OutcomeSpec | undefined,
): string | undefined {
  const seen = new Set(answers.map((a) => a.item));
  const missing = items.filter((i) => !seen.has(i.code)).map((i) => i.label);
  if (missing.length > 0) return `尚未审核：${missing.join('；')}`;
  if (answers.some((a) => a.conclusion === 'problem' && !a.note?.trim())) {
    return '认定存在问题的审核要点须写明具体问题';
  }
  if (!outcome) return undefined;
  const problems = answers.filter((a) => a.conclusion === 'problem').length;
  if (outcome.isAgreement && problems > 0) return '同意的审核意见不能同时认定审核要点存在问题';
  if (!outcome.isAgreement && problems === 0) {
    return '不同意或存在问题的审核意见须指明存在问题的审核要点';
  }
  return undefined;
}

/** The server's text bounds: reasons 2–20000 characters once trimmed. */
export function reasonsProblem(reasons: string | undefined, required: boolean): string | undefined {
  const text = reasons?.trim() ?? '';
  if (required && text.length === 0) return '此审核意见须写明理由';
  if (text.length > 0 && text.length < 2) return '理由至少 2 个字';
  return undefined;
}
