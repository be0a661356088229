// Legal deadlines: every module that starts a period the law sets (publish within 7 working days,
// review within 5, upload within 24 hours) opens a deadline here inside its own transaction, and
// closes it when the step is done. Due dates in working days follow the calendar: when a year's
// holiday notice is loaded or changed, recomputeOpenDeadlines moves the open deadlines it affects.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/policy.ts';
import { isValidIsoDate } from '../../shared/validators.ts';
import {
  holdOffCalendarChanges,
  loadWorkingDayCalendar,
  loadWorkingDayCalendarForWrite,
} from '../calendar/calendar.service.ts';
import { WorkingDayCalendar } from '../calendar/working-days.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import {
  calendarRangeFor,
  computeDue,
  MAX_AMOUNT,
  type DeadlineTerms,
  type DueComputation,
} from './deadline-due.ts';
import { deadlinesRepository as repo, type Deadline } from './deadlines.repository.ts';
import type { DeadlineStatus, DeadlineUnit } from './deadlines.tables.ts';

export type { Deadline };

export interface OpenDeadlineInput {
  agencyId: string;
  caseId?: string | null;
  /** What the deadline is about, e.g. 'decision', 'legal_review', 'correction_request'. */
  subjectType: string;
  subjectId: string;
  /** What must happen by the due date, dotted, e.g. 'disclosure.publish'. */
  kind: string;
  /** The jurisdiction-profile rule the period comes from. */
  ruleKey: string;
  unit: DeadlineUnit;
  amount: number;
  /** Start date (YYYY-MM-DD, the day of the triggering event) for days and working days. */
  startOn?: string;
  /** Start moment for hours. */
  startAt?: Date;
  /** Days only: a period ending on a day off ends on the next working day. */
  rollsToWorkingDay?: boolean;
}

function refuse(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message: `期限设置不正确：${message}` });
}

function termsOf(input: OpenDeadlineInput): DeadlineTerms {
  const { unit, amount } = input;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT[unit]) {
    throw refuse(`期限数值应为 1 至 ${MAX_AMOUNT[unit]} 之间的整数`);
  }
  const rollsToWorkingDay = input.rollsToWorkingDay ?? false;
  if (rollsToWorkingDay && unit !== 'days') throw refuse('仅按日计算的期限可顺延至工作日');
  if (unit === 'hours') {
    if (!input.startAt || input.startOn !== undefined)
      throw refuse('按小时计算的期限须给出起算时刻');
    return { unit, amount, startOn: null, startAt: input.startAt, rollsToWorkingDay };
  }
  if (!input.startOn || !isValidIsoDate(input.startOn) || input.startAt !== undefined) {
    throw refuse('按日或工作日计算的期限须给出起算日期（YYYY-MM-DD）');
  }
  return { unit, amount, startOn: input.startOn, startAt: null, rollsToWorkingDay };
}

async function calendarFor(trx: Transaction<Database>, terms: DeadlineTerms) {
  const range = calendarRangeFor(terms);
  return range ? loadWorkingDayCalendarForWrite(trx, range) : new WorkingDayCalendar([], []);
}

/** Opens a deadline in the caller's transaction, with its due date or the missing-calendar flag. */
export async function openDeadline(
  trx: Transaction<Database>,
  actor: Actor,
  input: OpenDeadlineInput,
): Promise<Deadline> {
  const terms = termsOf(input);
  const due = computeDue(terms, await calendarFor(trx, terms));
  const deadline = await repo.insert(trx, {
    agencyId: input.agencyId,
    caseId: input.caseId ?? null,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    kind: input.kind,
    ruleKey: input.ruleKey,
    ...terms,
    dueOn: due.dueOn,
    dueAt: due.dueAt,
    isCalendarMissing: due.isCalendarMissing,
    computedWithCalendarYears: due.calendarYears,
  });
  await appendLedgerEntry(trx, actor, {
    kind: 'deadline.opened',
    subjectType: 'deadline',
    subjectId: deadline.id,
    agencyId: deadline.agencyId,
    caseId: deadline.caseId,
    payload: {
      subjectType: deadline.subjectType,
      subjectId: deadline.subjectId,
      kind: deadline.kind,
      ruleKey: deadline.ruleKey,
      unit: deadline.unit,
      amount: deadline.amount,
      startOn: deadline.startOn,
      startAt: deadline.startAt?.toISOString() ?? null,
      rollsToWorkingDay: deadline.rollsToWorkingDay,
      dueOn: deadline.dueOn,
      dueAt: deadline.dueAt?.toISOString() ?? null,
      isCalendarMissing: deadline.isCalendarMissing,
    },
  });
  return deadline;
}

