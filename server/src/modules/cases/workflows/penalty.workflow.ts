// 行政处罚: 一般程序 (ordinary) and 简易程序 (summary) as data plus guards. Every period and
// limit is read from the effective rules' statute section (《行政处罚法》, cited there).
import type { Static } from 'typebox';
import { legalReviewGate, legalReviewGateOnTheSpot } from '../../review/review.gate.ts';
import { officersQualified, hasParty, hasPower } from '../guards.ts';
import { periodEnd, periodOf } from '../periods.ts';
import { action, type GuardContext, type Refusal, type Workflow } from '../workflow.ts';
import {
  amountDue,
  decisionDueOn,
  isHearingEligible,
  isHeavier,
  lateSurcharge,
  missingAmounts,
  type Suspension,
} from './penalty.rules.ts';
import {
  ArchiveInput,
  CloseInput,
  CollectiveDecisionInput,
  DecideInput,
  DeclineFilingInput,
  DefenceInput,
  EnforcementInput,
  ExtendInput,
  HearingNoticeInput,
  HearingRecordInput,
  HearingRequestInput,
  NoInput,
  NoticeInput,
  PaymentInput,
  PreservationDecisionInput,
  PreservationInput,
  ProposeDecisionInput,
  ReasonInput,
  ReminderInput,
  ResumeInput,
  ServiceInput,
  SummaryDecisionInput,
  SuspendInput,
  TranscriptInput,
  type ProposedPenalty,
} from './penalty.schemas.ts';

interface Notice {
  servedOn: string;
  proposed: ProposedPenalty;
  isHearingEligible: boolean;
  hearingRequestDueOn: string | null;
}
interface Decision {
  decidedOn: string;
  penalty: ProposedPenalty;
}
interface Service {
  method: string;
  servedOn: string;
  paymentDueOn: string | null;
}

const d = <T>(ctx: GuardContext, key: string) => ctx.snapshot.details[key] as T | undefined;
const list = <T>(ctx: GuardContext, key: string) =>
  (ctx.snapshot.details[key] as T[] | undefined) ?? [];
const refuse = (code: Refusal['code'], message?: string, details?: unknown): Refusal => ({
  code,
  ...(message ? { message } : {}),
  ...(details === undefined ? {} : { details }),
});
const statute = (ctx: GuardContext) => ctx.rules.statute;

// --- Guards specific to penalties ---------------------------------------------------------------

const transcriptNamesOfficers = (ctx: GuardContext<Static<typeof TranscriptInput>>) => {
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
  return undefined;
};

const proposalComplete = (penalty: ProposedPenalty) => {
  const missing = missingAmounts(penalty);
  return missing.length > 0
    ? refuse('PENALTY_INCOMPLETE', `拟作出的处罚缺少：${missing.join('、')}`)
    : undefined;
};

const hasTranscript = (ctx: GuardContext) =>
  list(ctx, 'transcripts').length > 0 ? undefined : refuse('TRANSCRIPT_REQUIRED');

const notHeavierThanNotice = (penalty: ProposedPenalty | undefined, ctx: GuardContext) => {
  const notice = d<Notice>(ctx, 'notice');
  if (!notice) return refuse('PRIOR_NOTICE_REQUIRED');
  if (penalty && isHeavier(penalty, notice.proposed)) {
    return refuse('PENALTY_HEAVIER_THAN_NOTICE');
  }
  return undefined;
};

