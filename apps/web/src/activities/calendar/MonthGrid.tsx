import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/LocaleProvider';
import type { Calendar } from '../../locale/format';
import type { CalendarEntry } from './calendarApi';
import { CalendarEvent } from './CalendarEvent';
import { atMinutes, dayOfMonth, inMonthOf, onDay, sameDay } from './calendarMath';
import { dropTarget } from './dropTarget';
import { useDayLabels } from './useDayLabels';

const SHOWN_PER_DAY = 3;
/** A new activity from a month cell starts at the beginning of the working day. */
const NEW_AT = 9 * 60;

interface Props {
  calendar: Calendar;
  anchor: Date;
  days: Date[];
  entries: CalendarEntry[];
  onSlot(start: Date): void;
  onMove(entry: CalendarEntry, start: Date): void;
  onOpenDay(day: Date): void;
}

/** The month view: a cell per day with its first few activities; dropping one keeps its time of day. */
export function MonthGrid({ calendar, anchor, days, entries, onSlot, onMove, onOpenDay }: Props) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const labels = useDayLabels();
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      {days.slice(0, 7).map((day) => (
        <Typography key={day.toISOString()} variant="body2" align="center" fontWeight={700} sx={{ py: 1 }}>
          {labels.weekday(day)}
        </Typography>
      ))}
      {days.map((day) => {
        const own = entries.filter((e) => sameDay(new Date(e.startsAt), day));
        return (
          <Box
            key={day.toISOString()}
            role="group"
            aria-label={labels.full(day)}
            onClick={() => onSlot(atMinutes(day, NEW_AT))}
            {...dropTarget(
              entries,
              () => day,
              (entry) => onMove(entry, onDay(day, new Date(entry.startsAt))),
            )}
            sx={{
              minHeight: 104,
              p: 0.5,
              borderTop: 1,
              borderInlineStart: 1,
              borderColor: 'divider',
              display: 'flex',
              flexDirection: 'column',
              gap: 0.25,
              cursor: 'pointer',
              opacity: inMonthOf(calendar, day, anchor) ? 1 : 0.5,
              '&:hover': { bgcolor: 'action.hover' },
            }}
          >
            <Typography variant="caption" fontWeight={sameDay(day, new Date()) ? 800 : 400}>
              {format.digits(dayOfMonth(calendar, day))}
            </Typography>
            {own.slice(0, SHOWN_PER_DAY).map((entry) => (
              <CalendarEvent key={`${entry.activityId}-${entry.startsAt}`} entry={entry} />
            ))}
            {own.length > SHOWN_PER_DAY && (
              <ButtonBase
                onClick={(e) => {
                  e.stopPropagation();
                  onOpenDay(day);
                }}
                sx={{ fontSize: 12, justifyContent: 'flex-start' }}
              >
                {t('activities.calendar.more', { n: format.digits(own.length - SHOWN_PER_DAY) })}
              </ButtonBase>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
