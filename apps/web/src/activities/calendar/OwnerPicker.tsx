import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import MenuItem from '@mui/material/MenuItem';
import { useTranslation } from 'react-i18next';
import { ReferencePicker } from '../../core/form/inputs/ReferenceInput';
import type { CalendarOwner } from './calendarApi';

/** Whose calendar: mine, or a colleague's or a team's picked by name. */
export function OwnerPicker({ owner, onChange }: { owner: CalendarOwner; onChange(owner: CalendarOwner): void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ minWidth: 0 }}>
      <TextField
        select
        size="small"
        label={t('activities.calendar.whose')}
        value={owner.kind}
        onChange={(e) =>
          onChange(e.target.value === 'me' ? { kind: 'me' } : { kind: e.target.value as 'user' | 'group', id: null })
        }
        sx={{ width: 170 }}
      >
        <MenuItem value="me">{t('activities.calendar.mine')}</MenuItem>
        <MenuItem value="user">{t('activities.calendar.ofUser')}</MenuItem>
        <MenuItem value="group">{t('activities.calendar.ofGroup')}</MenuItem>
      </TextField>
      {owner.kind !== 'me' && (
        <Stack sx={{ width: 240 }}>
          <ReferencePicker
            key={owner.kind}
            target={owner.kind === 'user' ? 'users' : 'groups'}
            label={t(owner.kind === 'user' ? 'activities.calendar.user' : 'activities.calendar.group')}
            value={owner.id}
            onChange={(id) => onChange({ kind: owner.kind, id })}
          />
        </Stack>
      )}
    </Stack>
  );
}
