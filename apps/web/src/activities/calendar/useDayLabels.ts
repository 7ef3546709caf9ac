import { isoDateOf } from '../../core/form/inputs/isoDate';
import { useLocale } from '../../locale/LocaleProvider';

/** Names of days as the columns and cells show them: «دوشنبه» and «۱۴۰۵/۰۹/۰۳». */
export function useDayLabels() {
  const { format } = useLocale();
  const weekday = new Intl.DateTimeFormat(format.language === 'fa' ? 'fa-IR' : 'en-GB', { weekday: 'long' });
  return {
    weekday: (day: Date) => weekday.format(day),
    date: (day: Date) => format.date(isoDateOf(day)),
    full: (day: Date) => `${weekday.format(day)} ${format.date(isoDateOf(day))}`,
    time: (minutes: number) =>
      format.digits(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`),
  };
}
