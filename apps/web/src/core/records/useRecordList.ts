import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { LIST_PAGE } from './limits';
import { type RecordQuery, recordKeys, recordsApi } from './recordsApi';

/** A module's records page by page (cursor paging), for lists that load more as they scroll. */
export function useRecordList(module: string, query: RecordQuery) {
  const result = useInfiniteQuery({
    queryKey: recordKeys.list(module, query),
    queryFn: ({ pageParam }) => recordsApi.query(module, { ...query, limit: LIST_PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The old rows stay on screen while a new filter or sort loads: no flash of emptiness.
    placeholderData: keepPreviousData,
  });
  const rows = result.data?.pages.flatMap((p) => p.data) ?? [];
  return { ...result, rows };
}
