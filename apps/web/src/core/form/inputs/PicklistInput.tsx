import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../locale/LocaleProvider';
import { type InputProps, errorOf } from './types';

/** One option; hidden options are offered only when the record already has them. */
export function PicklistInput(props: InputProps<string | null>) {
  const { t } = useTranslation();
  const label = useLabel();
  const { field, value, onChange, autoFocus, disabled } = props;
  const error = errorOf(props);
  const options = (field.options ?? []).filter((o) => !o.hidden || o.value === value);
  return (
    <TextField
      select
      label={props.label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
      error={Boolean(error)}
      helperText={error}
      required={field.required}
      autoFocus={autoFocus}
      disabled={disabled}
      slotProps={{ htmlInput: { name: field.filterPath } }}
    >
      <MenuItem value="">
        <em>{t('common.none')}</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {label(o.label)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Several options of a list. */
export function MultiPicklistInput(props: InputProps<string[]>) {
  const label = useLabel();
  const { field, value, onChange, autoFocus, disabled } = props;
  const error = errorOf(props);
  const options = (field.options ?? []).filter((o) => !o.hidden || value.includes(o.value)).map((o) => o.value);
  const optionLabel = (v: string) => {
    const option = field.options?.find((o) => o.value === v);
    return option ? label(option.label) : v;
  };
  return (
    <Autocomplete
      multiple
      options={options}
      value={value ?? []}
      onChange={(_, next) => onChange(next)}
      getOptionLabel={optionLabel}
      disabled={disabled}
      renderInput={(params) => (
        <TextField {...params} label={props.label} error={Boolean(error)} helperText={error} autoFocus={autoFocus} />
      )}
    />
  );
}
