import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { parseLooseNumber } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../locale/LocaleProvider';
import { type InputProps, errorOf } from './types';

/**
 * Numbers, amounts and percentages typed with any digits and separators («۱٬۲۰۰٬۰۰۰»,
 * «1,200,000»); once the field is left, the number is shown back with separators.
 */
export function NumberInput(props: InputProps<string>) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const { field, label, value, onChange, autoFocus, disabled } = props;
  const error = errorOf(props);
  const unit = field.type === 'currency' ? t('units.rial') : field.type === 'percent' ? t('units.percent') : null;
  const tidy = () => {
    const parsed = parseLooseNumber(value);
    if (typeof parsed === 'number' && Number.isFinite(parsed)) onChange(format.number(parsed));
  };
  return (
    <TextField
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      onBlur={tidy}
      error={Boolean(error)}
      helperText={error}
      required={field.required}
      autoFocus={autoFocus}
      disabled={disabled}
      slotProps={{
        htmlInput: { inputMode: 'decimal', dir: 'ltr', name: field.filterPath },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
      }}
    />
  );
}
