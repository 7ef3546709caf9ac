import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { JalaliMonthPicker } from '../core/form/inputs/JalaliMonthPicker';
import type { PeriodKind, ReportPeriod } from './salesReportsApi';

/** From which Jalali month to which, by month or by week. */
export function ReportPeriodPicker({ value, onChange }: { value: ReportPeriod; onChange(next: ReportPeriod): void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center">
      <JalaliMonthPicker
        label={t('sales.reports.from')}
        value={value.from}
        onChange={(from) => from && onChange({ ...value, from })}
      />
      <JalaliMonthPicker
        label={t('sales.reports.to')}
        value={value.to}
        onChange={(to) => to && onChange({ ...value, to })}
      />
      <TextField
        select
        size="small"
        label={t('sales.reports.grain')}
        value={value.kind}
        onChange={(e) => onChange({ ...value, kind: e.target.value as PeriodKind })}
        sx={{ width: 140 }}
      >
        <MenuItem value="month">{t('sales.reports.byMonth')}</MenuItem>
        <MenuItem value="week">{t('sales.reports.byWeek')}</MenuItem>
      </TextField>
    </Stack>
  );
}
