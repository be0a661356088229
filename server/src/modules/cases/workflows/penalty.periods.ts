// Actions on the 90-day decision period of 一般程序 (art.60): suspension (中止) and resumption,
// the head's extension, and termination (撤销立案).
import { action } from '../workflow.ts';
import { notAfterToday } from './kinds.shared.ts';
import { list, refuse } from './penalty.guards.ts';
import type { Suspension } from './penalty.rules.ts';
import { ExtendInput, ReasonInput, ResumeInput, SuspendInput } from './penalty.schemas.ts';

/** The states in which the case is under way and its decision period runs. */
export const ACTIVE = [
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
] as const;

export const PENALTY_PERIOD_ACTIONS = [
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
      (ctx) => notAfterToday(ctx, ctx.input.from, '中止日期'),
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
      (ctx) => notAfterToday(ctx, ctx.input.on, '恢复日期'),
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
];
