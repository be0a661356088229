// A citizen's written request to correct a published decision (SH 五(二); XC 第十五条): it gets a
// tracking number at once and an answer within the profile's limit (working days where the
// profile sets a number; 及时 otherwise, with no invented date). The tracking number is random,
// so it also works as the key to the answer: nobody can walk through other people's requests.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { closeDeadline } from '../deadlines/deadlines.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { disclosureRepository as repo } from './disclosure.repository.ts';
import { correctionAnswerRule, openRuleDeadline, type DeadlineRule } from './disclosure.rules.ts';
import {
  disclosureStaffRepository as staff,
  type CorrectionRequestRow,
} from './disclosure.staff.repository.ts';

// Crockford's base32 without I, L, O, U: readable aloud and over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** GZ + date + 8 random characters (40 bits), e.g. GZ20260323-7K2M9QXA. */
export function newTrackingNo(today: string): string {
  const bytes = randomBytes(8);
  const random = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `GZ${today.replaceAll('-', '')}-${random}`;
}

export const TRACKING_NO_PATTERN = '^GZ\\d{8}-[0-9A-HJKMNP-TV-Z]{8}$';

export interface CorrectionRequestInput {
  decisionId: string;
  name: string;
  contact: string;
  content: string;
}

/** Stores a request with its deadline and ledger entry, in the caller's transaction. */
export async function recordCorrectionRequest(
  trx: Transaction<Database>,
  actor: Actor,
  input: CorrectionRequestInput,
  context: { agencyId: string; rule: DeadlineRule; today: string; id?: string },
) {
  const { agencyId, rule, today } = context;
  const id = context.id ?? randomUUID();
  const trackingNo = newTrackingNo(today);
  const due = await openRuleDeadline(trx, actor, rule, {
    agencyId,
    subjectType: 'correction_request',
    subjectId: id,
    kind: 'disclosure.correction.answer',
    startOn: today,
  });
  await staff.insertCorrectionRequest(trx, {
    id,
    trackingNo,
    decisionId: input.decisionId,
    agencyId,
    requesterName: input.name,
    requesterContact: input.contact,
    content: input.content,
    receivedOn: today,
    dueOn: due.dueOn,
    ruleText: rule.text,
    deadlineId: due.deadlineId,
  });
  // Who asked and how to reach them stay out of the ledger.
  await appendLedgerEntry(trx, actor, {
    kind: 'disclosure.correction.requested',
    subjectType: 'correction_request',
    subjectId: id,
    agencyId,
    payload: { trackingNo, decisionId: input.decisionId, receivedOn: today, dueOn: due.dueOn },
  });
  return { id: trackingNo, dueBy: due.dueOn, rule: rule.text };
}

function staffView(r: CorrectionRequestRow) {
  return {
    id: r.id,
    trackingNo: r.tracking_no,
    decisionId: r.decision_id,
    agencyId: r.agency_id,
    requesterName: r.requester_name,
    requesterContact: r.requester_contact,
    content: r.content,
    receivedOn: r.received_on,
    dueBy: r.due_on,
    rule: r.rule_text,
    status: r.status,
    outcome: r.outcome,
    answer: r.answer,
    answeredAt: r.answered_at?.toISOString() ?? null,
  };
}

export function createCorrectionRequestService(
  db: Kysely<Database>,
  options: { profile: ProfileId; clock: () => Date },
) {
  return {
    async submit(actor: Actor, input: CorrectionRequestInput) {
      const decision = await repo.findDecision(db, input.decisionId);
      if (!decision) throw new AppError('DISCLOSURE_NOT_FOUND');
      const today = chinaToday(options.clock());
      const rules = await getEffectiveRules(db, decision.agency_id, options.profile);
      return db.transaction().execute((trx) =>
        recordCorrectionRequest(trx, actor, input, {
          agencyId: decision.agency_id,
          rule: correctionAnswerRule(rules),
          today,
        }),
      );
    },

    async track(trackingNo: string) {
      const r = await staff.findCorrectionRequestByTrackingNo(db, trackingNo);
      if (!r) throw new AppError('CORRECTION_REQUEST_NOT_FOUND');
      return {
        id: r.tracking_no,
        decisionId: r.decision_id,
        receivedOn: r.received_on,
        dueBy: r.due_on,
        rule: r.rule_text,
        status: r.status,
        outcome: r.outcome,
        answer: r.answer,
        answeredAt: r.answered_at?.toISOString() ?? null,
      };
    },

    async list(principal: Principal, agencyId: string, status?: 'open' | 'answered') {
      requireAgencyScope(
        principal,
        p.readCorrectionRequests,
        await requireAgencyTarget(db, agencyId),
      );
      return (await staff.listCorrectionRequests(db, agencyId, status)).map(staffView);
    },

    async answer(
      principal: Principal,
      actor: Actor,
      id: string,
      input: { outcome: 'corrected' | 'rejected'; answer: string },
    ) {
      const found = await staff.findCorrectionRequest(db, id);
      if (!found) throw new AppError('CORRECTION_REQUEST_NOT_FOUND');
      requireAgencyScope(
        principal,
        p.answerCorrectionRequest,
        await requireAgencyTarget(db, found.agency_id),
      );
      const now = options.clock();
      const today = chinaToday(now);
      await db.transaction().execute(async (trx) => {
        const r = await staff.lockCorrectionRequest(trx, id);
        if (!r) throw new AppError('CORRECTION_REQUEST_NOT_FOUND');
        if (r.status !== 'open') throw new AppError('CORRECTION_REQUEST_ANSWERED');
        await staff.answerCorrectionRequest(trx, id, {
          ...input,
          answeredAt: now,
          answeredBy: principal.userId,
        });
        if (r.deadline_id) {
          const isLate = r.due_on !== null && today > r.due_on;
          await closeDeadline(trx, actor, {
            deadlineId: r.deadline_id,
            status: isLate ? 'missed' : 'met',
            note: isLate ? `逾期答复（应于${r.due_on}前答复）` : '已按期答复',
          });
        }
        await appendLedgerEntry(trx, actor, {
          kind: 'disclosure.correction.answered',
          subjectType: 'correction_request',
          subjectId: id,
          agencyId: r.agency_id,
          payload: { trackingNo: r.tracking_no, outcome: input.outcome, answeredOn: today },
        });
      });
      const answered = await staff.findCorrectionRequest(db, id);
      if (!answered) throw new AppError('CORRECTION_REQUEST_NOT_FOUND');
      return staffView(answered);
    },
  };
}

export type CorrectionRequestService = ReturnType<typeof createCorrectionRequestService>;
