import TextField from '@mui/material/TextField';
import type { Label } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';

/** A row's Persian and English label, side by side; the parent's layout places them. */
export function LabelFields({ value, onChange }: { value: Label; onChange(label: Label): void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('fieldManager.labelFa')}
        value={value.fa}
        onChange={(e) => onChange({ ...value, fa: e.target.value })}
      />
      <TextField
        label={t('fieldManager.labelEn')}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.target.value })}
        slotProps={{ htmlInput: { dir: 'ltr' } }}
      />
    </>
  );
}
