import type { FilterNode, SavedList } from '@peyvand/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/http';

export type SavedListInput = Pick<SavedList, 'name' | 'shared'> & {
  filter?: FilterNode | null;
  columns?: string[];
  sort?: string | null;
};

const keyOf = (module: string) => ['saved-lists', module] as const;

/** Mine and those shared with everyone. */
export function useSavedLists(module: string) {
  return useQuery({
    queryKey: keyOf(module),
    queryFn: () => api.get<{ data: SavedList[] }>(`/saved-lists${queryString({ module })}`).then((r) => r.data),
  });
}

export function useSaveList(module: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...input }: SavedListInput & { id?: string; version?: number }) =>
      id
        ? api.patch<SavedList>(`/saved-lists/${id}`, { ...input, version })
        : api.post<SavedList>('/saved-lists', { module, ...input }),
    onSuccess: (saved) => {
      // In the cache at once: the list view re-opens on the saved list before the refetch lands.
      queryClient.setQueryData<SavedList[]>(keyOf(module), (lists = []) => [
        ...lists.filter((l) => l.id !== saved.id),
        saved,
      ]);
      void queryClient.invalidateQueries({ queryKey: keyOf(module) });
    },
  });
}

export function useDeleteList(module: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/saved-lists/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(module) }),
  });
}
