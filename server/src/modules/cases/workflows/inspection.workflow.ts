// 行政检查 as data plus guards, in three procedures that share the inspection itself: 日常检查
// (routine), 双随机 (random: the draw of the party and of the officers is recorded first), and the
// check after a permit granted on a commitment (告知承诺). Two officers show their credentials (and
// the record says which), the result is recorded — normal, or problems followed by 责令改正 and a
// re-check, or referral for a penalty case or the permit's revocation.
import type { AvAct } from '../../profile/profile.vocabulary.ts';
import { avRecorded, hasParty, hasPower, officersQualified } from '../guards.ts';
import { periodEnd } from '../periods.ts';
import { action, type ActionSpec, type GuardContext, type Workflow } from '../workflow.ts';
import { kindsRepository } from './kinds.repository.ts';
import {
  archiveAction,
  closeAction,
  d,
  list,
  notAfterToday,
  notBefore,
  onSiteRecordComplete,
  powerCategoryIs,
  refuse,
} from './kinds.shared.ts';
import {
  CommitmentBasisInput,
  InspectionRecordInput,
  PlanInspectionInput,
  RecheckInput,
  RectificationOrderInput,
  ReferInput,
  SelectionInput,
} from './inspection.schemas.ts';

type Procedure = 'routine' | 'random' | 'commitment';

const STATES = {
  registered: '已登记',
  planned: '待检查',
  inspected: '检查无问题',
  problems_found: '发现问题',
  rectifying: '责令改正中',
  rectified: '已整改',
  not_rectified: '逾期未整改',
  referred: '已移送处理',
  closed: '已结案',
  archived: '已归档',
};

const CONTACT: AvAct[] = ['site_inspection', 'inspection_with_contact'];
const AV_ACTS: Record<Procedure, AvAct[]> = {
  routine: CONTACT,
  random: CONTACT,
  commitment: ['inspection_after_commitment_permit', ...CONTACT],
};

/** When the profile sets a period for publishing inspection results, its last day. */
async function disclosureDueOn(ctx: GuardContext, inspectedOn: string): Promise<string | null> {
  const rule = ctx.rules.disclosure.inspectionResults.effective;
  if (rule?.mode !== 'within' || (rule.unit !== 'working_days' && rule.unit !== 'days'))
    return null;
  return periodEnd(ctx.trx, inspectedOn, { amount: rule.amount, unit: rule.unit });
}

const plannedOn = (ctx: GuardContext) =>
  d<{ plannedOn?: string; drawnOn?: string }>(ctx, 'plan')?.plannedOn ??
  d<{ drawnOn: string }>(ctx, 'selection')?.drawnOn;

const selectionValid = async (
  ctx: GuardContext<{
    randomCheckItemId: string;
    entityPoolSize: number;
    entitiesDrawn: number;
    officerPoolSize: number;
    drawnOfficerIds: string[];
  }>,
) => {
  const item = await kindsRepository.findRandomCheckItem(
    ctx.trx,
    ctx.snapshot.agencyId,
    ctx.input.randomCheckItemId,
  );
  if (!item?.isActive) return refuse('RANDOM_CHECK_ITEM_INVALID');
  if (item.powerId && ctx.snapshot.powerId && item.powerId !== ctx.snapshot.powerId) {
    return refuse('RANDOM_CHECK_ITEM_INVALID', `抽查事项“${item.name}”与本案所选的检查事项不一致`);
  }
  const i = ctx.input;
  if (i.entitiesDrawn > i.entityPoolSize || i.drawnOfficerIds.length > i.officerPoolSize) {
    return refuse('VALIDATION_FAILED', '抽取数量不能大于抽取范围');
  }
  const notDrawn = ctx.snapshot.officers.filter((o) => !i.drawnOfficerIds.includes(o.personId));
  return notDrawn.length > 0
    ? refuse(
        'INSPECTION_OFFICERS_NOT_DRAWN',
        `执法人员${notDrawn.map((o) => o.name).join('、')}不在随机抽取的执法人员之中`,
      )
    : undefined;
};

function startAction(procedure: Procedure): ActionSpec<never> {
  switch (procedure) {
    case 'routine':
      return action({
        name: 'plan_inspection',
        label: '确定检查事项',
        from: ['registered'],
        to: 'planned',
        roles: ['officer'],
        input: PlanInspectionInput,
        guards: [hasParty, (ctx) => notAfterToday(ctx, ctx.input.plannedOn, '日期')],
        apply: (ctx) => ({ details: { plan: ctx.input } }),
      });
    case 'random':
      return action({
        name: 'record_selection',
        label: '登记双随机抽取结果',
        from: ['registered'],
        to: 'planned',
        roles: ['officer'],
        input: SelectionInput,
        guards: [
          hasParty,
          selectionValid,
          (ctx) => notAfterToday(ctx, ctx.input.drawnOn, '抽取日期'),
        ],
        apply: (ctx) => ({ details: { selection: ctx.input } }),
      });
    case 'commitment':
      return action({
        name: 'record_commitment_basis',
        label: '登记告知承诺许可',
        from: ['registered'],
        to: 'planned',
        roles: ['officer'],
        input: CommitmentBasisInput,
        guards: [hasParty, (ctx) => notAfterToday(ctx, ctx.input.permitDecidedOn, '许可日期')],
        apply: (ctx) => ({
          details: { commitment: ctx.input, plan: { plannedOn: ctx.input.permitDecidedOn } },
        }),
      });
  }
}

