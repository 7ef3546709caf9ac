import TuneIcon from '@mui/icons-material/Tune';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { PageHeader } from '../../core/PageHeader';
import { usePreference } from '../../core/preferences/usePreference';
import { PageLoader } from '../../shell/PageLoader';
import type { CalendarEntry } from '../calendar/calendarApi';
import { AgendaWidget } from './AgendaWidget';
import { ArrangeWidgets } from './ArrangeWidgets';
import { type DashboardLayout, LAYOUT_PREFERENCE, type WidgetId, layoutOf } from './dashboardLayout';
import { RecentWidget } from './RecentWidget';

interface Agenda {
  upcoming: CalendarEntry[];
  overdue: CalendarEntry[];
  todaysCalls: CalendarEntry[];
}

/** `/`: my upcoming and overdue activities, today's calls and recently viewed records, as I arranged them. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [arranging, setArranging] = useState(false);
  const preference = usePreference<DashboardLayout>(LAYOUT_PREFERENCE);
  const agenda = useQuery({
    queryKey: ['records', 'activities', 'agenda'],
    queryFn: () => api.get<Agenda>('/me/agenda'),
  });
  // Drawn before the saved arrangement arrives, the usual one would show first and then jump into place.
  if (preference.isPending) return <PageLoader />;
  const layout = layoutOf(preference.value);
  const content = (id: WidgetId): ReactNode => {
    if (id === 'recent') return <RecentWidget />;
    return agenda.data ? <AgendaWidget entries={agenda.data[id]} /> : <PageLoader />;
  };
  return (
    <Box sx={{ pb: 3 }}>
      <PageHeader
        title={t('activities.dashboard.title')}
        actions={
          <Button startIcon={<TuneIcon />} onClick={() => setArranging((a) => !a)} aria-pressed={arranging}>
            {arranging ? t('activities.dashboard.done') : t('activities.dashboard.arrange')}
          </Button>
        }
      />
      <Box sx={{ px: { xs: 2, sm: 3 }, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        {arranging && (
          <Box sx={{ gridColumn: '1 / -1' }}>
            <ArrangeWidgets layout={layout} onChange={preference.save} />
          </Box>
        )}
        {layout
          .filter((w) => !w.hidden)
          .map(({ id }) => (
            <Paper key={id} variant="outlined" component="section" aria-labelledby={`widget-${id}`} sx={{ p: 2 }}>
              <Typography id={`widget-${id}`} variant="subtitle1" component="h2" fontWeight={700} sx={{ mb: 1 }}>
                {t(`activities.dashboard.widgets.${id}`)}
              </Typography>
              {content(id)}
            </Paper>
          ))}
      </Box>
    </Box>
  );
}
