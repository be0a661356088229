// A reviewer's opinion, checked before it is recorded: who may give it (a reviewer of the body
// the round was routed to, never an investigator of the case — reading of 处罚法 art.43/58 — and,
// giving a first opinion, holding 法律职业资格, art.58), whether the outcome exists in the profile,
// reasons for anything but agreement, a complete checklist consistent with the outcome, and the
// 公职律师/法律顾问 record where the profile asks for it (CY 第20项). Then the 意见书 as data.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Principal } from '../../shared/policy.ts';
import type { CaseSnapshot } from '../cases/workflow.ts';
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { citeSource, describeDecision } from './review.catalog.ts';
import {
  CONCLUSION_LABELS,
  describeProposal,
  LAWYER_KIND_LABELS,
  renderOpinionText,
  ROUND_KIND_LABELS,
  type OpinionDocument,
} from './review.document.ts';
import { reviewRepository as repo, type Opinion, type Round } from './review.repository.ts';
import { checklistFor, checklistProblems, hashOf } from './review.rules.ts';
import type { OpinionInput } from './review.schemas.ts';

type Trx = Transaction<Database>;

/** Refuses anyone who may not review this round; returns the reviewer as a person. */
export async function requireEligibleReviewer(
  trx: Trx,
  principal: Principal,
  snapshot: CaseSnapshot,
  rules: EffectiveRules,
  round: Round,
) {
  const isOfBody = principal.grants.some(
    (g) => g.role === 'reviewer' && g.agencyId === round.body.agencyId,
  );
  const person = await repo.personOfUser(trx, principal.userId);
  if (!isOfBody || !person) {
    throw new AppError('REVIEWER_NOT_OF_REVIEW_BODY', {
      message: `本案由${round.body.name}审核，须由该机构登记在册的法制审核人员出具审核意见`,
    });
  }
  if (snapshot.officers.some((o) => o.personId === person.personId)) {
    throw new AppError('REVIEWER_IS_INVESTIGATOR');
  }
  // "初次从事…法制审核的人员": read as anyone who has not yet given an opinion in this system.
  if (rules.statute.firstReviewerQualification.effective === true) {
    const qualifications = await repo.qualificationKinds(trx, person.personId);
    const isFirstTime = !(await repo.hasReviewedBefore(trx, person.personId));
    if (isFirstTime && !qualifications.includes('legal_professional')) {
      const source = rules.statute.firstReviewerQualification.source;
      throw new AppError(
        'REVIEWER_QUALIFICATION_REQUIRED',
        source
          ? { message: `初次从事法制审核的人员须取得法律职业资格（${citeSource(source)}）` }
          : {},
      );
    }
  }
  return person;
}

export async function buildOpinion(
  trx: Trx,
  a: {
    principal: Principal;
    snapshot: CaseSnapshot;
    rules: EffectiveRules;
    round: Round;
    input: OpinionInput;
    now: Date;
    due: string | null;
  },
): Promise<Omit<Opinion, 'id' | 'givenAt' | 'ledgerSeq' | 'instrument'>> {
  const { rules, round, input, snapshot } = a;
  const person = await requireEligibleReviewer(trx, a.principal, snapshot, rules, round);
  const outcome = rules.review.outcomes.effective.find((o) => o.code === input.outcome);
  if (!outcome) {
    throw new AppError('REVIEW_OUTCOME_NOT_IN_PROFILE', {
      message: `本辖区的审核意见只有：${rules.review.outcomes.effective.map((o) => o.label).join('、')}`,
      details: { allowed: rules.review.outcomes.effective.map((o) => o.code) },
    });
  }
  const reasons = input.reasons?.trim() || null;
  if ((!outcome.isAgreement || outcome.isReasonRequired) && !reasons) {
    throw new AppError('REVIEW_REASONS_REQUIRED', {
      message: `审核意见为“${outcome.label}”的，须写明理由和具体意见`,
    });
  }
  const declared = (await repo.latestFacts(trx, snapshot.id))?.facts ?? {};
  const specs = checklistFor(describeDecision(snapshot, round.proposal, declared));
  const problem = checklistProblems(specs, input.checklist, outcome.isAgreement);
  if (problem) {
    throw new AppError('REVIEW_CHECKLIST_INCOMPLETE', {
      message: problem,
      details: { items: specs },
    });
  }
  const lawyers = (input.lawyers ?? []).map((l) => ({
    ...l,
    reasonNotAdopted: l.reasonNotAdopted ?? null,
  }));
  if (rules.review.lawyerOpinionRecorded.effective === true && lawyers.length === 0) {
    throw new AppError('REVIEW_LAWYER_OPINION_REQUIRED');
  }
  if (lawyers.some((l) => !l.isAdopted && !l.reasonNotAdopted)) {
    throw new AppError('VALIDATION_FAILED', {
      message: '未采纳公职律师或法律顾问意见的，须说明理由',
    });
  }
  const today = chinaToday(a.now);
  const basics = await repo.caseBasics(trx, snapshot.id);
  const document: OpinionDocument = {
    title: '重大执法决定法制审核意见书',
    caseNo: basics.case_no,
    caseTitle: basics.title,
    agencyName: basics.agency_name,
    parties: snapshot.parties.map((x) => x.name),
    reviewBody: round.body.name,
    round: {
      no: round.roundNo,
      kind: ROUND_KIND_LABELS[round.kind],
      submittedOn: round.submittedOn,
      submittedBy: round.submittedByName,
    },
    proposal: describeProposal(round.proposal),
    classification: round.isMajor ? '属于重大执法决定' : '不属于重大执法决定（机关自行送审）',
    checklist: specs.map((s) => {
      const answer = input.checklist.find((c) => c.item === s.code);
      return {
        label: s.label,
        conclusion: CONCLUSION_LABELS[answer?.conclusion ?? 'not_applicable'],
        note: answer?.note ?? null,
      };
    }),
    outcome: { code: outcome.code, label: outcome.label, citation: citeSource(outcome.source) },
    reasons,
    lawyers: lawyers.map((l) => ({
      name: l.name,
      kind: LAWYER_KIND_LABELS[l.kind],
      opinion: l.opinion,
      isAdopted: l.isAdopted,
      reasonNotAdopted: l.reasonNotAdopted,
    })),
    reviewer: person.name,
    reviewedOn: today,
    profile: { id: rules.profile.id, name: rules.profile.name, version: rules.profile.version },
  };
  return {
    roundId: round.id,
    outcome: outcome.code,
    outcomeLabel: outcome.label,
    isAgreement: outcome.isAgreement,
    reasons,
    checklist: input.checklist.map((c) => ({ ...c, note: c.note ?? null })),
    lawyers,
    reviewerUserId: a.principal.userId,
    reviewerPersonId: person.personId,
    reviewerName: person.name,
    givenOn: today,
    isLate: a.due !== null && today > a.due,
    document: JSON.parse(canonicalJson(document)) as Record<string, unknown>,
    documentText: renderOpinionText(document),
    documentHash: hashOf(document),
  };
}
