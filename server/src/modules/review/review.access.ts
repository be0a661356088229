// Scope of the case-level review routes: the case's own agency as usual; besides, reviewers and
// heads of a body a round was routed to (a 司法局 reviewing a decision in a government's name) act
// on that case's review even though the case belongs to another agency.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { canActOnAgency, type Principal, type RoutePolicy } from '../../shared/policy.ts';
import { requireCaseTarget, type CaseTarget } from '../cases/cases.scope.ts';
import { reviewRepository as repo } from './review.repository.ts';

const BODY_ROLES = ['reviewer', 'head'];

export async function requireReviewScope(
  db: Kysely<Database>,
  principal: Principal,
  policy: RoutePolicy,
  caseId: string,
  options: { allowReviewBody: boolean },
): Promise<CaseTarget> {
  const target = await requireCaseTarget(db, caseId);
  if (canActOnAgency(principal, policy, target)) return target;
  if (options.allowReviewBody && policy.access === 'roles') {
    const bodies = await repo.bodyAgenciesOfCase(db, caseId);
    const isBody = principal.grants.some(
      (g) =>
        policy.roles.includes(g.role) &&
        BODY_ROLES.includes(g.role) &&
        g.agencyId !== null &&
        bodies.includes(g.agencyId),
    );
    if (isBody) return target;
  }
  throw new AppError('OUT_OF_SCOPE');
}
