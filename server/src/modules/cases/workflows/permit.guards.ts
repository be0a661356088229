// Guards and effects of the permit workflows (《行政许可法》). Periods come from the statute section
// of the effective rules (cited there) or from the power's own statutory time limit in the
// catalogue.
import type { Static } from 'typebox';
import { addCalendarDays } from '../../calendar/working-days.ts';
import { citeStatute, periodEnd, statutePeriod, type Period } from '../periods.ts';
import type { GuardContext } from '../workflow.ts';
import { calendarAround } from './kinds.dates.ts';
import { kindsRepository } from './kinds.repository.ts';
import { d, list, refuse } from './kinds.shared.ts';
import {
  excludedWorkingDays,
  isAdverse,
  isCompensationOwed,
  isRenewalDeemedGranted,
  outcomesOf,
  groundsFor,
  permitActionsOf,
  permitDecisionDueOn,
  type DatedSpan,
} from './permit.rules.ts';
import type {
  AcceptInput,
  ExistingPermit,
  HearingBasis,
  PermitOutcome,
  PermitProcedure,
  PermitProposal,
  WithdrawalGround,
} from './permit.schemas.ts';

export interface Acceptance {
  acceptedOn: string;
  /** Art.32(四): accepted on receipt when corrections were not asked for in time. */
  periodStartsOn: string;
  isSiteCheckRequired: boolean;
  hearingBasis: HearingBasis;
  period: Period & { source: string };
  promisedDueOn: string | null;
}
export interface PermitNotice {
  servedOn: string;
  isHearingEligible: boolean;
  hearingRequestDueOn: string | null;
}
export interface PermitHearing {
  requestedOn?: string;
  noticeServedOn?: string;
  hearingOn?: string;
  heldOn?: string;
  presider?: { name: string; personId?: string };
}
export type ProposedPermit = PermitProposal & { permitActions: string[] };
export interface PermitDecision extends ProposedPermit {
  decidedOn: string;
  dueOn: string | null;
  isLate: boolean;
}

const procedureOf = (ctx: GuardContext) => ctx.snapshot.procedure as PermitProcedure;
const groundOf = (ctx: GuardContext) => d<{ ground: WithdrawalGround }>(ctx, 'withdrawal')?.ground;
/** The permit a 变更/延续 or a 撤销/注销 concerns. */
export const existingPermitOf = (ctx: GuardContext) =>
  d<{ existingPermit?: ExistingPermit }>(ctx, 'application')?.existingPermit ??
  d<{ permit: ExistingPermit }>(ctx, 'withdrawal')?.permit;

// --- Acceptance and the decision period ---------------------------------------------------------

/** The period for the decision: the power's statutory time limit where it has one, else art.42. */
export async function acceptanceOf(
  ctx: GuardContext<Static<typeof AcceptInput>>,
): Promise<Acceptance> {
  const received =
    d<{ receivedOn: string }>(ctx, 'application')?.receivedOn ?? ctx.input.acceptedOn;
  const correction = d<{ requestedOn: string }>(ctx, 'correction');
  // Not told to correct within the period: accepted, for the period, on the day of receipt.
  const correctionDue = await periodEnd(
    ctx.trx,
    received,
    statutePeriod(ctx.rules, 'permitCorrectionNotice'),
  );
  const periodStartsOn =
    correction || ctx.input.acceptedOn <= correctionDue ? ctx.input.acceptedOn : received;
  const power = ctx.snapshot.powerId
    ? await kindsRepository.findPowerTerms(ctx.trx, ctx.snapshot.powerId)
    : null;
  const statutory = power?.timeLimit.statutory;
  const period = statutory
    ? { ...statutory, source: `权力事项“${power.name}”的法定时限` }
    : {
        ...statutePeriod(ctx.rules, 'permitDecisionDeadline'),
        source: citeStatute(ctx.rules, 'permitDecisionDeadline'),
      };
  const promised = power?.timeLimit.promised;
  const promisedDueOn = promised
    ? promised.amount === 0
      ? periodStartsOn
      : await periodEnd(ctx.trx, periodStartsOn, promised)
    : null;
  return {
    acceptedOn: ctx.input.acceptedOn,
    periodStartsOn,
    isSiteCheckRequired: ctx.input.isSiteCheckRequired,
    hearingBasis: ctx.input.hearingBasis,
    period,
    promisedDueOn,
  };
}

