// Guards of the penalty workflow (《行政处罚法》), each refusing with a stable code. Every period and
// limit is read from the effective rules' statute section.
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../../../db/schema.ts';
import type { EffectiveRules } from '../../profile/profile.resolve.ts';
import type { AvAct } from '../../profile/profile.vocabulary.ts';
import { avRecordedEach, unclaimedAvRecord } from '../guards.ts';
import { isAppError } from '../../../shared/errors.ts';
import { periodEnd, periodOf, statutePeriod, type Period } from '../periods.ts';
import type { GuardContext, Refusal } from '../workflow.ts';
import {
  decisionDueOn,
  isDefenceSettled,
  isHeavier,
  missingAmounts,
  type Suspension,
} from './penalty.rules.ts';
import type {
  ServiceInput,
  SummaryDecisionInput,
  TranscriptInput,
  ProposedPenalty,
} from './penalty.schemas.ts';

/**
 * The 事先告知 as recorded. The party's periods and last days are counted once, when its service
 * is recorded, and kept: they are what the 告知书 tells the party in writing, so a later change of
 * the profile or of the holiday calendar does not move them.
 */
export interface Notice {
  servedOn: string;
  proposed: ProposedPenalty;
  isHearingEligible: boolean;
  hearingRequestDueOn: string | null;
  /** The period to ask for a hearing, where the proposal allows one. */
  hearingRequestPeriod?: Period | null;
  /** The period to state and defend. Absent on notices recorded before it was kept. */
  defencePeriod?: Period;
  /**
   * The last day to state and defend. Absent on notices recorded before it was kept, and null
   * when the holidays of the period's year were not loaded at service: then counted when read.
   */
  defenceDueOn?: string | null;
}
export interface Decision {
  decidedOn: string;
  penalty: ProposedPenalty;
}
export interface Service {
  method: string;
  servedOn: string;
  paymentDueOn: string | null;
}

export const d = <T>(ctx: GuardContext, key: string) => ctx.snapshot.details[key] as T | undefined;
export const list = <T>(ctx: GuardContext, key: string) =>
  (ctx.snapshot.details[key] as T[] | undefined) ?? [];
export const refuse = (code: Refusal['code'], message?: string, details?: unknown): Refusal => ({
  code,
  ...(message ? { message } : {}),
  ...(details === undefined ? {} : { details }),
});
export const statute = (ctx: GuardContext) => ctx.rules.statute;

export const transcriptNamesOfficers = (ctx: GuardContext<Static<typeof TranscriptInput>>) => {
  const required = Number(statute(ctx).officersRequired.effective);
  const { officers, partySigned, refusalNote } = ctx.input;
  const onCase = new Map(ctx.snapshot.officers.map((o) => [o.personId, o]));
  const wrong = officers.filter((o) => onCase.get(o.personId)?.credentialNo !== o.credentialNo);
  if (wrong.length > 0 || officers.length < required) {
    return refuse(
      'TRANSCRIPT_INCOMPLETE',
      `笔录须载明至少 ${required} 名本案执法人员的姓名和执法证号`,
    );
  }
  if (!partySigned && !refusalNote) {
    return refuse('TRANSCRIPT_INCOMPLETE', '笔录须有当事人签名，当事人拒绝签名的应注明情况');
  }
  if (ctx.input.transcriptKind === 'sampling' && !ctx.input.samples) {
    return refuse('TRANSCRIPT_INCOMPLETE', '抽样取证须载明所抽取样品的名称、规格和数量');
  }
  return undefined;
};

/**
 * The audio/video acts a transcript records, in the words profiles use: a 现场笔录 or 检查笔录
 * is made at an on-site inspection (薛城区 附件2 第十三条: 现场检查(勘验) recorded simultaneously),
 * a 勘验笔录 at a survey, a 询问笔录 in an investigation, the record of 抽样取证 at a sampling
 * (薛城区 附件2 第十三条 抽样调查, always; 上海 附件2 三（二）2 (3)抽样取证, as circumstances
 * require). The profile decides which must be recorded.
 */
export const TRANSCRIPT_AV_ACTS: Record<TranscriptInput['transcriptKind'], AvAct[]> = {
  on_site: ['on_site_enforcement', 'site_inspection', 'inspection_with_contact'],
  inspection: ['site_inspection', 'inspection_with_contact'],
  survey: ['survey'],
  inquiry: ['investigation'],
  sampling: ['sampling'],
};

