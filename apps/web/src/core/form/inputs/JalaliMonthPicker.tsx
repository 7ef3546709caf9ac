import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { jalaliMonthNames, tehranDateOf, toJalaliParts } from '@peyvand/shared/persian';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../locale/LocaleProvider';

export interface JalaliMonth {
  year: number;
  /** 1 = Farvardin. */
  month: number;
}

/** The Jalali month holding today in Tehran. */
export const thisJalaliMonth = (): JalaliMonth => {
  const { year, month } = toJalaliParts(tehranDateOf(new Date()));
  return { year, month };
};

/** The month `count` months after `from` (before it when negative). */
export function shiftMonth(from: JalaliMonth, count: number): JalaliMonth {
  const index = from.year * 12 + from.month - 1 + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

interface Props {
  label: string;
  value: JalaliMonth | null;
  onChange(value: JalaliMonth | null): void;
  /** Offers «any month», which clears the value. */
  clearable?: boolean;
  /** Years offered around this one. */
  yearsBack?: number;
  yearsAhead?: number;
}

/**
 * A Jalali month as two selects, year then month: reports and filters by month speak the
 * Persian calendar whatever calendar the user reads dates in.
 */
export function JalaliMonthPicker({ label, value, onChange, clearable, yearsBack = 5, yearsAhead = 2 }: Props) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const now = thisJalaliMonth();
  const years = Array.from({ length: yearsBack + yearsAhead + 1 }, (_, i) => now.year - yearsBack + i);
  const names = jalaliMonthNames[format.language];
  const any = clearable ? (
    <MenuItem value="">
      <em>{t('sales.anyMonth')}</em>
    </MenuItem>
  ) : null;
  return (
    <Stack direction="row" spacing={1} role="group" aria-label={label} alignItems="center">
      <Typography variant="body2" color="text.secondary" aria-hidden>
        {label}
      </Typography>
      <TextField
        select
        size="small"
        label={t('sales.year')}
        value={value ? String(value.year) : ''}
        onChange={(e) => onChange(e.target.value ? { year: Number(e.target.value), month: value?.month ?? 1 } : null)}
        sx={{ minWidth: 110 }}
      >
        {any}
        {years.map((year) => (
          <MenuItem key={year} value={String(year)}>
            {format.digits(year)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('sales.month')}
        value={value ? String(value.month) : ''}
        onChange={(e) =>
          onChange(e.target.value ? { year: value?.year ?? now.year, month: Number(e.target.value) } : null)
        }
        sx={{ minWidth: 130 }}
      >
        {any}
        {names.map((name, i) => (
          <MenuItem key={name} value={String(i + 1)}>
            {name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
