import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { type InputProps, errorOf } from './types';

/** Tags are created inline: type one and press Enter to add it. */
export function TagsInput(props: InputProps<string[]>) {
  const { t } = useTranslation();
  const { field, value, onChange, autoFocus, disabled } = props;
  const error = errorOf(props);
  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      options={[]}
      value={value ?? []}
      onChange={(_, next) => onChange([...new Set(next.map((tag) => tag.trim()).filter(Boolean))])}
      disabled={disabled}
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(error)}
          helperText={error ?? t('form.tagsHint')}
          autoFocus={autoFocus}
          slotProps={{ htmlInput: { ...params.inputProps, name: field.filterPath } }}
        />
      )}
    />
  );
}
