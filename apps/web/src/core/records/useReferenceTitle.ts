import { useQuery } from '@tanstack/react-query';
import { recordTitle } from '../metadata/fields';
import { useModule } from '../metadata/useModules';
import { loadReferencedRecord } from './titleLoader';

/** The title of a referenced record (e.g. a contact's organization), fetched in batches. */
export function useReferenceTitle(target: string | undefined, id: string | null | undefined) {
  const { module } = useModule(target);
  const query = useQuery({
    queryKey: ['records', target, 'ref', id],
    queryFn: () => loadReferencedRecord(target!, id!),
    enabled: Boolean(target && id),
    staleTime: 5 * 60_000,
  });
  const record = query.data;
  return {
    isPending: query.isPending && Boolean(id),
    missing: query.isSuccess && record === null,
    title: record && module ? recordTitle(module, record) || String(record.number) : '',
  };
}
