import { useQuery } from '@tanstack/react-query';
import type { ReportPeriod } from './salesReportsApi';

/** One report over the page's period; `period` null for a report of today's state (the pipeline). */
export function useSalesReport<T>(
  name: string,
  read: (period: ReportPeriod) => Promise<T>,
  period: ReportPeriod,
  enabled: boolean,
  byPeriod = true,
) {
  return useQuery({
    queryKey: ['reports', 'sales', name, byPeriod ? period : null],
    queryFn: () => read(period),
    enabled,
  });
}
