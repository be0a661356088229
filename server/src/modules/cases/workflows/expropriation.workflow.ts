// 行政征收征用 as data plus guards, the lawful minimum: a compensation plan; for houses on state
// land and collective land, public comment for 30 days, a hearing when most owners object and a
// risk assessment; for houses on state land, the compensation funds in place before the decision;
// the decision (collectively when many owners are affected) announced with the plan and the
// remedies; compensation by agreement or decision; the court for who does not move; requisitioned
// property returned after use.
import { legalReviewGate } from '../../review/review.gate.ts';
import { hasParty, hasPower } from '../guards.ts';
import { citeStatute, statuteAmount } from '../periods.ts';
import { action, type GuardContext, type Workflow } from '../workflow.ts';
import { courtWindowFrom } from './coercion.execution.guards.ts';
import { catalogObjectsOf, CONSULTED_OBJECTS } from './expropriation.objects.ts';
import {
  AnnounceInput,
  CompensationInput,
  CompleteInput,
  ConsultationInput,
  ExpropriationCourtInput,
  ExpropriationDecideInput,
  FundsInput,
  PlanInput,
  ProposeExpropriationInput,
  PublishInput,
  ReturnInput,
  RiskAssessmentInput,
} from './expropriation.schemas.ts';
import { courtApplicationGate, proposeCourtApplication } from './court.application.ts';
import { calendarAround } from './kinds.dates.ts';
import { CollectiveDecisionInput, ReasonInput } from './kinds.schemas.ts';
import {
  archiveAction,
  closeAction,
  d,
  list,
  notAfterToday,
  notBefore,
  powerCategoryIs,
  proposalRequired,
  refuse,
} from './kinds.shared.ts';
import { addCalendarDays } from '../../calendar/working-days.ts';

interface Compensation {
  partyName: string;
  form: 'agreement' | 'decision';
  servedOn?: string;
  movingDeadlineOn?: string;
}

const planOf = (ctx: GuardContext) => d<PlanInput>(ctx, 'plan');
const isConsulted = (ctx: GuardContext) => {
  const object = planOf(ctx)?.object;
  return object !== undefined && CONSULTED_OBJECTS.includes(object);
};

const consultationApplies = (ctx: GuardContext) =>
  isConsulted(ctx) ? undefined : refuse('EXPROPRIATION_STEP_NOT_APPLICABLE');

const decisionPrerequisites = (ctx: GuardContext<{ decidedOn: string }>) => {
  const plan = planOf(ctx);
  if (!plan) return refuse('EXPROPRIATION_STEP_NOT_APPLICABLE');
  if (isConsulted(ctx)) {
    if (!d(ctx, 'consultation')) return refuse('EXPROPRIATION_CONSULTATION_REQUIRED');
    if (!d(ctx, 'riskAssessment')) return refuse('EXPROPRIATION_RISK_ASSESSMENT_REQUIRED');
  }
  if (plan.object === 'house_on_state_land') {
    const funds = d<{ confirmedOn: string; isFullAmount: boolean }>(ctx, 'funds');
    if (!funds?.isFullAmount || funds.confirmedOn > ctx.input.decidedOn) {
      return refuse(
        'EXPROPRIATION_FUNDS_NOT_IN_PLACE',
        `作出房屋征收决定前，征收补偿费用应当足额到位、专户存储、专款专用（${citeStatute(ctx.rules, 'expropriationFundsBeforeDecision')}）`,
      );
    }
  }
  if (plan.isManyParties && !d(ctx, 'collectiveDecision')) {
    return refuse('EXPROPRIATION_COLLECTIVE_DECISION_REQUIRED');
  }
  return undefined;
};

