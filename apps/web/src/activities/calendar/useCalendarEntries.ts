import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/http';
import { type CalendarEntry, type CalendarOwner, calendarKey } from './calendarApi';

/** The occurrences between the first visible day and the day after the last, of the chosen owner. */
export function useCalendarEntries(days: Date[], owner: CalendarOwner) {
  const from = days[0]!;
  const to = new Date(days.at(-1)!);
  to.setDate(to.getDate() + 1);
  const who = owner.kind === 'user' ? { userId: owner.id } : owner.kind === 'group' ? { groupId: owner.id } : {};
  const waiting = owner.kind !== 'me' && !owner.id;
  return useQuery({
    queryKey: [...calendarKey, from.toISOString(), to.toISOString(), who],
    queryFn: () =>
      api
        .get<{ data: CalendarEntry[] }>(
          `/calendar${queryString({ from: from.toISOString(), to: to.toISOString(), ...who })}`,
        )
        .then((r) => r.data),
    enabled: !waiting,
    placeholderData: keepPreviousData,
  });
}
