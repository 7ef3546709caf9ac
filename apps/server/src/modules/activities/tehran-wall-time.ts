import { TZDate } from '@date-fns/tz';
import { TEHRAN_TIME_ZONE } from '@peyvand/shared';

/**
 * The instant's Tehran wall-clock reading, carried in a Date's UTC fields ("floating" time).
 * rrule expands in UTC fields, so a series expanded on these lands on Tehran's weekdays and
 * days of the month, and @date-fns/tz applies the offset in force on each date (Iran kept
 * daylight saving until 2022).
 */
export function toTehranWallTime(instant: Date): Date {
  const t = new TZDate(instant.getTime(), TEHRAN_TIME_ZONE);
  return new Date(
    Date.UTC(
      t.getFullYear(),
      t.getMonth(),
      t.getDate(),
      t.getHours(),
      t.getMinutes(),
      t.getSeconds(),
      t.getMilliseconds(),
    ),
  );
}

/** The instant at which Tehran's clocks read this floating wall time. */
export function fromTehranWallTime(wall: Date): Date {
  const t = new TZDate(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
    TEHRAN_TIME_ZONE,
  );
  return new Date(t.getTime());
}

/** The instants at which the Tehran day holding `instant` begins and ends. */
export function tehranDayOf(instant: Date): { start: Date; end: Date } {
  const wall = toTehranWallTime(instant);
  const midnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return {
    start: fromTehranWallTime(new Date(midnight)),
    end: fromTehranWallTime(new Date(midnight + 86_400_000)),
  };
}
