import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { useState } from 'react';
import { dateOfIso, isoDateOf } from './isoDate';
import { PickerLocalization } from './PickerLocalization';
import { type InputProps, errorOf } from './types';

const valid = (date: Date | null): date is Date => date !== null && !Number.isNaN(date.getTime());

/**
 * A date in the user's calendar (Jalali by default; the pickers' adapter follows the user's
 * choice), stored as an ISO date, or an instant for date-time fields. Digits can be typed in
 * any script.
 */
export function DateInput(props: InputProps<string | null>) {
  const { field, label, value, onChange, autoFocus, disabled } = props;
  const error = errorOf(props);
  const withTime = field.type === 'datetime';
  const toDate = (iso: string | null) => (iso ? (withTime ? new Date(iso) : dateOfIso(iso)) : null);
  const toIso = (date: Date | null) => (valid(date) ? (withTime ? date.toISOString() : isoDateOf(date)) : null);

  // The picker keeps a half-typed date as an invalid Date; the form sees null until it is whole.
  const [draft, setDraft] = useState(() => toDate(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== toIso(draft)) setDraft(toDate(value));
  }
  const change = (date: Date | null) => {
    setDraft(date);
    onChange(toIso(date));
  };
  const slotProps = {
    textField: {
      error: Boolean(error),
      helperText: error,
      required: field.required,
      name: field.filterPath,
      autoFocus,
      fullWidth: true,
    },
    field: { clearable: true },
  };
  return (
    <PickerLocalization>
      {withTime ? (
        <DateTimePicker
          label={label}
          value={draft}
          onChange={change}
          disabled={disabled}
          ampm={false}
          slotProps={slotProps}
        />
      ) : (
        <DatePicker label={label} value={draft} onChange={change} disabled={disabled} slotProps={slotProps} />
      )}
    </PickerLocalization>
  );
}
