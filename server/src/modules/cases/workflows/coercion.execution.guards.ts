// Guards of 行政强制执行 (《行政强制法》arts.34–60) that need more than one line: the court window
// from the remedy periods, execution by day on a working day (art.43), 强制拆除 after the
// announcement and the remedy periods (art.44), 代履行 reminded and supervised (art.51).
import type { WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { EffectiveRules } from '../../profile/profile.resolve.ts';
import { citeStatute, periodEnd, statuteAmount, statutePeriod } from '../periods.ts';
import type { GuardContext } from '../workflow.ts';
import { courtApplicationWindow, isNight, type CourtWindow } from './coercion.rules.ts';
import type { BasisInput, ExecutionMeans } from './coercion.schemas.ts';
import { calendarAround } from './kinds.dates.ts';
import { d, list, refuse } from './kinds.shared.ts';

export type Basis = BasisInput & { courtWindow: CourtWindow | null };
interface Reminder {
  performByOn: string;
  service: { servedOn: string };
}
interface Proposal {
  means: ExecutionMeans;
  substitute?: unknown;
}

export const basisOf = (ctx: GuardContext) => d<Basis>(ctx, 'basis');
export const lastReminder = (ctx: GuardContext) => list<Reminder>(ctx, 'reminders').at(-1);
export const meansOf = (ctx: GuardContext) => d<Proposal>(ctx, 'proposed')?.means;

/** Art.53: within 3 months after the party's remedy periods (the longer: litigation) ran out. */
export function courtWindowFrom(
  calendar: WorkingDayCalendar,
  knownOn: string,
  rules: EffectiveRules,
): CourtWindow {
  return courtApplicationWindow(
    calendar,
    knownOn,
    statuteAmount(rules, 'remedyLitigationDeadline', 'months'),
    statuteAmount(rules, 'coercionCourtApplication', 'months'),
  );
}

export function windowFor(
  calendar: WorkingDayCalendar,
  basis: BasisInput,
  rules: EffectiveRules,
): CourtWindow {
  return courtWindowFrom(calendar, basis.decision.servedOn, rules);
}

/** The court window as the calendar knows it now; a guard needing it refuses if a year is missing. */
export async function courtWindowOf(ctx: GuardContext): Promise<CourtWindow | null> {
  const basis = basisOf(ctx);
  if (!basis) return null;
  return windowFor(await calendarAround(ctx.trx, basis.decision.servedOn), basis, ctx.rules);
}

export const executionWithinHours = async (
  ctx: GuardContext<{
    executedOn: string;
    startTime: string;
    endTime: string;
    emergencyReason?: string;
  }>,
) => {
  if (ctx.input.emergencyReason) return undefined;
  const night = ctx.rules.statute.coercionNight.effective as { from: string; to: string };
  const calendar = await calendarAround(ctx.trx, ctx.input.executedOn);
  const { startTime, endTime } = ctx.input;
  if (isNight(startTime, night) || isNight(endTime, night) || endTime <= startTime) {
    return refuse(
      'EXECUTION_TIME_NOT_ALLOWED',
      `除情况紧急外，不得在夜间（${night.from}至次日${night.to}）实施行政强制执行`,
    );
  }
  if (!calendar.isWorkingDay(ctx.input.executedOn)) {
    return refuse(
      'EXECUTION_TIME_NOT_ALLOWED',
      `除情况紧急外，不得在法定节假日实施行政强制执行（${ctx.input.executedOn} 不是工作日）`,
    );
  }
  return undefined;
};

export const demolitionReady = async (ctx: GuardContext<{ executedOn: string }>) => {
  if (meansOf(ctx) !== 'demolition') return undefined;
  const a = d<{ selfDemolishBy: string }>(ctx, 'announcement');
  if (!a)
    return refuse('EXECUTION_DEMOLITION_NOT_READY', '强制拆除前须予以公告，限期当事人自行拆除');
  if (ctx.input.executedOn <= a.selfDemolishBy) {
    return refuse(
      'EXECUTION_DEMOLITION_NOT_READY',
      `公告限期当事人自行拆除至 ${a.selfDemolishBy}，期满后方可强制拆除`,
    );
  }
  const window = await courtWindowOf(ctx);
  if (window && ctx.input.executedOn <= window.remedyEndsOn) {
    return refuse(
      'EXECUTION_REMEDY_PERIOD_OPEN',
      `当事人申请行政复议、提起行政诉讼的期限至 ${window.remedyEndsOn} 届满，期满后方可强制拆除`,
      { remedyEndsOn: window.remedyEndsOn },
    );
  }
  return undefined;
};

export const substituteReady = async (
  ctx: GuardContext<{ executedOn: string; supervisorPersonId?: string }>,
) => {
  if (meansOf(ctx) !== 'substitute_performance') return undefined;
  const reminder = d<{ servedOn: string }>(ctx, 'substituteReminder');
  if (!reminder) return refuse('EXECUTION_SUBSTITUTE_REMINDER_REQUIRED');
  const earliest = await periodEnd(
    ctx.trx,
    reminder.servedOn,
    statutePeriod(ctx.rules, 'coercionSubstituteReminderLead'),
  );
  if (ctx.input.executedOn < earliest) {
    return refuse(
      'EXECUTION_SUBSTITUTE_REMINDER_REQUIRED',
      `代履行三日前须催告当事人履行：最早可于 ${earliest} 代履行（${citeStatute(ctx.rules, 'coercionSubstituteReminderLead')}）`,
      { earliest },
    );
  }
  const supervisor = ctx.input.supervisorPersonId;
  if (!supervisor || !ctx.snapshot.officers.some((o) => o.personId === supervisor)) {
    return refuse('EXECUTION_SUPERVISOR_REQUIRED');
  }
  return undefined;
};
