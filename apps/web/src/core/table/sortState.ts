import { parseSort } from '@peyvand/shared';

/** The direction a column is sorted in by a `sort` string such as `-updatedAt`, if it is the first key. */
export function sortDirection(sort: string | undefined, path: string): 'asc' | 'desc' | undefined {
  const first = sort ? parseSort(sort)[0] : undefined;
  return first?.field === path ? first.direction : undefined;
}

/** Clicking a header: ascending, then descending, then back to the default order. */
export function nextSort(sort: string | undefined, path: string): string | undefined {
  const current = sortDirection(sort, path);
  if (current === undefined) return path;
  if (current === 'asc') return `-${path}`;
  return undefined;
}