/** Recordings already linked to an earlier transcript: each occurrence needs its own. */
const claimedByTranscripts = (ctx: GuardContext) =>
  list<{ avEvidenceId?: string | null }>(ctx, 'transcripts').flatMap((t) =>
    t.avEvidenceId ? [t.avEvidenceId] : [],
  );

export const transcriptAvRecorded = avRecordedEach(
  (ctx) => TRANSCRIPT_AV_ACTS[(ctx.input as TranscriptInput).transcriptKind],
  'record_transcript',
  claimedByTranscripts,
);

/** The transcript as recorded, linked to the audio/video record (or exemption) of its act. */
export async function transcriptRecord(ctx: GuardContext<TranscriptInput>) {
  const { evidenceId } = await unclaimedAvRecord(
    ctx,
    TRANSCRIPT_AV_ACTS[ctx.input.transcriptKind],
    'record_transcript',
    claimedByTranscripts(ctx),
  );
  return { ...ctx.input, avEvidenceId: evidenceId };
}

export const proposalComplete = (penalty: ProposedPenalty) => {
  const missing = missingAmounts(penalty);
  return missing.length > 0
    ? refuse('PENALTY_INCOMPLETE', `拟作出的处罚缺少：${missing.join('、')}`)
    : undefined;
};

/** A decision needs an approved filing (an emergency start must have been ratified first). */
export const filingApproved = (ctx: GuardContext) =>
  d(ctx, 'filing') ? undefined : refuse('FILING_APPROVAL_REQUIRED');

export const hasTranscript = (ctx: GuardContext) =>
  list(ctx, 'transcripts').length > 0 ? undefined : refuse('TRANSCRIPT_REQUIRED');

export const notHeavierThanNotice = (penalty: ProposedPenalty | undefined, ctx: GuardContext) => {
  const notice = d<Notice>(ctx, 'notice');
  if (!notice) return refuse('PRIOR_NOTICE_REQUIRED');
  if (penalty && isHeavier(penalty, notice.proposed)) {
    return refuse('PENALTY_HEAVIER_THAN_NOTICE');
  }
  return undefined;
};

export const hearingSettled = (ctx: GuardContext) => {
  const notice = d<Notice>(ctx, 'notice');
  const hearing = d<{ requestedOn: string; heldOn?: string }>(ctx, 'hearing');
  if (hearing && !hearing.heldOn) return refuse('HEARING_NOT_HELD');
  if (notice?.isHearingEligible && !hearing && notice.hearingRequestDueOn) {
    if (ctx.today <= notice.hearingRequestDueOn) {
      return refuse(
        'HEARING_PERIOD_OPEN',
        `当事人可在 ${notice.hearingRequestDueOn} 前要求听证，期满后方可作出决定`,
      );
    }
  }
  return undefined;
};

/** The period to state and defend the notice was served with (the profile's, for older ones). */
export const defencePeriodOf = (rules: EffectiveRules, notice: Pick<Notice, 'defencePeriod'>) =>
  notice.defencePeriod ?? statutePeriod(rules, 'defenceDeadline');

/**
 * The last day the party may state and defend: the day kept when the notice's service was
 * recorded, or, for a notice recorded without one, its period counted from the service now. The
 * decision waits for it (defenceSettled) and the 事先告知书 prints it (instruments), both from
 * here, so the party reads the day the guard counts.
 */
export const defenceDueOn = async (
  db: Kysely<Database>,
  rules: EffectiveRules,
  notice: Pick<Notice, 'servedOn' | 'defencePeriod' | 'defenceDueOn'>,
) => notice.defenceDueOn ?? periodEnd(db, notice.servedOn, defencePeriodOf(rules, notice));

/**
 * The notice as notify_intent records it, its periods counted from the service. A statement
 * period running into a year whose holidays are not loaded is kept without its last day (the
 * notice is still recorded; the documents that print the day wait for the calendar); the hearing
 * request's day is needed at once by the hearing guards, so it is refused as before.
 */
export async function noticeOf(
  ctx: GuardContext,
  input: { servedOn: string; proposed: ProposedPenalty },
  isHearingEligible: boolean,
): Promise<Notice> {
  const defencePeriod = statutePeriod(ctx.rules, 'defenceDeadline');
  const hearingRequestPeriod = isHearingEligible
    ? periodOf(statute(ctx).hearingRequestDeadline.effective, 'hearingRequestDeadline')
    : null;
  return {
    servedOn: input.servedOn,
    proposed: input.proposed,
    isHearingEligible,
    hearingRequestDueOn: hearingRequestPeriod
      ? await periodEnd(ctx.trx, input.servedOn, hearingRequestPeriod)
      : null,
    hearingRequestPeriod,
    defencePeriod,
    defenceDueOn: await periodEnd(ctx.trx, input.servedOn, defencePeriod).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'CALENDAR_NOT_LOADED') return null;
      throw e;
    }),
  };
}

