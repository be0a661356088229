// A reader's list scope (shared/policy.ts ListScope) as a WHERE clause: the rows of the agencies
// granted by id, or of any agency in a granted region's subtree. Repositories pass the columns
// that hold the row's agency and its region's path.
import { sql, type RawBuilder } from 'kysely';
import type { ListScope } from '../shared/policy.ts';

export function inScope(
  scope: ListScope,
  columns: { agencyId: string; regionPath: string },
): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const clauses = [
    ...(scope.agencyIds.length > 0
      ? [sql`${sql.ref(columns.agencyId)} in (${sql.join(scope.agencyIds)})`]
      : []),
    ...scope.regionPaths.map((path) => sql`${sql.ref(columns.regionPath)} like ${`${path}%`}`),
  ];
  if (clauses.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(clauses, sql` or `)})`;
}
