// The decision gate: "未经法制审核或者审核未通过的，不得作出决定" (N 四; XC 意见（三）). It runs as a guard
// of every workflow action that makes a decision, inside that action's transaction and after the
// case row is locked, so nothing can change between the check and the decision. It classifies the
// exact proposed decision, and for a major one requires that the newest review round of the case
// is for that same proposal (SM3 of its canonical JSON) and ended in agreement — or, under 薛城区's
// path only, in the heads' collective decision after the one re-review (XC 附件3 第十二条、第十七条).
// Each pass is recorded (legal_review_gate_checks, with the transaction id) and a database trigger
// on cases refuses any decision whose transaction holds no matching pass.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import type { CaseSnapshot, Guard, GuardContext, Refusal } from '../cases/workflow.ts';
import type { ProposedPenalty } from '../cases/workflows/penalty.schemas.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import {
  classifyDecision,
  describeDecision,
  type Classification,
  type DecisionFacts,
  type EvaluatedEntry,
} from './review.catalog.ts';
import {
  reviewRepository as repo,
  type Dispute,
  type Opinion,
  type Round,
} from './review.repository.ts';
import { hashOf } from './review.rules.ts';

type Db = Transaction<Database> | Kysely<Database>;

export type GateStatus =
  | { state: 'not_major' }
  | { state: 'required'; reason: 'no_review' | 'proposal_changed'; round: Round | null }
  | { state: 'pending'; round: Round }
  | { state: 'not_agreed'; round: Round; opinion: Opinion }
  | { state: 'agreed'; round: Round; opinion: Opinion }
  | { state: 'collective_decision'; round: Round; dispute: Dispute };

/** The only path after which the heads, not the review, settle the matter (XC 附件3 第十二条). */
export const COLLECTIVE_PATH = 're_review_once_then_collective';

/** Where a major proposal stands against the review record. Pure. */
export function gateStatusOf(
  rounds: readonly Round[],
  opinions: readonly Opinion[],
  disputes: readonly Dispute[],
  proposalHash: string,
): Exclude<GateStatus, { state: 'not_major' }> {
  const latest = rounds.at(-1);
  if (!latest) return { state: 'required', reason: 'no_review', round: null };
  if (latest.proposalHash !== proposalHash) {
    return { state: 'required', reason: 'proposal_changed', round: latest };
  }
  const opinion = opinions.find((o) => o.roundId === latest.id);
  if (!opinion) return { state: 'pending', round: latest };
  if (opinion.isAgreement) return { state: 'agreed', round: latest, opinion };
  const resolution = disputes.find(
    (d) =>
      d.kind === 'resolution' &&
      d.roundId === latest.id &&
      d.path === COLLECTIVE_PATH &&
      d.resolution === 'proceed_as_proposed' &&
      d.proposalHash === proposalHash,
  );
  return resolution
    ? { state: 'collective_decision', round: latest, dispute: resolution }
    : { state: 'not_agreed', round: latest, opinion };
}

export interface ClassifiedProposal {
  facts: DecisionFacts;
  classification: Classification;
  proposalHash: string;
}

/** Classifies a proposal of a case against the agency's effective catalogue and its extensions. */
export async function classifyProposal(
  db: Db,
  c: Pick<CaseSnapshot, 'id' | 'agencyId' | 'kind' | 'procedure' | 'details' | 'parties'>,
  proposal: unknown,
  rules: EffectiveRules,
): Promise<ClassifiedProposal> {
  const declared = await repo.latestFacts(db, c.id);
  const facts = describeDecision(c, proposal, declared?.facts ?? {});
  const entries: EvaluatedEntry[] = [
    ...rules.majorCatalog.entries.effective,
    ...(await repo.listCatalogExtensions(db, c.agencyId)),
  ];
  const { id, name, version } = rules.profile;
  return {
    facts,
    classification: classifyDecision(facts, entries, { id, name, version }),
    proposalHash: hashOf(proposal),
  };
}

/** The ledger payload naming what matched and where it is written. */
export function classificationRecord(c: Classification) {
  return {
    isMajor: c.isMajor,
    profile: c.profile,
    matched: c.matched.map((e) => ({ code: e.code, label: e.label, citation: e.citation })),
    summary: c.summary,
  };
}

function refusal(code: Refusal['code'], message: string, details: unknown): Refusal {
  return { code, message, details };
}

