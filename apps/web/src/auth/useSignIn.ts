import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/http';
import { SESSION_KEY, type Session } from './session';

/** Log-in and set-up both answer `{ user, csrfToken }` and start a session. */
export function useSignIn<Body>(path: '/auth/login' | '/auth/setup') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<{ user: Session['user']; csrfToken: string }>(path, body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData<Session>(SESSION_KEY, session);
    },
  });
}
