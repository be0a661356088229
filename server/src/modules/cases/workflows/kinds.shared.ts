// Guards and actions the permit, coercion, inspection and expropriation workflows share: the
// on-site record, service, the power's category, closing and archiving.
import { avRecorded } from '../guards.ts';
import { periodEnd } from '../periods.ts';
import { action, type Guard, type GuardContext, type Refusal } from '../workflow.ts';
import type { PowerCategory } from '../../powers/powers.schemas.ts';
import { POWER_CATEGORY_LABELS } from '../../powers/powers.schemas.ts';
import { kindsRepository } from './kinds.repository.ts';
import { ArchiveInput, CloseInput, type OnSiteRecord, type ServiceInput } from './kinds.schemas.ts';

export const d = <T>(ctx: GuardContext, key: string) => ctx.snapshot.details[key] as T | undefined;
export const list = <T>(ctx: GuardContext, key: string) =>
  (ctx.snapshot.details[key] as T[] | undefined) ?? [];
export const refuse = (code: Refusal['code'], message?: string, details?: unknown): Refusal => ({
  code,
  ...(message ? { message } : {}),
  ...(details === undefined ? {} : { details }),
});

/** The context as it will be once `patch` is applied, for values computed from the new details. */
export function withDetails<I>(
  ctx: GuardContext<I>,
  patch: Record<string, unknown>,
): GuardContext<I> {
  return { ...ctx, snapshot: { ...ctx.snapshot, details: { ...ctx.snapshot.details, ...patch } } };
}

export const notBefore = (date: string, earliest: string | null | undefined, what: string) =>
  earliest && date < earliest
    ? refuse('INVALID_DATE_RANGE', `${what}不能早于 ${earliest}`)
    : undefined;

/** Records are made of what happened: a date after today is a typing error. */
export const notAfterToday = (ctx: GuardContext, date: string, what: string) =>
  date > ctx.today
    ? refuse('INVALID_DATE_RANGE', `${what}不能晚于今天（${ctx.today}）`)
    : undefined;

/**
 * An on-site record names at least `minimum` officers of the case, each with the credential number
 * shown, and carries the party's signature — or the refusal noted and a witness's name
 * (行政强制法 art.18(七)–(九); 薛城区 意见 on 笔录).
 */
export function onSiteRecordComplete(
  ctx: GuardContext,
  record: OnSiteRecord,
  minimum = Number(ctx.rules.statute.officersRequired.effective),
): Refusal | undefined {
  const onCase = new Map(ctx.snapshot.officers.map((o) => [o.personId, o]));
  const named = new Set(record.officers.map((o) => o.personId));
  const wrong = record.officers.filter(
    (o) => onCase.get(o.personId)?.credentialNo !== o.credentialNo,
  );
  if (wrong.length > 0 || named.size < minimum) {
    return refuse(
      'TRANSCRIPT_INCOMPLETE',
      `笔录须载明至少 ${minimum} 名本案执法人员的姓名和所出示的执法证号`,
    );
  }
  if (!record.partySigned && !(record.refusalNote && record.witness)) {
    return refuse(
      'TRANSCRIPT_INCOMPLETE',
      '笔录须有当事人签名；当事人拒绝签名或者不到场的，应注明情况并由见证人签名',
    );
  }
  return undefined;
}

export const serviceRecordComplete = (s: ServiceInput) => {
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

/** 留置送达 and 公告送达 are recorded on audio/video where the profile says so. */
export function serviceAvRecorded(step: string): Guard<ServiceInput> {
  return (ctx) => {
    if (ctx.input.method === 'leave') return avRecorded('leave_service', step)(ctx);
    if (ctx.input.method === 'notice') return avRecorded('notice_service', step)(ctx);
    return undefined;
  };
}

/** The case's power is of the kind the workflow handles (a permit is not run on a penalty power). */
export function powerCategoryIs(...categories: PowerCategory[]): Guard {
  return async ({ trx, snapshot }) => {
    if (!snapshot.powerId) return refuse('POWER_REQUIRED');
    const power = await kindsRepository.findPowerTerms(trx, snapshot.powerId);
    if (power && categories.includes(power.category)) return undefined;
    return refuse(
      'POWER_KIND_MISMATCH',
      `所选权力事项（${power?.name ?? '不存在'}）不属于${categories.map((c) => POWER_CATEGORY_LABELS[c]).join('或')}`,
    );
  };
}

export const proposalRequired: Guard = (ctx) =>
  d(ctx, 'proposed') ? undefined : refuse('DECISION_PROPOSAL_REQUIRED');

export function closeAction(from: readonly string[], guards: readonly Guard[] = []) {
  return action({
    name: 'close',
    label: '批准结案',
    from,
    to: 'closed',
    roles: ['head'],
    input: CloseInput,
    guards: [...guards, (ctx) => notAfterToday(ctx, ctx.input.closedOn, '结案日期')],
    apply: async (ctx) => {
      const rule = ctx.rules.archive.caseFileDeadline.effective;
      const archiveDueOn =
        rule?.mode === 'within' && (rule.unit === 'days' || rule.unit === 'working_days')
          ? await periodEnd(ctx.trx, ctx.input.closedOn, { amount: rule.amount, unit: rule.unit })
          : null;
      return { closedOn: ctx.input.closedOn, details: { closing: { ...ctx.input, archiveDueOn } } };
    },
  });
}

/** Archiving late is still archiving: the delay is flagged on the case, not refused. */
export function archiveAction(from: readonly string[]) {
  return action({
    name: 'archive',
    label: '归档',
    from,
    to: 'archived',
    roles: ['archivist'],
    input: ArchiveInput,
    guards: [(ctx) => notAfterToday(ctx, ctx.input.archivedOn, '归档日期')],
    apply: (ctx) => {
      const dueOn = d<{ archiveDueOn: string | null }>(ctx, 'closing')?.archiveDueOn ?? null;
      const isLate = dueOn !== null && ctx.input.archivedOn > dueOn;
      return {
        archivedOn: ctx.input.archivedOn,
        details: { archive: { ...ctx.input, dueOn, isLate } },
      };
    },
  });
}
