// 行政强制执行 (《行政强制法》arts.34–60) as data plus guards: the decision to be enforced and its
// due date; 催告 in writing with the right to be heard; then either the agency's own execution
// decision (where a law gives it the power) — served, carried out by day on a working day, 代履行
// after a reminder three days before, 强制拆除 only after an announcement and after the remedy
// periods — or an application to the people's court after the remedy periods, within 3 months.
import { CalendarNotLoadedError } from '../../calendar/working-days.ts';
import { legalReviewGate } from '../../review/review.gate.ts';
import { avRecorded, hasParty, hasPower, officersQualified } from '../guards.ts';
import { citeStatute, periodEnd, statutePeriod } from '../periods.ts';
import { action, type Workflow } from '../workflow.ts';
import { avActsOfMeans, coercionActsOfMeans, type CourtWindow } from './coercion.rules.ts';
import {
  AnnouncementInput,
  BasisInput,
  CourtApplicationInput,
  CourtRulingInput,
  DecideExecutionInput,
  EndExecutionInput,
  ExecutionReminderInput,
  PerformanceInput,
  ProposeExecutionInput,
  RecordExecutionInput,
  SubstituteReminderInput,
} from './coercion.schemas.ts';
import { calendarAround } from './kinds.dates.ts';
import {
  basisOf,
  courtWindowOf,
  demolitionReady,
  executionWithinHours,
  lastReminder,
  meansOf,
  substituteReady,
  windowFor,
} from './coercion.execution.guards.ts';
import { ServiceInput, StatementInput } from './kinds.schemas.ts';
import {
  archiveAction,
  closeAction,
  d,
  list,
  notAfterToday,
  notBefore,
  onSiteRecordComplete,
  proposalRequired,
  refuse,
  serviceAvRecorded,
  serviceRecordComplete,
} from './kinds.shared.ts';

const ACTIVE = [
  'awaiting_performance',
  'reminded',
  'decided',
  'decision_served',
  'court_applied',
] as const;

