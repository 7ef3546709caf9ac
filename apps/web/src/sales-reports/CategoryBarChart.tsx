import { BarChart } from '@mui/x-charts/BarChart';
import { useChartFormat } from './useChartFormat';

export interface BarSeries {
  key: string;
  label: string;
  /** How a value reads in the tooltip. */
  format(value: number | null): string;
}

interface Props {
  /** One row per bar group: its label on the category axis, and a number per series key. */
  rows: ({ label: string } & Record<string, number | string>)[];
  series: BarSeries[];
  /** Bars across (categories down the side) when their labels are long: sources, stages, people. */
  horizontal?: boolean;
  /** How values read on the value axis; short counts by default. */
  valueAxis?(value: number | null): string;
  height?: number;
}

/** Bars per category or period, each value in the interface's digits on the axis and in the tooltip. */
export function CategoryBarChart({ rows, series, horizontal, valueAxis, height = 280 }: Props) {
  const chart = useChartFormat();
  const band = { scaleType: 'band' as const, dataKey: 'label', valueFormatter: chart.text };
  const value = { valueFormatter: valueAxis ?? chart.axis, tickMinStep: 1 };
  return (
    <BarChart
      dataset={rows}
      layout={horizontal ? 'horizontal' : 'vertical'}
      // Persian text is measured taller than Latin; the default height would leave the labels out.
      xAxis={[{ ...(horizontal ? value : band), height: 40, reverse: chart.rtl }]}
      yAxis={[
        { ...(horizontal ? { ...band, width: 140 } : { ...value, width: 64 }), position: chart.rtl ? 'right' : 'left' },
      ]}
      series={series.map((s) => ({ dataKey: s.key, label: s.label, valueFormatter: s.format }))}
      hideLegend={series.length < 2}
      height={height}
    />
  );
}
