import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../locale/LocaleProvider';
import type { Conversion, Periodic } from './salesReportsApi';
import { useChartFormat } from './useChartFormat';

/** Lead → opportunity conversion rate per period, as a line from 0 to 100%. */
export function ConversionRateChart({ report }: { report: Periodic<Conversion> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const chart = useChartFormat();
  return (
    <LineChart
      dataset={report.data.map((row) => ({ label: label(row.label), rate: row.rate }))}
      xAxis={[{ scaleType: 'point', dataKey: 'label', valueFormatter: chart.text, height: 40, reverse: chart.rtl }]}
      yAxis={[{ min: 0, max: 1, valueFormatter: chart.rate, width: 64, position: chart.rtl ? 'right' : 'left' }]}
      series={[{ dataKey: 'rate', label: t('sales.reports.rate'), valueFormatter: chart.rate, area: true }]}
      hideLegend
      height={280}
    />
  );
}
