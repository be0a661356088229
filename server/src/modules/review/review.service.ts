// Legal review of one case: classification, declared facts, submission with its materials and
// routing, the reviewer's opinion and the extension of the time limit. Every write locks the case
// row first (as the case engine does), so a review step and a decision never interleave.
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor, Principal } from '../../shared/policy.ts';
import { loadWorkingDayCalendar } from '../calendar/calendar.service.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import type { CaseSnapshot } from '../cases/workflow.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { issueInstrument, type InstrumentDeps } from '../instruments/instruments.issue.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { requireReviewScope } from './review.access.ts';
import {
  opinionInstrumentFields,
  renderOpinionHtml,
  type OpinionDocument,
} from './review.document.ts';
import { extendRound } from './review.extension.ts';
import { buildOpinion } from './review.opinion.ts';
import { reviewPolicies as p } from './review.policy.ts';
import { reviewRepository as repo } from './review.repository.ts';
import { classificationRecord, classifyProposal } from './review.gate.ts';
import { openRound, reviewTimeLimit } from './review.rounds.ts';
import { routeReview } from './review.routing.ts';
import { assembleMaterials, diffVersions, hashOf } from './review.rules.ts';
import type {
  ExtensionInput,
  FactsInput,
  OpinionInput,
  SubmissionInput,
} from './review.schemas.ts';
import {
  buildReviewView,
  calendarYears,
  currentDeadlineId,
  type ReviewRecord,
} from './review.view.ts';

