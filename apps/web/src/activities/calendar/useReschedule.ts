import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formErrorOf } from '../../api/fieldErrors';
import { isConflict } from '../../api/problem';
import { recordKeys, recordsApi } from '../../core/records/recordsApi';
import { useNotify } from '../../shell/Notifier';
import type { CalendarEntry } from './calendarApi';

/**
 * Moves an activity to a new start, keeping its length; a task without a start moves its due
 * time. Sent with the version the calendar showed: if someone changed it meanwhile (409) the
 * calendar reloads and says so rather than overwrite their change.
 */
export function useReschedule() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ entry, start }: { entry: CalendarEntry; start: Date }) => {
      const { activity } = entry;
      const shift = start.getTime() - Date.parse(entry.startsAt);
      const moved = (iso: unknown) =>
        typeof iso === 'string' ? new Date(Date.parse(iso) + shift).toISOString() : undefined;
      const change = activity.startsAt
        ? { startsAt: moved(activity.startsAt), endsAt: moved(activity.endsAt) }
        : { dueAt: moved(activity.dueAt) };
      return recordsApi.update('activities', activity.id, { ...change, version: activity.version });
    },
    onSuccess: () => notify({ severity: 'success', message: t('activities.calendar.moved') }),
    onError: (error) =>
      notify({
        severity: 'error',
        message: isConflict(error)
          ? t('activities.calendar.conflict')
          : (formErrorOf(error, t('errors.unexpected')) ?? t('errors.unexpected')),
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: recordKeys.module('activities') }),
  });
  return (entry: CalendarEntry, start: Date) => {
    if (entry.recurring) {
      notify({ severity: 'info', message: t('activities.calendar.recurringFixed') });
      return;
    }
    if (start.getTime() !== Date.parse(entry.startsAt)) mutation.mutate({ entry, start });
  };
}
