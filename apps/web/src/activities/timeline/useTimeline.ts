import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/http';
import type { Page } from '../../core/metadata/types';
import { type TimelineEntry, type TimelineKind, timelineKey } from './timelineApi';

const PAGE_SIZE = 20;

/** A record's timeline of the chosen kinds, newest first, a page at a time. */
export function useTimeline(module: string, id: string, kinds: TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: [...timelineKey(module, id), kinds],
    queryFn: ({ pageParam }) =>
      api.get<Page<TimelineEntry>>(
        `/${module}/${id}/timeline${queryString({ kinds: kinds.join(','), limit: PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
