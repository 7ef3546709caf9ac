import { useEffect } from 'react';
import { usePreference } from '../../core/preferences/usePreference';
import { RECENT_PREFERENCE, type RecentRecord, withRecent } from './recentRecords';

/** Puts the record on top of the user's recently viewed ones once its page has loaded. */
export function useRememberView(module: string, id: string, loaded: boolean): void {
  const recent = usePreference<RecentRecord[]>(RECENT_PREFERENCE);
  const ready = loaded && !recent.isPending;
  const top = recent.value?.[0];
  const already = top?.module === module && top.id === id;
  useEffect(() => {
    if (ready && !already) recent.save(withRecent(recent.value, { module, id }));
    // Only a new record or the preferences arriving count as a new view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, already, module, id]);
}
