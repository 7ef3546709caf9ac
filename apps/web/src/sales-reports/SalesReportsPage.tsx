import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../core/PageHeader';
import { shiftMonth, thisJalaliMonth } from '../core/form/inputs/JalaliMonthPicker';
import { useLabel, useLocale } from '../locale/LocaleProvider';
import { CategoryBarChart } from './CategoryBarChart';
import { ConversionRateChart } from './ConversionRateChart';
import { ReportCard } from './ReportCard';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { type ByValue, type ReportPeriod, salesReportsApi } from './salesReportsApi';
import { useChartFormat } from './useChartFormat';
import { useOwnerNames } from './useOwnerNames';
import { useSalesReport } from './useSalesReport';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** `/sales-reports`: one chart per sales report endpoint, over the Jalali months the user picks. */
export function SalesReportsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const chart = useChartFormat();
  const owners = useOwnerNames();
  const [period, setPeriod] = useState<ReportPeriod>(() => {
    const now = thisJalaliMonth();
    return { from: shiftMonth(now, -11), to: now, kind: 'month' };
  });
  const valid = period.from.year * 12 + period.from.month <= period.to.year * 12 + period.to.month;
  const newLeads = useSalesReport('new-leads', salesReportsApi.newLeads, period, valid);
  const bySource = useSalesReport('leads-by-source', salesReportsApi.leadsBySource, period, valid);
  const byStatus = useSalesReport('leads-by-status', salesReportsApi.leadsByStatus, period, valid);
  const conversion = useSalesReport('lead-conversion', salesReportsApi.leadConversion, period, valid);
  const byOwner = useSalesReport('lead-conversion-by-owner', salesReportsApi.conversionByOwner, period, valid);
  const pipeline = useSalesReport('pipeline-by-stage', salesReportsApi.pipelineByStage, period, true, false);
  const won = useSalesReport('won-amount', salesReportsApi.wonAmount, period, valid);

  const countSeries = [{ key: 'count', label: t('sales.reports.leads'), format: chart.count }];
  const byValueCard = (title: string, query: typeof bySource) => (
    <ReportCard
      title={title}
      report={query}
      summary={(data: ByValue) =>
        t('sales.reports.leadsTotal', { number: format.number(sum(data.data.map((r) => r.count))) })
      }
      chart={(data) => (
        <CategoryBarChart
          horizontal
          rows={data.data.map((r) => ({ label: label(r.label), count: r.count }))}
          series={countSeries}
        />
      )}
    />
  );

  return (
    <ChartsLocalizationProvider localeText={{ loading: t('common.loading'), noData: t('sales.reports.noData') }}>
      <PageHeader title={t('sales.reports.title')} />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3 }}>
        <ReportPeriodPicker value={period} onChange={setPeriod} />
        {!valid && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {t('sales.reports.badRange')}
          </Alert>
        )}
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
          <ReportCard
            title={t('sales.reports.newLeads')}
            report={newLeads}
            summary={(data) =>
              t('sales.reports.leadsTotal', { number: format.number(sum(data.data.map((r) => r.count))) })
            }
            chart={(data) => (
              <CategoryBarChart
                rows={data.data.map((r) => ({ label: label(r.label), count: r.count }))}
                series={countSeries}
              />
            )}
          />
          {byValueCard(t('sales.reports.bySource'), bySource)}
          {byValueCard(t('sales.reports.byStatus'), byStatus)}
          <ReportCard
            title={t('sales.reports.conversion')}
            report={conversion}
            summary={(data) =>
              t('sales.reports.conversionTotal', {
                converted: format.number(data.totals.converted),
                leads: format.number(data.totals.leads),
                rate: chart.rate(data.totals.rate),
              })
            }
            chart={(data) => <ConversionRateChart report={data} />}
          />
          <ReportCard
            title={t('sales.reports.conversionByOwner')}
            report={byOwner}
            summary={(data) => t('sales.reports.owners', { number: format.number(data.data.length) })}
            chart={(data) => (
              <CategoryBarChart
                horizontal
                valueAxis={chart.rate}
                rows={data.data.map((r) => ({
                  label: owners?.get(r.ownerId ?? r.ownerGroupId ?? '') ?? t('sales.reports.noOwner'),
                  rate: r.rate,
                }))}
                series={[{ key: 'rate', label: t('sales.reports.rate'), format: chart.rate }]}
              />
            )}
          />
          <ReportCard
            title={t('sales.reports.pipeline')}
            report={pipeline}
            summary={(data) =>
              t('sales.reports.pipelineTotal', {
                amount: format.amount(data.totals.amount),
                forecast: format.amount(data.totals.weightedAmount),
              })
            }
            chart={(data) => (
              <CategoryBarChart
                horizontal
                rows={data.stages.map((s) => ({
                  label: s.label ? label(s.label) : (s.stage ?? t('sales.board.noStage')),
                  amount: s.amount,
                  weightedAmount: s.weightedAmount,
                }))}
                series={[
                  { key: 'amount', label: t('sales.reports.amount'), format: chart.amount },
                  { key: 'weightedAmount', label: t('sales.reports.forecast'), format: chart.amount },
                ]}
              />
            )}
          />
          <ReportCard
            title={t('sales.reports.won')}
            report={won}
            summary={(data) =>
              t('sales.reports.wonTotal', {
                number: format.number(sum(data.data.map((r) => r.count))),
                amount: format.amount(sum(data.data.map((r) => r.amount))),
              })
            }
            chart={(data) => (
              <CategoryBarChart
                rows={data.data.map((r) => ({ label: label(r.label), amount: r.amount }))}
                series={[{ key: 'amount', label: t('sales.reports.amount'), format: chart.amount }]}
              />
            )}
          />
        </Box>
      </Box>
    </ChartsLocalizationProvider>
  );
}
