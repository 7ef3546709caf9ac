import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';

const PREFERENCES_KEY = ['preferences'] as const;

type Preferences = Record<string, unknown>;

/** One of the user's saved preferences (GET /me/preferences), and a setter that saves it (PUT). */
export function usePreference<T>(key: string): { value: T | undefined; isPending: boolean; save(value: T): void } {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => api.get<Preferences>('/me/preferences'),
    staleTime: Infinity,
  });
  const mutation = useMutation({
    mutationFn: (value: T) => api.put(`/me/preferences/${encodeURIComponent(key)}`, value),
    onMutate: (value) => queryClient.setQueryData<Preferences>(PREFERENCES_KEY, (all) => ({ ...all, [key]: value })),
  });
  return {
    value: query.data?.[key] as T | undefined,
    // A failed read (an older server) must not hold the screen: the defaults are used instead.
    isPending: query.isPending,
    save: (value) => mutation.mutate(value),
  };
}
