// 行政强制措施 (查封、扣押、冻结; 《行政强制法》arts.18–33) as data plus guards: proposed, approved
// by the head (or, in an emergency, taken first and ratified within 24 hours), taken on site by two
// officers with the party (or a witness), the record signed, the decision and list handed over;
// then, within the period (30 days, once extended by at most 30), disposed of or released.
import { chinaToday } from '../../../shared/dates.ts';
import { CalendarNotLoadedError, toDayNumber } from '../../calendar/working-days.ts';
import { legalReviewGate } from '../../review/review.gate.ts';
import { avRecorded, hasParty, hasPower, officersQualified } from '../guards.ts';
import { citeStatute, periodEnd, statuteAmount, statuteCount, statutePeriod } from '../periods.ts';
import { action, type GuardContext, type Workflow } from '../workflow.ts';
import {
  avActsOfMeasures,
  coercionActsOfMeasures,
  measureEndsOn,
  rollToWorkingDay,
} from './coercion.rules.ts';
import {
  DisposeInput,
  ExtendMeasureInput,
  ImplementMeasureInput,
  MeasureExcludedInput,
  ProposeDisposalInput,
  ProposeMeasureInput,
  RatifyInput,
  ReleaseInput,
  type MeasureKind,
} from './coercion.schemas.ts';
import { calendarAround } from './kinds.dates.ts';
import { kindsRepository } from './kinds.repository.ts';
import { NoInput, ReasonInput } from './kinds.schemas.ts';
import {
  archiveAction,
  closeAction,
  d,
  list,
  notAfterToday,
  notBefore,
  onSiteRecordComplete,
  powerCategoryIs,
  proposalRequired,
  refuse,
} from './kinds.shared.ts';

interface MeasureProposal {
  measures: MeasureKind[];
  coercionActs: string[];
  isCoercionExecution: false;
  isEmergency: boolean;
}
interface Measure {
  takenOn: string;
  periodDays: number;
  endsOn: string;
}
interface Emergency {
  reportDueAt: string;
  ratification?: { isApproved: boolean };
}

const proposalOf = (ctx: GuardContext) =>
  d<MeasureProposal>(ctx, 'measureProposal') ?? d<MeasureProposal>(ctx, 'proposed');

/** The period: the power's own statutory limit in days where it has one (a law may differ), else art.25/32. */
async function periodDaysOf(ctx: GuardContext, measures: readonly MeasureKind[]) {
  const law = statutePeriod(
    ctx.rules,
    measures.every((m) => m === 'freeze') ? 'coercionFreezePeriod' : 'coercionSeizurePeriod',
  );
  const power = ctx.snapshot.powerId
    ? await kindsRepository.findPowerTerms(ctx.trx, ctx.snapshot.powerId)
    : null;
  const statutory = power?.timeLimit.statutory;
  return statutory?.unit === 'days' ? statutory.amount : law.amount;
}

/**
 * A period in days ending on a day off ends on the next working day (《民法典》第二百零三条, in
 * the statute rules). Until the calendar of that year is loaded the unmoved day stands: the
 * earliest the period can end, so the agency is never told it has longer than it has.
 */
async function lastDayOf(ctx: GuardContext, day: string): Promise<string> {
  if (ctx.rules.statute.lastDayOffRollsToWorkingDay.effective !== true) return day;
  try {
    return rollToWorkingDay(await calendarAround(ctx.trx, day), day);
  } catch (error) {
    if (error instanceof CalendarNotLoadedError) return day;
    throw error;
  }
}

/** The measure's last day as things stand: base period, extension, excluded testing days. */
async function endsOn(ctx: GuardContext): Promise<string | null> {
  const m = d<Measure>(ctx, 'measure');
  if (!m) return null;
  const extension = d<{ days: number }>(ctx, 'extension')?.days ?? 0;
  const excluded = list<{ from: string; to: string }>(ctx, 'exclusions').reduce(
    (sum, s) => sum + toDayNumber(s.to) - toDayNumber(s.from) + 1,
    0,
  );
  return lastDayOf(ctx, measureEndsOn(m.takenOn, m.periodDays, extension, excluded));
}

const emergencyRatified = (ctx: GuardContext) => {
  const e = d<Emergency>(ctx, 'emergency');
  return e && !e.ratification ? refuse('COERCION_EMERGENCY_NOT_RATIFIED') : undefined;
};

const ACTIVE = ['in_effect'] as const;

