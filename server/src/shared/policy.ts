// Authorisation is declared, not improvised: every route names a RoutePolicy (who may call it at
// all), and services check the scope (which agency's records) with the same policy object.
import { AppError } from './errors.ts';

export const ROLES = ['officer', 'reviewer', 'head', 'supervisor', 'archivist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  reviewer: '法制审核人员',
  head: '行政执法机关负责人',
  supervisor: '执法监督人员',
  archivist: '档案管理人员',
  admin: '系统管理员',
};

/** One role held by a user, either in one agency or over a region (path prefix). */
export interface RoleGrant {
  role: Role;
  agencyId: string | null;
  regionId: string | null;
  /** Materialised path of the grant's region, e.g. '/370000/370400/'. Null = whole deployment. */
  regionPath: string | null;
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

/** Who did something, as the change record stores it. */
export interface Actor {
  userId: string | null;
  name: string;
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', ip: null, userAgent: null };

export type RoutePolicy =
  | { action: string; access: 'public' }
  | { action: string; access: 'authenticated' }
  | { action: string; access: 'roles'; roles: readonly Role[] };

export function publicPolicy(action: string): RoutePolicy {
  return { action, access: 'public' };
}

export function authenticatedPolicy(action: string): RoutePolicy {
  return { action, access: 'authenticated' };
}

export function rolePolicy(action: string, roles: readonly Role[]): RoutePolicy {
  return { action, access: 'roles', roles };
}

/** The route-level check: may this principal call the route at all? */
export function isRouteAllowed(policy: RoutePolicy, principal: Principal | null): boolean {
  switch (policy.access) {
    case 'public':
      return true;
    case 'authenticated':
      return principal !== null;
    case 'roles':
      return principal !== null && principal.grants.some((g) => policy.roles.includes(g.role));
  }
}

/** Where a record lives, for the scope check. */
export interface AgencyTarget {
  agencyId: string;
  regionPath: string;
}

function grantCovers(grant: RoleGrant, target: AgencyTarget): boolean {
  if (grant.agencyId !== null) return grant.agencyId === target.agencyId;
  if (grant.regionPath === null) return grant.role === 'admin';
  return target.regionPath.startsWith(grant.regionPath);
}

export function canActOnAgency(
  principal: Principal,
  policy: RoutePolicy,
  target: AgencyTarget,
): boolean {
  if (policy.access !== 'roles') return true;
  return principal.grants.some((g) => policy.roles.includes(g.role) && grantCovers(g, target));
}

/** Refuses with OUT_OF_SCOPE unless one of the principal's grants for this policy covers the agency. */
export function requireAgencyScope(
  principal: Principal,
  policy: RoutePolicy,
  target: AgencyTarget,
): void {
  if (!canActOnAgency(principal, policy, target)) throw new AppError('OUT_OF_SCOPE');
}

/** A region-level action (creating an agency in a region): regional grants only. */
export function requireRegionScope(
  principal: Principal,
  policy: RoutePolicy,
  regionPath: string,
): void {
  if (policy.access !== 'roles') return;
  const allowed = principal.grants.some(
    (g) =>
      policy.roles.includes(g.role) &&
      g.agencyId === null &&
      (g.regionPath === null ? g.role === 'admin' : regionPath.startsWith(g.regionPath)),
  );
  if (!allowed) throw new AppError('OUT_OF_SCOPE');
}

/**
 * The agencies a principal may list under a policy: 'all', or explicit agency ids plus region
 * path prefixes. Repositories turn this into a WHERE clause.
 */
export interface ListScope {
  all: boolean;
  agencyIds: string[];
  regionPaths: string[];
}

export function listScope(principal: Principal, policy: RoutePolicy): ListScope {
  if (policy.access !== 'roles') return { all: true, agencyIds: [], regionPaths: [] };
  const grants = principal.grants.filter((g) => policy.roles.includes(g.role));
  const all = grants.some(
    (g) => g.agencyId === null && g.regionPath === null && g.role === 'admin',
  );
  return {
    all,
    agencyIds: grants.flatMap((g) => (g.agencyId ? [g.agencyId] : [])),
    regionPaths: grants.flatMap((g) => (g.agencyId === null && g.regionPath ? [g.regionPath] : [])),
  };
}
