import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { type DashboardLayout, moved } from './dashboardLayout';

/** Reorders and hides the dashboard's widgets; every change is saved at once. */
export function ArrangeWidgets({
  layout,
  onChange,
}: {
  layout: DashboardLayout;
  onChange(next: DashboardLayout): void;
}) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack
        component="ol"
        spacing={0.5}
        sx={{ listStyle: 'none', p: 0, m: 0 }}
        aria-label={t('activities.dashboard.arrange')}
      >
        {layout.map((widget, i) => {
          const name = t(`activities.dashboard.widgets.${widget.id}`);
          return (
            <Stack key={widget.id} component="li" direction="row" alignItems="center" spacing={1}>
              <FormControlLabel
                sx={{ flex: 1 }}
                label={name}
                control={
                  <Checkbox
                    checked={!widget.hidden}
                    slotProps={{ input: { 'aria-label': t('activities.dashboard.show', { widget: name }) } }}
                    onChange={(e) =>
                      onChange(layout.map((w) => (w.id === widget.id ? { ...w, hidden: !e.target.checked } : w)))
                    }
                  />
                }
              />
              <IconButton
                aria-label={t('activities.dashboard.moveUp', { widget: name })}
                disabled={i === 0}
                onClick={() => onChange(moved(layout, i, -1))}
              >
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
              <IconButton
                aria-label={t('activities.dashboard.moveDown', { widget: name })}
                disabled={i === layout.length - 1}
                onClick={() => onChange(moved(layout, i, 1))}
              >
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
