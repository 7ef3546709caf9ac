import TextField from '@mui/material/TextField';
import type { FieldType } from '@peyvand/shared';
import { type InputProps, errorOf } from './types';

// Codes, numbers and addresses of the Latin world read left to right even in a Persian form.
const LEFT_TO_RIGHT: ReadonlySet<FieldType> = new Set([
  'email',
  'url',
  'phone',
  'nationalCode',
  'legalNationalId',
  'economicCode',
  'postalCode',
  'password',
]);

const INPUT_MODES: Partial<Record<FieldType, 'email' | 'url' | 'tel' | 'numeric'>> = {
  email: 'email',
  url: 'url',
  phone: 'tel',
  nationalCode: 'numeric',
  legalNationalId: 'numeric',
  economicCode: 'numeric',
  postalCode: 'numeric',
};

/** Text, long text and every value typed as text: e-mail, URL, a phone, Iranian codes (any digits). */
export function TextInput(props: InputProps<string>) {
  const { field, label, value, onChange, autoFocus, disabled } = props;
  const error = errorOf(props);
  const multiline = field.type === 'longText';
  return (
    <TextField
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      required={field.required}
      autoFocus={autoFocus}
      disabled={disabled}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      type={field.type === 'password' ? 'password' : 'text'}
      autoComplete={field.type === 'password' ? 'new-password' : 'off'}
      slotProps={{
        htmlInput: {
          dir: LEFT_TO_RIGHT.has(field.type) ? 'ltr' : undefined,
          inputMode: INPUT_MODES[field.type],
          maxLength: field.maxLength,
          name: field.filterPath,
        },
      }}
    />
  );
}
