// What the agency does with its publications: sign off queued decisions, correct errors, withdraw
// revoked decisions within the profile's limit, end the display early after credit repair; and
// what supervisors watch (overdue items). Each command is one transaction with its ledger entries.
import type { Kysely, Transaction } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import {
  listScope,
  requireAgencyScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { addCalendarDays } from '../calendar/working-days.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import {
  publishQueued,
  recordPublicationEvent,
  type PublicationChoice,
} from './disclosure.pipeline.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { projectDecision, type DecisionContent } from './disclosure.project.ts';
import { redactText } from './disclosure.redact.ts';
import { disclosureRepository as repo, type DecisionRow } from './disclosure.repository.ts';
import { openRuleDeadline, withdrawalRule } from './disclosure.rules.ts';
import { normaliseDocNo, searchTextOf } from './disclosure.search.ts';
import { disclosureStaffRepository as staff } from './disclosure.staff.repository.ts';
import type { QueueStatus } from './disclosure.tables.ts';
import { toDecisionSnapshot, toDecisionView } from './disclosure.view.ts';

/** What a withdrawn decision still shows in place of its content. */
export const WITHDRAWN_TEXT = '（原公示内容已撤下）';

export interface CorrectionInput {
  docNo?: string | undefined;
  facts?: string | undefined;
  legalBasis?: string | undefined;
  result?: string | undefined;
  reason: string;
}

/** Locks the public row inside the transaction; withdrawn rows change no more. */
async function lockLive(trx: Transaction<Database>, id: string) {
  const row = await repo.lockDecision(trx, id);
  if (!row) throw new AppError('DISCLOSURE_NOT_FOUND');
  if (row.status === 'withdrawn') throw new AppError('DISCLOSURE_WITHDRAWN');
  return row;
}

/**
 * Takes a revoked, illegal or to-be-redone decision down in the caller's transaction, leaving its
 * 文号, dates and the reason public. The limit (profile; for penalties also 《行政处罚法》 art.48)
 * runs from the revocation; the deadline records whether it was kept.
 */
export async function withdrawDecision(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  input: { reason: string; revokedOn: string },
  context: { profile: ProfileId; now: Date },
) {
  const { now } = context;
  const today = chinaToday(now);
  const row = await lockLive(trx, id);
  if (input.revokedOn > today || input.revokedOn < row.decided_on) {
    throw new AppError('INVALID_DATE_RANGE', {
      message: '撤销（确认违法、重新作出）日期不能早于决定日期，也不能晚于今天',
    });
  }
  const rule = withdrawalRule(
    await getEffectiveRules(trx, row.agency_id, context.profile),
    row.category,
  );
  const queue = await staff.findQueueByPublication(trx, id);
  const parties = queue ? ((await repo.loadCase(trx, queue.case_id))?.parties ?? []) : [];
  const reason = redactText(input.reason, parties);
  const content: DecisionContent = {
    docNo: row.doc_no,
    category: row.category,
    powerName: row.power_name,
    party: WITHDRAWN_TEXT,
    partyCreditCode: null,
    facts: WITHDRAWN_TEXT,
    legalBasis: WITHDRAWN_TEXT,
    result: WITHDRAWN_TEXT,
    decidedOn: row.decided_on,
  };
  const next: DecisionRow = {
    ...row,
    party: WITHDRAWN_TEXT,
    party_credit_code: null,
    facts: WITHDRAWN_TEXT,
    legal_basis: WITHDRAWN_TEXT,
    result: WITHDRAWN_TEXT,
    status: 'withdrawn',
    withdrawn_at: now,
    withdrawal_reason: reason,
  };
  const ledgerIndex = await recordPublicationEvent(
    trx,
    actor,
    { kind: 'withdrawn', decisionId: id, agencyId: row.agency_id, at: now },
    toDecisionSnapshot(next),
    reason,
  );
  await repo.updateDecision(trx, id, {
    content,
    searchText: searchTextOf({ ...content, agencyName: row.agency_name }),
    status: 'withdrawn',
    withdrawnAt: now,
    withdrawalReason: reason,
    ledgerIndex,
  });
  const due = await openRuleDeadline(trx, actor, rule, {
    agencyId: row.agency_id,
    subjectType: 'disclosure_decision',
    subjectId: id,
    kind: 'disclosure.withdraw',
    startOn: input.revokedOn,
  });
  const isLate = due.dueOn !== null && today > due.dueOn;
  if (due.deadlineId) {
    await closeDeadline(trx, actor, {
      deadlineId: due.deadlineId,
      status: isLate ? 'missed' : 'met',
      note: isLate ? `逾期撤下（应于${due.dueOn}前撤下）` : '已按期撤下',
    });
  }
  return { rule: rule.text, dueOn: due.dueOn, isLate };
}

