import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

/** The kind of a row in a list (mobile/work/home, instagram/telegram…), labelled from the resources. */
export function KindSelect({
  group,
  kinds,
  value,
  onChange,
  label,
}: {
  group: 'phone' | 'email' | 'social' | 'address';
  kinds: readonly string[];
  value: string;
  onChange(kind: string): void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ width: { xs: 120, sm: 150 }, flexShrink: 0 }}
    >
      {kinds.map((kind) => (
        <MenuItem key={kind} value={kind}>
          {t(`kinds.${group}.${kind}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
