import { formatJalaliDate, tehranClockTime, tehranDateOf, toPersianDigits } from '@peyvand/shared';

export interface TehranDateTime {
  /** «۱۴۰۹/۰۳/۱۲» */
  jalaliDate: string;
  /** «2030-06-02» */
  gregorianDate: string;
  /** «11:00», Latin digits; Persian text passes it through toPersianDigits. */
  time: string;
}

/** When an activity happens as people in Iran read it: Tehran's date and time. */
export function tehranDateTime(instant: Date): TehranDateTime {
  const gregorianDate = tehranDateOf(instant);
  return {
    jalaliDate: formatJalaliDate(gregorianDate, { persianDigits: true }),
    gregorianDate,
    time: tehranClockTime(instant),
  };
}

/** «۱۴۰۹/۰۳/۱۲ ساعت ۱۱:۰۰» */
export function persianDateTime(instant: Date): string {
  const { jalaliDate, time } = tehranDateTime(instant);
  return `${jalaliDate} ساعت ${toPersianDigits(time)}`;
}
