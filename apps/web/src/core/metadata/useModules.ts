import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { ModuleMeta } from './types';

export const METADATA_KEY = ['metadata'] as const;

/** Every module as this workspace sees it. Screens render from this and nothing else. */
export function useModules() {
  return useQuery({
    queryKey: METADATA_KEY,
    queryFn: () => api.get<{ data: ModuleMeta[] }>('/metadata/modules').then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

/** One module by its API name, or undefined while loading or when there is no such module. */
export function useModule(name: string | undefined): { module: ModuleMeta | undefined; isPending: boolean } {
  const { data, isPending } = useModules();
  return { module: data?.find((m) => m.name === name), isPending };
}
