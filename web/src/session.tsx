import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, type ApiResponse, client, ok, setCsrfToken } from './api';
import { sessionKeys } from './api/keys';

export type Session = ApiResponse<'/api/auth/session'>;

/** The signed-in session, or null; keeps the CSRF token for later writes. */
export function useSession() {
  return useQuery({
    queryKey: sessionKeys.current(),
    queryFn: async () => {
      try {
        const s = await ok(client.GET('/api/auth/session'));
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 30_000,
  });
}

export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sessionKeys.current() });
}

/** True when the session holds a permission (the UI uses the server's list; it never derives roles). */
export const has = (s: Session | null | undefined, permission: string) =>
  Boolean(s?.user.permissions.includes(permission));

/** Pages inside it need a session; a session still owing its second factor goes to enrolment first. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useSession();
  const { pathname } = useLocation();
  if (isPending) return null;
  // Without a connection the app opens field work, which runs on the device's encrypted copy.
  if (!data && error instanceof ApiError && error.code === 'network_error') return <Navigate to="/field" replace />;
  if (!data) return <Navigate to="/signin" replace />;
  if (data.user.secondFactor === 'enrolment_required' && pathname !== '/account')
    return <Navigate to="/account" replace />;
  return <>{children}</>;
}
