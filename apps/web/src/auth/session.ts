import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/http';
import { ApiError } from '../api/problem';
import type { ApiRecord } from '../core/metadata/types';

export interface Session {
  user: ApiRecord;
  csrfToken: string | null;
}

export const SESSION_KEY = ['session'] as const;

/** The logged-in session, or null when there is none (the API answered 401). */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** The logged-in user; only for components rendered behind the session gate. */
export function useCurrentUser(): ApiRecord {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside the session gate');
  return data.user;
}

export const isAdmin = (user: ApiRecord) => user.role === 'admin';
