/** A record the user opened, newest first, kept in their preferences (`recentRecords`). */
export interface RecentRecord {
  module: string;
  id: string;
}

export const RECENT_PREFERENCE = 'recentRecords';
const KEPT = 10;

/** The list with `seen` moved (or added) to the front, at most ten long. */
export function withRecent(list: RecentRecord[] | undefined, seen: RecentRecord): RecentRecord[] {
  const rest = (list ?? []).filter((r) => !(r.module === seen.module && r.id === seen.id));
  return [seen, ...rest].slice(0, KEPT);
}
