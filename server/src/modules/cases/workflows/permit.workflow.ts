// 行政许可 as data plus guards. Applications (许可 grant, 变更 change art.49, 延续 renew art.50):
// 申请 → 受理/补正/不予受理 → 审查 (现场核查, 听证) → 决定 → 送达 → 颁证. Proceedings the agency
// opens on a permit already granted (撤销/撤回 revoke arts.69 and 8, 注销 cancel art.70): 立项 →
// 告知 → 陈述申辩/听证 → 决定 → 送达.
import { hasParty, hasPower, officersQualified } from '../guards.ts';
import { statutePeriod } from '../periods.ts';
import { action, type Workflow } from '../workflow.ts';
import { ReasonInput } from './kinds.schemas.ts';
import {
  archiveAction,
  closeAction,
  d,
  list,
  notAfterToday,
  notBefore,
  powerCategoryIs,
  refuse,
  withDetails,
} from './kinds.shared.ts';
import { PERMIT_STATES, permitActions as common, REVIEWING } from './permit.actions.ts';
import {
  acceptanceOf,
  certificateIssuedIfDue,
  correctionInTime,
  decisionDueOn,
  extensionAllowed,
  hearingRightNotice,
  outcomeOf,
  renewalTiming,
} from './permit.guards.ts';
import { groundsFor } from './permit.rules.ts';
import {
  AcceptInput,
  AdverseNoticeInput,
  ApplicationInput,
  CorrectionDoneInput,
  CorrectionRequestInput,
  ExcludedPeriodInput,
  HearingRightNoticeInput,
  PermitExtendInput,
  RejectApplicationInput,
  StartWithdrawalInput,
  type PermitProcedure,
} from './permit.schemas.ts';

const received = (ctx: Parameters<typeof d>[0]) =>
  d<{ receivedOn: string }>(ctx, 'application')?.receivedOn;

