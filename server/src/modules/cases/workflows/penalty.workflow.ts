// 行政处罚: 一般程序 (ordinary) and 简易程序 (summary) as data plus guards. Every period and
// limit is read from the effective rules' statute section (《行政处罚法》, cited there). The guards
// are in penalty.guards.ts; filing, the decision period and execution in their own files.
import { legalReviewGate, legalReviewGateOnTheSpot } from '../../review/review.gate.ts';
import { avRecorded, hasParty, hasPower, officersQualified } from '../guards.ts';
import { periodEnd, periodOf } from '../periods.ts';
import { action, type Workflow } from '../workflow.ts';
import { notAfterToday } from './kinds.shared.ts';
import { PENALTY_EXECUTION as common } from './penalty.execution.ts';
import { PENALTY_FILING_ACTIONS } from './penalty.filing.ts';
import {
  collectiveDecisionIfRequired,
  d,
  defenceSettled,
  filingApproved,
  hasTranscript,
  hearingSettled,
  list,
  notBefore,
  notHeavierThanNotice,
  noticeOf,
  proposalComplete,
  refuse,
  statute,
  summaryWithinLimits,
  transcriptAvRecorded,
  transcriptNamesOfficers,
  transcriptRecord,
  withinDecisionPeriod,
  type Notice,
} from './penalty.guards.ts';
import { PENALTY_PERIOD_ACTIONS } from './penalty.periods.ts';
import { isHearingEligible } from './penalty.rules.ts';
import {
  CollectiveDecisionInput,
  DecideInput,
  DefenceInput,
  DefenceWaiverInput,
  HearingNoticeInput,
  HearingRecordInput,
  HearingRequestInput,
  NoticeInput,
  PreservationDecisionInput,
  PreservationInput,
  ProposeDecisionInput,
  SummaryDecisionInput,
  TranscriptInput,
  type ProposedPenalty,
} from './penalty.schemas.ts';

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

export const PENALTY_ORDINARY: Workflow = {
  kind: 'penalty',
  procedure: 'ordinary',
  label: '行政处罚（一般程序）',
  initial: 'registered',
  states: STATES,
  actions: [
    ...PENALTY_FILING_ACTIONS,
    action({
      name: 'record_transcript',
      label: '制作笔录',
      from: ['investigating', 'notified', 'hearing_scheduled'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['officer'],
      input: TranscriptInput,
      guards: [
        transcriptNamesOfficers,
        (ctx) => notAfterToday(ctx, ctx.input.madeOn, '笔录制作日期'),
        transcriptAvRecorded,
      ],
      apply: async (ctx) => ({
        details: { transcripts: [...list(ctx, 'transcripts'), await transcriptRecord(ctx)] },
      }),
    }),
    action({
      name: 'preserve_evidence',
      label: '先行登记保存证据',
      from: ['investigating'],
      to: 'investigating',
      roles: ['officer'],
      input: PreservationInput,
      // 上海: 证据先行登记保存 is recorded on audio/video throughout (沪府办发〔2019〕15号).
      guards: [
        (ctx) => notAfterToday(ctx, ctx.input.preservedOn, '先行登记保存日期'),
        avRecorded('evidence_preservation', 'preserve_evidence'),
      ],
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
        (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '处理决定日期'),
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
        // The notice is recorded once it has been served: a date ahead would start the party's
        // periods (and print them on the 告知书) from a service that has not happened.
        (ctx) => notAfterToday(ctx, ctx.input.servedOn, '告知日期'),
      ],
      apply: async (ctx) => {
        const eligible = isHearingEligible(ctx.input.proposed, ctx.input.isLargeAmount);
        const notice = await noticeOf(ctx, ctx.input, eligible);
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
      guards: [
        (ctx) =>
          notBefore(ctx.input.receivedOn, d<Notice>(ctx, 'notice')?.servedOn, '收到陈述申辩日期'),
        (ctx) => notAfterToday(ctx, ctx.input.receivedOn, '收到陈述申辩日期'),
      ],
      apply: (ctx) => ({ details: { defences: [...list(ctx, 'defences'), ctx.input] } }),
    }),
    action({
      name: 'waive_defence',
      label: '记录当事人放弃陈述申辩',
      from: ['notified'],
      to: 'notified',
      roles: ['officer'],
      input: DefenceWaiverInput,
      guards: [
        (ctx) => (d(ctx, 'defenceWaiver') ? refuse('DEFENCE_ALREADY_WAIVED') : undefined),
        (ctx) => notBefore(ctx.input.waivedOn, d<Notice>(ctx, 'notice')?.servedOn, '放弃日期'),
        (ctx) => notAfterToday(ctx, ctx.input.waivedOn, '放弃日期'),
      ],
      apply: (ctx) => ({ details: { defenceWaiver: ctx.input } }),
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
        (ctx) =>
          notBefore(ctx.input.requestedOn, d<Notice>(ctx, 'notice')?.servedOn, '听证申请日期'),
        (ctx) => notAfterToday(ctx, ctx.input.requestedOn, '听证申请日期'),
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
        (ctx) => notAfterToday(ctx, ctx.input.noticeServedOn, '听证通知送达日期'),
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
        (ctx) => notAfterToday(ctx, ctx.input.heldOn, '听证日期'),
        // 薛城区 附件2 第十三条: 听证 is recorded on audio/video simultaneously.
        avRecorded('hearing', 'record_hearing'),
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
      guards: [(ctx) => notAfterToday(ctx, ctx.input.heldOn, '集体讨论日期')],
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
        filingApproved,
        officersQualified,
        (ctx) => notHeavierThanNotice(d<ProposedPenalty>(ctx, 'proposed'), ctx),
        hearingSettled,
        defenceSettled,
        collectiveDecisionIfRequired,
        withinDecisionPeriod,
        (ctx) => notBefore(ctx.input.decidedOn, d<Notice>(ctx, 'notice')?.servedOn, '决定日期'),
        (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期'),
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
    ...PENALTY_PERIOD_ACTIONS,
    common.serve,
    common.recordPayment,
    common.remind,
    common.proposeCourtApplication,
    common.applyEnforcement,
    common.recordEnforced,
    common.close,
    common.archive,
  ],
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
        (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期'),
        avRecorded('summary_penalty', 'decide_on_spot'),
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
    common.proposeCourtApplication,
    common.applyEnforcement,
    common.recordEnforced,
    common.close,
    common.archive,
  ],
};