/**
 * Arts.44, 45, 62: no decision while the party's statement period runs, unless it has been heard
 * (its defence recorded and reviewed, or a hearing held) or has expressly waived the right. The
 * period is counted as the case's deadline row counts it; neither the day of the decision nor
 * the day it is taken may fall inside it.
 */
export const defenceSettled = async (ctx: GuardContext<{ decidedOn: string }>) => {
  const notice = d<Notice>(ctx, 'notice');
  if (!notice || isDefenceSettled(ctx.snapshot.details)) return undefined;
  const dueOn = await defenceDueOn(ctx.trx, ctx.rules, notice);
  if (ctx.today > dueOn && ctx.input.decidedOn > dueOn) return undefined;
  return refuse(
    'STATEMENT_PERIOD_OPEN',
    `当事人可在 ${dueOn} 前陈述、申辩：期满，或当事人已陈述申辩、明确放弃后，方可作出决定`,
    { dueOn },
  );
};

// Serious penalties are decided by the heads together (art.57, reading: those open to a hearing).
export const collectiveDecisionIfRequired = (ctx: GuardContext) => {
  const notice = d<Notice>(ctx, 'notice');
  if (notice?.isHearingEligible && !d(ctx, 'collectiveDecision')) {
    return refuse('COLLECTIVE_DECISION_REQUIRED');
  }
  return undefined;
};

export const withinDecisionPeriod = async (ctx: GuardContext<{ decidedOn: string }>) => {
  if (!ctx.snapshot.filedOn) return refuse('FILING_APPROVAL_REQUIRED');
  const base = await periodEnd(
    ctx.trx,
    ctx.snapshot.filedOn,
    periodOf(statute(ctx).decisionDeadline.effective, 'decisionDeadline'),
  );
  const extension = list<{ days: number }>(ctx, 'extensions').reduce((s, e) => s + e.days, 0);
  const due = decisionDueOn(base, extension, list<Suspension>(ctx, 'suspensions'), ctx.today);
  return ctx.input.decidedOn > due
    ? refuse('DECISION_PERIOD_EXPIRED', `作出处罚决定的期限已于 ${due} 届满（含延长及中止期间）`, {
        dueOn: due,
      })
    : undefined;
};

export const serviceRecordComplete = (ctx: GuardContext<Static<typeof ServiceInput>>) => {
  const s = ctx.input;
  const missing: Record<string, string | undefined> = {
    direct: s.receiptNo ? undefined : '送达回证编号',
    mail: s.receiptNo ? undefined : '邮寄回执编号',
    leave: s.leaveReason && s.witness ? undefined : '留置原因及见证人',
    notice: s.otherMethodsFailed ? undefined : '其他方式无法送达的情况说明',
    electronic: s.consentReference ? undefined : '当事人同意电子送达的确认',
  };
  const what = missing[s.method];
  return what ? refuse('SERVICE_RECORD_INCOMPLETE', `送达记录缺少：${what}`) : undefined;
};

export const notBefore = (date: string, earliest: string | null | undefined, what: string) =>
  earliest && date < earliest
    ? refuse('INVALID_DATE_RANGE', `${what}不能早于 ${earliest}`)
    : undefined;

/** 简易程序 (arts.51–52): on the spot, within the statute's amount limits, warnings or fines only. */
export const summaryWithinLimits = (ctx: GuardContext<Static<typeof SummaryDecisionInput>>) => {
  const limits = statute(ctx).summaryProcedureFineLimit.effective as {
    citizen: number;
    organisation: number;
  };
  const { penalty } = ctx.input;
  if (penalty.types.some((t) => t !== 'warning' && t !== 'fine' && t !== 'criticism')) {
    return refuse('SUMMARY_PROCEDURE_NOT_ALLOWED', '简易程序只能给予警告、通报批评或罚款');
  }
  const party = ctx.snapshot.parties[0];
  const limit = party?.kind === 'organisation' ? limits.organisation : limits.citizen;
  if ((penalty.fineYuan ?? 0) > limit) {
    return refuse(
      'SUMMARY_PROCEDURE_NOT_ALLOWED',
      `简易程序的罚款不得超过 ${limit} 元（${party?.kind === 'organisation' ? '法人或者其他组织' : '公民'}）`,
      { limit },
    );
  }
  return undefined;
};