/** Art.45: the hearing's time does not count, from the request (or notice) to the hearing. */
function hearingSpan(ctx: GuardContext): DatedSpan[] {
  const h = d<PermitHearing>(ctx, 'hearing');
  const from = h?.requestedOn ?? h?.noticeServedOn;
  return from ? [{ from, to: h?.heldOn ?? ctx.today }] : [];
}

/** The decision's last day as things stand; null before acceptance (撤销/注销 have no such period). */
export async function decisionDueOn(
  ctx: GuardContext,
  options: { withExtension: boolean } = { withExtension: true },
): Promise<string | null> {
  const acceptance = d<Acceptance>(ctx, 'acceptance');
  if (!acceptance) return null;
  const calendar = await calendarAround(ctx.trx, acceptance.periodStartsOn, ctx.today);
  const spans = [...list<DatedSpan>(ctx, 'exclusions'), ...hearingSpan(ctx)];
  const extension = options.withExtension
    ? (d<{ workingDays: number }>(ctx, 'extension')?.workingDays ?? 0)
    : 0;
  return permitDecisionDueOn(
    calendar,
    acceptance.periodStartsOn,
    acceptance.period,
    extension,
    excludedWorkingDays(calendar, spans),
  );
}

export const correctionInTime = async (ctx: GuardContext<{ requestedOn: string }>) => {
  if (d(ctx, 'correction')) {
    return refuse('PERMIT_CORRECTION_ALREADY_REQUESTED');
  }
  const received = d<{ receivedOn: string }>(ctx, 'application')?.receivedOn;
  if (!received) return undefined;
  const due = await periodEnd(
    ctx.trx,
    received,
    statutePeriod(ctx.rules, 'permitCorrectionNotice'),
  );
  return ctx.input.requestedOn > due
    ? refuse(
        'PERMIT_CORRECTION_NOTICE_LATE',
        `须在 ${due} 前一次告知需要补正的全部内容；逾期未告知的，自收到申请材料之日起即为受理（${citeStatute(ctx.rules, 'permitCorrectionNotice')}）`,
        { dueOn: due },
      )
    : undefined;
};

export const extensionAllowed = async (ctx: GuardContext<{ approvedOn: string }>) => {
  if (d(ctx, 'extension')) return refuse('PERMIT_EXTENSION_USED');
  const due = await decisionDueOn(ctx, { withExtension: false });
  return due && ctx.input.approvedOn > due
    ? refuse('PERMIT_EXTENSION_LATE', `决定期限已于 ${due} 届满，不能再批准延长`, { dueOn: due })
    : undefined;
};

// --- Hearings (arts.46–48) ----------------------------------------------------------------------

const isAnnouncedHearing = (basis: HearingBasis | undefined) =>
  basis === 'required_by_law' || basis === 'public_interest';

export async function hearingRightNotice(ctx: GuardContext<{ servedOn: string }>) {
  const notice: PermitNotice = {
    servedOn: ctx.input.servedOn,
    isHearingEligible: true,
    hearingRequestDueOn: await periodEnd(
      ctx.trx,
      ctx.input.servedOn,
      statutePeriod(ctx.rules, 'permitHearingRequestDeadline'),
    ),
  };
  return notice;
}

export const hearingRequestable = (ctx: GuardContext<{ requestedOn: string }>) => {
  const notice = d<PermitNotice>(ctx, 'notice');
  if (!notice?.isHearingEligible) return refuse('HEARING_NOT_AVAILABLE');
  if (notice.hearingRequestDueOn && ctx.input.requestedOn > notice.hearingRequestDueOn) {
    return refuse('HEARING_REQUEST_LATE', `听证申请期限已于 ${notice.hearingRequestDueOn} 届满`);
  }
  return undefined;
};

