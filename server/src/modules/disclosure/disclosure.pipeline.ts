// The publishing pipeline. When a case enters 'decided' the case engine calls queueCaseDecision in
// its own transaction: the decision is queued with its due date (from the agency's effective
// rules and the decision's category), a deadline is opened, and — unless the agency signs off
// first — the redacted projection is published at once. Publishing writes the public row, a
// write-once event and a ledger entry whose payload is the public snapshot itself, and closes
// the deadline as met or missed.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/policy.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { displayPeriodOf } from './disclosure.display.ts';
import {
  categoryOf,
  penaltyOf,
  projectDecision,
  withholdFields,
  WITHHOLD_REASONS,
  WITHHOLDABLE_FIELDS,
  type CaseForDisclosure,
  type WithholdableField,
  type WithholdReason,
} from './disclosure.project.ts';
import {
  disclosureRepository as repo,
  type DecisionRow,
  type QueueRow,
  type StoredDecision,
} from './disclosure.repository.ts';
import { openRuleDeadline, publicationRule } from './disclosure.rules.ts';
import { normaliseDocNo, searchTextOf } from './disclosure.search.ts';
import type { DisclosureEventKind } from './disclosure.tables.ts';
import { toDecisionSnapshot, type DecisionSnapshot } from './disclosure.view.ts';

type Trx = Transaction<Database>;

/** What the pipeline needs from its caller besides the transaction: profile and clock. */
export interface DisclosureContext {
  profile: ProfileId;
  now: Date;
}

/** The agency's choice at sign-off (or the case's own flags when nobody signs off). */
export interface PublicationChoice {
  withheldFields: WithholdableField[];
  withholdReason: WithholdReason;
  /** The whole decision is not published (secrets, safety, hindering enforcement). */
  isWithheld: boolean;
  withholdNote: string | null;
}

/**
 * Entries of publication events carry only public data and no network details, so anyone may
 * be given the whole entry to recompute its leaf hash against a signed tree head.
 */
export function publicationActor(actor: Actor): Actor {
  return { userId: actor.userId, name: actor.name, ip: null, userAgent: null };
}

/** Flags a workflow may record in case.details.disclosure; absent means publish everything. */
export function choiceFromCase(details: Record<string, unknown>): PublicationChoice {
  const flags = (details.disclosure ?? {}) as Record<string, unknown>;
  const fields = Array.isArray(flags.withheldFields) ? flags.withheldFields : [];
  const reason = typeof flags.withholdReason === 'string' ? flags.withholdReason : 'trade_secret';
  return {
    withheldFields: WITHHOLDABLE_FIELDS.filter((f) => fields.includes(f)),
    withholdReason: reason in WITHHOLD_REASONS ? (reason as WithholdReason) : 'trade_secret',
    isWithheld: flags.isWithheld === true,
    withholdNote: typeof flags.withholdNote === 'string' ? flags.withholdNote : null,
  };
}

/** Writes one publication event: ledger entry (payload = public snapshot), then the event row. */
export async function recordPublicationEvent(
  trx: Trx,
  actor: Actor,
  event: { kind: DisclosureEventKind; decisionId: string; agencyId: string; at: Date },
  snapshot: DecisionSnapshot,
  reason: string | null,
): Promise<number> {
  const ledgerIndex = await appendLedgerEntry(trx, publicationActor(actor), {
    kind: `disclosure.${event.kind}`,
    subjectType: 'disclosure_decision',
    subjectId: event.decisionId,
    agencyId: event.agencyId,
    payload: { event: event.kind, reason, decision: snapshot },
  });
  await repo.insertEvent(trx, {
    decisionId: event.decisionId,
    event: event.kind,
    at: event.at,
    reason,
    snapshot: { ...snapshot },
    ledgerIndex,
  });
  return ledgerIndex;
}

function smallFineLimit(rules: EffectiveRules, c: CaseForDisclosure): number {
  const limit = rules.statute.summaryProcedureFineLimit.effective;
  if (!limit) return 0;
  return c.parties.some((p) => p.kind === 'organisation') ? limit.organisation : limit.citizen;
}

/** The stored projection of a case: content, search text and display period. */
export function storedDecisionOf(
  c: CaseForDisclosure,
  rules: EffectiveRules,
  choice: PublicationChoice,
  publishedOn: string,
): StoredDecision {
  const content = withholdFields(projectDecision(c), choice.withheldFields, choice.withholdReason);
  const display = displayPeriodOf({
    category: content.category,
    penalty: penaltyOf(c.details),
    publishedOn,
    smallFineLimitYuan: smallFineLimit(rules, c),
  });
  return {
    ...content,
    agencyId: c.agencyId,
    agencyName: c.agencyName,
    docNoNorm: normaliseDocNo(content.docNo),
    searchText: searchTextOf({ ...content, agencyName: c.agencyName }),
    displayUntil: display.until,
    displayBasis: display.basis,
    isEarlyEndBarred: display.isEarlyEndBarred,
  };
}

async function settleDeadline(
  trx: Trx,
  actor: Actor,
  queue: QueueRow,
  status: 'met' | 'missed' | 'cancelled',
  note: string,
) {
  if (queue.deadline_id) {
    await closeDeadline(trx, actor, { deadlineId: queue.deadline_id, status, note });
  }
}