export const COERCION_MEASURE: Workflow = {
  kind: 'coercion',
  procedure: 'measure',
  label: '行政强制措施（查封、扣押、冻结）',
  initial: 'registered',
  states: {
    registered: '已登记',
    approval_pending: '待负责人批准',
    approved: '已批准',
    not_approved: '不予批准',
    in_effect: '措施实施中',
    released: '已解除',
    disposed: '已作出处理决定',
    closed: '已结案',
    archived: '已归档',
  },
  actions: [
    action({
      name: 'propose_measure',
      label: '报请采取强制措施',
      from: ['registered'],
      to: 'approval_pending',
      roles: ['officer'],
      input: ProposeMeasureInput,
      guards: [
        hasParty,
        hasPower,
        powerCategoryIs('coercion'),
        officersQualified,
        (ctx) =>
          ctx.input.isEmergency && !ctx.input.emergencyReason
            ? refuse('VALIDATION_FAILED', '情况紧急当场实施的，须说明紧急情况')
            : undefined,
      ],
      apply: (ctx) => ({
        isEmergencyStart: ctx.input.isEmergency,
        details: {
          proposed: {
            ...ctx.input,
            coercionActs: coercionActsOfMeasures(ctx.input.measures),
            isCoercionExecution: false,
          },
        },
      }),
    }),
    action({
      name: 'approve_measure',
      label: '批准采取强制措施',
      from: ['approval_pending'],
      to: 'approved',
      roles: ['head'],
      input: NoInput,
      guards: [officersQualified],
      apply: (ctx) => ({
        details: { approval: { at: ctx.now.toISOString(), by: ctx.principal.displayName } },
      }),
    }),
    action({
      name: 'decline_measure',
      label: '不予批准',
      from: ['approval_pending'],
      to: 'not_approved',
      roles: ['head'],
      input: ReasonInput,
      guards: [],
      apply: (ctx) => ({ details: { notApproved: { ...ctx.input, on: ctx.today } } }),
    }),
    action({
      name: 'implement_measure',
      label: '实施强制措施（现场笔录、交付决定书和清单）',
      from: ['approved', 'approval_pending'],
      to: 'in_effect',
      roles: ['officer'],
      input: ImplementMeasureInput,
      guards: [
        (ctx) =>
          ctx.snapshot.state === 'approval_pending' && !proposalOf(ctx)?.isEmergency
            ? refuse('COERCION_APPROVAL_REQUIRED')
            : undefined,
        officersQualified,
        (ctx) =>
          onSiteRecordComplete(ctx, ctx.input, statuteCount(ctx.rules, 'coercionOfficersRequired')),
        (ctx) =>
          !ctx.input.isPartyPresent && !ctx.input.witness
            ? refuse('COERCION_WITNESS_REQUIRED')
            : undefined,
        (ctx) => (ctx.input.isPartyInformed ? undefined : refuse('COERCION_PARTY_NOT_INFORMED')),
        (ctx) => {
          const measures = proposalOf(ctx)?.measures ?? [];
          if (measures.some((m) => m !== 'freeze') && !ctx.input.isListDelivered) {
            return refuse('COERCION_LIST_NOT_DELIVERED');
          }
          if (measures.includes('freeze') && !ctx.input.financialInstitution) {
            return refuse('COERCION_FREEZE_NOTICE_REQUIRED');
          }
          return undefined;
        },
        (ctx) => notAfterToday(ctx, chinaToday(new Date(ctx.input.implementedAt)), '实施日期'),
        (ctx) =>
          avRecorded(avActsOfMeasures(proposalOf(ctx)?.measures ?? []), 'implement_measure')(ctx),
        legalReviewGate,
      ],
      apply: async (ctx) => {
        const measures = proposalOf(ctx)?.measures ?? [];
        const takenOn = chinaToday(new Date(ctx.input.implementedAt));
        const periodDays = await periodDaysOf(ctx, measures);
        const freezeNoticeDueOn = measures.includes('freeze')
          ? await periodEnd(
              ctx.trx,
              takenOn,
              statutePeriod(ctx.rules, 'coercionFreezeDecisionDelivery'),
            )
          : null;
        // Taken before the head approved: the approval follows within 24 hours (art.19).
        const emergency =
          ctx.snapshot.state === 'approval_pending'
            ? {
                reportDueAt: new Date(
                  Date.parse(ctx.input.implementedAt) +
                    statuteAmount(ctx.rules, 'coercionEmergencyReport', 'hours') * 3_600_000,
                ).toISOString(),
              }
            : undefined;
        return {
          decidedOn: takenOn,
          details: {
            measure: {
              ...ctx.input,
              takenOn,
              periodDays,
              endsOn: await lastDayOf(ctx, measureEndsOn(takenOn, periodDays, 0, 0)),
              freezeNoticeDueOn,
              isFreezeNoticeLate:
                freezeNoticeDueOn !== null &&
                (ctx.input.partyNotifiedOn ?? ctx.today) > freezeNoticeDueOn,
            },
            ...(emergency ? { emergency } : {}),
          },
        };
      },
    }),
    action({
      name: 'ratify_emergency',
      label: '补办批准手续（紧急实施）',
      // Also after a release: the head's decision on the emergency is recorded either way.
      from: ['in_effect', 'released'],
      to: (ctx) =>
        ctx.snapshot.state === 'released' || !ctx.input.isApproved ? 'released' : 'in_effect',
      roles: ['head'],
      input: RatifyInput,
      guards: [
        (ctx) => {
          const e = d<Emergency>(ctx, 'emergency');
          if (!e) return refuse('COERCION_NOT_EMERGENCY');
          return e.ratification ? refuse('COERCION_EMERGENCY_ALREADY_RATIFIED') : undefined;
        },
      ],
      apply: (ctx) => {
        const e = d<Emergency>(ctx, 'emergency') as Emergency;
        // Late approval is still recorded, and flagged: it cannot be made on time after the fact.
        const ratification = {
          ...ctx.input,
          at: ctx.now.toISOString(),
          by: ctx.principal.displayName,
          isLate: ctx.now.toISOString() > e.reportDueAt,
        };
        return {
          details: {
            emergency: { ...e, ratification },
            ...(ctx.input.isApproved || ctx.snapshot.state === 'released'
              ? {}
              : {
                  release: {
                    releasedOn: ctx.today,
                    reason: 'not_ratified',
                    returnNote: `负责人认为不应当采取强制措施，立即解除（${citeStatute(ctx.rules, 'coercionEmergencyReport')}）`,
                  },
                }),
          },
        };
      },
    }),
    action({
      name: 'record_excluded_period',
      label: '登记检测、检验、检疫或技术鉴定期间',
      from: ACTIVE,
      to: 'in_effect',
      roles: ['officer'],
      input: MeasureExcludedInput,
      guards: [
        (ctx) => notBefore(ctx.input.to, ctx.input.from, '结束日期'),
        (ctx) => notBefore(ctx.input.from, d<Measure>(ctx, 'measure')?.takenOn, '开始日期'),
      ],
      apply: (ctx) => ({ details: { exclusions: [...list(ctx, 'exclusions'), ctx.input] } }),
    }),
    action({
      name: 'extend_measure',
      label: '批准延长期限',
      from: ACTIVE,
      to: 'in_effect',
      roles: ['head'],
      input: ExtendMeasureInput,
      guards: [
        (ctx) => (d(ctx, 'extension') ? refuse('COERCION_EXTENSION_USED') : undefined),
        (ctx) => {
          const onlyFreeze = proposalOf(ctx)?.measures.every((m) => m === 'freeze');
          const rule = onlyFreeze ? 'coercionFreezeExtension' : 'coercionSeizureExtension';
          const max = statutePeriod(ctx.rules, rule).amount;
          return ctx.input.days > max
            ? refuse(
                'COERCION_EXTENSION_TOO_LONG',
                `延长期限不得超过 ${max} 日（${citeStatute(ctx.rules, rule)}）`,
              )
            : undefined;
        },
        async (ctx) => {
          const end = await endsOn(ctx);
          return end && ctx.input.approvedOn > end
            ? refuse('COERCION_PERIOD_EXPIRED', `期限已于 ${end} 届满，只能解除`, { endsOn: end })
            : undefined;
        },
        (ctx) => notAfterToday(ctx, ctx.input.approvedOn, '批准日期'),
      ],
      apply: (ctx) => ({
        details: { extension: { ...ctx.input, approvedBy: ctx.principal.displayName } },
      }),
    }),
    action({
      name: 'release',
      label: '解除强制措施',
      from: ACTIVE,
      to: 'released',
      roles: ['head'],
      input: ReleaseInput,
      // Releasing is never held up: it only ever favours the party.
      guards: [
        (ctx) => notBefore(ctx.input.releasedOn, d<Measure>(ctx, 'measure')?.takenOn, '解除日期'),
        (ctx) => notAfterToday(ctx, ctx.input.releasedOn, '解除日期'),
      ],
      apply: async (ctx) => ({ details: { release: ctx.input, endsOn: await endsOn(ctx) } }),
    }),
    action({
      name: 'propose_disposal',
      label: '拟定处理决定',
      from: ACTIVE,
      to: 'in_effect',
      roles: ['officer'],
      input: ProposeDisposalInput,
      guards: [],
      apply: (ctx) => ({
        details: {
          measureProposal: proposalOf(ctx),
          proposed: {
            disposal: ctx.input.outcome,
            ...ctx.input,
            coercionActs:
              ctx.input.outcome === 'transfer_to_judicial' ? [] : ['auction_or_dispose'],
            isCoercionExecution: false,
          },
        },
      }),
    }),
    action({
      name: 'dispose',
      label: '作出处理决定',
      from: ACTIVE,
      to: 'disposed',
      roles: ['head'],
      input: DisposeInput,
      guards: [
        emergencyRatified,
        proposalRequired,
        (ctx) =>
          d<{ disposal?: string }>(ctx, 'proposed')?.disposal
            ? undefined
            : refuse('DECISION_PROPOSAL_REQUIRED'),
        async (ctx) => {
          const end = await endsOn(ctx);
          // After the period only release is lawful (art.28(四)).
          return end && ctx.input.decidedOn > end
            ? refuse('COERCION_PERIOD_EXPIRED', `期限已于 ${end} 届满，只能解除`, { endsOn: end })
            : undefined;
        },
        (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期'),
        legalReviewGate,
      ],
      apply: (ctx) => ({
        details: { disposal: { ...d<object>(ctx, 'proposed'), decidedOn: ctx.input.decidedOn } },
      }),
    }),
    closeAction(['released', 'disposed', 'not_approved'], [emergencyRatified]),
    archiveAction(['closed']),
  ],
};
