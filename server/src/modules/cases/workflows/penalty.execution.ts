// What follows a penalty decision, shared by 一般程序 and 简易程序: service (送达) by each method
// with its record, payment within the statute's period with the late surcharge (加处罚款), the
// reminder (催告) before enforcement, closing and archiving.
import type { Static } from 'typebox';
import { periodEnd, periodOf } from '../periods.ts';
import { action, type GuardContext } from '../workflow.ts';
import { courtApplicationGate, proposeCourtApplication } from './court.application.ts';
import { notAfterToday, serviceAvRecorded } from './kinds.shared.ts';
import { d, list, notBefore, refuse, serviceRecordComplete, statute } from './penalty.guards.ts';
import type { Decision, Service } from './penalty.guards.ts';
import { amountDue, lateSurcharge } from './penalty.rules.ts';
import {
  ArchiveInput,
  CloseInput,
  EnforcementInput,
  NoInput,
  PaymentInput,
  ReminderInput,
  ServiceInput,
} from './penalty.schemas.ts';

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

/** A court application carries the decided penalty, so the case's instruments still read it. */
const decidedPenalty = (details: Record<string, unknown>) =>
  (details.decision as { penalty?: Record<string, unknown> } | undefined)?.penalty ?? {};

export const PENALTY_EXECUTION = {
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
      (ctx) => notAfterToday(ctx, ctx.input.servedOn, '送达日期'),
      // 留置送达 and 公告送达 on audio/video where the profile requires it (薛城区 附件2
      // 第二十四条、第二十六条), or the recorded reason why not.
      serviceAvRecorded('serve'),
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
      (ctx) => notBefore(ctx.input.paidOn, ctx.snapshot.decidedOn, '缴纳日期'),
      (ctx) => notAfterToday(ctx, ctx.input.paidOn, '缴纳日期'),
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
      (ctx) => notAfterToday(ctx, ctx.input.servedOn, '催告书送达日期'),
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
      (ctx) => notAfterToday(ctx, ctx.input.appliedOn, '申请（实施）日期'),
      // 申请人民法院强制执行 is a coercion decision some profiles list as major (NC 二（三）12（3））.
      courtApplicationGate<Static<typeof EnforcementInput>>(
        'apply_enforcement',
        decidedPenalty,
        (ctx) => ctx.input.means === 'court',
      ),
    ],
    apply: (ctx) => ({ details: { enforcement: ctx.input } }),
  }),
  proposeCourtApplication: proposeCourtApplication(['served'], decidedPenalty),
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
    guards: [(ctx) => notAfterToday(ctx, ctx.input.closedOn, '结案日期')],
    apply: (ctx) => ({ closedOn: ctx.input.closedOn, details: { closing: ctx.input } }),
  }),
  archive: action({
    name: 'archive',
    label: '归档',
    from: ['closed', 'not_filed', 'terminated'],
    to: 'archived',
    roles: ['archivist'],
    input: ArchiveInput,
    guards: [(ctx) => notAfterToday(ctx, ctx.input.archivedOn, '归档日期')],
    apply: (ctx) => ({ archivedOn: ctx.input.archivedOn, details: { archive: ctx.input } }),
  }),
};