const hearingSettled = (ctx: GuardContext) => {
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

// Serious penalties are decided by the heads together (art.57, reading: those open to a hearing).
const collectiveDecisionIfRequired = (ctx: GuardContext) => {
  const notice = d<Notice>(ctx, 'notice');
  if (notice?.isHearingEligible && !d(ctx, 'collectiveDecision')) {
    return refuse('COLLECTIVE_DECISION_REQUIRED');
  }
  return undefined;
};

const withinDecisionPeriod = async (ctx: GuardContext<{ decidedOn: string }>) => {
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

const serviceRecordComplete = (ctx: GuardContext<Static<typeof ServiceInput>>) => {
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

const notBefore = (date: string, earliest: string | null | undefined, what: string) =>
  earliest && date < earliest
    ? refuse('INVALID_DATE_RANGE', `${what}不能早于 ${earliest}`)
    : undefined;

// --- Effects ------------------------------------------------------------------------------------

async function serviceEffect(ctx: GuardContext<Static<typeof ServiceInput>>) {
  const decision = d<Decision>(ctx, 'decision');
  const due =
    decision && amountDue(decision.penalty) > 0
      ? await periodEnd(
          ctx.trx,
          ctx.input.servedOn,
          periodOf(statute(ctx).paymentDeadline.effective, 'paymentDeadline'),
        )
      : null;
  const services = [...list<Service>(ctx, 'services'), { ...ctx.input, paymentDueOn: due }];
  return { details: { services } };
}

function owed(ctx: GuardContext, paidOn: string): number {
  const decision = d<Decision>(ctx, 'decision');
  if (!decision) return 0;
  const service = list<Service>(ctx, 'services')[0];
  const surchargeRule = statute(ctx).latePaymentSurcharge.effective as {
    percentPerDay: number;
    isCappedAtFine: boolean;
  };
  const surcharge = service?.paymentDueOn
    ? lateSurcharge(decision.penalty.fineYuan ?? 0, service.paymentDueOn, paidOn, surchargeRule)
    : 0;
  const paid = list<{ amountYuan: number }>(ctx, 'payments').reduce((s, p) => s + p.amountYuan, 0);
  return Math.round((amountDue(decision.penalty) + surcharge - paid) * 100) / 100;
}

const ACTIVE = ['investigating', 'notified', 'hearing_requested', 'hearing_scheduled'] as const;

const STATES = {
  registered: '案源登记',
  filing_pending: '待批准立案',
  investigating: '调查取证',
  notified: '已事先告知',
  hearing_requested: '已申请听证',
  hearing_scheduled: '已通知听证',
  decided: '已作出决定',
  served: '已送达',
  enforcing: '强制执行中',
  executed: '执行完毕',
  closed: '已结案',
  archived: '已归档',
  not_filed: '不予立案',
  terminated: '已终止',
};

const common = {
  serve: action({
    name: 'serve',
    label: '送达决定书',
    from: ['decided'],
    to: (ctx) =>
      amountDue(
        d<Decision>(ctx, 'decision')?.penalty ?? {
          types: ['warning'],
          isMitigated: false,
          legalBasis: '',
          reasons: '',
        },
      ) > 0
        ? 'served'
        : 'executed',
    roles: ['officer'],
    input: ServiceInput,
    guards: [
      serviceRecordComplete,
      (ctx) => notBefore(ctx.input.servedOn, ctx.snapshot.decidedOn, '送达日期'),
    ],
    apply: serviceEffect,
  }),
  recordPayment: action({
    name: 'record_payment',
    label: '登记缴纳罚没款',
    from: ['served', 'enforcing'],
    to: (ctx) =>
      owed(ctx, ctx.input.paidOn) - ctx.input.amountYuan <= 0 ? 'executed' : ctx.snapshot.state,
    roles: ['officer'],
    input: PaymentInput,
    guards: [
      (ctx) =>
        ctx.input.amountYuan > 0 ? undefined : refuse('VALIDATION_FAILED', '缴纳金额须大于零'),
    ],
    apply: (ctx) => ({ details: { payments: [...list(ctx, 'payments'), ctx.input] } }),
  }),
  remind: action({
    name: 'remind',
    label: '催告履行',
    from: ['served'],
    to: 'served',
    roles: ['officer'],
    input: ReminderInput,
    guards: [
      (ctx) => {
        const due = list<Service>(ctx, 'services')[0]?.paymentDueOn;
        return due && ctx.input.servedOn > due ? undefined : refuse('PAYMENT_NOT_OVERDUE');
      },
    ],
    apply: (ctx) => ({ details: { reminders: [...list(ctx, 'reminders'), ctx.input] } }),
  }),
  applyEnforcement: action({
    name: 'apply_enforcement',
    label: '申请或实施强制执行',
    from: ['served'],
    to: 'enforcing',
    roles: ['head'],
    input: EnforcementInput,
    guards: [
      (ctx) => (list(ctx, 'reminders').length > 0 ? undefined : refuse('REMINDER_REQUIRED')),
    ],
    apply: (ctx) => ({ details: { enforcement: ctx.input } }),
  }),
  recordEnforced: action({
    name: 'record_enforced',
    label: '登记强制执行完毕',
    from: ['enforcing'],
    to: 'executed',
    roles: ['officer'],
    input: NoInput,
    guards: [],
  }),
  close: action({
    name: 'close',
    label: '批准结案',
    from: ['executed'],
    to: 'closed',
    roles: ['head'],
    input: CloseInput,
    guards: [],
    apply: (ctx) => ({ closedOn: ctx.input.closedOn, details: { closing: ctx.input } }),
  }),
  archive: action({
    name: 'archive',
    label: '归档',
    from: ['closed', 'not_filed', 'terminated'],
    to: 'archived',
    roles: ['archivist'],
    input: ArchiveInput,
    guards: [],
    apply: (ctx) => ({ archivedOn: ctx.input.archivedOn, details: { archive: ctx.input } }),
  }),
};

export const PENALTY_ORDINARY: Workflow = {
  kind: 'penalty',
  procedure: 'ordinary',
  label: '行政处罚（一般程序）',
  initial: 'registered',
  states: STATES,
  actions: [
    action({
      name: 'request_filing',
      label: '提请立案',
      from: ['registered'],
      to: 'filing_pending',
      roles: ['officer'],
      input: NoInput,
      guards: [hasParty, hasPower, officersQualified],
    }),
    action({
      name: 'approve_filing',
      label: '批准立案',
      from: ['filing_pending'],
      to: 'investigating',
      roles: ['head'],
      input: NoInput,
      guards: [officersQualified],
      apply: (ctx) => ({
        filedOn: ctx.today,
        details: { filing: { approvedOn: ctx.today, approvedBy: ctx.principal.displayName } },
      }),
    }),
    action({
      name: 'decline_filing',
      label: '不予立案',
      from: ['registered', 'filing_pending'],
      to: 'not_filed',
      roles: ['head'],
      input: DeclineFilingInput,
      guards: [],
      apply: (ctx) => ({ details: { notFiled: { reason: ctx.input.reason, on: ctx.today } } }),
    }),
    action({
      name: 'record_transcript',
      label: '制作笔录',
      from: ['investigating', 'notified', 'hearing_scheduled'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['officer'],
      input: TranscriptInput,
      guards: [transcriptNamesOfficers],
      apply: (ctx) => ({ details: { transcripts: [...list(ctx, 'transcripts'), ctx.input] } }),
    }),
    action({
      name: 'preserve_evidence',
      label: '先行登记保存证据',
      from: ['investigating'],
      to: 'investigating',
      roles: ['officer'],
      input: PreservationInput,
      guards: [],
      apply: async (ctx) => ({
        details: {
          preservation: {
            ...ctx.input,
            decideBy: await periodEnd(
              ctx.trx,
              ctx.input.preservedOn,
              periodOf(
                statute(ctx).evidencePreservationDecision.effective,
                'evidencePreservationDecision',
              ),
            ),
          },
        },
      }),
    }),
    action({
      name: 'decide_preservation',
      label: '对先行登记保存的证据作出处理决定',
      from: ['investigating'],
      to: 'investigating',
      roles: ['head'],
      input: PreservationDecisionInput,
      guards: [
        (ctx) => {
          const p = d<{ decideBy: string; outcome?: string }>(ctx, 'preservation');
          if (!p || p.outcome) return refuse('PRESERVATION_NOT_PENDING');
          // After the period only release remains lawful (art.56).
          if (ctx.input.decidedOn > p.decideBy && ctx.input.outcome !== 'release') {
            return refuse(
              'PRESERVATION_PERIOD_EXPIRED',
              `先行登记保存的处理期限已于 ${p.decideBy} 届满，只能解除`,
            );
          }
          return undefined;
        },
      ],
      apply: (ctx) => ({
        details: { preservation: { ...d<object>(ctx, 'preservation'), ...ctx.input } },
      }),
    }),
    action({
      name: 'notify_intent',
      label: '送达行政处罚事先告知书',
      from: ['investigating'],
      to: 'notified',
      roles: ['officer'],
      input: NoticeInput,
      guards: [
        hasTranscript,
        officersQualified,
        (ctx) => proposalComplete(ctx.input.proposed),
        (ctx) => notBefore(ctx.input.servedOn, ctx.snapshot.filedOn, '告知日期'),
      ],
      apply: async (ctx) => {
        const eligible = isHearingEligible(ctx.input.proposed, ctx.input.isLargeAmount);
        const notice: Notice = {
          servedOn: ctx.input.servedOn,
          proposed: ctx.input.proposed,
          isHearingEligible: eligible,
          hearingRequestDueOn: eligible
            ? await periodEnd(
                ctx.trx,
                ctx.input.servedOn,
                periodOf(statute(ctx).hearingRequestDeadline.effective, 'hearingRequestDeadline'),
              )
            : null,
        };
        return { details: { notice, proposed: ctx.input.proposed } };
      },
    }),
    action({
      name: 'record_defence',
      label: '记录并复核陈述申辩',
      from: ['notified'],
      to: 'notified',
      roles: ['officer'],
      input: DefenceInput,
      guards: [],
      apply: (ctx) => ({ details: { defences: [...list(ctx, 'defences'), ctx.input] } }),
    }),
    action({
      name: 'request_hearing',
      label: '登记当事人听证申请',
      from: ['notified'],
      to: 'hearing_requested',
      roles: ['officer'],
      input: HearingRequestInput,
      guards: [
        (ctx) => {
          const notice = d<Notice>(ctx, 'notice');
          if (!notice?.isHearingEligible) return refuse('HEARING_NOT_AVAILABLE');
          if (notice.hearingRequestDueOn && ctx.input.requestedOn > notice.hearingRequestDueOn) {
            return refuse(
              'HEARING_REQUEST_LATE',
              `听证申请期限已于 ${notice.hearingRequestDueOn} 届满`,
            );
          }
          return undefined;
        },
      ],
      apply: (ctx) => ({ details: { hearing: { requestedOn: ctx.input.requestedOn } } }),
    }),
    action({
      name: 'notify_hearing',
      label: '送达听证通知书',
      from: ['hearing_requested'],
      to: 'hearing_scheduled',
      roles: ['officer'],
      input: HearingNoticeInput,
      guards: [
        async (ctx) => {
          const earliest = await periodEnd(
            ctx.trx,
            ctx.input.noticeServedOn,
            periodOf(statute(ctx).hearingNoticeLeadTime.effective, 'hearingNoticeLeadTime'),
          );
          return ctx.input.hearingOn < earliest
            ? refuse(
                'HEARING_NOTICE_TOO_LATE',
                `听证通知须在听证七日前送达：听证日期不得早于 ${earliest}`,
                { earliest },
              )
            : undefined;
        },
      ],
      apply: (ctx) => ({ details: { hearing: { ...d<object>(ctx, 'hearing'), ...ctx.input } } }),
    }),
    action({
      name: 'record_hearing',
      label: '记录听证',
      from: ['hearing_scheduled'],
      to: 'notified',
      roles: ['officer'],
      input: HearingRecordInput,
      guards: [
        (ctx) =>
          notBefore(
            ctx.input.heldOn,
            d<{ hearingOn: string }>(ctx, 'hearing')?.hearingOn,
            '听证日期',
          ),
      ],
      apply: (ctx) => ({ details: { hearing: { ...d<object>(ctx, 'hearing'), ...ctx.input } } }),
    }),
    action({
      name: 'record_collective_decision',
      label: '记录集体讨论',
      from: ['notified'],
      to: 'notified',
      roles: ['head'],
      input: CollectiveDecisionInput,
      guards: [],
      apply: (ctx) => ({ details: { collectiveDecision: ctx.input } }),
    }),
    action({
      name: 'propose_decision',
      label: '拟定处罚决定',
      from: ['notified'],
      to: 'notified',
      roles: ['officer'],
      input: ProposeDecisionInput,
      guards: [
        (ctx) => proposalComplete(ctx.input.proposed),
        (ctx) => notHeavierThanNotice(ctx.input.proposed, ctx),
      ],
      apply: (ctx) => ({ details: { proposed: ctx.input.proposed } }),
    }),
    action({
      name: 'decide',
      label: '作出行政处罚决定',
      from: ['notified'],
      to: 'decided',
      roles: ['head'],
      input: DecideInput,
      // The legal-review gate (重大执法决定法制审核) comes last: it records its pass only when
      // every other condition of the decision holds.
      guards: [
        officersQualified,
        (ctx) => notHeavierThanNotice(d<ProposedPenalty>(ctx, 'proposed'), ctx),
        hearingSettled,
        collectiveDecisionIfRequired,
        withinDecisionPeriod,
        (ctx) => notBefore(ctx.input.decidedOn, d<Notice>(ctx, 'notice')?.servedOn, '决定日期'),
        legalReviewGate,
      ],
      apply: (ctx) => {
        const penalty = d<ProposedPenalty>(ctx, 'proposed');
        return {
          decidedOn: ctx.input.decidedOn,
          details: { decision: { decidedOn: ctx.input.decidedOn, penalty } },
        };
      },
    }),
    action({
      name: 'suspend',
      label: '中止案件调查',
      from: ACTIVE,
      to: (ctx) => ctx.snapshot.state,
      roles: ['head'],
      input: SuspendInput,
      guards: [
        (ctx) =>
          list<Suspension>(ctx, 'suspensions').some((s) => !s.to)
            ? refuse('CASE_ALREADY_SUSPENDED')
            : undefined,
      ],
      apply: (ctx) => ({
        details: {
          suspensions: [
            ...list(ctx, 'suspensions'),
            { from: ctx.input.from, reason: ctx.input.reason },
          ],
        },
      }),
    }),
    action({
      name: 'resume',
      label: '恢复案件调查',
      from: ACTIVE,
      to: (ctx) => ctx.snapshot.state,
      roles: ['head'],
      input: ResumeInput,
      guards: [
        (ctx) =>
          list<Suspension>(ctx, 'suspensions').some((s) => !s.to)
            ? undefined
            : refuse('CASE_NOT_SUSPENDED'),
      ],
      apply: (ctx) => ({
        details: {
          suspensions: list<Suspension>(ctx, 'suspensions').map((s) =>
            s.to ? s : { ...s, to: ctx.input.on },
          ),
        },
      }),
    }),
    action({
      name: 'extend_decision_period',
      label: '批准延长办案期限',
      from: ACTIVE,
      to: (ctx) => ctx.snapshot.state,
      roles: ['head'],
      input: ExtendInput,
      guards: [],
      apply: (ctx) => ({
        details: {
          extensions: [
            ...list(ctx, 'extensions'),
            { ...ctx.input, approvedBy: ctx.principal.displayName },
          ],
        },
      }),
    }),
    action({
      name: 'terminate',
      label: '终止案件（撤销立案）',
      from: ['investigating', ...ACTIVE],
      to: 'terminated',
      roles: ['head'],
      input: ReasonInput,
      guards: [],
      apply: (ctx) => ({
        closedOn: ctx.today,
        details: { termination: { reason: ctx.input.reason, on: ctx.today } },
      }),
    }),
    common.serve,
    common.recordPayment,
    common.remind,
    common.applyEnforcement,
    common.recordEnforced,
    common.close,
    common.archive,
  ],
};

/** 简易程序 (arts.51–52): on the spot, within the statute's amount limits, warnings or fines only. */
const summaryWithinLimits = (ctx: GuardContext<Static<typeof SummaryDecisionInput>>) => {
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

export const PENALTY_SUMMARY: Workflow = {
  kind: 'penalty',
  procedure: 'summary',
  label: '行政处罚（简易程序）',
  initial: 'registered',
  states: STATES,
  actions: [
    action({
      name: 'decide_on_spot',
      label: '当场作出行政处罚决定',
      from: ['registered'],
      to: 'decided',
      roles: ['officer'],
      input: SummaryDecisionInput,
      guards: [
        hasParty,
        hasPower,
        officersQualified,
        (ctx) => proposalComplete(ctx.input.penalty),
        summaryWithinLimits,
        legalReviewGateOnTheSpot,
      ],
      apply: (ctx) => ({
        filedOn: ctx.input.decidedOn,
        decidedOn: ctx.input.decidedOn,
        details: {
          decision: { decidedOn: ctx.input.decidedOn, penalty: ctx.input.penalty },
          proposed: ctx.input.penalty,
        },
      }),
    }),
    common.serve,
    common.recordPayment,
    common.remind,
    common.applyEnforcement,
    common.recordEnforced,
    common.close,
    common.archive,
  ],
};