function applicationWorkflow(procedure: 'grant' | 'change' | 'renew', label: string): Workflow {
  return {
    kind: 'permit',
    procedure,
    label,
    initial: 'registered',
    states: { ...PERMIT_STATES, registered: '已登记' },
    actions: [
      action({
        name: 'receive_application',
        label: '接收申请材料',
        from: ['registered'],
        to: 'applied',
        roles: ['officer'],
        input: ApplicationInput,
        guards: [
          hasParty,
          hasPower,
          powerCategoryIs('permit'),
          (ctx) =>
            procedure !== 'grant' && !ctx.input.existingPermit
              ? refuse('PERMIT_EXISTING_REQUIRED')
              : undefined,
          (ctx) => notAfterToday(ctx, ctx.input.receivedOn, '收到申请材料的日期'),
        ],
        apply: (ctx) => ({
          details: {
            application: {
              ...ctx.input,
              renewal:
                procedure === 'renew'
                  ? renewalTiming(ctx, ctx.input.receivedOn, ctx.input.existingPermit)
                  : null,
            },
          },
        }),
      }),
      action({
        name: 'request_correction',
        label: '一次性告知补正材料',
        from: ['applied'],
        to: 'correction_requested',
        roles: ['officer'],
        input: CorrectionRequestInput,
        guards: [
          correctionInTime,
          (ctx) => notBefore(ctx.input.requestedOn, received(ctx), '告知日期'),
          (ctx) => notAfterToday(ctx, ctx.input.requestedOn, '告知日期'),
        ],
        apply: (ctx) => ({ details: { correction: ctx.input } }),
      }),
      action({
        name: 'complete_correction',
        label: '登记补正材料',
        from: ['correction_requested'],
        to: 'applied',
        roles: ['officer'],
        input: CorrectionDoneInput,
        guards: [
          (ctx) =>
            notBefore(
              ctx.input.completedOn,
              d<{ requestedOn: string }>(ctx, 'correction')?.requestedOn,
              '补正日期',
            ),
          (ctx) => notAfterToday(ctx, ctx.input.completedOn, '补正日期'),
        ],
        apply: (ctx) => ({
          details: { correction: { ...d<object>(ctx, 'correction'), ...ctx.input } },
        }),
      }),
      action({
        name: 'accept',
        label: '受理',
        from: ['applied'],
        to: 'reviewing',
        roles: ['officer'],
        input: AcceptInput,
        guards: [
          (ctx) =>
            notBefore(
              ctx.input.acceptedOn,
              d<{ completedOn?: string }>(ctx, 'correction')?.completedOn ?? received(ctx),
              '受理日期',
            ),
          (ctx) => notAfterToday(ctx, ctx.input.acceptedOn, '受理日期'),
        ],
        apply: async (ctx) => {
          const acceptance = await acceptanceOf(ctx);
          const next = withDetails(ctx, { acceptance });
          return { details: { acceptance, decisionDueOn: await decisionDueOn(next) } };
        },
      }),
      action({
        name: 'reject_application',
        label: '不予受理',
        from: ['applied', 'correction_requested'],
        to: 'not_accepted',
        roles: ['officer', 'head'],
        input: RejectApplicationInput,
        guards: [(ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期')],
        apply: (ctx) => ({ details: { notAccepted: ctx.input } }),
      }),
      action({
        name: 'notify_hearing_right',
        label: '告知听证权利',
        from: ['reviewing'],
        to: 'reviewing',
        roles: ['officer'],
        input: HearingRightNoticeInput,
        guards: [
          (ctx) =>
            d<{ hearingBasis: string }>(ctx, 'acceptance')?.hearingBasis === 'major_interest'
              ? undefined
              : refuse(
                  'HEARING_NOT_AVAILABLE',
                  '本申请不属于直接涉及申请人与他人之间重大利益关系的情形',
                ),
          (ctx) => notAfterToday(ctx, ctx.input.servedOn, '告知日期'),
        ],
        apply: async (ctx) => ({
          details: { notice: { ...(await hearingRightNotice(ctx)), notified: ctx.input.notified } },
        }),
      }),
      action({
        name: 'record_excluded_period',
        label: '登记不计入期限的时间',
        from: REVIEWING,
        to: (ctx) => ctx.snapshot.state,
        roles: ['officer'],
        input: ExcludedPeriodInput,
        guards: [
          (ctx) => notBefore(ctx.input.to, ctx.input.from, '结束日期'),
          (ctx) => notAfterToday(ctx, ctx.input.to, '结束日期'),
        ],
        apply: async (ctx) => {
          const exclusions = [...list(ctx, 'exclusions'), ctx.input];
          const next = withDetails(ctx, { exclusions });
          return { details: { exclusions, decisionDueOn: await decisionDueOn(next) } };
        },
      }),
      action({
        name: 'extend_decision_period',
        label: '批准延长决定期限',
        from: REVIEWING,
        to: (ctx) => ctx.snapshot.state,
        roles: ['head'],
        input: PermitExtendInput,
        guards: [extensionAllowed, (ctx) => notAfterToday(ctx, ctx.input.approvedOn, '批准日期')],
        apply: async (ctx) => {
          const extension = {
            ...ctx.input,
            workingDays: statutePeriod(ctx.rules, 'permitDecisionExtension').amount,
            approvedBy: ctx.principal.displayName,
          };
          const next = withDetails(ctx, { extension });
          return { details: { extension, decisionDueOn: await decisionDueOn(next) } };
        },
      }),
      action({
        name: 'withdraw_application',
        label: '申请人撤回申请',
        from: ['applied', 'correction_requested', ...REVIEWING],
        to: 'withdrawn',
        roles: ['officer'],
        input: ReasonInput,
        guards: [],
        apply: (ctx) => ({ details: { applicationWithdrawn: { ...ctx.input, on: ctx.today } } }),
      }),
      common.recordSiteCheck,
      common.requestHearing,
      common.notifyHearing,
      common.recordHearing,
      common.recordStatement,
      common.propose,
      common.decide,
      common.serve,
      common.issueCertificate,
      closeAction(['served', 'certified', 'not_accepted', 'withdrawn'], [certificateIssuedIfDue]),
      archiveAction(['closed']),
    ],
  };
}

/** The grounds a proceeding may be opened on: 撤销/撤回 for revoke, 注销 for cancel. */
const groundsOf = (procedure: PermitProcedure) =>
  procedure === 'revoke'
    ? [...groundsFor('revoke'), ...groundsFor('withdraw')]
    : groundsFor('cancel');

function withdrawalWorkflow(procedure: 'revoke' | 'cancel', label: string): Workflow {
  return {
    kind: 'permit',
    procedure,
    label,
    initial: 'registered',
    states: PERMIT_STATES,
    actions: [
      action({
        name: 'open_proceeding',
        label: '立项审查',
        from: ['registered'],
        to: 'reviewing',
        roles: ['officer'],
        input: StartWithdrawalInput,
        guards: [
          hasParty,
          hasPower,
          powerCategoryIs('permit'),
          officersQualified,
          (ctx) =>
            groundsOf(procedure).includes(ctx.input.ground)
              ? undefined
              : refuse('PERMIT_GROUND_MISMATCH'),
          (ctx) => notAfterToday(ctx, ctx.input.startedOn, '立项日期'),
        ],
        apply: (ctx) => ({ details: { withdrawal: ctx.input } }),
      }),
      action({
        name: 'notify_intent',
        label: '告知拟作出的决定及陈述、申辩、听证权利',
        from: ['reviewing'],
        to: 'reviewing',
        roles: ['officer'],
        input: AdverseNoticeInput,
        guards: [
          (ctx) =>
            notBefore(
              ctx.input.servedOn,
              d<{ startedOn: string }>(ctx, 'withdrawal')?.startedOn,
              '告知日期',
            ),
          (ctx) => notAfterToday(ctx, ctx.input.servedOn, '告知日期'),
        ],
        apply: async (ctx) => {
          const notice = ctx.input.isHearingEligible
            ? await hearingRightNotice(ctx)
            : { servedOn: ctx.input.servedOn, isHearingEligible: false, hearingRequestDueOn: null };
          return { details: { notice: { ...notice, summary: ctx.input.summary } } };
        },
      }),
      action({
        name: 'terminate',
        label: '终止审查',
        from: REVIEWING,
        to: 'terminated',
        roles: ['head'],
        input: ReasonInput,
        guards: [],
        apply: (ctx) => ({ details: { termination: { ...ctx.input, on: ctx.today } } }),
      }),
      common.recordSiteCheck,
      common.requestHearing,
      common.notifyHearing,
      common.recordHearing,
      common.recordStatement,
      common.propose,
      {
        ...common.decide,
        // 撤销/撤回 take away what the holder has: the holder is told first and may answer.
        guards: [
          (ctx) => {
            const outcome = outcomeOf(ctx);
            const adverse = outcome === 'revoke' || outcome === 'withdraw';
            return adverse && !d(ctx, 'notice') ? refuse('ADVERSE_NOTICE_REQUIRED') : undefined;
          },
          ...common.decide.guards,
        ],
      },
      common.serve,
      closeAction(['served', 'terminated']),
      archiveAction(['closed']),
    ],
  };
}

export const PERMIT_GRANT = applicationWorkflow('grant', '行政许可（许可申请）');
export const PERMIT_CHANGE = applicationWorkflow('change', '行政许可（变更）');
export const PERMIT_RENEW = applicationWorkflow('renew', '行政许可（延续）');
export const PERMIT_REVOKE = withdrawalWorkflow('revoke', '行政许可（撤销、撤回）');
export const PERMIT_CANCEL = withdrawalWorkflow('cancel', '行政许可（注销）');
