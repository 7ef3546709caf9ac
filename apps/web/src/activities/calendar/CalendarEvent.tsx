import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { Link as RouterLink } from 'react-router';
import { useLocale } from '../../locale/LocaleProvider';
import { ActivityTypeIcon } from '../ActivityTypeIcon';
import { type CalendarEntry, DRAG_TYPE } from './calendarApi';

const clock = (iso: string) => {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

/** An occurrence on the calendar: opens its activity, and can be dragged to another slot. */
export function CalendarEvent({ entry, sx }: { entry: CalendarEntry; sx?: SxProps<Theme> }) {
  const { format } = useLocale();
  const time = format.digits(clock(entry.startsAt));
  const subject = String(entry.activity.subject ?? entry.activity.number);
  return (
    <Box
      component={RouterLink}
      to={`/activities/${entry.activityId}`}
      draggable={!entry.recurring}
      onDragStart={(e: React.DragEvent) => {
        e.dataTransfer.setData(DRAG_TYPE, `${entry.activityId}|${entry.startsAt}`);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
      aria-label={`${time} ${subject}`}
      data-starts-at={entry.startsAt}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 0.5,
        px: 0.5,
        borderRadius: 1,
        fontSize: 12,
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        textOverflow: 'ellipsis',
        textDecoration: 'none',
        color: 'primary.contrastText',
        bgcolor: entry.activity.status === 'planned' || !entry.activity.status ? 'primary.main' : 'grey.600',
        cursor: entry.recurring ? 'pointer' : 'grab',
        ...sx,
      }}
    >
      <ActivityTypeIcon activityType={entry.activity.type} sx={{ fontSize: 14 }} />
      <span>{time}</span>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {subject}
      </Box>
    </Box>
  );
}