export function createDisclosureService(
  db: Kysely<Database>,
  options: { profile: ProfileId; clock: () => Date },
) {
  async function scoped(principal: Principal, policy: RoutePolicy, agencyId: string) {
    requireAgencyScope(principal, policy, await requireAgencyTarget(db, agencyId));
  }

  async function decisionInScope(principal: Principal, policy: RoutePolicy, id: string) {
    const row = await repo.findDecision(db, id);
    if (!row) throw new AppError('DISCLOSURE_NOT_FOUND');
    await scoped(principal, policy, row.agency_id);
    return row;
  }

  async function reload(id: string) {
    const row = await repo.findDecision(db, id);
    if (!row) throw new AppError('DISCLOSURE_NOT_FOUND');
    return toDecisionView(row);
  }

  return {
    async listQueue(principal: Principal, agencyId: string, status?: QueueStatus) {
      await scoped(principal, p.readQueue, agencyId);
      const today = chinaToday(options.clock());
      const items = await staff.listQueue(db, agencyId, status);
      return items.map((i) => ({
        ...i,
        queuedAt: i.queuedAt.toISOString(),
        isOverdue: i.status === 'pending_signoff' && i.dueOn !== null && i.dueOn < today,
      }));
    },

    async signOff(principal: Principal, actor: Actor, queueId: string, choice: PublicationChoice) {
      const queue = await repo.findQueue(db, queueId);
      if (!queue) throw new AppError('DISCLOSURE_NOT_FOUND');
      await scoped(principal, p.signOff, queue.agency_id);
      const context = { profile: options.profile, now: options.clock() };
      const row = await db.transaction().execute(async (trx) => {
        const locked = await repo.lockQueue(trx, queueId);
        if (!locked) throw new AppError('DISCLOSURE_NOT_FOUND');
        return publishQueued(trx, actor, locked, context, choice);
      });
      const settled = await repo.findQueue(db, queueId);
      return {
        status: settled?.status ?? 'pending_signoff',
        decision: row ? toDecisionView(row) : null,
      };
    },

    async saveSettings(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      requiresSignoff: boolean,
    ) {
      await scoped(principal, p.settings, agencyId);
      await db.transaction().execute(async (trx) => {
        await repo.saveSettings(trx, agencyId, requiresSignoff);
        await appendLedgerEntry(trx, actor, {
          kind: 'disclosure.settings.changed',
          subjectType: 'agency',
          subjectId: agencyId,
          agencyId,
          payload: { requiresSignoff },
        });
      });
      return { agencyId, requiresSignoff };
    },

    async correct(principal: Principal, actor: Actor, id: string, input: CorrectionInput) {
      await decisionInScope(principal, p.correct, id);
      const now = options.clock();
      await db.transaction().execute(async (trx) => {
        const row = await lockLive(trx, id);
        const queue = await staff.findQueueByPublication(trx, id);
        const c = queue ? await repo.loadCase(trx, queue.case_id) : undefined;
        const parties = c?.parties ?? [];
        const clean = (text: string | undefined, current: string) =>
          text === undefined ? current : redactText(text, parties);
        // The party is projected again from the case, so a party corrected there is corrected here.
        const party = c
          ? projectDecision(c)
          : { party: row.party, partyCreditCode: row.party_credit_code };
        const content: DecisionContent = {
          docNo: clean(input.docNo, row.doc_no),
          category: row.category,
          powerName: row.power_name,
          party: party.party,
          partyCreditCode: party.partyCreditCode,
          facts: clean(input.facts, row.facts),
          legalBasis: clean(input.legalBasis, row.legal_basis),
          result: clean(input.result, row.result),
          decidedOn: row.decided_on,
        };
        const next: DecisionRow = {
          ...row,
          doc_no: content.docNo,
          party: content.party,
          party_credit_code: content.partyCreditCode,
          facts: content.facts,
          legal_basis: content.legalBasis,
          result: content.result,
          status: 'corrected',
          corrected_at: now,
        };
        const reason = redactText(input.reason, parties);
        const ledgerIndex = await recordPublicationEvent(
          trx,
          actor,
          { kind: 'corrected', decisionId: id, agencyId: row.agency_id, at: now },
          toDecisionSnapshot(next),
          reason,
        );
        await repo.updateDecision(trx, id, {
          content,
          docNoNorm: normaliseDocNo(content.docNo),
          searchText: searchTextOf({ ...content, agencyName: row.agency_name }),
          status: 'corrected',
          correctedAt: now,
          ledgerIndex,
        });
      });
      return reload(id);
    },

    async withdraw(
      principal: Principal,
      actor: Actor,
      id: string,
      input: { reason: string; revokedOn: string },
    ) {
      await decisionInScope(principal, p.withdraw, id);
      const context = { profile: options.profile, now: options.clock() };
      const deadline = await db
        .transaction()
        .execute((trx) => withdrawDecision(trx, actor, id, input, context));
      return { decision: await reload(id), deadline };
    },

    async endDisplay(principal: Principal, actor: Actor, id: string, reason: string) {
      await decisionInScope(principal, p.endDisplay, id);
      const now = options.clock();
      const yesterday = addCalendarDays(chinaToday(now), -1);
      await db.transaction().execute(async (trx) => {
        const row = await lockLive(trx, id);
        if (row.display_until === null) throw new AppError('DISPLAY_EARLY_END_NOT_APPLICABLE');
        if (row.is_early_end_barred) throw new AppError('DISPLAY_EARLY_END_BARRED');
        const ledgerIndex = await recordPublicationEvent(
          trx,
          actor,
          { kind: 'display_ended', decisionId: id, agencyId: row.agency_id, at: now },
          toDecisionSnapshot({ ...row, display_until: yesterday }),
          reason,
        );
        await repo.updateDecision(trx, id, { displayUntil: yesterday, ledgerIndex });
      });
      return { id, displayUntil: yesterday };
    },

    async listOverdue(principal: Principal) {
      const scope = listScope(principal, p.readOverdue);
      const today = chinaToday(options.clock());
      const [publications, requests] = await Promise.all([
        staff.listOverdueQueue(db, scope, today),
        staff.listOverdueCorrectionRequests(db, scope, today),
      ]);
      return {
        today,
        publications: publications.map((i) => ({ ...i, queuedAt: i.queuedAt.toISOString() })),
        correctionRequests: requests.map((r) => ({
          id: r.id,
          trackingNo: r.tracking_no,
          agencyId: r.agency_id,
          decisionId: r.decision_id,
          receivedOn: r.received_on,
          dueOn: r.due_on,
        })),
      };
    },
  };
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;
