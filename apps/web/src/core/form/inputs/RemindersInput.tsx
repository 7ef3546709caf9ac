import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { REMINDER_CHANNELS } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../locale/LocaleProvider';
import { ListEditor } from './ListEditor';
import { type InputProps, errorPropsOf, listEditorPropsOf } from './types';

/** What the form holds for a reminder: the minutes as typed, in any digits. */
export interface ReminderRow {
  minutesBefore: string;
  channels: string[];
}

/** When to be reminded before an activity, and how (in the app, by e-mail). */
export function RemindersInput(props: InputProps<ReminderRow[]>) {
  const { t } = useTranslation();
  const { format } = useLocale();
  return (
    <ListEditor
      {...listEditorPropsOf(props)}
      newItem={() => ({ minutesBefore: format.digits(15), channels: ['inApp'] })}
      renderItem={(row, update, i) => (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <TextField
            label={t('form.minutesBefore')}
            value={row.minutesBefore}
            onChange={(e) => update({ ...row, minutesBefore: e.target.value })}
            {...errorPropsOf(props, `.${i}.minutesBefore`)}
            sx={{ width: { sm: 160 }, flexShrink: 0 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', dir: 'ltr' } }}
          />
          <Autocomplete
            multiple
            fullWidth
            options={REMINDER_CHANNELS}
            value={row.channels}
            onChange={(_, channels) => update({ ...row, channels: [...channels] })}
            getOptionLabel={(channel) => t(`kinds.reminder.${channel}`)}
            renderInput={(params) => (
              <TextField {...params} label={t('form.channels')} {...errorPropsOf(props, `.${i}.channels`)} />
            )}
          />
        </Stack>
      )}
    />
  );
}