/** Ends an open deadline: met (the step was done), missed, or cancelled (no longer needed). */
export async function closeDeadline(
  trx: Transaction<Database>,
  actor: Actor,
  input: { deadlineId: string; status: Exclude<DeadlineStatus, 'open'>; note?: string | null },
): Promise<Deadline> {
  // Calendar lock before row lock, in the same order as an import, so the two cannot deadlock.
  await holdOffCalendarChanges(trx);
  const current = await repo.findForUpdate(trx, input.deadlineId);
  if (!current) throw new AppError('NOT_FOUND', { message: '期限不存在' });
  if (current.status !== 'open') throw new AppError('DEADLINE_NOT_OPEN');
  const closed = await repo.close(trx, current.id, input.status, input.note ?? null);
  await appendLedgerEntry(trx, actor, {
    kind: 'deadline.closed',
    subjectType: 'deadline',
    subjectId: closed.id,
    agencyId: closed.agencyId,
    caseId: closed.caseId,
    payload: { status: closed.status, note: closed.closeNote, dueOn: closed.dueOn },
  });
  return closed;
}

function sameComputation(deadline: Deadline, due: DueComputation): boolean {
  return (
    deadline.dueOn === due.dueOn &&
    deadline.dueAt?.getTime() === due.dueAt?.getTime() &&
    deadline.isCalendarMissing === due.isCalendarMissing &&
    deadline.computedWithCalendarYears.join(',') === due.calendarYears.join(',')
  );
}

/**
 * Called in the same transaction as every change to the calendar of `years`, which holds the
 * calendar's exclusive lock (so no deadline is being opened meanwhile): recomputes the open
 * deadlines whose due date depends on those years (or waits for one of them) and records each
 * one that moved. Closed deadlines are history and never change.
 */
export async function recomputeOpenDeadlines(
  trx: Transaction<Database>,
  actor: Actor,
  years: readonly number[],
): Promise<{ examined: number; changed: number; stillMissing: number }> {
  const open = await repo.listOpenTouchingYearsForUpdate(trx, years);
  if (open.length === 0) return { examined: 0, changed: 0, stillMissing: 0 };
  const calendar = await loadWorkingDayCalendar(trx);
  let changed = 0;
  let stillMissing = 0;
  for (const deadline of open) {
    const due = computeDue(deadline, calendar);
    if (due.isCalendarMissing) stillMissing += 1;
    if (sameComputation(deadline, due)) continue;
    changed += 1;
    await repo.updateComputed(trx, deadline.id, {
      dueOn: due.dueOn,
      dueAt: due.dueAt,
      isCalendarMissing: due.isCalendarMissing,
      computedWithCalendarYears: due.calendarYears,
    });
    await appendLedgerEntry(trx, actor, {
      kind: 'deadline.recomputed',
      subjectType: 'deadline',
      subjectId: deadline.id,
      agencyId: deadline.agencyId,
      caseId: deadline.caseId,
      payload: {
        reason: 'calendar.changed',
        calendarYears: [...years],
        before: { dueOn: deadline.dueOn, isCalendarMissing: deadline.isCalendarMissing },
        after: { dueOn: due.dueOn, isCalendarMissing: due.isCalendarMissing },
      },
    });
  }
  return { examined: open.length, changed, stillMissing };
}

export async function listDeadlinesOfSubject(
  db: Kysely<Database>,
  subjectType: string,
  subjectId: string,
): Promise<Deadline[]> {
  return repo.listOfSubject(db, subjectType, subjectId);
}
