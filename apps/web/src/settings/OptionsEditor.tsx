import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import type { PicklistOption } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';
import { ListEditor } from '../core/form/inputs/ListEditor';
import { LabelFields } from './LabelFields';

/**
 * A picklist's values with their Persian and English labels. An option in use is hidden
 * rather than removed, so old records keep a readable value.
 */
export function OptionsEditor({
  options,
  onChange,
}: {
  options: PicklistOption[];
  onChange(options: PicklistOption[]): void;
}) {
  const { t } = useTranslation();
  return (
    <ListEditor<PicklistOption>
      label={t('fieldManager.options')}
      items={options}
      onChange={onChange}
      newItem={() => ({ value: '', label: { fa: '', en: '' } })}
      renderItem={(option, update) => (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }}>
          <LabelFields value={option.label} onChange={(label) => update({ ...option, label })} />
          {option.value && (
            <FormControlLabel
              control={
                <Switch
                  size="small"
                  checked={!option.hidden}
                  onChange={(e) => update({ ...option, hidden: !e.target.checked })}
                />
              }
              label={t('fieldManager.visible')}
            />
          )}
        </Stack>
      )}
    />
  );
}
