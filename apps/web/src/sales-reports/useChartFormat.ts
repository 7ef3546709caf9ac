import { useMemo } from 'react';
import { useLocale } from '../locale/LocaleProvider';

/** How figures read on axes (short: «۵۰۰ میلیون») and in tooltips (in full), in the interface's digits. */
export function useChartFormat() {
  const { format, direction } = useLocale();
  return useMemo(() => {
    const compact = new Intl.NumberFormat(format.language === 'fa' ? 'fa-IR' : 'en-US', {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    return {
      count: (value: number | null) => (value === null ? '' : format.number(value)),
      axis: (value: number | null) => (value === null ? '' : compact.format(value)),
      amount: (value: number | null) => (value === null ? '' : format.amount(value)),
      rate: (value: number | null) => (value === null ? '' : format.percent(Math.round(value * 1000) / 10)),
      /** Labels from the server (periods, options) with the interface's digits. */
      text: (value: string) => format.digits(value),
      /** Right to left, time and values run leftwards from the value axis on the right. */
      rtl: direction === 'rtl',
    };
  }, [format, direction]);
}
