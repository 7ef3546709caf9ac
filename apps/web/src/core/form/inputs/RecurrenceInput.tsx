import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  REPEAT_FREQUENCIES,
  type RepeatEnd,
  type RepeatFrequency,
  type SimpleRecurrence,
  WEEKDAYS,
  type Weekday,
  parseSimpleRecurrence,
  toRrule,
} from '@peyvand/shared/activities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../locale/LocaleProvider';
import { useWeekdayName } from '../../display/recurrenceText';
import { DateInput } from './DateInput';
import { type InputProps, errorOf } from './types';
import { wholeNumberOf } from './wholeNumber';

type Mode = 'none' | RepeatFrequency | 'custom';

/**
 * How an activity repeats, set up as people say it — every two weeks on Saturday and Monday,
 * until 30 Dey — and stored as the RRULE calendars read. A rule the choices cannot express
 * (typed through the API, or by someone who knows RRULE) is edited as text.
 */
export function RecurrenceInput(props: InputProps<string>) {
  const { field, label, value, onChange, disabled } = props;
  const { t } = useTranslation();
  const rule = value ?? '';
  const series = rule ? parseSimpleRecurrence(rule) : undefined;
  const [typingRule, setTypingRule] = useState(false);
  const mode: Mode = !rule && !typingRule ? 'none' : series && !typingRule ? series.frequency : 'custom';
  const error = errorOf(props);
  const change = (next: SimpleRecurrence) => onChange(toRrule(next));

  const choose = (next: Mode) => {
    setTypingRule(next === 'custom');
    if (next === 'none') onChange('');
    else if (next !== 'custom')
      change({ frequency: next, interval: 1, weekdays: [], end: { kind: 'never' }, ...keptFrom(series) });
  };

  return (
    <Stack spacing={1.5}>
      <TextField
        select
        label={label}
        value={mode}
        onChange={(e) => choose(e.target.value as Mode)}
        disabled={disabled}
        error={Boolean(error) && mode !== 'custom'}
        helperText={mode !== 'custom' ? error : undefined}
      >
        <MenuItem value="none">{t('recurrence.none')}</MenuItem>
        {REPEAT_FREQUENCIES.map((frequency) => (
          <MenuItem key={frequency} value={frequency}>
            {t(`recurrence.frequency.${frequency}`)}
          </MenuItem>
        ))}
        <MenuItem value="custom">{t('recurrence.custom')}</MenuItem>
      </TextField>
      {mode === 'custom' && (
        <TextField
          label={t('recurrence.rule')}
          value={rule}
          onChange={(e) => onChange(e.target.value)}
          error={Boolean(error)}
          helperText={error ?? t('recurrence.ruleHint')}
          disabled={disabled}
          slotProps={{ htmlInput: { dir: 'ltr', spellCheck: false, name: field.filterPath } }}
        />
      )}
      {series && mode !== 'none' && mode !== 'custom' && (
        <SeriesFields field={field} series={series} onChange={change} disabled={disabled} errors={props.errors} />
      )}
    </Stack>
  );
}

/** What a change of frequency keeps: the interval and the end; weekdays mean something only weekly. */
function keptFrom(series: SimpleRecurrence | undefined): Partial<SimpleRecurrence> {
  return series ? { interval: series.interval, end: series.end } : {};
}

function SeriesFields({
  field,
  series,
  onChange,
  disabled,
  errors,
}: {
  field: InputProps['field'];
  series: SimpleRecurrence;
  onChange(series: SimpleRecurrence): void;
  disabled?: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  const endKind = series.end.kind;
  const setEnd = (end: RepeatEnd) => onChange({ ...series, end });
  return (
    <>
      <WholeNumberField
        label={t('recurrence.interval', { unit: t(`recurrence.unit.${series.frequency}`, { count: 2 }) })}
        value={series.interval}
        onChange={(interval) => onChange({ ...series, interval })}
        disabled={disabled}
      />
      {series.frequency === 'weekly' && (
        <div>
          <ToggleButtonGroup
            size="small"
            value={series.weekdays}
            onChange={(_, weekdays: Weekday[]) => onChange({ ...series, weekdays })}
            aria-label={t('recurrence.weekdays')}
            disabled={disabled}
          >
            {WEEKDAYS.map((day) => (
              <ToggleButton key={day} value={day} aria-label={weekdayName(day)} sx={{ minWidth: 40 }}>
                {weekdayName(day, 'narrow')}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {series.weekdays.length === 0 && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
              {t('recurrence.startWeekday')}
            </Typography>
          )}
        </div>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <TextField
          select
          label={t('recurrence.ends')}
          value={endKind}
          onChange={(e) => setEnd(defaultEnd(e.target.value as RepeatEnd['kind']))}
          disabled={disabled}
          sx={{ minWidth: 160 }}
        >
          {(['never', 'on', 'after'] as const).map((kind) => (
            <MenuItem key={kind} value={kind}>
              {t(`recurrence.end.${kind}`)}
            </MenuItem>
          ))}
        </TextField>
        {series.end.kind === 'on' && (
          <DateInput
            // The end day is a plain date of this field's own: a date input's name and errors.
            field={{ ...field, type: 'date', required: true, filterPath: `${field.filterPath}.until` }}
            label={t('recurrence.untilLabel')}
            value={series.end.date}
            onChange={(date) => date && setEnd({ kind: 'on', date })}
            errors={errors}
            disabled={disabled}
          />
        )}
        {series.end.kind === 'after' && (
          <WholeNumberField
            label={t('recurrence.count')}
            value={series.end.count}
            onChange={(count) => setEnd({ kind: 'after', count })}
            disabled={disabled}
          />
        )}
      </Stack>
    </>
  );
}

/** A new end starts somewhere sensible: ten times, or a month from today. */
function defaultEnd(kind: RepeatEnd['kind']): RepeatEnd {
  if (kind === 'after') return { kind, count: 10 };
  if (kind === 'on') return { kind, date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) };
  return { kind };
}

/**
 * A count from 1 up, typed in any digits. What is typed stays on screen while it is not yet a
 * count (a blank while retyping); the series keeps its last count, and leaving the box shows it.
 */
function WholeNumberField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: number;
  onChange(value: number): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const [typed, setTyped] = useState<string | null>(null);
  const invalid = typed !== null && countOf(typed) === undefined;
  return (
    <TextField
      label={label}
      value={typed ?? format.digits(value)}
      onChange={(e) => {
        setTyped(e.target.value);
        const count = countOf(e.target.value);
        if (count !== undefined) onChange(count);
      }}
      onBlur={() => setTyped(null)}
      error={invalid}
      helperText={invalid ? t('recurrence.wholeNumber') : undefined}
      disabled={disabled}
      sx={{ width: { sm: 200 } }}
      slotProps={{ htmlInput: { inputMode: 'numeric', dir: 'ltr' } }}
    />
  );
}

function countOf(typed: string): number | undefined {
  const count = wholeNumberOf(typed);
  return count !== undefined && count >= 1 && count <= 1000 ? count : undefined;
}