export const COERCION_EXECUTION: Workflow = {
  kind: 'coercion',
  procedure: 'execution',
  label: '行政强制执行',
  initial: 'registered',
  states: {
    registered: '已登记',
    awaiting_performance: '待当事人履行',
    reminded: '已催告',
    decided: '已作出强制执行决定',
    decision_served: '已送达强制执行决定',
    court_applied: '已申请人民法院强制执行',
    executed: '执行完毕',
    ended: '执行终结',
    closed: '已结案',
    archived: '已归档',
  },
  actions: [
    action({
      name: 'record_basis',
      label: '登记据以执行的行政决定',
      from: ['registered'],
      to: 'awaiting_performance',
      roles: ['officer'],
      input: BasisInput,
      guards: [
        hasParty,
        hasPower,
        officersQualified,
        (ctx) => {
          const { decision } = ctx.input;
          if (decision.isMonetary && decision.amountYuan === undefined) {
            return refuse('VALIDATION_FAILED', '金钱给付义务须载明金额');
          }
          return (
            notBefore(decision.servedOn, decision.decidedOn, '送达日期') ??
            notBefore(decision.performanceDueOn, decision.servedOn, '履行期限')
          );
        },
        (ctx) => notAfterToday(ctx, ctx.input.decision.servedOn, '送达日期'),
      ],
      apply: async (ctx) => {
        let courtWindow: CourtWindow | null = null;
        try {
          courtWindow = windowFor(
            await calendarAround(ctx.trx, ctx.input.decision.servedOn),
            ctx.input,
            ctx.rules,
          );
        } catch (error) {
          // Shown when the calendar of that year is loaded; the guards that need it refuse until then.
          if (!(error instanceof CalendarNotLoadedError)) throw error;
        }
        return { details: { basis: { ...ctx.input, courtWindow } } };
      },
    }),
    action({
      name: 'remind',
      label: '送达催告书',
      from: ['awaiting_performance', 'reminded'],
      to: 'reminded',
      roles: ['officer'],
      input: ExecutionReminderInput,
      guards: [
        (ctx) => {
          const due = basisOf(ctx)?.decision.performanceDueOn;
          return due && ctx.input.service.servedOn > due
            ? undefined
            : refuse(
                'EXECUTION_NOT_OVERDUE',
                `当事人履行期限至 ${due ?? '—'} 届满，期满仍不履行的方可催告`,
              );
        },
        (ctx) => notBefore(ctx.input.performByOn, ctx.input.service.servedOn, '催告履行期限'),
        (ctx) => {
          const monetary = basisOf(ctx)?.decision.isMonetary;
          if (monetary && (ctx.input.amountYuan === undefined || !ctx.input.paymentMethod)) {
            return refuse(
              'EXECUTION_REMINDER_INCOMPLETE',
              '涉及金钱给付的，催告书应当有明确的金额和给付方式',
            );
          }
          return ctx.input.statesRightToBeHeard
            ? undefined
            : refuse(
                'EXECUTION_REMINDER_INCOMPLETE',
                '催告书应当载明当事人依法享有的陈述权和申辩权',
              );
        },
        (ctx) => serviceRecordComplete(ctx.input.service),
        (ctx) => serviceAvRecorded('remind')({ ...ctx, input: ctx.input.service }),
        (ctx) => notAfterToday(ctx, ctx.input.service.servedOn, '送达日期'),
      ],
      apply: (ctx) => ({ details: { reminders: [...list(ctx, 'reminders'), ctx.input] } }),
    }),
    action({
      name: 'record_statement',
      label: '记录并复核陈述申辩',
      from: ['reminded'],
      to: 'reminded',
      roles: ['officer'],
      input: StatementInput,
      guards: [],
      apply: (ctx) => ({ details: { statements: [...list(ctx, 'statements'), ctx.input] } }),
    }),
    action({
      name: 'record_performance',
      label: '登记当事人履行',
      from: ['awaiting_performance', 'reminded', 'decided', 'decision_served'],
      to: 'executed',
      roles: ['officer'],
      input: PerformanceInput,
      guards: [(ctx) => notAfterToday(ctx, ctx.input.performedOn, '履行日期')],
      apply: (ctx) => ({ details: { performance: ctx.input } }),
    }),
    action({
      name: 'announce_demolition',
      label: '公告限期自行拆除',
      from: ['awaiting_performance', 'reminded', 'decided', 'decision_served'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['officer'],
      input: AnnouncementInput,
      guards: [
        (ctx) => notBefore(ctx.input.selfDemolishBy, ctx.input.announcedOn, '自行拆除期限'),
        (ctx) => notAfterToday(ctx, ctx.input.announcedOn, '公告日期'),
      ],
      apply: (ctx) => ({ details: { announcement: ctx.input } }),
    }),
    action({
      name: 'propose_execution',
      label: '拟定强制执行方式',
      from: ['reminded'],
      to: 'reminded',
      roles: ['officer'],
      input: ProposeExecutionInput,
      guards: [
        (ctx) =>
          basisOf(ctx)?.enforcementPower === 'court' && ctx.input.means !== 'court'
            ? refuse('EXECUTION_POWER_REQUIRED')
            : undefined,
        (ctx) =>
          ctx.input.means === 'substitute_performance' && !ctx.input.substitute
            ? refuse('EXECUTION_SUBSTITUTE_INCOMPLETE')
            : undefined,
      ],
      apply: (ctx) => ({
        details: {
          proposed: {
            ...ctx.input,
            coercionActs: coercionActsOfMeans(ctx.input.means),
            isCoercionExecution: true,
          },
        },
      }),
    }),
    action({
      name: 'decide_execution',
      label: '作出强制执行决定',
      from: ['reminded'],
      to: 'decided',
      roles: ['head'],
      input: DecideExecutionInput,
      guards: [
        proposalRequired,
        (ctx) => (meansOf(ctx) === 'court' ? refuse('EXECUTION_MEANS_MISMATCH') : undefined),
        (ctx) =>
          basisOf(ctx)?.enforcementPower === 'own' ? undefined : refuse('EXECUTION_POWER_REQUIRED'),
        (ctx) => {
          const reminder = lastReminder(ctx);
          if (!reminder) return refuse('REMINDER_REQUIRED');
          return ctx.input.decidedOn > reminder.performByOn
            ? undefined
            : refuse(
                'EXECUTION_REMINDER_PERIOD_OPEN',
                `催告的履行期限至 ${reminder.performByOn} 届满，期满仍不履行的方可作出强制执行决定`,
              );
        },
        (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期'),
        legalReviewGate,
      ],
      apply: (ctx) => ({
        decidedOn: ctx.input.decidedOn,
        details: { decision: { ...d<object>(ctx, 'proposed'), decidedOn: ctx.input.decidedOn } },
      }),
    }),
    action({
      name: 'serve_decision',
      label: '送达强制执行决定书',
      from: ['decided'],
      to: 'decision_served',
      roles: ['officer'],
      input: ServiceInput,
      guards: [
        (ctx) => serviceRecordComplete(ctx.input),
        (ctx) => notBefore(ctx.input.servedOn, ctx.snapshot.decidedOn, '送达日期'),
        (ctx) => notAfterToday(ctx, ctx.input.servedOn, '送达日期'),
        serviceAvRecorded('serve_decision'),
      ],
      apply: (ctx) => ({ details: { decisionService: ctx.input } }),
    }),
    action({
      name: 'remind_before_substitute',
      label: '代履行前催告',
      from: ['decision_served'],
      to: 'decision_served',
      roles: ['officer'],
      input: SubstituteReminderInput,
      guards: [
        (ctx) =>
          meansOf(ctx) === 'substitute_performance'
            ? undefined
            : refuse('EXECUTION_MEANS_MISMATCH'),
        (ctx) => notAfterToday(ctx, ctx.input.servedOn, '催告日期'),
      ],
      apply: (ctx) => ({ details: { substituteReminder: ctx.input } }),
    }),
    action({
      name: 'record_execution',
      label: '实施强制执行（执行笔录）',
      from: ['decision_served'],
      to: 'executed',
      roles: ['officer'],
      input: RecordExecutionInput,
      guards: [
        officersQualified,
        (ctx) => onSiteRecordComplete(ctx, ctx.input),
        (ctx) =>
          notBefore(
            ctx.input.executedOn,
            d<{ servedOn: string }>(ctx, 'decisionService')?.servedOn,
            '执行日期',
          ),
        (ctx) => notAfterToday(ctx, ctx.input.executedOn, '执行日期'),
        executionWithinHours,
        demolitionReady,
        substituteReady,
        (ctx) => avRecorded(avActsOfMeans(meansOf(ctx) ?? 'transfer'), 'record_execution')(ctx),
      ],
      apply: (ctx) => ({ details: { execution: ctx.input } }),
    }),
    action({
      name: 'apply_to_court',
      label: '申请人民法院强制执行',
      from: ['reminded'],
      to: 'court_applied',
      roles: ['head'],
      input: CourtApplicationInput,
      guards: [
        proposalRequired,
        (ctx) => (meansOf(ctx) === 'court' ? undefined : refuse('EXECUTION_MEANS_MISMATCH')),
        async (ctx) => {
          const reminder = lastReminder(ctx);
          if (!reminder) return refuse('REMINDER_REQUIRED');
          const wait = await periodEnd(
            ctx.trx,
            reminder.service.servedOn,
            statutePeriod(ctx.rules, 'coercionReminderBeforeCourt'),
          );
          return ctx.input.appliedOn > wait
            ? undefined
            : refuse(
                'EXECUTION_REMINDER_PERIOD_OPEN',
                `催告书送达十日后当事人仍未履行的，方可申请人民法院强制执行：${wait} 之后（${citeStatute(ctx.rules, 'coercionReminderBeforeCourt')}）`,
              );
        },
        async (ctx) => {
          const window = await courtWindowOf(ctx);
          if (!window) return undefined;
          if (ctx.input.appliedOn <= window.remedyEndsOn) {
            return refuse(
              'COURT_APPLICATION_TOO_EARLY',
              `当事人申请行政复议、提起行政诉讼的期限至 ${window.remedyEndsOn} 届满，期满后方可申请`,
              window,
            );
          }
          return ctx.input.appliedOn > window.lastDayOn
            ? refuse(
                'COURT_APPLICATION_LATE',
                `申请人民法院强制执行的期限已于 ${window.lastDayOn} 届满（${citeStatute(ctx.rules, 'coercionCourtApplication')}）`,
                window,
              )
            : undefined;
        },
        (ctx) => notAfterToday(ctx, ctx.input.appliedOn, '申请日期'),
        legalReviewGate,
      ],
      apply: (ctx) => ({ details: { courtApplication: ctx.input } }),
    }),
    action({
      name: 'record_court_ruling',
      label: '登记人民法院裁定及执行结果',
      from: ['court_applied'],
      to: (ctx) => (ctx.input.outcome === 'enforced' ? 'executed' : 'ended'),
      roles: ['officer'],
      input: CourtRulingInput,
      guards: [
        (ctx) =>
          notBefore(
            ctx.input.ruledOn,
            d<{ appliedOn: string }>(ctx, 'courtApplication')?.appliedOn,
            '裁定日期',
          ),
        (ctx) => notAfterToday(ctx, ctx.input.ruledOn, '裁定日期'),
      ],
      apply: (ctx) => ({ details: { courtRuling: ctx.input } }),
    }),
    action({
      name: 'end_execution',
      label: '终结执行',
      from: ACTIVE,
      to: 'ended',
      roles: ['head'],
      input: EndExecutionInput,
      guards: [],
      apply: (ctx) => ({ details: { end: { ...ctx.input, on: ctx.today } } }),
    }),
    closeAction(['executed', 'ended']),
    archiveAction(['closed']),
  ],
};