export const EXPROPRIATION: Workflow = {
  kind: 'expropriation',
  procedure: 'ordinary',
  label: '行政征收征用',
  initial: 'registered',
  states: {
    registered: '已立项',
    planning: '拟定补偿方案',
    consulting: '征求意见中',
    consulted: '已征求意见',
    decided: '已作出决定',
    compensating: '补偿安置中',
    completed: '征收征用完成',
    terminated: '已终止',
    closed: '已结案',
    archived: '已归档',
  },
  actions: [
    action({
      name: 'draft_plan',
      label: '拟定征收补偿方案',
      from: ['registered'],
      to: 'planning',
      roles: ['officer'],
      input: PlanInput,
      guards: [
        hasParty,
        hasPower,
        powerCategoryIs('levy', 'requisition'),
        (ctx) =>
          (ctx.input.object === 'requisition') !== (ctx.input.purpose === 'emergency')
            ? refuse('VALIDATION_FAILED', '征用用于抢险救灾、疫情防控等紧急需要；征收须为公共利益')
            : undefined,
      ],
      apply: (ctx) => ({ details: { plan: ctx.input } }),
    }),
    action({
      name: 'publish_for_comment',
      label: '公布补偿方案征求意见',
      from: ['planning'],
      to: 'consulting',
      roles: ['officer'],
      input: PublishInput,
      guards: [
        consultationApplies,
        (ctx) => {
          const days = statuteAmount(ctx.rules, 'expropriationCommentPeriod', 'days');
          const earliest = addCalendarDays(ctx.input.publishedOn, days);
          return ctx.input.commentUntil < earliest
            ? refuse(
                'EXPROPRIATION_COMMENT_PERIOD_SHORT',
                `征求意见期限不得少于 ${days} 日：截止日不得早于 ${earliest}（${citeStatute(ctx.rules, 'expropriationCommentPeriod')}）`,
              )
            : undefined;
        },
        (ctx) => notAfterToday(ctx, ctx.input.publishedOn, '公布日期'),
      ],
      apply: (ctx) => ({ details: { publication: ctx.input } }),
    }),
    action({
      name: 'record_consultation',
      label: '公布征求意见情况和修改情况',
      from: ['consulting'],
      to: 'consulted',
      roles: ['officer'],
      input: ConsultationInput,
      guards: [
        (ctx) => {
          const until = d<{ commentUntil: string }>(ctx, 'publication')?.commentUntil;
          return until && ctx.input.closedOn < until
            ? refuse('EXPROPRIATION_COMMENT_PERIOD_OPEN', `征求意见期限至 ${until} 届满`)
            : undefined;
        },
        (ctx) => {
          const plan = planOf(ctx);
          const hearingRule =
            plan?.purpose === 'old_city_renewal' || plan?.object === 'collective_land';
          return hearingRule && ctx.input.majorityObjected && !ctx.input.hearing
            ? refuse('EXPROPRIATION_HEARING_REQUIRED')
            : undefined;
        },
        (ctx) => notBefore(ctx.input.resultsPublishedOn, ctx.input.closedOn, '公布日期'),
        (ctx) => notAfterToday(ctx, ctx.input.resultsPublishedOn, '公布日期'),
      ],
      // Kept as the case's hearing too: a decision after a hearing is major (N 十二).
      apply: (ctx) => ({
        details: {
          consultation: ctx.input,
          ...(ctx.input.hearing ? { hearing: ctx.input.hearing } : {}),
        },
      }),
    }),
    action({
      name: 'record_risk_assessment',
      label: '登记社会稳定风险评估',
      from: ['planning', 'consulting', 'consulted'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['officer'],
      input: RiskAssessmentInput,
      guards: [consultationApplies, (ctx) => notAfterToday(ctx, ctx.input.assessedOn, '评估日期')],
      apply: (ctx) => ({ details: { riskAssessment: ctx.input } }),
    }),
    action({
      name: 'confirm_funds',
      label: '确认补偿费用足额到位',
      from: ['planning', 'consulting', 'consulted'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['officer'],
      input: FundsInput,
      guards: [(ctx) => notAfterToday(ctx, ctx.input.confirmedOn, '确认日期')],
      apply: (ctx) => ({ details: { funds: ctx.input } }),
    }),
    action({
      name: 'record_collective_decision',
      label: '记录常务会议（集体讨论）',
      from: ['planning', 'consulted'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['head'],
      input: CollectiveDecisionInput,
      guards: [(ctx) => notAfterToday(ctx, ctx.input.heldOn, '会议日期')],
      apply: (ctx) => ({ details: { collectiveDecision: ctx.input } }),
    }),
    action({
      name: 'propose_decision',
      label: '拟定征收（征用）决定',
      from: ['planning', 'consulted'],
      to: (ctx) => ctx.snapshot.state,
      roles: ['officer'],
      input: ProposeExpropriationInput,
      guards: [
        (ctx) =>
          ctx.snapshot.state === 'planning' && isConsulted(ctx)
            ? refuse('EXPROPRIATION_CONSULTATION_REQUIRED')
            : undefined,
      ],
      apply: (ctx) => {
        const plan = planOf(ctx);
        return {
          details: {
            proposed: {
              ...ctx.input.proposed,
              expropriationObjects: plan ? catalogObjectsOf(plan.object, plan.includesHouses) : [],
            },
          },
        };
      },
    }),
    action({
      name: 'decide',
      label: '作出征收（征用）决定',
      from: ['planning', 'consulted'],
      to: 'decided',
      roles: ['head'],
      input: ExpropriationDecideInput,
      guards: [
        proposalRequired,
        decisionPrerequisites,
        (ctx) => notAfterToday(ctx, ctx.input.decidedOn, '决定日期'),
        legalReviewGate,
      ],
      apply: (ctx) => ({
        decidedOn: ctx.input.decidedOn,
        details: { decision: { ...d<object>(ctx, 'proposed'), decidedOn: ctx.input.decidedOn } },
      }),
    }),
    action({
      name: 'announce',
      label: '公告征收（征用）决定',
      from: ['decided'],
      to: 'compensating',
      roles: ['officer'],
      input: AnnounceInput,
      guards: [
        (ctx) =>
          ctx.input.includesPlanAndRemedies
            ? undefined
            : refuse('EXPROPRIATION_ANNOUNCEMENT_INCOMPLETE'),
        (ctx) => notBefore(ctx.input.announcedOn, ctx.snapshot.decidedOn, '公告日期'),
        (ctx) => notAfterToday(ctx, ctx.input.announcedOn, '公告日期'),
      ],
      apply: (ctx) => ({ details: { announcement: ctx.input } }),
    }),
    action({
      name: 'record_compensation',
      label: '登记补偿协议或补偿决定',
      from: ['compensating'],
      to: 'compensating',
      roles: ['officer'],
      input: CompensationInput,
      guards: [
        (ctx) =>
          ctx.snapshot.parties.some((p) => p.name === ctx.input.partyName)
            ? undefined
            : refuse('REFERENCE_INVALID', '被征收（征用）人不是本案当事人'),
        (ctx) =>
          ctx.input.form === 'decision' && !(ctx.input.servedOn && ctx.input.movingDeadlineOn)
            ? refuse('VALIDATION_FAILED', '补偿决定须载明送达日期和搬迁期限')
            : undefined,
        (ctx) => notAfterToday(ctx, ctx.input.on, '日期'),
      ],
      apply: (ctx) => ({ details: { compensations: [...list(ctx, 'compensations'), ctx.input] } }),
    }),
    proposeCourtApplication(['compensating'], () => ({})),
    action({
      name: 'apply_to_court',
      label: '申请人民法院强制执行',
      from: ['compensating'],
      to: 'compensating',
      roles: ['head'],
      input: ExpropriationCourtInput,
      guards: [
        async (ctx) => {
          const c = list<Compensation>(ctx, 'compensations').find(
            (x) => x.partyName === ctx.input.partyName && x.form === 'decision',
          );
          if (!c?.servedOn || !c.movingDeadlineOn) {
            return refuse('EXPROPRIATION_COMPENSATION_DECISION_REQUIRED');
          }
          if (ctx.input.appliedOn <= c.movingDeadlineOn) {
            return refuse(
              'COURT_APPLICATION_TOO_EARLY',
              `补偿决定规定的搬迁期限至 ${c.movingDeadlineOn} 届满`,
            );
          }
          const window = courtWindowFrom(
            await calendarAround(ctx.trx, c.servedOn),
            c.servedOn,
            ctx.rules,
          );
          if (ctx.input.appliedOn <= window.remedyEndsOn) {
            return refuse(
              'COURT_APPLICATION_TOO_EARLY',
              `被征收人申请行政复议、提起行政诉讼的期限至 ${window.remedyEndsOn} 届满`,
              window,
            );
          }
          return ctx.input.appliedOn > window.lastDayOn
            ? refuse(
                'COURT_APPLICATION_LATE',
                `申请人民法院强制执行的期限已于 ${window.lastDayOn} 届满`,
                window,
              )
            : undefined;
        },
        (ctx) => notAfterToday(ctx, ctx.input.appliedOn, '申请日期'),
        // 申请人民法院强制执行 is a coercion decision some profiles list as major (NC 二（三）12（3））.
        courtApplicationGate('apply_to_court', () => ({})),
      ],
      apply: (ctx) => ({
        details: { courtApplications: [...list(ctx, 'courtApplications'), ctx.input] },
      }),
    }),
    action({
      name: 'return_property',
      label: '返还被征用的财产',
      from: ['compensating'],
      to: 'compensating',
      roles: ['officer'],
      input: ReturnInput,
      guards: [
        (ctx) =>
          planOf(ctx)?.object === 'requisition'
            ? undefined
            : refuse('EXPROPRIATION_STEP_NOT_APPLICABLE'),
        (ctx) => notAfterToday(ctx, ctx.input.returnedOn, '返还日期'),
      ],
      apply: (ctx) => ({ details: { returned: ctx.input } }),
    }),
    action({
      name: 'complete',
      label: '征收（征用）完成',
      from: ['compensating'],
      to: 'completed',
      roles: ['head'],
      input: CompleteInput,
      guards: [
        (ctx) => {
          const done = new Set(list<Compensation>(ctx, 'compensations').map((c) => c.partyName));
          const missing = ctx.snapshot.parties.filter((p) => !done.has(p.name));
          return missing.length > 0
            ? refuse(
                'EXPROPRIATION_COMPENSATION_INCOMPLETE',
                `尚未对${missing.map((p) => p.name).join('、')}作出补偿`,
              )
            : undefined;
        },
        (ctx) =>
          planOf(ctx)?.object === 'requisition' && !d(ctx, 'returned')
            ? refuse('EXPROPRIATION_PROPERTY_NOT_RETURNED')
            : undefined,
        (ctx) => notAfterToday(ctx, ctx.input.completedOn, '完成日期'),
      ],
      apply: (ctx) => ({ details: { completion: ctx.input } }),
    }),
    action({
      name: 'abandon',
      label: '终止征收（征用）',
      from: ['planning', 'consulting', 'consulted'],
      to: 'terminated',
      roles: ['head'],
      input: ReasonInput,
      guards: [],
      apply: (ctx) => ({ details: { termination: { ...ctx.input, on: ctx.today } } }),
    }),
    closeAction(['completed', 'terminated']),
    archiveAction(['closed']),
  ],
};
