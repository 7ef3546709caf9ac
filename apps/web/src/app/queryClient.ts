import { QueryClient, notifyManager } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../api/http';
import { ApiError } from '../api/problem';
import { SESSION_KEY } from '../auth/session';

// The cache tells React of a change in a microtask, not the default later timer task: an input
// whose value comes from the cache (a checkbox saved on click) then shows its new state at once,
// instead of React putting the old one back until the timer fires.
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will answer the same the second time; only network trouble and 5xx are retried.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

// A 401 anywhere means the session is gone: drop to the login page, keeping nothing of the last user.
setUnauthorizedHandler(() => {
  if (queryClient.getQueryData(SESSION_KEY)) {
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  }
});
