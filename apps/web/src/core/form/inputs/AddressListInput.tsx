import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { ADDRESS_KINDS } from '@peyvand/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_PARTS, type Address } from '../../display/address';
import { AddressFields } from './AddressFields';
import { KindSelect } from './KindSelect';
import { ListEditor } from './ListEditor';
import type { InputProps } from './types';

const sameParts = (a: Address, b: Address) => ADDRESS_PARTS.every((p) => (a[p] ?? '') === (b[p] ?? ''));

/**
 * A contact's addresses. "Shipping same as main" keeps a shipping copy of the main address
 * in step with it, the way seed 003's customer form has it.
 */
export function AddressListInput(props: InputProps<Address[]>) {
  const { t } = useTranslation();
  const { field, label, value, onChange, errors, disabled } = props;
  const [same, setSame] = useState(() => {
    const main = value.find((a) => a.kind === 'main');
    const shipping = value.find((a) => a.kind === 'shipping');
    return Boolean(main && shipping && sameParts(main, shipping));
  });
  const shown = same ? value.filter((a) => a.kind !== 'shipping') : value;
  const emit = (rows: Address[], keepSame = same) => {
    const main = rows.find((a) => a.kind === 'main');
    onChange(keepSame && main ? [...rows.filter((a) => a.kind !== 'shipping'), { ...main, kind: 'shipping' }] : rows);
  };
  const hasMain = shown.some((a) => a.kind === 'main');
  return (
    <ListEditor
      label={label}
      items={shown}
      onChange={(rows) => emit(rows)}
      disabled={disabled}
      newItem={() => ({ kind: shown.some((a) => a.kind === 'main') ? 'shipping' : 'main' })}
      renderItem={(address, update, i) => (
        <Stack spacing={1.5} sx={{ pb: 1, borderBottom: 1, borderColor: 'divider' }}>
          <KindSelect
            group="address"
            kinds={ADDRESS_KINDS}
            label={t('form.kind')}
            value={address.kind}
            onChange={(kind) => update({ ...address, kind })}
          />
          <AddressFields
            value={address}
            onChange={update}
            path={`${field.filterPath}.${value.indexOf(address) === -1 ? i : value.indexOf(address)}`}
            errors={errors}
            disabled={disabled}
          />
        </Stack>
      )}
      footer={
        hasMain && (
          <FormControlLabel
            sx={{ display: 'flex', mt: 1 }}
            control={
              <Switch
                checked={same}
                onChange={(e) => {
                  setSame(e.target.checked);
                  // Turning it off leaves the copy in place, as a shipping address to edit.
                  if (e.target.checked) emit(shown, true);
                }}
                disabled={disabled}
              />
            }
            label={t('form.shippingSameAsMain')}
          />
        )
      }
    />
  );
}
