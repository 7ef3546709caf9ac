import LinkIcon from '@mui/icons-material/Link';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../core/PageHeader';
import { useLocale } from '../../locale/LocaleProvider';
import { ActivityDialog } from '../ActivityDialog';
import type { CalendarOwner } from './calendarApi';
import { type CalendarView, stepAnchor, visibleDays } from './calendarMath';
import { CalendarToolbar } from './CalendarToolbar';
import { FeedDialog } from './FeedDialog';
import { MonthGrid } from './MonthGrid';
import { OwnerPicker } from './OwnerPicker';
import { TimeGrid } from './TimeGrid';
import { useCalendarEntries } from './useCalendarEntries';
import { useDayLabels } from './useDayLabels';
import { useReschedule } from './useReschedule';

const NEW_LENGTH_MINUTES = 30;

/** `/calendar`: my, a colleague's or a team's activities by day, week or month, in the user's calendar. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { format } = useLocale();
  const labels = useDayLabels();
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => new Date());
  const [owner, setOwner] = useState<CalendarOwner>({ kind: 'me' });
  const [slot, setSlot] = useState<Date | null>(null);
  const [feedOpen, setFeedOpen] = useState(false);
  const days = visibleDays(format.calendar, view, anchor);
  const entries = useCalendarEntries(days, owner);
  const reschedule = useReschedule();
  const list = entries.data ?? [];
  const minutes = slot ? slot.getHours() * 60 + slot.getMinutes() : 0;
  return (
    <Box sx={{ pb: 3 }}>
      <PageHeader
        title={t('activities.calendar.title')}
        actions={
          <>
            <OwnerPicker owner={owner} onChange={setOwner} />
            <Button startIcon={<LinkIcon />} onClick={() => setFeedOpen(true)}>
              {t('activities.feed.button')}
            </Button>
          </>
        }
      />
      <Stack spacing={1.5} sx={{ px: { xs: 1, sm: 3 } }}>
        <CalendarToolbar
          view={view}
          anchor={anchor}
          onView={setView}
          onStep={(step) => setAnchor((a) => stepAnchor(format.calendar, view, a, step))}
          onToday={() => setAnchor(new Date())}
        />
        <Box sx={{ height: 4 }}>{entries.isFetching && <LinearProgress />}</Box>
        {view === 'month' ? (
          <MonthGrid
            calendar={format.calendar}
            anchor={anchor}
            days={days}
            entries={list}
            onSlot={setSlot}
            onMove={reschedule}
            onOpenDay={(day) => {
              setAnchor(day);
              setView('day');
            }}
          />
        ) : (
          <TimeGrid days={days} entries={list} onSlot={setSlot} onMove={reschedule} />
        )}
      </Stack>
      {slot && (
        <ActivityDialog
          title={t('activities.calendar.newActivity', { time: `${labels.date(slot)} ${labels.time(minutes)}` })}
          defaults={{
            type: 'meeting',
            status: 'planned',
            startsAt: slot.toISOString(),
            endsAt: new Date(slot.getTime() + NEW_LENGTH_MINUTES * 60_000).toISOString(),
          }}
          onClose={() => setSlot(null)}
        />
      )}
      {feedOpen && <FeedDialog onClose={() => setFeedOpen(false)} />}
    </Box>
  );
}