export const hearingNoticeValid = async (
  ctx: GuardContext<{
    noticeServedOn: string;
    hearingOn: string;
    presider: { personId?: string; name: string };
    announcedOn?: string;
  }>,
) => {
  const basis = d<Acceptance>(ctx, 'acceptance')?.hearingBasis;
  if (ctx.snapshot.state !== 'hearing_requested' && !isAnnouncedHearing(basis)) {
    return refuse('HEARING_NOT_AVAILABLE', '当事人未申请听证，且本事项不属于依法应当听证的情形');
  }
  if (isAnnouncedHearing(basis) && !ctx.input.announcedOn) {
    return refuse('PERMIT_HEARING_ANNOUNCEMENT_REQUIRED');
  }
  const earliest = await periodEnd(
    ctx.trx,
    ctx.input.noticeServedOn,
    statutePeriod(ctx.rules, 'permitHearingNoticeLeadTime'),
  );
  if (ctx.input.hearingOn < earliest) {
    return refuse(
      'HEARING_NOTICE_TOO_LATE',
      `听证通知须在举行听证的七日前送达：听证日期不得早于 ${earliest}（${citeStatute(ctx.rules, 'permitHearingNoticeLeadTime')}）`,
      { earliest },
    );
  }
  const { personId } = ctx.input.presider;
  if (personId && ctx.snapshot.officers.some((o) => o.personId === personId)) {
    return refuse('PERMIT_HEARING_PRESIDER_CONFLICT');
  }
  return undefined;
};

export async function hearingOrganiseDueOn(ctx: GuardContext): Promise<string | null> {
  const requestedOn = d<PermitHearing>(ctx, 'hearing')?.requestedOn;
  return requestedOn
    ? periodEnd(ctx.trx, requestedOn, statutePeriod(ctx.rules, 'permitHearingOrganiseDeadline'))
    : null;
}

export const hearingSettled = (ctx: GuardContext) => {
  const basis = d<Acceptance>(ctx, 'acceptance')?.hearingBasis;
  const notice = d<PermitNotice>(ctx, 'notice');
  const hearing = d<PermitHearing>(ctx, 'hearing');
  if (isAnnouncedHearing(basis) && !hearing?.heldOn) return refuse('PERMIT_HEARING_REQUIRED');
  if (basis === 'major_interest' && !notice) return refuse('PERMIT_HEARING_RIGHT_NOT_NOTIFIED');
  if (hearing && !hearing.heldOn) return refuse('HEARING_NOT_HELD');
  if (notice?.isHearingEligible && !hearing && notice.hearingRequestDueOn) {
    if (ctx.today <= notice.hearingRequestDueOn) {
      return refuse(
        'HEARING_PERIOD_OPEN',
        `申请人、利害关系人可在 ${notice.hearingRequestDueOn} 前要求听证，期满后方可作出决定`,
      );
    }
  }
  return undefined;
};

// --- The proposal and the decision --------------------------------------------------------------

export const proposalLawful = (ctx: GuardContext<{ proposed: PermitProposal }>) => {
  const p = ctx.input.proposed;
  const procedure = procedureOf(ctx);
  if (!outcomesOf(procedure).includes(p.outcome)) {
    return refuse('PERMIT_OUTCOME_NOT_AVAILABLE');
  }
  if (isAdverse(p.outcome) && (!p.reasons || !p.remedyNotice)) {
    return refuse('PERMIT_REASONS_REQUIRED');
  }
  const ground = groundOf(ctx);
  if ((p.outcome === 'revoke' || p.outcome === 'withdraw' || p.outcome === 'cancel') && ground) {
    if (!groundsFor(p.outcome).includes(ground)) return refuse('PERMIT_GROUND_MISMATCH');
  }
  if (p.outcome === 'revoke') {
    if (p.harmsPublicInterest === undefined) {
      return refuse('VALIDATION_FAILED', '撤销行政许可须说明是否可能对公共利益造成重大损害');
    }
    if (p.harmsPublicInterest) return refuse('PERMIT_REVOCATION_HARMS_PUBLIC_INTEREST');
  }
  if (isCompensationOwed(p.outcome, ground) && !p.compensation) {
    return refuse('PERMIT_COMPENSATION_REQUIRED');
  }
  return undefined;
};

