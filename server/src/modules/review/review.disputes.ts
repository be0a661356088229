// After a review that did not agree, each profile's path (rules.review.disagreementPath):
//   resubmit (南昌)        — no objection: the handling unit fixes and submits again;
//   re_review_once_then_collective (薛城区) — one written request for re-review; if the re-review
//                           still does not agree, the heads decide collectively (minutes kept);
//   negotiate_then_head (曹杨新村) — reasons and basis listed, negotiation recorded, and where no
//                           agreement is reached both opinions go to the head;
//   report_to_leaders (上海) / coordination (national) — the objection is reported to the leaders.
// Reading (see README): only 薛城区's collective decision can settle the matter against the review
// (附件3 第十二条, with the heads answering for it under 第十七条). Elsewhere the head or leaders
// either adopt the opinion (fix and resubmit) or send the same proposal back for reconsideration:
// the decision still needs an agreeing opinion (N 四 "审核未通过的，不得作出决定").
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor, Principal } from '../../shared/policy.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { DISAGREEMENT_PATH_LABELS } from '../profile/profile.vocabulary.ts';
import { requireReviewScope } from './review.access.ts';
import { COLLECTIVE_PATH } from './review.gate.ts';
import { reviewPolicies as p } from './review.policy.ts';
import { reviewRepository as repo, type Round } from './review.repository.ts';
import { openRound } from './review.rounds.ts';
import { hashOf } from './review.rules.ts';
import type { ObjectionInput, ResolutionInput } from './review.schemas.ts';
import { loadRecord, type ReviewServiceOptions } from './review.service.ts';
import type { Resolution } from './review.tables.ts';

/** The handling choices a path gives the heads or leaders. */
const RESOLUTIONS: Record<string, readonly Resolution[]> = {
  re_review_once_then_collective: ['proceed_as_proposed', 'adopt_review_opinion'],
  negotiate_then_head: ['adopt_review_opinion', 'reconsider'],
  report_to_leaders: ['adopt_review_opinion', 'reconsider'],
  coordination: ['adopt_review_opinion', 'reconsider'],
};

/** Heads meeting (负责人会议): at least three, as the collective decision of serious penalties. */
const COLLECTIVE_MIN_PARTICIPANTS = 3;

/** Refuses a record of a meeting dated after today, as the case actions do (notAfterToday). */
function notAfterToday(date: string, today: string, what: string) {
  if (date > today) {
    throw new AppError('INVALID_DATE_RANGE', { message: `${what}不能晚于今天（${today}）` });
  }
}

