import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ADDRESS_PARTS, type Address } from '../../display/address';

const WIDE = new Set(['street']);
const LEFT_TO_RIGHT = new Set(['postalCode', 'poBox']);

/** The parts of one address; errors are looked up as `<path>.<part>`. */
export function AddressFields({
  value,
  onChange,
  path,
  errors,
  disabled,
}: {
  value: Address;
  onChange(address: Address): void;
  path: string;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      {ADDRESS_PARTS.map((part) => (
        <TextField
          key={part}
          label={t(`subFields.${part}`)}
          value={value[part] ?? ''}
          onChange={(e) => onChange({ ...value, [part]: e.target.value })}
          error={Boolean(errors[`${path}.${part}`])}
          helperText={errors[`${path}.${part}`]}
          disabled={disabled}
          multiline={WIDE.has(part)}
          sx={WIDE.has(part) ? { gridColumn: '1 / -1' } : undefined}
          slotProps={{
            htmlInput: {
              name: `${path}.${part}`,
              dir: LEFT_TO_RIGHT.has(part) ? 'ltr' : undefined,
              inputMode: LEFT_TO_RIGHT.has(part) ? 'numeric' : undefined,
            },
          }}
        />
      ))}
    </Box>
  );
}