export const proposedPermit = (
  ctx: GuardContext<{ proposed: PermitProposal }>,
): ProposedPermit => ({
  ...ctx.input.proposed,
  permitActions: permitActionsOf(procedureOf(ctx), ctx.input.proposed.outcome),
});

export const siteCheckDone = (ctx: GuardContext) =>
  d<Acceptance>(ctx, 'acceptance')?.isSiteCheckRequired && list(ctx, 'siteChecks').length === 0
    ? refuse('SITE_CHECK_REQUIRED')
    : undefined;

export const decisionOnHearingRecord = (ctx: GuardContext) => {
  const heard = d<PermitHearing>(ctx, 'hearing')?.heldOn;
  return heard && !d<ProposedPermit>(ctx, 'proposed')?.isBasedOnHearingRecord
    ? refuse('PERMIT_HEARING_RECORD_NOT_CONSIDERED')
    : undefined;
};

export const decisionStillOpen = (ctx: GuardContext<{ decidedOn: string }>) => {
  const outcome = d<ProposedPermit>(ctx, 'proposed')?.outcome;
  const permit = existingPermitOf(ctx);
  if (procedureOf(ctx) === 'renew' && outcome === 'deny' && permit?.validUntil) {
    if (isRenewalDeemedGranted(ctx.input.decidedOn, permit.validUntil)) {
      return refuse('PERMIT_RENEWAL_DEEMED_GRANTED', undefined, { validUntil: permit.validUntil });
    }
  }
  if (outcome === 'cancel' && groundOf(ctx) === 'expired_not_renewed') {
    if (!permit?.validUntil || permit.validUntil >= ctx.input.decidedOn) {
      return refuse('PERMIT_NOT_EXPIRED');
    }
  }
  return undefined;
};

export async function decisionRecord(
  ctx: GuardContext<{ decidedOn: string }>,
): Promise<PermitDecision> {
  const proposed = d<ProposedPermit>(ctx, 'proposed') as ProposedPermit;
  const dueOn = await decisionDueOn(ctx);
  return {
    ...proposed,
    decidedOn: ctx.input.decidedOn,
    dueOn,
    isLate: dueOn !== null && ctx.input.decidedOn > dueOn,
  };
}

export async function certificateRecord(ctx: GuardContext<{ issuedOn: string }>) {
  const decidedOn = d<PermitDecision>(ctx, 'decision')?.decidedOn ?? ctx.input.issuedOn;
  const dueOn = await periodEnd(
    ctx.trx,
    decidedOn,
    statutePeriod(ctx.rules, 'permitCertificateDeadline'),
  );
  return { ...ctx.input, dueOn, isLate: ctx.input.issuedOn > dueOn };
}

export const certificateApplicable = (ctx: GuardContext) => {
  const decision = d<PermitDecision>(ctx, 'decision');
  return decision?.outcome === 'grant' && decision.issuesCertificate
    ? undefined
    : refuse('PERMIT_CERTIFICATE_NOT_APPLICABLE');
};

export const certificateIssuedIfDue = (ctx: GuardContext) => {
  const decision = d<PermitDecision>(ctx, 'decision');
  return decision?.outcome === 'grant' && decision.issuesCertificate && !d(ctx, 'certificate')
    ? refuse('PERMIT_CERTIFICATE_NOT_ISSUED')
    : undefined;
};

/** Art.50: a renewal applied for later than the lead time is flagged for the acceptance decision. */
export function renewalTiming(
  ctx: GuardContext,
  receivedOn: string,
  permit: ExistingPermit | undefined,
) {
  if (!permit?.validUntil) return null;
  const lead = statutePeriod(ctx.rules, 'permitRenewalLeadTime');
  const latestOn = addCalendarDays(permit.validUntil, -lead.amount);
  return { latestOn, isTimely: receivedOn <= latestOn };
}

export const outcomeOf = (ctx: GuardContext): PermitOutcome | undefined =>
  d<ProposedPermit>(ctx, 'proposed')?.outcome;