export interface ReviewServiceOptions {
  config: Config;
  now: () => Date;
  /** What issuing the sealed 法制审核意见书 needs (signing key, blob store, clock, config). */
  instruments: InstrumentDeps;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function loadRecord(db: Db, caseId: string): Promise<ReviewRecord> {
  const [rounds, opinions, disputes, extensions, gateChecks] = await Promise.all([
    repo.listRounds(db, caseId),
    repo.listOpinions(db, caseId),
    repo.listDisputes(db, caseId),
    repo.listExtensions(db, caseId),
    repo.listGateChecks(db, caseId),
  ]);
  return { rounds, opinions, disputes, extensions, gateChecks };
}

export function createReviewService(db: Kysely<Database>, options: ReviewServiceOptions) {
  const profileId = options.config.PROFILE;

  /** Locks the case for a review step; a decided case takes no more review steps. */
  async function lockOpenCase(trx: Transaction<Database>, caseId: string) {
    const snapshot = await casesRepository.loadSnapshot(trx, caseId, true);
    if (!snapshot) throw new AppError('CASE_NOT_FOUND');
    if (snapshot.decidedOn) throw new AppError('REVIEW_CASE_DECIDED');
    const rules = await getEffectiveRules(trx, snapshot.agencyId, profileId);
    return { snapshot, rules };
  }

  async function getReview(principal: Principal, caseId: string) {
    await requireReviewScope(db, principal, p.read, caseId, { allowReviewBody: true });
    const snapshot = await casesRepository.loadSnapshot(db, caseId, false);
    if (!snapshot) throw new AppError('CASE_NOT_FOUND');
    const rules = await getEffectiveRules(db, snapshot.agencyId, profileId);
    const proposal = snapshot.details.proposed ?? null;
    const record = await loadRecord(db, caseId);
    const ids = [
      ...record.rounds.map((r) => r.deadlineId),
      ...record.extensions.map((e) => e.deadlineId),
    ];
    const deadlines = await repo.dueOfDeadlines(db, ids);
    const today = chinaToday(options.now());
    const dueDays = [...deadlines.values()].map((d) => d.dueOn);
    return buildReviewView({
      caseId,
      caseNo: snapshot.caseNo,
      kind: snapshot.kind,
      procedure: snapshot.procedure,
      state: snapshot.state,
      proposal,
      rules,
      classified: await classifyProposal(db, snapshot, proposal, rules),
      record,
      deadlines,
      today,
      calendar: await loadWorkingDayCalendar(db, calendarYears(today, dueDays)),
    });
  }

  async function storeClassification(
    trx: Transaction<Database>,
    actor: Actor,
    snapshot: CaseSnapshot,
    rules: Awaited<ReturnType<typeof getEffectiveRules>>,
  ) {
    const proposal = snapshot.details.proposed ?? null;
    const classified = await classifyProposal(trx, snapshot, proposal, rules);
    const { classification, proposalHash } = classified;
    const ledgerSeq = await appendLedgerEntry(trx, actor, {
      kind: 'review.classified',
      subjectType: 'case',
      subjectId: snapshot.id,
      agencyId: snapshot.agencyId,
      caseId: snapshot.id,
      payload: { proposalHash, ...classificationRecord(classification) },
    });
    await repo.saveClassification(trx, {
      caseId: snapshot.id,
      proposalHash,
      proposal,
      isMajor: classification.isMajor,
      result: { ...classification },
      profileId: classification.profile.id,
      profileVersion: classification.profile.version,
      byName: actor.name,
      ledgerSeq,
    });
    return { proposalHash, ...classification };
  }

  return {
    getReview,

    async classify(principal: Principal, actor: Actor, caseId: string) {
      await requireReviewScope(db, principal, p.classify, caseId, { allowReviewBody: true });
      return db.transaction().execute(async (trx) => {
        const { snapshot, rules } = await lockOpenCase(trx, caseId);
        return storeClassification(trx, actor, snapshot, rules);
      });
    },

    async declareFacts(principal: Principal, actor: Actor, caseId: string, input: FactsInput) {
      await requireReviewScope(db, principal, p.declareFacts, caseId, { allowReviewBody: true });
      return db.transaction().execute(async (trx) => {
        const { snapshot, rules } = await lockOpenCase(trx, caseId);
        const previous = (await repo.latestFacts(trx, caseId))?.facts ?? {};
        const changed = Object.fromEntries(
          Object.entries(input.facts).filter((e): e is [string, boolean] => e[1] !== undefined),
        );
        const facts = { ...previous, ...changed } as Record<string, boolean>;
        await repo.insertFacts(trx, {
          caseId,
          facts,
          note: input.note ?? null,
          by: principal.userId,
          byName: principal.displayName,
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'review.facts_declared',
          subjectType: 'case',
          subjectId: caseId,
          agencyId: snapshot.agencyId,
          caseId,
          payload: { changed, facts, note: input.note ?? null },
        });
        return storeClassification(trx, actor, snapshot, rules);
      });
    },

    async submit(principal: Principal, actor: Actor, caseId: string, input: SubmissionInput) {
      await requireReviewScope(db, principal, p.submit, caseId, { allowReviewBody: false });
      const today = chinaToday(options.now());
      await db.transaction().execute(async (trx) => {
        const { snapshot, rules } = await lockOpenCase(trx, caseId);
        const proposal = snapshot.details.proposed;
        if (!proposal) throw new AppError('REVIEW_PROPOSAL_REQUIRED');
        const { facts, classification, proposalHash } = await classifyProposal(
          trx,
          snapshot,
          proposal,
          rules,
        );
        const basics = await repo.caseBasics(trx, caseId);
        const assembled = assembleMaterials(
          { facts: basics.facts, details: snapshot.details, filedOn: snapshot.filedOn },
          facts,
          proposal,
          input,
        );
        if (assembled.missing.length > 0) {
          throw new AppError('REVIEW_MATERIALS_INCOMPLETE', {
            message: `送审材料不齐全，缺少：${assembled.missing.join('、')}`,
            details: { missing: assembled.missing },
          });
        }
        const materials = { items: assembled.items, attachments: input.attachments ?? [] };
        const materialsHash = hashOf(materials);
        const record = await loadRecord(trx, caseId);
        const latest = record.rounds.at(-1);
        const latestOpinion = latest && record.opinions.find((o) => o.roundId === latest.id);
        if (latest && !latestOpinion) {
          if (latest.proposalHash === proposalHash) throw new AppError('REVIEW_ALREADY_PENDING');
          // The decision changed while under review: the old round is superseded.
          await closeDeadline(trx, actor, {
            deadlineId: currentDeadlineId(latest, record.extensions),
            status: 'cancelled',
            note: '拟作出的决定已变更，重新报送法制审核',
          });
        }
        if (latest && latestOpinion) {
          const isSame = latest.proposalHash === proposalHash;
          if (isSame && (latestOpinion.isAgreement || latest.materialsHash === materialsHash)) {
            throw new AppError('REVIEW_SUBMISSION_UNCHANGED', {
              message: latestOpinion.isAgreement
                ? '该决定已经法制审核同意，无需重复报送'
                : '拟作出的决定及送审材料与上次送审相同，须研究处理后再次报送',
            });
          }
          if (!latestOpinion.isAgreement && !input.fixNote) {
            throw new AppError('REVIEW_FIX_NOTE_REQUIRED');
          }
        }
        const body = await routeReview(trx, {
          agencyId: snapshot.agencyId,
          handlingUnitId: basics.handling_unit_id,
          requestedUnitId: input.reviewUnitId ?? null,
          facts,
          rules,
        });
        await openRound(trx, actor, principal, {
          snapshot,
          today,
          kind: 'submission',
          roundNo: (latest?.roundNo ?? 0) + 1,
          proposal,
          proposalHash,
          materials,
          materialsHash,
          diff: latest ? diffVersions(latest, { proposal, materials }) : null,
          fixNote: input.fixNote ?? null,
          requestReason: null,
          isMajor: classification.isMajor,
          classification: classificationRecord(classification),
          body,
          timeLimit: await reviewTimeLimit(trx, snapshot, rules, input.timeLimit, today),
        });
        await storeClassification(trx, actor, snapshot, rules);
      });
      return getReview(principal, caseId);
    },

    async giveOpinion(principal: Principal, actor: Actor, caseId: string, input: OpinionInput) {
      await requireReviewScope(db, principal, p.giveOpinion, caseId, { allowReviewBody: true });
      const now = options.now();
      await db.transaction().execute(async (trx) => {
        const { snapshot, rules } = await lockOpenCase(trx, caseId);
        const record = await loadRecord(trx, caseId);
        const round = record.rounds.at(-1);
        if (!round || record.opinions.some((o) => o.roundId === round.id)) {
          throw new AppError('REVIEW_NOT_PENDING');
        }
        if (hashOf(snapshot.details.proposed ?? null) !== round.proposalHash) {
          throw new AppError('REVIEW_PROPOSAL_CHANGED');
        }
        const deadlineId = currentDeadlineId(round, record.extensions);
        const due = (await repo.dueOfDeadlines(trx, [deadlineId])).get(deadlineId)?.dueOn ?? null;
        const opinion = await buildOpinion(trx, {
          principal,
          snapshot,
          rules,
          round,
          input,
          now,
          due,
        });
        // The 意见书 is issued, numbered and sealed in this transaction, before the opinion's own
        // ledger entry (the instruments module takes its numbering lock before the ledger head).
        const issued = await issueInstrument(trx, options.instruments, {
          kind: 'legal_review_opinion',
          caseId,
          data: opinionInstrumentFields(opinion.document as unknown as OpinionDocument),
          actor,
        });
        const instrument = { id: issued.instrumentId, docNo: issued.docNo };
        const ledgerSeq = await appendLedgerEntry(trx, actor, {
          kind: 'review.opinion_given',
          subjectType: 'legal_review',
          subjectId: round.id,
          agencyId: snapshot.agencyId,
          caseId,
          payload: {
            roundNo: round.roundNo,
            proposalHash: round.proposalHash,
            outcome: opinion.outcome,
            outcomeLabel: opinion.outcomeLabel,
            isAgreement: opinion.isAgreement,
            reasons: opinion.reasons,
            reviewerPersonId: opinion.reviewerPersonId,
            isLate: opinion.isLate,
            documentHash: opinion.documentHash,
            instrumentId: instrument.id,
            instrumentDocNo: instrument.docNo,
            instrumentPdfSm3: issued.pdfSm3,
          },
        });
        await repo.insertOpinion(trx, { ...opinion, instrument, caseId, ledgerSeq });
        await closeDeadline(trx, actor, {
          deadlineId,
          status: opinion.isLate ? 'missed' : 'met',
          note: `出具审核意见：${opinion.outcomeLabel}`,
        });
      });
      return getReview(principal, caseId);
    },

    async extend(principal: Principal, actor: Actor, caseId: string, input: ExtensionInput) {
      await requireReviewScope(db, principal, p.extend, caseId, { allowReviewBody: true });
      const today = chinaToday(options.now());
      await db.transaction().execute(async (trx) => {
        const { snapshot, rules } = await lockOpenCase(trx, caseId);
        await extendRound(trx, actor, principal, { snapshot, rules, input, today });
      });
      return getReview(principal, caseId);
    },

    async opinionDocument(principal: Principal, caseId: string, opinionId: string) {
      await requireReviewScope(db, principal, p.read, caseId, { allowReviewBody: true });
      const opinion = (await repo.listOpinions(db, caseId)).find((o) => o.id === opinionId);
      if (!opinion) throw new AppError('NOT_FOUND', { message: '审核意见不存在' });
      return {
        opinionId,
        documentHash: opinion.documentHash,
        document: opinion.document,
        text: opinion.documentText,
        html: renderOpinionHtml(opinion.document as unknown as OpinionDocument),
      };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
