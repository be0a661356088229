// An agency's running deadlines, for its staff's home pages: those still within their period
// (due) or passed without the step being done (overdue). State is read from the clock.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { requireAgencyScope, type Principal } from '../../shared/policy.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { RIGHT_KINDS } from './deadline-kinds.ts';
import { deadlinesPolicies } from './deadlines.policy.ts';
import { deadlinesRepository as repo } from './deadlines.repository.ts';
import { toDeadlineView } from './deadlines.views.ts';

export async function listAgencyDeadlines(
  db: Kysely<Database>,
  principal: Principal,
  query: { agencyId: string; status: 'due' | 'overdue'; page?: number; pageSize?: number },
  now: Date,
) {
  const target = await requireAgencyTarget(db, query.agencyId);
  requireAgencyScope(principal, deadlinesPolicies.listAgencyDeadlines, target);
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await repo.listOpenOfAgency(db, {
    agencyId: target.agencyId,
    status: query.status,
    today: chinaToday(now),
    now,
    excludeKinds: RIGHT_KINDS,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
  return { total, items: rows.map((d) => toDeadlineView(d, now)) };
}
