import { type SimpleRecurrence, WEEKDAYS, type Weekday, parseSimpleRecurrence } from '@peyvand/shared/activities';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/LocaleProvider';

// 6 January 2024 was a Saturday: the Persian week's first day, as WEEKDAYS starts.
const SATURDAY = Date.UTC(2024, 0, 6);

/** A weekday's name in the interface's language, long («دوشنبه») or narrow («د»). */
export function useWeekdayName() {
  const { format } = useLocale();
  const locale = format.language === 'fa' ? 'fa-IR' : 'en-GB';
  const names = {
    long: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
    narrow: new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }),
  };
  return (day: Weekday, width: 'long' | 'narrow' = 'long') =>
    names[width].format(SATURDAY + WEEKDAYS.indexOf(day) * 86_400_000);
}

/**
 * An activity's series in words: «هر ۲ هفته، شنبه و دوشنبه، تا ۱۴۰۵/۱۰/۳۰». A rule beyond what
 * the form sets up is shown as written.
 */
export function useRecurrenceText() {
  const { t } = useTranslation();
  const { format } = useLocale();
  const weekdayName = useWeekdayName();
  const list = new Intl.ListFormat(format.language === 'fa' ? 'fa-IR' : 'en-GB', { type: 'conjunction' });
  const describe = (series: SimpleRecurrence) => {
    const unit = t(`recurrence.unit.${series.frequency}`, { count: series.interval });
    const parts = [
      series.interval === 1
        ? t('recurrence.every', { unit })
        : t('recurrence.everyN', { n: format.number(series.interval), unit }),
    ];
    if (series.weekdays.length > 0) parts.push(list.format(series.weekdays.map((day) => weekdayName(day))));
    if (series.end.kind === 'on') parts.push(t('recurrence.untilDate', { date: format.date(series.end.date) }));
    if (series.end.kind === 'after') parts.push(t('recurrence.times', { n: format.number(series.end.count) }));
    return parts.join(format.language === 'fa' ? '، ' : ', ');
  };
  return (rule: string) => {
    const series = parseSimpleRecurrence(rule);
    return series ? describe(series) : rule;
  };
}

/** An activity's series in words; its own component, so only recurrence values pay for the formatters. */
export function RecurrenceText({ rule }: { rule: string }) {
  return <>{useRecurrenceText()(rule)}</>;
}