async function runGate(
  ctx: GuardContext<unknown>,
  proposal: unknown,
  defaultAction: string,
  isOnTheSpot: boolean,
): Promise<Refusal | undefined> {
  const { trx, snapshot, principal } = ctx;
  // The engine names the action taken (decide, implement_measure, dispose, apply_to_court …);
  // code that runs the gate outside the engine (demo data) falls back to the gate's own name.
  const action = ctx.action ?? defaultAction;
  const { classification, proposalHash } = await classifyProposal(
    trx,
    snapshot,
    proposal,
    ctx.rules,
  );
  let status: GateStatus = { state: 'not_major' };
  if (classification.isMajor) {
    status = gateStatusOf(
      await repo.listRounds(trx, snapshot.id),
      await repo.listOpinions(trx, snapshot.id),
      await repo.listDisputes(trx, snapshot.id),
      proposalHash,
    );
  }
  const details = { proposalHash, classification: classificationRecord(classification) };
  const why = classification.matched.map((e) => `${e.label}（${e.citation}）`).join('；');
  switch (status.state) {
    case 'required':
      return refusal(
        'LEGAL_REVIEW_REQUIRED',
        status.reason === 'proposal_changed'
          ? '拟作出的决定在报送法制审核后已经变更，须就变更后的决定重新报送法制审核'
          : `该决定属于重大执法决定（${why}），须经法制审核后方可作出${isOnTheSpot ? '，不能适用简易程序当场作出' : ''}`,
        { ...details, reviewedProposalHash: status.round?.proposalHash ?? null },
      );
    case 'pending':
      return refusal(
        'LEGAL_REVIEW_NOT_AGREED',
        `法制审核尚未出具审核意见${status.round.dueOn ? `（审核期限至 ${status.round.dueOn}）` : ''}，不得作出决定`,
        { ...details, roundNo: status.round.roundNo },
      );
    case 'not_agreed':
      return refusal(
        'LEGAL_REVIEW_NOT_AGREED',
        `法制审核意见为“${status.opinion.outcomeLabel}”，审核未通过的不得作出决定`,
        { ...details, roundNo: status.round.roundNo, outcome: status.opinion.outcome },
      );
    case 'not_major':
    case 'agreed':
    case 'collective_decision':
      break;
  }
  const basis = status.state;
  // The request's actor carries IP and user agent (CONVENTIONS #5); without a request (demo
  // data) the principal is all there is.
  const actor: Actor = ctx.actor ?? {
    userId: principal.userId,
    name: principal.displayName,
    ip: null,
    userAgent: null,
  };
  const opinionId = status.state === 'agreed' ? status.opinion.id : null;
  const disputeId = status.state === 'collective_decision' ? status.dispute.id : null;
  const ledgerSeq = await appendLedgerEntry(trx, actor, {
    kind: 'review.gate_passed',
    subjectType: 'case',
    subjectId: snapshot.id,
    agencyId: snapshot.agencyId,
    caseId: snapshot.id,
    payload: { action, basis, opinionId, disputeId, ...details },
  });
  await repo.saveClassification(trx, {
    caseId: snapshot.id,
    proposalHash,
    proposal,
    isMajor: classification.isMajor,
    result: { ...classification },
    profileId: classification.profile.id,
    profileVersion: classification.profile.version,
    byName: principal.displayName,
    ledgerSeq,
  });
  await repo.insertGateCheck(trx, {
    caseId: snapshot.id,
    proposal,
    proposalHash,
    isMajor: classification.isMajor,
    basis,
    opinionId,
    disputeId,
    action,
    checkedBy: principal.userId,
    checkedByName: principal.displayName,
    ledgerSeq,
  });
  return undefined;
}

/**
 * A gate for a workflow's decision action: `proposalOf` says which proposal the action decides;
 * `action` names it only where the engine does not (the engine passes the action taken).
 * Every action that enters 'decided' or sets the decision date must carry one (the database
 * refuses the decision otherwise). The proposal must be what the action leaves in
 * details.proposed, which is what the trigger compares.
 */
export function legalReviewGateFor<I>(
  action: string,
  proposalOf: (ctx: GuardContext<I>) => unknown,
  options: { isOnTheSpot?: boolean; appliesTo?: (ctx: GuardContext<I>) => boolean } = {},
): Guard<I> {
  // `appliesTo` lets an action that decides only on some inputs (a penalty's enforcement is a
  // court application only when `means` is 'court') leave the others alone.
  const guard: Guard<I> = (ctx) =>
    options.appliesTo && !options.appliesTo(ctx)
      ? undefined
      : runGate(ctx, proposalOf(ctx) ?? null, action, options.isOnTheSpot ?? false);
  GATES.add(guard);
  return guard;
}

const GATES = new WeakSet<Guard<never>>();

/** Whether a guard is a legal-review gate (the workflow tables are checked for one). */
export function isLegalReviewGate(guard: Guard<never>): boolean {
  return GATES.has(guard);
}

/** Gate of a decision taken on the proposal already recorded on the case (一般程序 `decide`, and
 * every kind's decision action: the engine records the action's own name). */
export const legalReviewGate: Guard = legalReviewGateFor(
  'decide',
  (ctx) => ctx.snapshot.details.proposed,
);

/** Gate of a decision whose proposal arrives with the action itself (简易程序 `decide_on_spot`). */
export const legalReviewGateOnTheSpot = legalReviewGateFor<{ penalty: ProposedPenalty }>(
  'decide_on_spot',
  (ctx) => ctx.input.penalty,
  { isOnTheSpot: true },
);
