// 立案 under 一般程序: the officer asks, the head approves (art.54) or declines with reasons. Where
// the profile allows it (薛城区 附件2 第八条), an officer may start in an emergency and the head's
// approval follows within the profile's period; a late approval stays flagged on the case (its
// deadline row ends as missed), and no decision is made on a case whose filing is unapproved.
import { hasParty, hasPower, officersQualified } from '../guards.ts';
import { action, type GuardContext } from '../workflow.ts';
import { d, refuse } from './penalty.guards.ts';
import { ACTIVE } from './penalty.periods.ts';
import {
  DeclineFilingInput,
  EmergencyRatifyInput,
  EmergencyStartInput,
  NoInput,
} from './penalty.schemas.ts';

const MS_PER_HOUR = 3_600_000;

interface EmergencyStart {
  startedAt: string;
  approvalDueAt: string;
  reason: string;
  startedBy: string;
  ratification?: { isApproved: boolean; at: string; isLate: boolean };
}

/** The profile's period for the approval, in hours; null where no document allows the start. */
function approvalHours(ctx: GuardContext): number | null {
  const rule = ctx.rules.filing.emergencyStartApproval.effective;
  return rule?.mode === 'within' && rule.unit === 'hours' ? rule.amount : null;
}

const emergencyStartProvided = (ctx: GuardContext) =>
  approvalHours(ctx) === null ? refuse('EMERGENCY_START_NOT_PROVIDED') : undefined;

const emergencyPending = (ctx: GuardContext) => {
  const e = d<EmergencyStart>(ctx, 'emergencyStart');
  return e && !e.ratification ? undefined : refuse('EMERGENCY_START_NOT_PENDING');
};

export const PENALTY_FILING_ACTIONS = [
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
    name: 'start_emergency',
    label: '情况紧急，先行启动执法程序',
    from: ['registered'],
    to: 'investigating',
    roles: ['officer'],
    input: EmergencyStartInput,
    guards: [hasParty, hasPower, officersQualified, emergencyStartProvided],
    apply: (ctx) => {
      const hours = approvalHours(ctx) ?? 0;
      const start: EmergencyStart = {
        startedAt: ctx.now.toISOString(),
        approvalDueAt: new Date(ctx.now.getTime() + hours * MS_PER_HOUR).toISOString(),
        reason: ctx.input.reason,
        startedBy: ctx.principal.displayName,
      };
      return { filedOn: ctx.today, isEmergencyStart: true, details: { emergencyStart: start } };
    },
  }),
  action({
    name: 'ratify_emergency_start',
    label: '补报负责人批准（先行启动）',
    from: ACTIVE,
    to: (ctx) => (ctx.input.isApproved ? ctx.snapshot.state : 'terminated'),
    roles: ['head'],
    input: EmergencyRatifyInput,
    guards: [emergencyPending],
    apply: (ctx) => {
      const e = d<EmergencyStart>(ctx, 'emergencyStart') as EmergencyStart;
      const at = ctx.now.toISOString();
      const isLate = ctx.now.getTime() > new Date(e.approvalDueAt).getTime();
      const emergencyStart = {
        ...e,
        ratification: { isApproved: ctx.input.isApproved, at, isLate },
      };
      if (!ctx.input.isApproved) {
        return {
          closedOn: ctx.today,
          details: {
            emergencyStart,
            termination: { reason: `负责人不同意先行启动：${ctx.input.opinion}`, on: ctx.today },
          },
        };
      }
      return {
        details: {
          emergencyStart,
          filing: {
            approvedOn: ctx.today,
            approvedBy: ctx.principal.displayName,
            opinion: ctx.input.opinion,
            afterEmergencyStart: true,
            isLate,
          },
        },
      };
    },
  }),
];
