import { useQuery } from '@tanstack/react-query';
import { recordTitle } from '../core/metadata/fields';
import { useModules } from '../core/metadata/useModules';
import { MAX_PAGE } from '../core/records/limits';
import { recordKeys, recordsApi } from '../core/records/recordsApi';

/** Names of users and groups by id, for the per-owner report's axis. */
export function useOwnerNames(): Map<string, string> | undefined {
  const { data: modules } = useModules();
  const load = (module: string) => ({
    queryKey: [...recordKeys.module(module), 'names'],
    queryFn: () => recordsApi.query(module, { limit: MAX_PAGE }),
  });
  const users = useQuery(load('users'));
  const groups = useQuery(load('groups'));
  if (!modules || !users.data || !groups.data) return undefined;
  const names = new Map<string, string>();
  for (const [name, page] of [
    ['users', users.data],
    ['groups', groups.data],
  ] as const) {
    const module = modules.find((m) => m.name === name);
    for (const record of page.data) names.set(record.id, (module && recordTitle(module, record)) || record.number);
  }
  return names;
}