/** Publishes (or withholds) a queued decision inside the caller's transaction. */
export async function publishQueued(
  trx: Trx,
  actor: Actor,
  queue: QueueRow,
  context: DisclosureContext,
  choice: PublicationChoice,
): Promise<DecisionRow | null> {
  if (queue.status !== 'pending_signoff') throw new AppError('DISCLOSURE_NOT_PENDING');
  const c = await repo.loadCase(trx, queue.case_id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const now = context.now;
  if (choice.isWithheld) {
    const reason = choice.withholdNote ?? WITHHOLD_REASONS[choice.withholdReason];
    await repo.settleQueue(trx, queue.id, {
      status: 'withheld',
      withheldFields: [],
      withholdReason: reason,
      publicationId: null,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    await settleDeadline(trx, actor, queue, 'cancelled', `依法不予公开：${reason}`);
    await appendLedgerEntry(trx, actor, {
      kind: 'disclosure.withheld',
      subjectType: 'disclosure_queue',
      subjectId: queue.id,
      agencyId: queue.agency_id,
      caseId: queue.case_id,
      payload: { reason },
    });
    return null;
  }
  const rules = await getEffectiveRules(trx, queue.agency_id, context.profile);
  const publishedOn = chinaToday(now);
  const stored = storedDecisionOf(c, rules, choice, publishedOn);
  const id = queue.id;
  const snapshot = toDecisionSnapshot({
    id,
    agency_id: stored.agencyId,
    agency_name: stored.agencyName,
    doc_no: stored.docNo,
    category: stored.category,
    power_name: stored.powerName,
    party: stored.party,
    party_credit_code: stored.partyCreditCode,
    facts: stored.facts,
    legal_basis: stored.legalBasis,
    result: stored.result,
    decided_on: stored.decidedOn,
    published_at: now,
    status: 'published',
    corrected_at: null,
    withdrawn_at: null,
    withdrawal_reason: null,
    display_until: stored.displayUntil,
  });
  const ledgerIndex = await appendLedgerEntry(trx, publicationActor(actor), {
    kind: 'disclosure.published',
    subjectType: 'disclosure_decision',
    subjectId: id,
    agencyId: queue.agency_id,
    payload: { event: 'published', reason: null, decision: snapshot },
  });
  await repo.insertDecision(trx, id, stored, now, ledgerIndex);
  await repo.insertEvent(trx, {
    decisionId: id,
    event: 'published',
    at: now,
    reason: null,
    snapshot: { ...snapshot },
    ledgerIndex,
  });
  await repo.settleQueue(trx, queue.id, {
    status: 'published',
    withheldFields: choice.withheldFields,
    withholdReason: choice.withheldFields.length > 0 ? choice.withholdReason : null,
    publicationId: id,
    decidedBy: actor.userId,
    decidedAt: now,
  });
  const isLate = queue.due_on !== null && publishedOn > queue.due_on;
  await settleDeadline(
    trx,
    actor,
    queue,
    isLate ? 'missed' : 'met',
    isLate ? `逾期公示（应于${queue.due_on}前公示）` : '已按期公示',
  );
  const row = await repo.findDecision(trx, id);
  return row ?? null;
}

/**
 * Queues a case's decision for disclosure; the case engine calls it in the transaction in which
 * the case enters 'decided'. Idempotent per case. Publishes at once unless the agency requires
 * sign-off. `options.id` fixes the publication's id (demo data only).
 */
export async function queueCaseDecision(
  trx: Trx,
  actor: Actor,
  caseId: string,
  context: DisclosureContext,
  options: { id?: string } = {},
): Promise<QueueRow> {
  const existing = await repo.findQueueByCase(trx, caseId);
  if (existing) return existing;
  const c = await repo.loadCase(trx, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const decidedOn = c.decidedOn ?? projectDecision(c).decidedOn;
  if (!decidedOn) throw new AppError('DECISION_NOT_DECIDED');
  const category = categoryOf(c.kind);
  const rules = await getEffectiveRules(trx, c.agencyId, context.profile);
  const rule = publicationRule(rules, category);
  const id = options.id ?? randomUUID();
  const due = await openRuleDeadline(trx, actor, rule, {
    agencyId: c.agencyId,
    caseId,
    subjectType: 'disclosure_queue',
    subjectId: id,
    kind: 'disclosure.publish',
    startOn: decidedOn,
  });
  const queue = await repo.insertQueue(trx, {
    id,
    agencyId: c.agencyId,
    caseId,
    category,
    ruleKey: rule.ruleKey,
    ruleText: rule.text,
    decidedOn,
    dueOn: due.dueOn,
    deadlineId: due.deadlineId,
  });
  await appendLedgerEntry(trx, actor, {
    kind: 'disclosure.queued',
    subjectType: 'disclosure_queue',
    subjectId: id,
    agencyId: c.agencyId,
    caseId,
    payload: { category, ruleKey: rule.ruleKey, rule: rule.text, decidedOn, dueOn: due.dueOn },
  });
  if (await repo.requiresSignoff(trx, c.agencyId)) return queue;
  await publishQueued(trx, actor, queue, context, choiceFromCase(c.details));
  return (await repo.findQueue(trx, id)) ?? queue;
}
