import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import type { InputProps } from './types';

export function BooleanInput({ field, label, value, onChange, disabled, autoFocus }: InputProps<boolean>) {
  return (
    <FormControlLabel
      control={
        <Switch
          checked={Boolean(value)}
          onChange={(e) => onChange(e.target.checked)}
          disabled={disabled}
          autoFocus={autoFocus}
          slotProps={{ input: { name: field.filterPath } }}
        />
      }
      label={label}
    />
  );
}
