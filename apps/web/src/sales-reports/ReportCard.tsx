import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  title: string;
  report: UseQueryResult<T>;
  /** One line that sums the report up (a total, a rate), in words. */
  summary(data: T): string;
  chart(data: T): ReactNode;
}

/** One report: its title, a one-line summary, and its chart once the figures are in. */
export function ReportCard<T>({ title, report, summary, chart }: Props<T>) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, minWidth: 0 }}>
      <Typography component="h2" variant="subtitle1" fontWeight={700}>
        {title}
      </Typography>
      {report.isError ? (
        <Alert severity="error">{t('errors.loadFailed')}</Alert>
      ) : report.data === undefined ? (
        <Skeleton variant="rounded" height={280} />
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="report-summary">
            {summary(report.data)}
          </Typography>
          {chart(report.data)}
        </>
      )}
    </Paper>
  );
}
