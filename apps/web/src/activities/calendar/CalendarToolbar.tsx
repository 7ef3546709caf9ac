import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/LocaleProvider';
import type { CalendarView } from './calendarMath';

const VIEWS: CalendarView[] = ['day', 'week', 'month'];

interface Props {
  view: CalendarView;
  anchor: Date;
  onView(view: CalendarView): void;
  onStep(step: 1 | -1): void;
  onToday(): void;
}

/** Today, previous and next, the month and year shown, and the choice of view. */
export function CalendarToolbar({ view, anchor, onView, onStep, onToday }: Props) {
  const { t } = useTranslation();
  const { format, direction } = useLocale();
  const title = new Intl.DateTimeFormat(format.language === 'fa' ? 'fa-IR' : 'en-GB', {
    calendar: format.calendar === 'jalali' ? 'persian' : 'gregory',
    month: 'long',
    year: 'numeric',
  }).format(anchor);
  // The arrows point the way time runs on the page: leftwards in a right-to-left interface.
  const [Back, Forward] =
    direction === 'rtl' ? [ChevronRightIcon, ChevronLeftIcon] : [ChevronLeftIcon, ChevronRightIcon];
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
      <Button variant="outlined" onClick={onToday}>
        {t('activities.calendar.today')}
      </Button>
      <IconButton aria-label={t('activities.calendar.previous')} onClick={() => onStep(-1)}>
        <Back />
      </IconButton>
      <IconButton aria-label={t('activities.calendar.next')} onClick={() => onStep(1)}>
        <Forward />
      </IconButton>
      <Typography variant="h6" component="h2" sx={{ flex: 1, minWidth: 160 }}>
        {title}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view}
        onChange={(_, next: CalendarView | null) => next && onView(next)}
        aria-label={t('activities.calendar.view')}
      >
        {VIEWS.map((v) => (
          <ToggleButton key={v} value={v}>
            {t(`activities.calendar.views.${v}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Stack>
  );
}