function inspectionWorkflow(procedure: Procedure, label: string): Workflow {
  return {
    kind: 'inspection',
    procedure,
    label,
    initial: 'registered',
    states: STATES,
    actions: [
      startAction(procedure),
      action({
        name: 'record_inspection',
        label: '现场检查（检查记录）',
        from: ['planned'],
        to: (ctx) => (ctx.input.result === 'normal' ? 'inspected' : 'problems_found'),
        roles: ['officer'],
        input: InspectionRecordInput,
        guards: [
          hasParty,
          hasPower,
          powerCategoryIs('inspection'),
          officersQualified,
          (ctx) => onSiteRecordComplete(ctx, ctx.input),
          (ctx) =>
            ctx.input.result === 'problems' && !ctx.input.problems
              ? refuse('VALIDATION_FAILED', '检查发现问题的，须记录发现的问题')
              : undefined,
          (ctx) => notBefore(ctx.input.inspectedOn, plannedOn(ctx), '检查日期'),
          (ctx) => notAfterToday(ctx, ctx.input.inspectedOn, '检查日期'),
          avRecorded(AV_ACTS[procedure], 'record_inspection'),
        ],
        apply: async (ctx) => ({
          details: {
            inspection: {
              ...ctx.input,
              credentialsShown: ctx.input.officers.map((o) => ({
                ...o,
                form: ctx.input.credentialForm,
              })),
              resultDisclosureDueOn: await disclosureDueOn(ctx, ctx.input.inspectedOn),
            },
          },
        }),
      }),
      action({
        name: 'order_rectification',
        label: '责令改正',
        from: ['problems_found', 'not_rectified'],
        to: 'rectifying',
        roles: ['officer'],
        input: RectificationOrderInput,
        guards: [
          (ctx) =>
            ctx.input.deadlineOn > ctx.input.issuedOn
              ? undefined
              : refuse('INVALID_DATE_RANGE', '改正期限须晚于责令改正通知书的送达日期'),
          (ctx) => notAfterToday(ctx, ctx.input.issuedOn, '送达日期'),
        ],
        apply: (ctx) => ({ details: { orders: [...list(ctx, 'orders'), ctx.input] } }),
      }),
      action({
        name: 'record_recheck',
        label: '整改情况复查',
        from: ['rectifying'],
        to: (ctx) => ctx.input.outcome,
        roles: ['officer'],
        input: RecheckInput,
        guards: [
          officersQualified,
          (ctx) => onSiteRecordComplete(ctx, ctx.input),
          (ctx) => {
            const order = list<{ issuedOn: string; deadlineOn: string }>(ctx, 'orders').at(-1);
            if (!order) return undefined;
            if (
              ctx.input.outcome === 'not_rectified' &&
              ctx.input.recheckedOn <= order.deadlineOn
            ) {
              return refuse(
                'INSPECTION_RECHECK_TOO_EARLY',
                `改正期限至 ${order.deadlineOn} 届满，期满前不能认定逾期未整改`,
              );
            }
            return notBefore(ctx.input.recheckedOn, order.issuedOn, '复查日期');
          },
          (ctx) => notAfterToday(ctx, ctx.input.recheckedOn, '复查日期'),
          avRecorded(['rectification_check', ...CONTACT], 'record_recheck'),
        ],
        apply: (ctx) => ({ details: { rechecks: [...list(ctx, 'rechecks'), ctx.input] } }),
      }),
      action({
        name: 'refer',
        label: '移送立案查处或撤销许可',
        from: ['problems_found', 'not_rectified'],
        to: 'referred',
        roles: ['officer', 'head'],
        input: ReferInput,
        guards: [
          (ctx) =>
            ctx.input.to === 'permit_revocation' && procedure !== 'commitment'
              ? refuse('VALIDATION_FAILED', '只有告知承诺许可后的检查才移送撤销许可')
              : undefined,
          (ctx) => notAfterToday(ctx, ctx.input.referredOn, '移送日期'),
        ],
        apply: (ctx) => ({ details: { referral: ctx.input } }),
      }),
      closeAction(['inspected', 'rectified', 'referred']),
      archiveAction(['closed']),
    ],
  };
}

export const INSPECTION_ROUTINE = inspectionWorkflow('routine', '行政检查（日常检查）');
export const INSPECTION_RANDOM = inspectionWorkflow('random', '行政检查（双随机抽查）');
export const INSPECTION_COMMITMENT = inspectionWorkflow('commitment', '行政检查（告知承诺后核查）');