export function createReviewDisputesService(db: Kysely<Database>, options: ReviewServiceOptions) {
  /** The case locked, with the newest round, which must have ended without agreement. */
  async function disputedRound(trx: Transaction<Database>, caseId: string) {
    const snapshot = await casesRepository.loadSnapshot(trx, caseId, true);
    if (!snapshot) throw new AppError('CASE_NOT_FOUND');
    if (snapshot.decidedOn) throw new AppError('REVIEW_CASE_DECIDED');
    const rules = await getEffectiveRules(trx, snapshot.agencyId, options.config.PROFILE);
    const record = await loadRecord(trx, caseId);
    const round = record.rounds.at(-1);
    const opinion = round && record.opinions.find((o) => o.roundId === round.id);
    if (!round || !opinion || opinion.isAgreement) throw new AppError('REVIEW_NOT_DISPUTABLE');
    const proposal = snapshot.details.proposed ?? null;
    if (hashOf(proposal) !== round.proposalHash) throw new AppError('REVIEW_PROPOSAL_CHANGED');
    const path = rules.review.disagreementPath.effective;
    if (!path || path === 'resubmit') throw new AppError('REVIEW_OBJECTION_NOT_AVAILABLE');
    return { snapshot, rules, record, round, opinion, proposal, path };
  }

  function reopen(
    trx: Transaction<Database>,
    actor: Actor,
    principal: Principal,
    d: Awaited<ReturnType<typeof disputedRound>>,
    kind: 're_review' | 'reconsideration',
    requestReason: string,
  ) {
    const previous: Round = d.round;
    return openRound(trx, actor, principal, {
      snapshot: d.snapshot,
      today: chinaToday(options.now()),
      kind,
      roundNo: previous.roundNo + 1,
      proposal: previous.proposal,
      proposalHash: previous.proposalHash,
      materials: previous.materials,
      materialsHash: previous.materialsHash,
      diff: [],
      fixNote: null,
      requestReason,
      isMajor: previous.isMajor,
      classification: { isMajor: previous.isMajor },
      body: previous.body,
      timeLimit: previous.timeLimit,
    });
  }

  return {
    async object(principal: Principal, actor: Actor, caseId: string, input: ObjectionInput) {
      await requireReviewScope(db, principal, p.object, caseId, { allowReviewBody: false });
      await db.transaction().execute(async (trx) => {
        const d = await disputedRound(trx, caseId);
        if (d.record.disputes.some((x) => x.roundId === d.round.id && x.kind === 'objection')) {
          throw new AppError('REVIEW_NOT_DISPUTABLE', { message: '已对该审核意见提出过异议' });
        }
        if (d.path === COLLECTIVE_PATH) {
          const used = d.record.rounds.some(
            (r) => r.kind === 're_review' && r.proposalHash === d.round.proposalHash,
          );
          if (used) throw new AppError('REVIEW_RE_REVIEW_USED');
        }
        if (d.path === 'negotiate_then_head' && !input.negotiation) {
          throw new AppError('REVIEW_NEGOTIATION_REQUIRED');
        }
        if (input.negotiation) {
          notAfterToday(input.negotiation.heldOn, chinaToday(options.now()), '协商日期');
        }
        const content = {
          reasons: input.reasons,
          legalBasis: input.legalBasis ?? null,
          negotiation: input.negotiation ?? null,
          reviewOpinion: { outcome: d.opinion.outcomeLabel, reasons: d.opinion.reasons },
          pathLabel: DISAGREEMENT_PATH_LABELS[d.path],
        };
        const ledgerSeq = await appendLedgerEntry(trx, actor, {
          kind: 'review.objection_recorded',
          subjectType: 'legal_review',
          subjectId: d.round.id,
          agencyId: d.snapshot.agencyId,
          caseId,
          payload: { path: d.path, proposalHash: d.round.proposalHash, ...content },
        });
        await repo.insertDispute(trx, {
          caseId,
          roundId: d.round.id,
          kind: 'objection',
          path: d.path,
          content,
          resolution: null,
          proposal: d.proposal,
          proposalHash: d.round.proposalHash,
          by: principal.userId,
          byName: principal.displayName,
          ledgerSeq,
        });
        // 薛城区: the written objection is the request for the one re-review.
        if (d.path === COLLECTIVE_PATH) {
          await reopen(trx, actor, principal, d, 're_review', input.reasons);
        }
      });
    },

    async resolve(principal: Principal, actor: Actor, caseId: string, input: ResolutionInput) {
      // The heads of the case's own agency decide, never those of the body that reviewed it.
      await requireReviewScope(db, principal, p.resolve, caseId, { allowReviewBody: false });
      await db.transaction().execute(async (trx) => {
        const d = await disputedRound(trx, caseId);
        if (d.record.disputes.some((x) => x.roundId === d.round.id && x.kind === 'resolution')) {
          throw new AppError('REVIEW_RESOLUTION_NOT_AVAILABLE', {
            message: '已对该审核意见作出处理',
          });
        }
        const allowed = RESOLUTIONS[d.path] ?? [];
        if (!allowed.includes(input.resolution)) {
          throw new AppError('REVIEW_RESOLUTION_INVALID', {
            message: `本辖区规定（${DISAGREEMENT_PATH_LABELS[d.path]}）下不能作出该处理`,
            details: { allowed },
          });
        }
        const objection = d.record.disputes.find(
          (x) => x.kind === 'objection' && x.proposalHash === d.round.proposalHash,
        );
        if (d.path === COLLECTIVE_PATH) {
          if (d.round.kind !== 're_review') {
            throw new AppError('REVIEW_RESOLUTION_NOT_AVAILABLE', {
              message: '须先书面申请复审一次，经复审仍不同意的，方可提请负责人会议集体讨论决定',
            });
          }
          if (input.participants.length < COLLECTIVE_MIN_PARTICIPANTS) {
            throw new AppError('VALIDATION_FAILED', {
              message: `负责人会议集体讨论须至少 ${COLLECTIVE_MIN_PARTICIPANTS} 名负责人参加`,
            });
          }
        } else if (!objection || objection.roundId !== d.round.id) {
          throw new AppError('REVIEW_RESOLUTION_NOT_AVAILABLE', {
            message: '承办机构须先列明理由提出异议，方可报请负责人处理',
          });
        } else if (
          d.path === 'negotiate_then_head' &&
          (objection.content.negotiation as { isAgreed?: boolean } | null)?.isAgreed !== false
        ) {
          throw new AppError('REVIEW_RESOLUTION_NOT_AVAILABLE', {
            message: '协商沟通已达成一致的，无需报送负责人处理',
          });
        }
        // The minutes record a meeting held: a date ahead of today is a typing error.
        notAfterToday(input.heldOn, chinaToday(options.now()), '会议日期');
        // Both opinions go to the heads together (CY 第23项): the review's and the objection's.
        const content = {
          heldOn: input.heldOn,
          participants: input.participants,
          minutes: input.minutes,
          reviewOpinion: { outcome: d.opinion.outcomeLabel, reasons: d.opinion.reasons },
          objection: objection ? objection.content : null,
          responsibility:
            input.resolution === 'proceed_as_proposed'
              ? '不采纳法制机构审核意见，由作出决定的负责人承担责任（薛城区办法第十七条）'
              : null,
        };
        const ledgerSeq = await appendLedgerEntry(trx, actor, {
          kind: 'review.resolution_recorded',
          subjectType: 'legal_review',
          subjectId: d.round.id,
          agencyId: d.snapshot.agencyId,
          caseId,
          payload: {
            path: d.path,
            resolution: input.resolution,
            proposalHash: d.round.proposalHash,
            ...content,
          },
        });
        await repo.insertDispute(trx, {
          caseId,
          roundId: d.round.id,
          kind: 'resolution',
          path: d.path,
          content,
          resolution: input.resolution,
          proposal: d.proposal,
          proposalHash: d.round.proposalHash,
          by: principal.userId,
          byName: principal.displayName,
          ledgerSeq,
        });
        if (input.resolution === 'reconsider') {
          await reopen(trx, actor, principal, d, 'reconsideration', input.minutes);
        }
      });
    },
  };
}
