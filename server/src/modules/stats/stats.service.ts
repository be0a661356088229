// Statistics for oversight: cases by kind and state, the deadlines agencies bear and how they
// stand, and whether decisions went public on time. Every figure is within the reader's scope
// (their agency, their region, or all); naming an agency outside it is refused as elsewhere.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import {
  listScope,
  requireAgencyScope,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { addCalendarDays } from '../calendar/working-days.ts';
import { findWorkflow } from '../cases/workflows/index.ts';
import { kindInfo, RIGHT_KINDS } from '../deadlines/deadline-kinds.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { statsPolicies as p } from './stats.policy.ts';
import { statsRepository as repo, type Window } from './stats.repository.ts';

/** How many days ahead a deadline counts as "due soon" when the reader does not say. */
const DEFAULT_SOON_DAYS = 3;

function figures<R extends { count: number }>(asOf: string, rows: R[]) {
  return { asOf, total: rows.reduce((sum, r) => sum + r.count, 0), rows };
}

export function createStatsService(db: Kysely<Database>, clock: () => Date) {
  async function scopeOf(principal: Principal, policy: RoutePolicy, agencyId?: string) {
    if (agencyId) {
      requireAgencyScope(principal, policy, await requireAgencyTarget(db, agencyId));
    }
    return listScope(principal, policy);
  }

  return {
    async cases(principal: Principal, window: Window) {
      const scope = await scopeOf(principal, p.caseStats, window.agencyId);
      const rows = await repo.countCases(db, scope, window);
      return figures(
        chinaToday(clock()),
        rows.map((r) => {
          const workflow = findWorkflow(r.kind, r.procedure);
          return {
            ...r,
            workflowLabel: workflow?.label ?? r.kind,
            stateLabel: workflow?.states[r.state] ?? r.state,
          };
        }),
      );
    },

    async deadlines(principal: Principal, query: { agencyId?: string; soonDays?: number }) {
      const scope = await scopeOf(principal, p.deadlineStats, query.agencyId);
      const now = clock();
      const today = chinaToday(now);
      const rows = await repo.countOpenDeadlines(db, scope, {
        agencyId: query.agencyId,
        excludeKinds: RIGHT_KINDS,
        now,
        today,
        soonUntil: addCalendarDays(today, query.soonDays ?? DEFAULT_SOON_DAYS),
      });
      return figures(
        today,
        rows.map((r) => ({ ...r, label: kindInfo(r.kind).label })),
      );
    },

    async publication(principal: Principal, window: Window) {
      const scope = await scopeOf(principal, p.publicationStats, window.agencyId);
      const today = chinaToday(clock());
      return figures(today, await repo.countPublication(db, scope, window, today));
    },
  };
}
