import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../locale/LocaleProvider';
import { type Address, formatAddress } from '../../display/address';
import { AddressFields } from './AddressFields';
import type { InputProps } from './types';

export interface AddressMirror {
  /** The address this one can copy, e.g. the billing address for the shipping one. */
  sourceLabel: string;
  source: Address | null;
  on: boolean;
  onToggle(on: boolean): void;
}

const emptyAddress = (kind: string): Address => ({ kind });

/** One address field (an organization's billing or shipping address), optionally "same as" another. */
export function AddressInput(props: InputProps<Address | null> & { mirror?: AddressMirror }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const { field, label, value, onChange, errors, disabled, mirror } = props;
  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <FormLabel component="legend" sx={{ fontSize: 14, mb: 1 }}>
        {label}
      </FormLabel>
      {mirror && (
        <FormControlLabel
          control={
            <Switch checked={mirror.on} onChange={(e) => mirror.onToggle(e.target.checked)} disabled={disabled} />
          }
          label={t('form.sameAs', { label: mirror.sourceLabel })}
        />
      )}
      {mirror?.on ? (
        <Typography variant="body2" color="text.secondary">
          {mirror.source ? formatAddress(mirror.source, format) : '—'}
        </Typography>
      ) : (
        <AddressFields
          value={value ?? emptyAddress(field.name.toLowerCase().includes('shipping') ? 'shipping' : 'main')}
          onChange={onChange}
          path={field.filterPath}
          errors={errors}
          disabled={disabled}
        />
      )}
    </Stack>
  );
}
