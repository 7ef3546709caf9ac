import ListIcon from '@mui/icons-material/ListAlt';
import PeopleIcon from '@mui/icons-material/PeopleOutline';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SavedList } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';

const ALL = '';

/** The list header's choice of custom list: all records, or one of mine or the shared ones. */
export function SavedListPicker({
  lists,
  value,
  onChange,
}: {
  lists: SavedList[];
  value: string | null;
  onChange(list: SavedList | null): void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('savedLists.label')}
      value={value ?? ALL}
      onChange={(e) => onChange(lists.find((l) => l.id === e.target.value) ?? null)}
      sx={{ minWidth: 200, maxWidth: 320 }}
      fullWidth={false}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value={ALL}>{t('savedLists.all')}</MenuItem>
      {lists.map((list) => (
        <MenuItem key={list.id} value={list.id}>
          <ListItemIcon sx={{ minWidth: 32 }}>
            {list.shared ? <PeopleIcon fontSize="small" /> : <ListIcon fontSize="small" />}
          </ListItemIcon>
          <ListItemText
            primary={list.name}
            secondary={list.shared ? t('savedLists.shared') : undefined}
            sx={{ m: 0 }}
          />
        </MenuItem>
      ))}
    </TextField>
  );
}
