// The signed-in user, their roles and agency, from GET /api/session (null when signed out).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type GetResponse } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';

export type Session = GetResponse<'/api/session'>;
export type Role = Session['roles'][number]['role'];

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<Session | null> {
  try {
    return await call(api.GET('/api/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

export function hasRole(session: Session | null | undefined, ...roles: Role[]): boolean {
  return session?.roles.some((grant) => roles.includes(grant.role)) ?? false;
}

/** The agencies where the user holds one of the roles, for agency-scoped pages. */
export function agenciesWithRole(session: Session | null | undefined, ...roles: Role[]) {
  const seen = new Map<string, string>();
  for (const grant of session?.roles ?? []) {
    if (roles.includes(grant.role) && grant.agencyId) {
      seen.set(grant.agencyId, grant.agencyName ?? '');
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    await call(api.DELETE('/api/session')).catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };
}
