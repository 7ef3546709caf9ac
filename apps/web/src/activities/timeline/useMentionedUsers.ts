import { useQueries } from '@tanstack/react-query';
import { recordTitle } from '../../core/metadata/fields';
import { useModule } from '../../core/metadata/useModules';
import { loadReferencedRecord } from '../../core/records/titleLoader';

/** The names of the users a note mentions, fetched with (and cached like) every other reference title. */
export function useMentionedUsers(ids: string[]): { id: string; name: string }[] {
  const { module } = useModule('users');
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['records', 'users', 'ref', id],
      queryFn: () => loadReferencedRecord('users', id),
      staleTime: 5 * 60_000,
    })),
  });
  return ids.map((id, i) => {
    const user = results[i]?.data;
    return { id, name: user && module ? recordTitle(module, user) : '' };
  });
}
