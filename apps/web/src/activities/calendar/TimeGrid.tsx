import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from './calendarApi';
import { CalendarEvent } from './CalendarEvent';
import { atMinutes, minutesOfDay, sameDay } from './calendarMath';
import { dropTarget } from './dropTarget';
import { useDayLabels } from './useDayLabels';

const SLOT_MINUTES = 30;
const SLOT_PX = 24;
const SLOTS = Array.from({ length: (24 * 60) / SLOT_MINUTES }, (_, i) => i * SLOT_MINUTES);
const px = (minutes: number) => (minutes / SLOT_MINUTES) * SLOT_PX;
const WORKDAY_START = 8 * 60;

interface Props {
  days: Date[];
  entries: CalendarEntry[];
  onSlot(start: Date): void;
  onMove(entry: CalendarEntry, start: Date): void;
}

/** Day and week views: a column per day, half-hour slots to click (new activity) or drop on (move). */
export function TimeGrid({ days, entries, onSlot, onMove }: Props) {
  const { t } = useTranslation();
  const labels = useDayLabels();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = px(WORKDAY_START);
  }, []);
  const columns = `56px repeat(${days.length}, minmax(0, 1fr))`;
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: columns, borderBottom: 1, borderColor: 'divider' }}>
        <span />
        {days.map((day) => (
          <Typography key={day.toISOString()} variant="body2" align="center" sx={{ py: 1 }} fontWeight={700}>
            {labels.weekday(day)}
            <br />
            {labels.date(day)}
          </Typography>
        ))}
      </Box>
      <Box ref={scroller} sx={{ height: 'calc(100dvh - 300px)', minHeight: 360, overflowY: 'auto' }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: columns }}>
          <Box>
            {SLOTS.filter((m) => m % 60 === 0).map((m) => (
              <Typography
                key={m}
                variant="caption"
                color="text.secondary"
                component="div"
                sx={{ height: 2 * SLOT_PX, px: 0.5 }}
              >
                {labels.time(m)}
              </Typography>
            ))}
          </Box>
          {days.map((day) => (
            <Box
              key={day.toISOString()}
              role="group"
              aria-label={labels.full(day)}
              sx={{ position: 'relative', borderInlineStart: 1, borderColor: 'divider' }}
            >
              {SLOTS.map((m) => (
                <Box
                  key={m}
                  role="button"
                  tabIndex={-1}
                  aria-label={t('activities.calendar.addAt', { time: `${labels.date(day)} ${labels.time(m)}` })}
                  onClick={() => onSlot(atMinutes(day, m))}
                  {...dropTarget(entries, () => atMinutes(day, m), onMove)}
                  sx={{
                    height: SLOT_PX,
                    borderTop: 1,
                    borderColor: m % 60 === 0 ? 'divider' : 'action.hover',
                    '&:hover': { bgcolor: 'action.hover' },
                  }}
                />
              ))}
              {entries
                .filter((e) => sameDay(new Date(e.startsAt), day))
                .map((entry) => {
                  const start = minutesOfDay(new Date(entry.startsAt));
                  const length = (Date.parse(entry.endsAt) - Date.parse(entry.startsAt)) / 60_000;
                  return (
                    <CalendarEvent
                      key={`${entry.activityId}-${entry.startsAt}`}
                      entry={entry}
                      sx={{
                        position: 'absolute',
                        insetInline: 2,
                        top: px(start),
                        height: Math.max(px(length), SLOT_PX - 2),
                        alignItems: 'flex-start',
                      }}
                    />
                  );
                })}
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
