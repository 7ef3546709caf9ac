import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../calendar/calendarApi';
import { ActivitySummary } from '../ActivitySummary';

/** A list of occurrences from my agenda, each at its time. */
export function AgendaWidget({ entries }: { entries: CalendarEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Typography color="text.secondary">{t('activities.dashboard.empty')}</Typography>;
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {entries.map((entry) => (
        <li key={`${entry.activityId}-${entry.startsAt}`}>
          <ActivitySummary activity={entry.activity} at={entry.startsAt} />
        </li>
      ))}
    </Stack>
  );
}
